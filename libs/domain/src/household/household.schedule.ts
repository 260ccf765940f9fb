import { addDays, localDateOf } from '@casework/kernel';
import type { PlanMeasure, PovertyStatus } from './household.model';
import type { HouseholdState } from './household.state';

/** Days between follow-up visits, per status: a parameter the street offices may tighten. */
export type VisitIntervals = Record<PovertyStatus, number>;

export const DEFAULT_VISIT_INTERVALS: VisitIntervals = { not_lifted: 30, at_risk: 30, edge: 60, lifted: 90 };

/**
 * When the next follow-up visit is due: the interval for the current status counted from the last
 * visit (or from registration when there has been none), or the date the last visitor set if that
 * is sooner. Null for an unregistered household.
 */
export function nextVisitDue(
  state: HouseholdState,
  intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS,
): string | null {
  if (state.status === 'unregistered') return null;
  const last = state.visits.reduce<(typeof state.visits)[number] | null>(
    (latest, v) => (latest === null || v.date >= latest.date ? v : latest),
    null,
  );
  const registeredOn = localDateOf(state.registeredAt);
  const byInterval = addDays(last ? last.date : registeredOn, intervals[state.status]);
  return last && last.nextVisitDue < byInterval ? last.nextVisitDue : byInterval;
}

/** Overdue once the due day has passed without a visit. */
export function isVisitOverdue(
  state: HouseholdState,
  today: string,
  intervals: VisitIntervals = DEFAULT_VISIT_INTERVALS,
): boolean {
  const due = nextVisitDue(state, intervals);
  return due !== null && today > due;
}

/** Open plan measures whose target date has passed. */
export function overdueMeasures(state: HouseholdState, today: string): PlanMeasure[] {
  if (state.status === 'unregistered' || !state.plan) return [];
  return state.plan.measures.filter((m) => !m.done && m.targetDate < today);
}

export interface MissingPlan {
  /** The plan is due by this day (PLAN_DEADLINE_WORKING_DAYS after the household became not_lifted). */
  dueBy: string;
  overdue: boolean;
}

/** A not_lifted household without its individualised plan, or null when nothing is missing. */
export function missingPlan(state: HouseholdState, today: string): MissingPlan | null {
  if (state.status === 'unregistered' || !state.planRequired || state.planDueBy === null) return null;
  return { dueBy: state.planDueBy, overdue: today > state.planDueBy };
}

/** Risks raised and not yet eliminated. */
export const openRisks = (state: HouseholdState) =>
  state.status === 'unregistered' ? [] : state.risks.filter((r) => !r.eliminated);
