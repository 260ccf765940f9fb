import type { SqlReader } from './sql-reader';
import { workingDaysBetween } from '@casework/kernel';
import { quoteIdent } from '../runner/projection';
import { HOUSEHOLD_LEAD_UNIT } from './accountability.rules';
import { readTargetProgress, type TargetProgress } from './targets';

export interface AccountabilityFilter {
  /** Inclusive ISO dates: counts and processing times of this period (open-ended when absent). */
  from?: string;
  to?: string;
  /** A unit code (street office or district bureau): only its cases and households. */
  unit?: string;
  /** The day overdue steps and visits are judged on (ISO date, China time). */
  asOf: string;
}

export interface StepTimes {
  step: string;
  /** Steps left within the period. */
  completed: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  /** Left after their due day. */
  completedLate: number;
}

export interface AccountabilityGroup {
  /** Unit code (by unit) or the lead department's name (by lead department). */
  key: string;
  received: number;
  decided: number;
  approved: number;
  rejected: number;
  withdrawn: number;
  /** rejected / decided; null when nothing was decided. */
  rejectionRate: number | null;
  /** Objections raised during public notice. */
  objections: number;
  steps: StepTimes[];
  overdueSteps: number;
  overdueByHolder: { role: string | null; unit: string | null; count: number }[];
  households: number;
  householdVisitsDone: number;
  householdVisitsOverdue: number;
}

export interface OverdueStep {
  caseId: string;
  programme: string;
  unit: string;
  leadUnit: string;
  step: string;
  holderRole: string | null;
  holderUnit: string | null;
  enteredOn: string;
  dueOn: string;
  workingDaysOverdue: number;
}

export interface AccountabilityReport {
  from: string | null;
  to: string | null;
  unit: string | null;
  asOf: string;
  byUnit: AccountabilityGroup[];
  byLeadDepartment: AccountabilityGroup[];
  overdueSteps: OverdueStep[];
  targets: TargetProgress[];
}

type Dim = 'unit' | 'lead_unit';
const round1 = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);

/** Accountability per unit and per lead department (DESIGN §5, POLICY.md §3-4). */
export async function readAccountability(
  db: SqlReader,
  schema: string,
  filter: AccountabilityFilter,
): Promise<AccountabilityReport> {
  const t = (name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`;
  const range = [filter.from ?? null, filter.to ?? null];
  const unit = filter.unit ?? null;
  const asOf = filter.asOf;
  const openAtAsOf = `(entered_at at time zone 'Asia/Shanghai')::date <= $1::date and (left_on is null or left_on > $1::date)
                      and due_on < $1::date and ($2::text is null or unit = $2)`;

  const overdue = await db.query<{
    case_id: string;
    programme: string;
    unit: string;
    lead_unit: string;
    step: string;
    holder_role: string | null;
    holder_unit: string | null;
    entered_on: string;
    due_on: string;
  }>(
    `select case_id, programme, unit, lead_unit, step, holder_role, holder_unit,
            to_char((entered_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as entered_on, to_char(due_on, 'YYYY-MM-DD') as due_on
       from ${t('accountability_steps')} where ${openAtAsOf} order by due_on, case_id`,
    [asOf, unit],
  );
  const overdueSteps: OverdueStep[] = overdue.rows.map((r) => ({
    caseId: r.case_id,
    programme: r.programme,
    unit: r.unit,
    leadUnit: r.lead_unit,
    step: r.step,
    holderRole: r.holder_role,
    holderUnit: r.holder_unit,
    enteredOn: r.entered_on,
    dueOn: r.due_on,
    workingDaysOverdue: workingDaysBetween(r.due_on, asOf),
  }));

  const group = async (dim: Dim): Promise<AccountabilityGroup[]> => {
    const groups = new Map<string, AccountabilityGroup>();
    const g = (key: string): AccountabilityGroup => {
      let x = groups.get(key);
      if (!x) {
        x = {
          key,
          received: 0,
          decided: 0,
          approved: 0,
          rejected: 0,
          withdrawn: 0,
          rejectionRate: null,
          objections: 0,
          steps: [],
          overdueSteps: 0,
          overdueByHolder: [],
          households: 0,
          householdVisitsDone: 0,
          householdVisitsOverdue: 0,
        };
        groups.set(key, x);
      }
      return x;
    };
    const facts = await db.query<{ key: string; kind: string; n: number }>(
      `select ${dim} as key, kind, count(*)::int as n from ${t('accountability_facts')}
        where ($1::date is null or on_date >= $1) and ($2::date is null or on_date <= $2) and ($3::text is null or unit = $3)
        group by 1, 2`,
      [...range, unit],
    );
    for (const r of facts.rows) {
      const x = g(r.key);
      if (r.kind === 'received') x.received = r.n;
      else if (r.kind === 'approved') x.approved = r.n;
      else if (r.kind === 'rejected') x.rejected = r.n;
      else if (r.kind === 'withdrawn') x.withdrawn = r.n;
      else if (r.kind === 'objection') x.objections = r.n;
      else if (r.kind === 'visit') x.householdVisitsDone = r.n;
    }
    const steps = await db.query<{
      key: string;
      step: string;
      n: number;
      median: number | null;
      p90: number | null;
      late: number;
    }>(
      `select ${dim} as key, step, count(*)::int as n,
              percentile_cont(0.5) within group (order by working_days) as median,
              percentile_cont(0.9) within group (order by working_days) as p90,
              count(*) filter (where due_on is not null and left_on > due_on)::int as late
         from ${t('accountability_steps')}
        where left_at is not null and ($1::date is null or left_on >= $1) and ($2::date is null or left_on <= $2) and ($3::text is null or unit = $3)
        group by 1, 2 order by 1, 2`,
      [...range, unit],
    );
    for (const r of steps.rows) {
      g(r.key).steps.push({
        step: r.step,
        completed: r.n,
        medianWorkingDays: round1(r.median),
        p90WorkingDays: round1(r.p90),
        completedLate: r.late,
      });
    }
    for (const s of overdueSteps) {
      const x = g(dim === 'unit' ? s.unit : s.leadUnit);
      x.overdueSteps += 1;
      const holder = x.overdueByHolder.find((h) => h.role === s.holderRole && h.unit === s.holderUnit);
      if (holder) holder.count += 1;
      else x.overdueByHolder.push({ role: s.holderRole, unit: s.holderUnit, count: 1 });
    }
    const households = await db.query<{ key: string; n: number; overdue: number }>(
      `select ${dim === 'unit' ? 'street_office' : `$3::text`} as key, count(*)::int as n,
              count(*) filter (where next_visit_due < $1::date)::int as overdue
         from ${t('accountability_households')}
        where registered_on <= $1::date and ($2::text is null or street_office = $2) group by 1`,
      dim === 'unit' ? [asOf, unit] : [asOf, unit, HOUSEHOLD_LEAD_UNIT],
    );
    for (const r of households.rows) {
      const x = g(r.key);
      x.households = r.n;
      x.householdVisitsOverdue = r.overdue;
    }
    for (const x of groups.values()) {
      x.decided = x.approved + x.rejected;
      x.rejectionRate = x.decided === 0 ? null : Math.round((x.rejected / x.decided) * 10_000) / 10_000;
    }
    return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
  };

  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    unit,
    asOf,
    byUnit: await group('unit'),
    byLeadDepartment: await group('lead_unit'),
    overdueSteps,
    targets: await readTargetProgress(db, schema, asOf.slice(0, 7), unit ?? undefined),
  };
}
