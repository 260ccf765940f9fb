import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The household board (DESIGN §5): one row per monitored household with what the street office
 * filters on. Due dates are stored, not "overdue" flags: overdue depends on the day the board is
 * read, so the query compares the dates with that day and the row never goes stale overnight.
 */
export class HouseholdBoard1764200000000 implements MigrationInterface {
  name = 'HouseholdBoard1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`CREATE TABLE ${s}.household_board (
      household_id text NOT NULL,
      stream_id text NOT NULL,
      village text NOT NULL,
      street_office text NOT NULL,
      address text NOT NULL,
      head_name text NOT NULL,
      status text NOT NULL,
      member_count integer NOT NULL,
      cadre_user_id text,
      cadre_name text,
      plan_id text,
      plan_due_by date, -- set while the household is not_lifted without its individualised plan
      last_visit_on date,
      next_visit_due date,
      open_measures integer NOT NULL,
      next_measure_due date, -- earliest target date among the plan's open measures
      open_risks integer NOT NULL,
      zero_employment boolean NOT NULL,
      registered_at timestamptz NOT NULL,
      last_event_at timestamptz NOT NULL,
      version integer NOT NULL,
      state jsonb NOT NULL, -- the folded household, so the next batch continues from it without reading the stream
      CONSTRAINT household_board_pkey PRIMARY KEY (household_id))`);
    for (const [name, cols] of [
      ['household_board_office_idx', 'street_office, status'],
      ['household_board_village_idx', 'village'],
      ['household_board_cadre_idx', 'cadre_user_id'],
      ['household_board_visit_due_idx', 'next_visit_due'],
      ['household_board_measure_due_idx', 'next_measure_due'],
      ['household_board_plan_due_idx', 'plan_due_by'],
    ]) {
      await q.query(`CREATE INDEX ${name} ON ${s}.household_board (${cols})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`DROP TABLE IF EXISTS ${s}.household_board`);
  }
}
