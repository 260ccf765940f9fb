import type { SqlReader } from '../accountability/sql-reader';
import { programmeNameZh } from '../accountability/lead-unit';
import { quoteIdent } from '../runner/projection';
import { readTargetProgress, type TargetProgress } from '../accountability/targets';
import type { PayoutTotals } from '../payouts-ledger/payouts-ledger.query';
import type { PayoutEntryKind } from '../payouts-ledger/payouts-ledger.rules';
import type { IsoWeek } from '@casework/kernel';

export interface WeeklyCaseRow extends PayoutTotals {
  programme: string;
  programmeNameZh: string;
  unit: string;
  received: number;
  approved: number;
  rejected: number;
  decided: number;
  /** Instalments disbursed this week. */
  paid: number;
}

export interface WeeklyHouseholdRow {
  streetOffice: string;
  households: number;
  visitsDone: number;
  /** Households whose next visit was due before the report day and is not done. */
  visitsOverdue: number;
  risksRaised: number;
  risksEliminated: number;
  zeroEmploymentDetected: number;
  zeroEmploymentCleared: number;
  placements: number;
  /** Zero-employment households now (to be cleared, POLICY.md §2). */
  zeroEmploymentNow: number;
}

export interface WeeklyReport {
  week: string;
  from: string;
  to: string;
  /** The day overdue visits are judged on: the week's Sunday, or today while the week runs. */
  asOf: string;
  cases: WeeklyCaseRow[];
  caseTotals: Omit<WeeklyCaseRow, 'programme' | 'programmeNameZh' | 'unit'>;
  households: WeeklyHouseholdRow[];
  householdTotals: Omit<WeeklyHouseholdRow, 'streetOffice'>;
  targets: TargetProgress[];
}

const CASE_FACTS = { received: 'received', approved: 'approved', rejected: 'rejected' } as const;
const MONEY: Record<PayoutEntryKind, keyof PayoutTotals> = {
  planned: 'plannedFen',
  disbursed: 'disbursedFen',
  failed: 'failedFen',
  recovery_owed: 'recoveryOwedFen',
  repaid: 'repaidFen',
  written_off: 'writtenOffFen',
};
const HOUSEHOLD_FACTS = {
  visit: 'visitsDone',
  risk_raised: 'risksRaised',
  risk_eliminated: 'risksEliminated',
  zero_employment_detected: 'zeroEmploymentDetected',
  zero_employment_cleared: 'zeroEmploymentCleared',
  placement: 'placements',
} as const satisfies Record<string, Exclude<keyof WeeklyHouseholdRow, 'streetOffice'>>;

/** The counts and sums of a case row, all zero: the start of each row and of the totals. */
const zeroCaseCounts = () => ({
  received: 0,
  approved: 0,
  rejected: 0,
  decided: 0,
  paid: 0,
  plannedFen: 0,
  disbursedFen: 0,
  failedFen: 0,
  recoveryOwedFen: 0,
  repaidFen: 0,
  writtenOffFen: 0,
});

/** The weekly report of key work (周报, clause (二十一)) for one ISO week. */
export async function readWeeklyReport(
  db: SqlReader,
  schema: string,
  week: IsoWeek,
  today: string,
): Promise<WeeklyReport> {
  const t = (name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`;
  const asOf = today < week.to ? today : week.to;
  const cases = new Map<string, WeeklyCaseRow>();
  const row = (programme: string, unit: string): WeeklyCaseRow => {
    const key = `${programme}\u0000${unit}`;
    let r = cases.get(key);
    if (!r) {
      r = { programme, programmeNameZh: programmeNameZh(programme), unit, ...zeroCaseCounts() };
      cases.set(key, r);
    }
    return r;
  };
  // `kind = any($3)` keeps the rows to the kinds asked for.
  const facts = await db.query<{ programme: string; unit: string; kind: keyof typeof CASE_FACTS; n: number }>(
    `select programme, unit, kind, count(*)::int as n from ${t('accountability_facts')}
      where on_date between $1 and $2 and case_id is not null and kind = any($3::text[]) group by 1, 2, 3`,
    [week.from, week.to, Object.keys(CASE_FACTS)],
  );
  for (const f of facts.rows) row(f.programme, f.unit)[CASE_FACTS[f.kind]] = f.n;
  const money = await db.query<{ programme: string; unit: string; kind: PayoutEntryKind; n: number; fen: string }>(
    `select programme, unit, kind, count(*)::int as n, sum(amount_fen)::text as fen from ${t('payout_entries')}
      where on_date between $1 and $2 group by 1, 2, 3`,
    [week.from, week.to],
  );
  for (const m of money.rows) {
    const r = row(m.programme, m.unit);
    r[MONEY[m.kind]] = Number(m.fen);
    if (m.kind === 'disbursed') r.paid = m.n;
  }
  const caseRows = [...cases.values()].sort(
    (a, b) => a.programme.localeCompare(b.programme) || a.unit.localeCompare(b.unit),
  );
  for (const r of caseRows) r.decided = r.approved + r.rejected;
  const caseTotals = caseRows.reduce((s, r) => {
    for (const k of Object.keys(s) as (keyof typeof s)[]) s[k] += r[k];
    return s;
  }, zeroCaseCounts());

  const offices = new Map<string, WeeklyHouseholdRow>();
  const office = (streetOffice: string): WeeklyHouseholdRow => {
    let r = offices.get(streetOffice);
    if (!r) {
      r = {
        streetOffice,
        households: 0,
        visitsDone: 0,
        visitsOverdue: 0,
        risksRaised: 0,
        risksEliminated: 0,
        zeroEmploymentDetected: 0,
        zeroEmploymentCleared: 0,
        placements: 0,
        zeroEmploymentNow: 0,
      };
      offices.set(streetOffice, r);
    }
    return r;
  };
  const hh = await db.query<{ street_office: string; n: number; overdue: number; zero: number }>(
    `select street_office, count(*)::int as n, count(*) filter (where next_visit_due < $1::date)::int as overdue,
            count(*) filter (where zero_employment)::int as zero
       from ${t('accountability_households')} where registered_on <= $1::date group by 1`,
    [asOf],
  );
  for (const h of hh.rows)
    Object.assign(office(h.street_office), { households: h.n, visitsOverdue: h.overdue, zeroEmploymentNow: h.zero });
  const hf = await db.query<{ unit: string; kind: keyof typeof HOUSEHOLD_FACTS; n: number }>(
    `select unit, kind, count(*)::int as n from ${t('accountability_facts')}
      where on_date between $1 and $2 and household_id is not null and kind = any($3::text[]) group by 1, 2`,
    [week.from, week.to, Object.keys(HOUSEHOLD_FACTS)],
  );
  for (const f of hf.rows) office(f.unit)[HOUSEHOLD_FACTS[f.kind]] = f.n;
  const householdRows = [...offices.values()].sort((a, b) => a.streetOffice.localeCompare(b.streetOffice));
  const householdTotals = householdRows.reduce(
    (s, r) => {
      for (const k of Object.keys(s) as (keyof typeof s)[]) s[k] += r[k];
      return s;
    },
    {
      households: 0,
      visitsDone: 0,
      visitsOverdue: 0,
      risksRaised: 0,
      risksEliminated: 0,
      zeroEmploymentDetected: 0,
      zeroEmploymentCleared: 0,
      placements: 0,
      zeroEmploymentNow: 0,
    },
  );

  return {
    week: week.week,
    from: week.from,
    to: week.to,
    asOf,
    cases: caseRows,
    caseTotals,
    households: householdRows,
    householdTotals,
    targets: await readTargetProgress(db, schema, week.to.slice(0, 7)),
  };
}
