/** Shapes of the anomaly list for inspectors (DESIGN §1, §5, §6). Money in integer fen, days as ISO dates. */

export type AnomalySeverity = 'high' | 'medium' | 'low';

export interface AnomalyRuleInfo {
  code: AnomalyRuleCode;
  titleZh: string;
  titleEn: string;
  /** The clause or DESIGN principle the rule serves. */
  basis: string;
  severity: AnomalySeverity;
  /** What a hit means, in plain words. */
  description: string;
}

export type AnomalySubject =
  | { kind: 'case'; id: string }
  | { kind: 'household'; id: string }
  | { kind: 'user'; id: string }
  /** An ID number or credit code shared by several cases. */
  | { kind: 'beneficiary'; id: string };

/** One event (or read-model fact) behind a hit. */
export interface AnomalyEvidence {
  caseId?: string;
  householdId?: string;
  eventId?: string;
  globalSeq?: string;
  type?: string;
  /** ISO instant the event was recorded. */
  at?: string;
  /** ISO date (China time) the evidence is about. */
  onDate?: string;
  amountFen?: number;
  instalmentNumber?: number;
  note?: string;
}

export interface AnomalyHit {
  rule: AnomalyRuleCode;
  severity: AnomalySeverity;
  subject: AnomalySubject;
  /** Case unit, the household's street office, or the deciding user's unit. */
  unit: string | null;
  /** The day the anomaly arose (China time); from/to filter on it. */
  onDate: string;
  explanation: string;
  evidence: AnomalyEvidence[];
  /** Figures the explanation quotes (amounts in fen, counts, days). */
  figures: Record<string, number | string>;
}

export const ANOMALY_RULE_CODES = [
  'DUPLICATE_BENEFIT',
  'DISBURSED_ABOVE_APPROVED',
  'DISBURSED_WHILE_STOPPED',
  'REPEATED_PAYMENT_FAILURE',
  'WRITE_OFF',
  'RECOVERY_OUTSTANDING',
  'REOPENED_AFTER_REJECTION',
  'OFF_HOURS_DECISION',
  'DECISION_VOLUME',
  'STEP_OVERDUE',
  'HOUSEHOLD_NOT_VISITED',
  'ZERO_EMPLOYMENT_NOT_CLEARED',
] as const;
export type AnomalyRuleCode = (typeof ANOMALY_RULE_CODES)[number];

export interface AnomalyThresholds {
  /** REPEATED_PAYMENT_FAILURE: failures of one instalment that make a hit. */
  failedPayments: number;
  /** RECOVERY_OUTSTANDING: working days a recovery may stay open with money owed. */
  recoveryWorkingDays: number;
  /** DECISION_VOLUME: approvals and rejections one user may make in a day. */
  decisionsPerDay: number;
  /** STEP_OVERDUE: working days past the due day. */
  overdueWorkingDays: number;
  /** HOUSEHOLD_NOT_VISITED: multiple of the status's visit interval without a visit. */
  visitIntervalFactor: number;
  /** ZERO_EMPLOYMENT_NOT_CLEARED: calendar days a zero-employment household may wait. */
  zeroEmploymentDays: number;
  /** OFF_HOURS_DECISION: night is from this hour (China time) ... */
  nightStartHour: number;
  /** ... until this hour. */
  nightEndHour: number;
}

export const DEFAULT_ANOMALY_THRESHOLDS: Readonly<AnomalyThresholds> = {
  failedPayments: 2,
  recoveryWorkingDays: 20,
  decisionsPerDay: 20,
  overdueWorkingDays: 5,
  visitIntervalFactor: 2,
  zeroEmploymentDays: 30,
  nightStartHour: 20,
  nightEndHour: 7,
};
