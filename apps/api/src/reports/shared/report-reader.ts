import { DataSource } from 'typeorm';
import type { SqlReader } from '@casework/read-models';

/** Injection token of the reader the report routes query with. */
export const REPORT_READER = Symbol('REPORT_READER');

/** Reads through the TypeORM DataSource: it owns the read-model tables (the event-store pool may only read events). */
export const dataSourceReader = (dataSource: DataSource): SqlReader => ({
  query: async (text, params) => {
    const rows: unknown = await dataSource.query(text, params);
    // The caller names the row type its SQL returns (SqlReader.query<R>); TypeORM gives untyped rows.
    return { rows: Array.isArray(rows) ? (rows as never[]) : [] };
  },
});
