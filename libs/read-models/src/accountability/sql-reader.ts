/**
 * What the report queries need of a connection: a pg Pool or client, or an adapter over the
 * application's TypeORM DataSource (which holds the read-model grants in every deployment).
 * Each caller names the row type its SQL returns (`query<{ case_id: string }>(...)`): the row is
 * typed where it leaves the database, and a call that names none gets rows of `unknown` values.
 */
export interface SqlReader {
  query<R extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}
