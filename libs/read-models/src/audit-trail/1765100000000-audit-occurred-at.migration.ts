import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail's business time (issue 8 item 2): recorded_at is now the database's clock when
 * the event was written, so the time the event speaks of (its data's `at`) gets its own column.
 * Rows already there take their recorded_at, which was the caller's time before; a rebuild of the
 * audit trail fills the column from the events.
 */
export class AuditOccurredAt1765100000000 implements MigrationInterface {
  name = 'AuditOccurredAt1765100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`ALTER TABLE ${s}.audit_events ADD COLUMN occurred_at timestamptz`);
    await q.query(`UPDATE ${s}.audit_events SET occurred_at = recorded_at`);
    await q.query(`ALTER TABLE ${s}.audit_events ALTER COLUMN occurred_at SET NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    await q.query(`ALTER TABLE ${s}.audit_events DROP COLUMN occurred_at`);
  }
}
