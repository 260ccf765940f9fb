import type { SqlReader } from '../accountability/sql-reader';
import { quoteIdent } from '../runner/projection';

export interface PayoutTotals {
  plannedFen: number;
  disbursedFen: number;
  failedFen: number;
  recoveryOwedFen: number;
  repaidFen: number;
  writtenOffFen: number;
}

export interface PayoutLedgerRow extends PayoutTotals {
  programme: string;
  unit: string;
  leadUnit: string;
  /** YYYY-MM */
  month: string;
}

export interface PayoutLedgerFilter {
  /** Inclusive ISO dates on the entries' days. */
  from?: string;
  to?: string;
  programme?: string;
  unit?: string;
}

export const zeroTotals = (): PayoutTotals => ({
  plannedFen: 0,
  disbursedFen: 0,
  failedFen: 0,
  recoveryOwedFen: 0,
  repaidFen: 0,
  writtenOffFen: 0,
});

const SUMS = `
  coalesce(sum(amount_fen) filter (where kind = 'planned'), 0)::text as planned,
  coalesce(sum(amount_fen) filter (where kind = 'disbursed'), 0)::text as disbursed,
  coalesce(sum(amount_fen) filter (where kind = 'failed'), 0)::text as failed,
  coalesce(sum(amount_fen) filter (where kind = 'recovery_owed'), 0)::text as owed,
  coalesce(sum(amount_fen) filter (where kind = 'repaid'), 0)::text as repaid,
  coalesce(sum(amount_fen) filter (where kind = 'written_off'), 0)::text as written_off`;

/** The sums SUMS selects, cast to text in the SQL (integer fen). */
interface SumsRow {
  planned: string;
  disbursed: string;
  failed: string;
  owed: string;
  repaid: string;
  written_off: string;
}

const totalsOf = (r: SumsRow): PayoutTotals => ({
  plannedFen: Number(r.planned),
  disbursedFen: Number(r.disbursed),
  failedFen: Number(r.failed),
  recoveryOwedFen: Number(r.owed),
  repaidFen: Number(r.repaid),
  writtenOffFen: Number(r.written_off),
});

/** Ledger totals per programme, unit and month (integer fen), and the grand total. */
export async function readPayoutsLedger(
  db: SqlReader,
  schema: string,
  filter: PayoutLedgerFilter = {},
): Promise<{ rows: PayoutLedgerRow[]; total: PayoutTotals }> {
  const where = `where ($1::date is null or on_date >= $1) and ($2::date is null or on_date <= $2)
                   and ($3::text is null or programme = $3) and ($4::text is null or unit = $4)`;
  const params = [filter.from ?? null, filter.to ?? null, filter.programme ?? null, filter.unit ?? null];
  const table = `${quoteIdent(schema)}.payout_entries`;
  const { rows } = await db.query<SumsRow & { programme: string; unit: string; lead_unit: string; month: string }>(
    `select programme, unit, lead_unit, month, ${SUMS} from ${table} ${where}
      group by programme, unit, lead_unit, month order by month, programme, unit`,
    params,
  );
  // An aggregate without group by returns exactly one row, even over no entries.
  const [total] = (await db.query<SumsRow>(`select ${SUMS} from ${table} ${where}`, params)).rows;
  if (!total) throw new Error('payouts ledger: the totals query returned no row');
  return {
    rows: rows.map((r) => ({
      programme: r.programme,
      unit: r.unit,
      leadUnit: r.lead_unit,
      month: r.month,
      ...totalsOf(r),
    })),
    total: totalsOf(total),
  };
}
