import type {
  Cadre,
  Member,
  PlanMeasure,
  PovertyStatus,
  RiskSeverity,
  RiskSource,
  ThreeCheckKind,
  ThreeCheckResult,
} from './household.model';

/** One stream per household. */
export const householdStreamId = (householdId: string): string => `household-${householdId}`;

/**
 * Events of the household stream: past tense, plain data. Every event carries `at`, the instant of
 * the command that caused it; who acted is in the event metadata.
 */
export type HouseholdEvent =
  | {
      type: 'HouseholdRegistered';
      data: {
        householdId: string;
        village: string;
        streetOffice: string;
        address: string;
        headMemberId: string;
        members: Member[];
        status: PovertyStatus;
        statusReason: string;
        /** Set when registered as not_lifted: the individualised plan is due by this date. */
        planDueBy: string | null;
        at: string;
      };
    }
  | {
      type: 'HouseholdStatusChanged';
      data: {
        householdId: string;
        from: PovertyStatus;
        to: PovertyStatus;
        reason: string;
        planDueBy: string | null;
        at: string;
      };
    }
  | { type: 'ResponsibleCadreAssigned'; data: { householdId: string; cadre: Cadre; at: string } }
  | {
      type: 'ResponsibleCadreReassigned';
      data: { householdId: string; from: Cadre; to: Cadre; reason: string; at: string };
    }
  | {
      type: 'AssistancePlanAdopted';
      data: {
        householdId: string;
        planId: string;
        summary: string;
        measures: PlanMeasure[];
        /** Why an earlier plan was replaced; null for the first plan. */
        revisionReason: string | null;
        at: string;
      };
    }
  | { type: 'PlanMeasureAdded'; data: { householdId: string; planId: string; measure: PlanMeasure; at: string } }
  | {
      type: 'PlanMeasureCompleted';
      data: { householdId: string; planId: string; measureId: string; doneAt: string; note: string; at: string };
    }
  | {
      type: 'HouseholdVisited';
      data: {
        householdId: string;
        visitId: string;
        date: string;
        visitor: string;
        findings: string;
        needs: string;
        measuresTaken: string;
        nextVisitDue: string;
        at: string;
      };
    }
  | {
      type: 'RiskFlagRaised';
      data: {
        householdId: string;
        riskId: string;
        source: RiskSource;
        visitId: string | null;
        description: string;
        severity: RiskSeverity;
        at: string;
      };
    }
  | { type: 'RiskEliminated'; data: { householdId: string; riskId: string; reason: string; at: string } }
  | {
      type: 'MemberPlacedInWork';
      data: {
        householdId: string;
        placementId: string;
        memberId: string;
        employer: string;
        post: string;
        startDate: string;
        publicWelfarePost: boolean;
        caseId: string | null;
        at: string;
      };
    }
  | {
      type: 'MemberLeftWork';
      data: { householdId: string; placementId: string; memberId: string; endDate: string; reason: string; at: string };
    }
  | {
      type: 'ZeroEmploymentDetected';
      data: {
        householdId: string;
        /** The day the rule was evaluated (ages are taken on this day). */
        date: string;
        /** Working-age members able to work, none of them employed. */
        labourMemberIds: string[];
        /** The command that caused the change; read it with commandOfCause (older events spell it PascalCase). */
        cause: string;
        at: string;
      };
    }
  | {
      type: 'ZeroEmploymentCleared';
      data: { householdId: string; date: string; cause: string; placementId: string | null; at: string };
    }
  | {
      type: 'ThreeChecksRecorded';
      data: {
        householdId: string;
        checkId: string;
        kind: ThreeCheckKind;
        date: string;
        result: ThreeCheckResult;
        notes: string;
        at: string;
      };
    }
  | {
      type: 'SubsidyCaseLinked';
      data: { householdId: string; caseId: string; programme: string; memberId: string; at: string };
    };

export type HouseholdEventType = HouseholdEvent['type'];
export type HouseholdEventOf<T extends HouseholdEventType> = Extract<HouseholdEvent, { type: T }>;

// Keys of a record over the union: the compiler rejects a missing or unknown type, so the list cannot drift.
const HOUSEHOLD_EVENT_TYPE_SET = {
  HouseholdRegistered: true,
  HouseholdStatusChanged: true,
  ResponsibleCadreAssigned: true,
  ResponsibleCadreReassigned: true,
  AssistancePlanAdopted: true,
  PlanMeasureAdded: true,
  PlanMeasureCompleted: true,
  HouseholdVisited: true,
  RiskFlagRaised: true,
  RiskEliminated: true,
  MemberPlacedInWork: true,
  MemberLeftWork: true,
  ZeroEmploymentDetected: true,
  ZeroEmploymentCleared: true,
  ThreeChecksRecorded: true,
  SubsidyCaseLinked: true,
} as const satisfies Record<HouseholdEventType, true>;

/** Every household event type, at run time (in the order of the union). */
export const HOUSEHOLD_EVENT_TYPES = Object.keys(HOUSEHOLD_EVENT_TYPE_SET) as readonly HouseholdEventType[];
