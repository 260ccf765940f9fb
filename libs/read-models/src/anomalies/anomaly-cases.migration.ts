import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The anomaly rules' case facts (DESIGN §5 "anomalies for inspectors"): what the rules need of a case
 * that no other read model keeps: who benefits (the programme's beneficiary fact, the key the
 * no-double-subsidy reservations are taken on), the period key of those reservations and the amount
 * last approved.
 */
export class AnomalyCases1764400000000 implements MigrationInterface {
  name = 'AnomalyCases1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`CREATE TABLE ${s}.anomaly_cases (
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      beneficiary_key text, -- ID number or credit code (upper case); null when the case names none
      beneficiary_name text NOT NULL,
      period_key text NOT NULL, -- the year the application's period starts in: the period key of the reservations
      approved_fen bigint, -- amount of the latest CaseApproved, integer fen; null while never approved
      approved_event_id text,
      version integer NOT NULL,
      CONSTRAINT anomaly_cases_pkey PRIMARY KEY (case_id))`);
    await q.query(`CREATE INDEX anomaly_cases_beneficiary_idx ON ${s}.anomaly_cases (beneficiary_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`DROP TABLE ${s}.anomaly_cases`);
  }
}
