/** Value types of a monitored household (POLICY.md §2). Plain data, shared by events, commands and state. */

export const POVERTY_STATUSES = ['lifted', 'not_lifted', 'at_risk', 'edge'] as const;
/** lifted 已脱贫, not_lifted 未脱贫, at_risk 脱贫但有返贫风险, edge 边缘易致贫. */
export type PovertyStatus = (typeof POVERTY_STATUSES)[number];

export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'parent',
  'grandchild',
  'grandparent',
  'sibling',
  'other',
] as const;
export type Relation = (typeof RELATIONS)[number];

export const LABOUR_CAPACITIES = ['full', 'partial', 'none'] as const;
export type LabourCapacity = (typeof LABOUR_CAPACITIES)[number];

export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'student', 'retired', 'unable'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const RISK_SOURCES = ['visit', 'data'] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

export const RISK_SEVERITIES = ['low', 'medium', 'high'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/**
 * The three checks of the 三排查三清零 campaign as we record them: zero-employment households,
 * able members without work, and members whose wish to work or train is not yet met.
 */
export const THREE_CHECK_KINDS = [
  'zero_employment_household',
  'unemployed_able_member',
  'unmet_employment_need',
] as const;
export type ThreeCheckKind = (typeof THREE_CHECK_KINDS)[number];

export const THREE_CHECK_RESULTS = ['clear', 'issue_found'] as const;
export type ThreeCheckResult = (typeof THREE_CHECK_RESULTS)[number];

export interface Member {
  memberId: string;
  name: string;
  relation: Relation;
  /** ISO date; must agree with the ID number. */
  birthDate: string;
  idNumber: string;
  /** From the ID number's sequence digit. */
  sex: 'M' | 'F';
  labourCapacity: LabourCapacity;
  employmentStatus: EmploymentStatus;
}

/** 帮扶责任人: the one cadre following this household one-on-one. */
export interface Cadre {
  userId: string;
  name: string;
  unit: string;
  phone?: string;
}

export interface PlanMeasure {
  measureId: string;
  description: string;
  /** Who carries the measure out (person or unit, free text). */
  owner: string;
  targetDate: string;
  done: boolean;
  /** ISO date the measure was completed. */
  doneAt: string | null;
  doneNote: string | null;
}

export interface VisitRecord {
  visitId: string;
  date: string;
  visitor: string;
  findings: string;
  needs: string;
  measuresTaken: string;
  nextVisitDue: string;
}

export interface RiskFlag {
  riskId: string;
  source: RiskSource;
  /** The visit that raised it, when source is `visit`. */
  visitId: string | null;
  description: string;
  severity: RiskSeverity;
  raisedAt: string;
  eliminated: boolean;
  eliminatedAt: string | null;
  eliminationReason: string | null;
}

export interface Placement {
  placementId: string;
  memberId: string;
  employer: string;
  post: string;
  startDate: string;
  publicWelfarePost: boolean;
  caseId: string | null;
  endDate: string | null;
  endReason: string | null;
}

export interface ThreeCheckRecord {
  checkId: string;
  kind: ThreeCheckKind;
  date: string;
  result: ThreeCheckResult;
  notes: string;
}

export interface CaseLink {
  caseId: string;
  programme: string;
  memberId: string;
  linkedAt: string;
}
