import { MigrationInterface, QueryRunner } from 'typeorm';

/** Payouts ledger, accountability and the target figures the bureau enters (DESIGN §5, POLICY.md §4). */
export class ReportReadModels1764300000000 implements MigrationInterface {
  name = 'ReportReadModels1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`CREATE TABLE ${s}.payout_entries (
      entry_id text NOT NULL,
      event_id text NOT NULL,
      global_seq bigint NOT NULL,
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      kind text NOT NULL,
      on_date date NOT NULL,
      month char(7) NOT NULL,
      amount_fen bigint NOT NULL,
      instalment_number integer,
      CONSTRAINT payout_entries_pkey PRIMARY KEY (entry_id))`);
    await q.query(`CREATE INDEX payout_entries_month_idx ON ${s}.payout_entries (month, programme, unit)`);
    await q.query(`CREATE INDEX payout_entries_on_date_idx ON ${s}.payout_entries (on_date)`);
    await q.query(`CREATE INDEX payout_entries_case_idx ON ${s}.payout_entries (case_id)`);
    await q.query(`CREATE TABLE ${s}.payout_cases (
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      instalments jsonb NOT NULL,
      version integer NOT NULL,
      CONSTRAINT payout_cases_pkey PRIMARY KEY (case_id))`);

    await q.query(`CREATE TABLE ${s}.accountability_cases (
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      state text NOT NULL,
      state_since timestamptz NOT NULL,
      open_step integer,
      step_count integer NOT NULL,
      received_at timestamptz NOT NULL,
      decision text,
      decided_at timestamptz,
      objections integer NOT NULL,
      memo jsonb NOT NULL,
      version integer NOT NULL,
      CONSTRAINT accountability_cases_pkey PRIMARY KEY (case_id))`);
    await q.query(`CREATE INDEX accountability_cases_unit_idx ON ${s}.accountability_cases (unit)`);
    await q.query(`CREATE TABLE ${s}.accountability_steps (
      case_id text NOT NULL,
      seq integer NOT NULL,
      step text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      holder_role text,
      holder_unit text,
      entered_at timestamptz NOT NULL,
      left_at timestamptz,
      left_on date,
      due_on date,
      working_days integer,
      CONSTRAINT accountability_steps_pkey PRIMARY KEY (case_id, seq))`);
    await q.query(`CREATE INDEX accountability_steps_left_idx ON ${s}.accountability_steps (left_on)`);
    await q.query(
      `CREATE INDEX accountability_steps_open_idx ON ${s}.accountability_steps (due_on) WHERE left_at IS NULL`,
    );
    await q.query(`CREATE TABLE ${s}.accountability_facts (
      fact_id text NOT NULL,
      kind text NOT NULL,
      on_date date NOT NULL,
      case_id text,
      household_id text,
      programme text,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      CONSTRAINT accountability_facts_pkey PRIMARY KEY (fact_id))`);
    await q.query(`CREATE INDEX accountability_facts_day_idx ON ${s}.accountability_facts (on_date, kind)`);
    await q.query(`CREATE TABLE ${s}.accountability_households (
      household_id text NOT NULL,
      street_office text NOT NULL,
      village text NOT NULL,
      status text NOT NULL,
      registered_on date NOT NULL,
      last_visit_on date,
      last_visit_next_due date,
      next_visit_due date NOT NULL,
      zero_employment boolean NOT NULL,
      open_risks integer NOT NULL,
      version integer NOT NULL,
      CONSTRAINT accountability_households_pkey PRIMARY KEY (household_id))`);
    await q.query(
      `CREATE INDEX accountability_households_office_idx ON ${s}.accountability_households (street_office)`,
    );

    await q.query(`CREATE TABLE ${s}.target_figures (
      id bigserial PRIMARY KEY,
      indicator text NOT NULL,
      period char(7) NOT NULL,
      unit text NOT NULL,
      value numeric(14,4) NOT NULL,
      note text,
      entered_by text NOT NULL,
      entered_role text NOT NULL,
      entered_unit text NOT NULL,
      entered_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX target_figures_key_idx ON ${s}.target_figures (indicator, period, unit)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    for (const table of [
      'target_figures',
      'accountability_households',
      'accountability_facts',
      'accountability_steps',
      'accountability_cases',
      'payout_cases',
      'payout_entries',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${s}.${table}`);
    }
  }
}
