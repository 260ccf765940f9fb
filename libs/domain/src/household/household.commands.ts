import type { CommandEnvelope } from '../shared/actor';
import type {
  Cadre,
  EmploymentStatus,
  LabourCapacity,
  PovertyStatus,
  Relation,
  RiskSeverity,
  RiskSource,
  ThreeCheckKind,
  ThreeCheckResult,
} from './household.model';

/** A member as the street office enters it; sex comes from the ID number. */
export interface MemberInput {
  memberId: string;
  name: string;
  relation: Relation;
  birthDate: string;
  idNumber: string;
  labourCapacity: LabourCapacity;
  employmentStatus: EmploymentStatus;
}

export interface MeasureInput {
  measureId: string;
  description: string;
  owner: string;
  targetDate: string;
}

export interface RegisterHouseholdData {
  householdId: string;
  village: string;
  /** Unit code of the street office that follows the household, e.g. `STREET_XIYI`. */
  streetOffice: string;
  address: string;
  headMemberId: string;
  members: MemberInput[];
  status: PovertyStatus;
  statusReason: string;
}
export interface ChangeHouseholdStatusData {
  householdId: string;
  status: PovertyStatus;
  reason: string;
}
export interface AssignResponsibleCadreData {
  householdId: string;
  cadre: Cadre;
}
export interface ReassignResponsibleCadreData {
  householdId: string;
  cadre: Cadre;
  reason: string;
}
export interface AdoptAssistancePlanData {
  householdId: string;
  planId: string;
  summary: string;
  measures: MeasureInput[];
  /** Required when the household already has a plan. */
  revisionReason?: string;
}
export interface AddPlanMeasureData {
  householdId: string;
  measure: MeasureInput;
}
export interface CompletePlanMeasureData {
  householdId: string;
  measureId: string;
  /** ISO date the measure was done. */
  doneAt: string;
  note?: string;
}
export interface VisitRiskInput {
  riskId: string;
  description: string;
  severity: RiskSeverity;
}
export interface RecordVisitData {
  householdId: string;
  visitId: string;
  date: string;
  visitor: string;
  findings: string;
  needs?: string;
  measuresTaken?: string;
  nextVisitDue: string;
  /** Risks the visitor found; each becomes a RiskFlagRaised with source `visit`. */
  risks?: VisitRiskInput[];
}
export interface RaiseRiskFlagData {
  householdId: string;
  riskId: string;
  source: RiskSource;
  /** Required when source is `visit`: a visit already recorded on this household. */
  visitId?: string;
  description: string;
  severity: RiskSeverity;
}
export interface EliminateRiskData {
  householdId: string;
  riskId: string;
  reason: string;
}
export interface PlaceMemberInWorkData {
  householdId: string;
  placementId: string;
  memberId: string;
  employer: string;
  post: string;
  startDate: string;
  publicWelfarePost: boolean;
  /** The subsidy case that supports this placement, if any. */
  caseId?: string;
}
export interface RecordMemberLeftWorkData {
  householdId: string;
  placementId: string;
  endDate: string;
  reason: string;
}
export interface RecordThreeChecksData {
  householdId: string;
  checkId: string;
  kind: ThreeCheckKind;
  date: string;
  result: ThreeCheckResult;
  notes: string;
}
export interface LinkSubsidyCaseData {
  householdId: string;
  caseId: string;
  programme: string;
  memberId: string;
}

type Cmd<T extends string, D> = CommandEnvelope & { type: T; data: D };

/** Commands of the household stream. Every one carries the actor and `at`; the domain has no clock. */
export type HouseholdCommand =
  | Cmd<'registerHousehold', RegisterHouseholdData>
  | Cmd<'changeHouseholdStatus', ChangeHouseholdStatusData>
  | Cmd<'assignResponsibleCadre', AssignResponsibleCadreData>
  | Cmd<'reassignResponsibleCadre', ReassignResponsibleCadreData>
  | Cmd<'adoptAssistancePlan', AdoptAssistancePlanData>
  | Cmd<'addPlanMeasure', AddPlanMeasureData>
  | Cmd<'completePlanMeasure', CompletePlanMeasureData>
  | Cmd<'recordVisit', RecordVisitData>
  | Cmd<'raiseRiskFlag', RaiseRiskFlagData>
  | Cmd<'eliminateRisk', EliminateRiskData>
  | Cmd<'placeMemberInWork', PlaceMemberInWorkData>
  | Cmd<'recordMemberLeftWork', RecordMemberLeftWorkData>
  | Cmd<'recordThreeChecks', RecordThreeChecksData>
  | Cmd<'linkSubsidyCase', LinkSubsidyCaseData>;

export type HouseholdCommandType = HouseholdCommand['type'];
export type HouseholdCommandOf<T extends HouseholdCommandType> = Extract<HouseholdCommand, { type: T }>;
