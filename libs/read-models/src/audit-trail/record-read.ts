import type { Pool, PoolClient } from 'pg';

export interface ReadRecord {
  userId: string;
  role: string;
  unit: string;
  /** What was read: e.g. 'household', 'case', 'person'. */
  subjectType: string;
  subjectId: string;
  /** Why: the stated purpose, or the route that served the read. */
  purpose: string;
  detail?: Record<string, unknown>;
  /** ISO instant; defaults to the database's clock. */
  at?: string;
}

/**
 * Records a read of personal data (inspectors, cross-unit reads; DESIGN §1) in audit_reads.
 * The table is found through the connection's search_path (the configured schema).
 */
export async function recordRead(db: Pool | PoolClient, read: ReadRecord): Promise<void> {
  await db.query(
    `insert into audit_reads (read_at, user_id, role, unit, subject_type, subject_id, purpose, detail)
     values (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, $7, $8)`,
    [
      read.at ?? null,
      read.userId,
      read.role,
      read.unit,
      read.subjectType,
      read.subjectId,
      read.purpose,
      read.detail ? JSON.stringify(read.detail) : null,
    ],
  );
}
