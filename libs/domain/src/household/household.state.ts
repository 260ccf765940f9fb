import type { HouseholdEvent } from './household.events';
import type {
  Cadre,
  CaseLink,
  Member,
  PlanMeasure,
  Placement,
  PovertyStatus,
  RiskFlag,
  ThreeCheckRecord,
  VisitRecord,
} from './household.model';

export interface HouseholdStatusChange {
  from: PovertyStatus | null;
  to: PovertyStatus;
  reason: string;
  at: string;
}

export interface CadreAssignment {
  cadre: Cadre;
  from: string;
  /** Why the previous cadre was replaced by this one; null for the first assignment. */
  reason: string | null;
}

export interface AssistancePlan {
  planId: string;
  summary: string;
  adoptedAt: string;
  measures: PlanMeasure[];
}

export interface RegisteredHousehold {
  status: PovertyStatus;
  householdId: string;
  village: string;
  streetOffice: string;
  address: string;
  headMemberId: string;
  members: Member[];
  registeredAt: string;
  /** Every status with its reason, oldest first; the first entry is the registration. */
  statusHistory: HouseholdStatusChange[];
  cadre: Cadre | null;
  cadreHistory: CadreAssignment[];
  plan: AssistancePlan | null;
  /** True while the household is not_lifted and has no individualised plan. */
  planRequired: boolean;
  /** When planRequired: the plan is due by this date. */
  planDueBy: string | null;
  visits: VisitRecord[];
  risks: RiskFlag[];
  placements: Placement[];
  zeroEmployment: boolean;
  threeChecks: ThreeCheckRecord[];
  linkedCases: CaseLink[];
}

export type HouseholdState = { status: 'unregistered' } | RegisteredHousehold;

export const initialHouseholdState = (): HouseholdState => ({ status: 'unregistered' });

export const isRegistered = (state: HouseholdState): state is RegisteredHousehold => state.status !== 'unregistered';

/** The household's scope fields: what canReadHousehold / canChangeHousehold look at. */
export type HouseholdScope = Pick<RegisteredHousehold, 'streetOffice'>;

export function evolveHousehold(state: HouseholdState, event: HouseholdEvent): HouseholdState {
  if (event.type === 'HouseholdRegistered') {
    const d = event.data;
    return {
      status: d.status,
      householdId: d.householdId,
      village: d.village,
      streetOffice: d.streetOffice,
      address: d.address,
      headMemberId: d.headMemberId,
      members: d.members,
      registeredAt: d.at,
      statusHistory: [{ from: null, to: d.status, reason: d.statusReason, at: d.at }],
      cadre: null,
      cadreHistory: [],
      plan: null,
      planRequired: d.status === 'not_lifted',
      planDueBy: d.planDueBy,
      visits: [],
      risks: [],
      placements: [],
      zeroEmployment: false,
      threeChecks: [],
      linkedCases: [],
    };
  }
  // Events other than registration only ever follow it; a stream that says otherwise is not ours to repair.
  if (!isRegistered(state)) return state;
  const s = state;
  switch (event.type) {
    case 'HouseholdStatusChanged': {
      const d = event.data;
      const planRequired = d.to === 'not_lifted' && s.plan === null;
      return {
        ...s,
        status: d.to,
        statusHistory: [...s.statusHistory, { from: d.from, to: d.to, reason: d.reason, at: d.at }],
        planRequired,
        planDueBy: planRequired ? d.planDueBy : null,
      };
    }
    case 'ResponsibleCadreAssigned':
      return {
        ...s,
        cadre: event.data.cadre,
        cadreHistory: [...s.cadreHistory, { cadre: event.data.cadre, from: event.data.at, reason: null }],
      };
    case 'ResponsibleCadreReassigned':
      return {
        ...s,
        cadre: event.data.to,
        cadreHistory: [...s.cadreHistory, { cadre: event.data.to, from: event.data.at, reason: event.data.reason }],
      };
    case 'AssistancePlanAdopted': {
      const d = event.data;
      return {
        ...s,
        plan: { planId: d.planId, summary: d.summary, adoptedAt: d.at, measures: d.measures },
        planRequired: false,
        planDueBy: null,
      };
    }
    case 'PlanMeasureAdded':
      return s.plan ? { ...s, plan: { ...s.plan, measures: [...s.plan.measures, event.data.measure] } } : s;
    case 'PlanMeasureCompleted': {
      const d = event.data;
      if (!s.plan) return s;
      const measures = s.plan.measures.map((m) =>
        m.measureId === d.measureId ? { ...m, done: true, doneAt: d.doneAt, doneNote: d.note } : m,
      );
      return { ...s, plan: { ...s.plan, measures } };
    }
    case 'HouseholdVisited': {
      const { householdId: _h, at: _a, ...visit } = event.data;
      return { ...s, visits: [...s.visits, visit] };
    }
    case 'RiskFlagRaised': {
      const d = event.data;
      const risk: RiskFlag = {
        riskId: d.riskId,
        source: d.source,
        visitId: d.visitId,
        description: d.description,
        severity: d.severity,
        raisedAt: d.at,
        eliminated: false,
        eliminatedAt: null,
        eliminationReason: null,
      };
      return { ...s, risks: [...s.risks, risk] };
    }
    case 'RiskEliminated': {
      const d = event.data;
      return {
        ...s,
        risks: s.risks.map((r) =>
          r.riskId === d.riskId ? { ...r, eliminated: true, eliminatedAt: d.at, eliminationReason: d.reason } : r,
        ),
      };
    }
    case 'MemberPlacedInWork': {
      const d = event.data;
      const placement: Placement = {
        placementId: d.placementId,
        memberId: d.memberId,
        employer: d.employer,
        post: d.post,
        startDate: d.startDate,
        publicWelfarePost: d.publicWelfarePost,
        caseId: d.caseId,
        endDate: null,
        endReason: null,
      };
      return {
        ...s,
        placements: [...s.placements, placement],
        members: s.members.map((m) => (m.memberId === d.memberId ? { ...m, employmentStatus: 'employed' } : m)),
      };
    }
    case 'MemberLeftWork': {
      const d = event.data;
      return {
        ...s,
        placements: s.placements.map((p) =>
          p.placementId === d.placementId ? { ...p, endDate: d.endDate, endReason: d.reason } : p,
        ),
        members: s.members.map((m) => (m.memberId === d.memberId ? { ...m, employmentStatus: 'unemployed' } : m)),
      };
    }
    case 'ZeroEmploymentDetected':
      return { ...s, zeroEmployment: true };
    case 'ZeroEmploymentCleared':
      return { ...s, zeroEmployment: false };
    case 'ThreeChecksRecorded': {
      const { householdId: _h, at: _a, ...check } = event.data;
      return { ...s, threeChecks: [...s.threeChecks, check] };
    }
    case 'SubsidyCaseLinked': {
      const d = event.data;
      return {
        ...s,
        linkedCases: [
          ...s.linkedCases,
          { caseId: d.caseId, programme: d.programme, memberId: d.memberId, linkedAt: d.at },
        ],
      };
    }
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
