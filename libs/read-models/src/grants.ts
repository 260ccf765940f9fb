import type { Pool } from 'pg';

/** Tables the event store owns: the application role keeps only SELECT and INSERT there. */
const EVENT_STORE_TABLES = new Set(['events', 'schema_migrations']);

/**
 * Lets a restricted application role (one that may only INSERT and SELECT events) read and write
 * the read models, users and read records of a schema. Run as the schema's owner after migrating.
 * Deployments that connect as the owner need nothing of this.
 */
export async function grantReadModelAccess(pool: Pool, schema: string, role: string): Promise<string[]> {
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const { rows } = await pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`,
    [schema],
  );
  const tables = rows.map((r) => r.table_name).filter((t) => !EVENT_STORE_TABLES.has(t));
  for (const t of tables)
    await pool.query(`grant select, insert, update, delete on ${ident(schema)}.${ident(t)} to ${ident(role)}`);
  const seqs = await pool.query<{ sequence_name: string }>(
    `select sequence_name from information_schema.sequences where sequence_schema = $1`,
    [schema],
  );
  for (const s of seqs.rows)
    await pool.query(`grant usage, select on sequence ${ident(schema)}.${ident(s.sequence_name)} to ${ident(role)}`);
  return tables;
}
