import { MigrationInterface, QueryRunner } from 'typeorm';

/** The anomaly rules' case facts (DESIGN §5 "anomalies for inspectors"); see AnomalyCaseEntity. */
export class AnomalyCases1764400000000 implements MigrationInterface {
  name = 'AnomalyCases1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`CREATE TABLE ${s}.anomaly_cases (
      case_id text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      beneficiary_key text,
      beneficiary_name text NOT NULL,
      period_key text NOT NULL,
      approved_fen bigint,
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
