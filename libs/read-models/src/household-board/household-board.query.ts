import type { Pool, PoolClient } from 'pg';

/** Which overdue follow-up to look for: a visit, a plan measure, a missing plan, or any of them. */
export const BOARD_OVERDUE_KINDS = ['any', 'visit', 'measure', 'plan'] as const;
export type BoardOverdueKind = (typeof BOARD_OVERDUE_KINDS)[number];

export interface HouseholdBoardFilter {
  /** Only these street offices; undefined for all (district staff, inspectors). */
  streetOffices?: readonly string[];
  village?: string;
  status?: string;
  overdue?: BoardOverdueKind;
  zeroEmployment?: boolean;
  cadreUserId?: string;
  openRisks?: boolean;
  limit: number;
  offset: number;
}

export interface HouseholdBoardItem {
  householdId: string;
  village: string;
  streetOffice: string;
  address: string;
  headName: string;
  status: string;
  memberCount: number;
  cadre: { userId: string; name: string } | null;
  planId: string | null;
  planDueBy: string | null;
  lastVisitOn: string | null;
  nextVisitDue: string | null;
  openMeasures: number;
  nextMeasureDue: string | null;
  openRisks: number;
  zeroEmployment: boolean;
  overdue: { visit: boolean; measure: boolean; plan: boolean };
  version: number;
}

export interface HouseholdBoardPage {
  total: number;
  items: HouseholdBoardItem[];
}

// Overdue is "the due day has passed": the same comparisons as isVisitOverdue / overdueMeasures / missingPlan.
const OVERDUE_SQL: Record<BoardOverdueKind, string> = {
  visit: 'next_visit_due < $1::date',
  measure: 'next_measure_due < $1::date',
  plan: 'plan_due_by < $1::date',
  any: '(next_visit_due < $1::date or next_measure_due < $1::date or plan_due_by < $1::date)',
};

/**
 * The board as of `today` (an ISO date, China time). Every filter is a column comparison on
 * indexed columns; overdue compares the stored due dates with `today`, so the answer is right on
 * any day without the projection having to run at midnight. Most urgent first.
 */
export async function queryHouseholdBoard(
  db: Pool | PoolClient,
  table: string,
  filter: HouseholdBoardFilter,
  today: string,
): Promise<HouseholdBoardPage> {
  const params: unknown[] = [today];
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (filter.streetOffices) add((p) => `street_office = any(${p}::text[])`, filter.streetOffices);
  if (filter.village !== undefined) add((p) => `village = ${p}`, filter.village);
  if (filter.status !== undefined) add((p) => `status = ${p}`, filter.status);
  if (filter.cadreUserId !== undefined) add((p) => `cadre_user_id = ${p}`, filter.cadreUserId);
  if (filter.zeroEmployment !== undefined) add((p) => `zero_employment = ${p}::boolean`, filter.zeroEmployment);
  if (filter.openRisks !== undefined) where.push(filter.openRisks ? 'open_risks > 0' : 'open_risks = 0');
  if (filter.overdue !== undefined) where.push(OVERDUE_SQL[filter.overdue]);
  params.push(filter.limit, filter.offset);
  const { rows } = await db.query<{
    household_id: string;
    village: string;
    street_office: string;
    address: string;
    head_name: string;
    status: string;
    member_count: number;
    cadre_user_id: string | null;
    cadre_name: string | null;
    plan_id: string | null;
    plan_due_by: string | null;
    last_visit_on: string | null;
    next_visit_due: string | null;
    open_measures: number;
    next_measure_due: string | null;
    open_risks: number;
    zero_employment: boolean;
    version: number;
    visit_overdue: boolean;
    measure_overdue: boolean;
    plan_overdue: boolean;
    /** count(*) is a bigint, which pg returns as a string. */
    total: string;
  }>(
    `select household_id, village, street_office, address, head_name, status, member_count, cadre_user_id, cadre_name, plan_id,
            to_char(plan_due_by, 'YYYY-MM-DD') as plan_due_by, to_char(last_visit_on, 'YYYY-MM-DD') as last_visit_on,
            to_char(next_visit_due, 'YYYY-MM-DD') as next_visit_due, open_measures,
            to_char(next_measure_due, 'YYYY-MM-DD') as next_measure_due, open_risks, zero_employment, version,
            coalesce(next_visit_due < $1::date, false) as visit_overdue,
            coalesce(next_measure_due < $1::date, false) as measure_overdue,
            coalesce(plan_due_by < $1::date, false) as plan_overdue,
            count(*) over () as total
       from ${table}
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by least(next_visit_due, next_measure_due, plan_due_by) nulls last, village, household_id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  const [first] = rows;
  let total = first ? Number(first.total) : 0;
  if (!first && filter.offset > 0) {
    // Past the last page the window count is gone; count separately so the client still learns the total.
    const counted = await db.query<{ n: number }>(
      `select count(*)::int as n from ${table} ${where.length ? `where ${where.join(' and ')}` : ''}`,
      params.slice(0, params.length - 2),
    );
    // count(*) without group by returns exactly one row.
    total = counted.rows[0]?.n ?? 0;
  }
  return {
    total,
    items: rows.map((r) => ({
      householdId: r.household_id,
      village: r.village,
      streetOffice: r.street_office,
      address: r.address,
      headName: r.head_name,
      status: r.status,
      memberCount: r.member_count,
      // The projection writes both from the household's cadre, so the name is there whenever the id is.
      cadre: r.cadre_user_id && r.cadre_name !== null ? { userId: r.cadre_user_id, name: r.cadre_name } : null,
      planId: r.plan_id,
      planDueBy: r.plan_due_by,
      lastVisitOn: r.last_visit_on,
      nextVisitDue: r.next_visit_due,
      openMeasures: r.open_measures,
      nextMeasureDue: r.next_measure_due,
      openRisks: r.open_risks,
      zeroEmployment: r.zero_employment,
      overdue: { visit: r.visit_overdue, measure: r.measure_overdue, plan: r.plan_overdue },
      version: r.version,
    })),
  };
}
