import { MigrationInterface, QueryRunner } from 'typeorm';

/** Payouts ledger, accountability and the target figures the bureau enters (DESIGN §5, POLICY.md §4). */
export class ReportReadModels1764300000000 implements MigrationInterface {
  name = 'ReportReadModels1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    // The payouts ledger: one row per money movement a case event records, in integer fen. Planned entries
    // are the scheduled instalments (dated on their due day); the others are dated on the day of the event
    // (China time). Totals per programme, unit and month are sums over it.
    await q.query(`CREATE TABLE ${s}.payout_entries (
      entry_id text NOT NULL, -- the event id, or <event id>:<instalment number> for the instalments of a schedule
      event_id text NOT NULL,
      global_seq bigint NOT NULL,
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      kind text NOT NULL, -- planned | disbursed | failed | recovery_owed | repaid | written_off
      on_date date NOT NULL,
      month char(7) NOT NULL, -- YYYY-MM of on_date
      amount_fen bigint NOT NULL,
      instalment_number integer,
      CONSTRAINT payout_entries_pkey PRIMARY KEY (entry_id))`);
    await q.query(`CREATE INDEX payout_entries_month_idx ON ${s}.payout_entries (month, programme, unit)`);
    await q.query(`CREATE INDEX payout_entries_on_date_idx ON ${s}.payout_entries (on_date)`);
    await q.query(`CREATE INDEX payout_entries_case_idx ON ${s}.payout_entries (case_id)`);
    // What the ledger keeps per case between events: where it belongs and what each instalment is worth.
    await q.query(`CREATE TABLE ${s}.payout_cases (
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      instalments jsonb NOT NULL, -- instalment number -> amount in fen, from the latest schedule
      version integer NOT NULL,
      CONSTRAINT payout_cases_pkey PRIMARY KEY (case_id))`);

    // One row per case: where it stands, who it belongs to, how it was decided. Also the fold's memo.
    await q.query(`CREATE TABLE ${s}.accountability_cases (
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL, -- the unit that opened the case (a street office or the district bureau)
      lead_unit text NOT NULL, -- 牵头单位 of the programme (POLICY.md §3)
      state text NOT NULL,
      state_since timestamptz NOT NULL,
      open_step integer, -- number of the step the case is in now; null in a terminal state
      step_count integer NOT NULL,
      received_at timestamptz NOT NULL,
      decision text, -- approved | rejected, the latest decision; null while undecided
      decided_at timestamptz,
      objections integer NOT NULL,
      memo jsonb NOT NULL, -- due-date memo shared with the case queue (public notice end, open instalments, follow-ups)
      version integer NOT NULL,
      CONSTRAINT accountability_cases_pkey PRIMARY KEY (case_id))`);
    await q.query(`CREATE INDEX accountability_cases_unit_idx ON ${s}.accountability_cases (unit)`);
    // Each stay of a case in a step: who held it, when it was due, how many working days it took.
    await q.query(`CREATE TABLE ${s}.accountability_steps (
      case_id text NOT NULL,
      seq integer NOT NULL,
      step text NOT NULL, -- the case status during the step (e.g. accepted = waiting for the preliminary review)
      programme text NOT NULL,
      unit text NOT NULL,
      lead_unit text NOT NULL,
      holder_role text,
      holder_unit text,
      entered_at timestamptz NOT NULL,
      left_at timestamptz,
      left_on date,
      due_on date,
      working_days integer, -- from entering to leaving (China calendar); null while open
      CONSTRAINT accountability_steps_pkey PRIMARY KEY (case_id, seq))`);
    await q.query(`CREATE INDEX accountability_steps_left_idx ON ${s}.accountability_steps (left_on)`);
    await q.query(
      `CREATE INDEX accountability_steps_open_idx ON ${s}.accountability_steps (due_on) WHERE left_at IS NULL`,
    );
    // Countable happenings with their day: received, approved, rejected, objection, visit, risk_raised, ...
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
    // Follow-up of each monitored household by its street office: when the next visit is due.
    await q.query(`CREATE TABLE ${s}.accountability_households (
      household_id text NOT NULL,
      street_office text NOT NULL,
      village text NOT NULL,
      status text NOT NULL,
      registered_on date NOT NULL,
      last_visit_on date,
      last_visit_next_due date, -- the next-visit day the last visitor set
      next_visit_due date NOT NULL,
      zero_employment boolean NOT NULL,
      open_risks integer NOT NULL,
      version integer NOT NULL,
      CONSTRAINT accountability_households_pkey PRIMARY KEY (household_id))`);
    await q.query(
      `CREATE INDEX accountability_households_office_idx ON ${s}.accountability_households (street_office)`,
    );

    // Figures the bureau enters against the targets of POLICY.md §4 (e.g. new urban jobs in a month). Rows are
    // never changed: a corrected figure is a new row, the latest per indicator, period and unit counts.
    await q.query(`CREATE TABLE ${s}.target_figures (
      id bigserial PRIMARY KEY,
      indicator text NOT NULL,
      period char(7) NOT NULL, -- YYYY-MM
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
