/**
 * What the report queries need of a connection: a pg Pool or client, or an adapter over the
 * application's TypeORM DataSource (which holds the read-model grants in every deployment).
 */
export interface SqlReader {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
}
