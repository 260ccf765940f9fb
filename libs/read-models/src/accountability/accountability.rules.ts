import { DEFAULT_VISIT_INTERVALS, type CaseEvent, type HouseholdEvent, type PovertyStatus } from '@casework/domain';
import { addDays, localDateOf } from '@casework/kernel';

/**
 * Household follow-up belongs to task (十五) of the task-division table, led by 区人社局
 * (POLICY.md §3); street offices carry it out and are counted as the unit.
 */
export const HOUSEHOLD_LEAD_UNIT = '区人社局';

export const CASE_FACT_KINDS = ['received', 'approved', 'rejected', 'objection', 'withdrawn'] as const;
export const HOUSEHOLD_FACT_KINDS = [
  'household_registered',
  'visit',
  'risk_raised',
  'risk_eliminated',
  'zero_employment_detected',
  'zero_employment_cleared',
  'placement',
] as const;
export type FactKind = (typeof CASE_FACT_KINDS)[number] | (typeof HOUSEHOLD_FACT_KINDS)[number];

/** The countable fact a case event is (with its day), or null. */
export function caseFactOf(event: CaseEvent): { kind: FactKind; onDate: string } | null {
  const onDate = localDateOf(event.data.at);
  switch (event.type) {
    case 'CaseSubmitted':
      return { kind: 'received', onDate };
    case 'CaseApproved':
      return { kind: 'approved', onDate };
    case 'CaseRejected':
      return { kind: 'rejected', onDate };
    case 'ObjectionRaised':
      return { kind: 'objection', onDate };
    case 'CaseWithdrawn':
      return { kind: 'withdrawn', onDate };
    default:
      return null;
  }
}

export interface HouseholdRow {
  householdId: string;
  streetOffice: string;
  village: string;
  status: PovertyStatus;
  registeredOn: string;
  lastVisitOn: string | null;
  lastVisitNextDue: string | null;
  zeroEmployment: boolean;
  openRisks: number;
  version: number;
}

/** Same rule as the domain's nextVisitDue: the status interval from the last visit, or the visitor's day if sooner. */
export function nextVisitDueOf(
  h: Pick<HouseholdRow, 'status' | 'registeredOn' | 'lastVisitOn' | 'lastVisitNextDue'>,
): string {
  const byInterval = addDays(h.lastVisitOn ?? h.registeredOn, DEFAULT_VISIT_INTERVALS[h.status]);
  return h.lastVisitNextDue !== null && h.lastVisitNextDue < byInterval ? h.lastVisitNextDue : byInterval;
}

/** Folds one household event into the follow-up row; returns the fact it counts as, if any. */
export function evolveHousehold(row: HouseholdRow, event: HouseholdEvent): { kind: FactKind; onDate: string } | null {
  switch (event.type) {
    case 'HouseholdRegistered':
      return { kind: 'household_registered', onDate: localDateOf(event.data.at) };
    case 'HouseholdStatusChanged':
      row.status = event.data.to;
      return null;
    case 'HouseholdVisited':
      if (row.lastVisitOn === null || event.data.date >= row.lastVisitOn) {
        row.lastVisitOn = event.data.date;
        row.lastVisitNextDue = event.data.nextVisitDue;
      }
      return { kind: 'visit', onDate: event.data.date };
    case 'RiskFlagRaised':
      row.openRisks += 1;
      return { kind: 'risk_raised', onDate: localDateOf(event.data.at) };
    case 'RiskEliminated':
      row.openRisks = Math.max(0, row.openRisks - 1);
      return { kind: 'risk_eliminated', onDate: localDateOf(event.data.at) };
    case 'ZeroEmploymentDetected':
      row.zeroEmployment = true;
      return { kind: 'zero_employment_detected', onDate: event.data.date };
    case 'ZeroEmploymentCleared':
      row.zeroEmployment = false;
      return { kind: 'zero_employment_cleared', onDate: event.data.date };
    case 'MemberPlacedInWork':
      return { kind: 'placement', onDate: event.data.startDate };
    case 'ResponsibleCadreAssigned':
    case 'ResponsibleCadreReassigned':
    case 'AssistancePlanAdopted':
    case 'PlanMeasureAdded':
    case 'PlanMeasureCompleted':
    case 'MemberLeftWork':
    case 'ThreeChecksRecorded':
    case 'SubsidyCaseLinked':
      return null;
    default: {
      const _exhaustive: never = event;
      throw new Error(`accountability: unknown household event ${(_exhaustive as { type: string }).type}`);
    }
  }
}
