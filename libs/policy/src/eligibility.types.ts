/** The trace of an eligibility evaluation: stored with the decision, shown by GET /api/cases/:id/explain. */
export interface ConditionResult {
  id: string;
  /** What the condition checks, in plain words. */
  description: string;
  /** Clause of the policy document, e.g. "(八)". */
  clause: string;
  /** Name of the fact used, e.g. "applicant.group". */
  fact: string;
  value: unknown;
  passed: boolean;
  /** The condition only applies to another route of the programme (counted as passed). */
  notApplicable?: boolean;
  /** The fact was derived (from the resident ID), not typed. */
  derived?: boolean;
}

/** A fact the rules derived rather than took as typed: from which fact, by which rule. */
export interface DerivedFact {
  name: string;
  value: string | number;
  /** The fact it was derived from, e.g. "applicant.idNumber". */
  from: string;
  rule: string;
}

export type PayoutSchedule =
  { kind: 'one_off'; amountFen: number } | { kind: 'monthly'; months: number; monthlyFen: number } | { kind: 'none' };

export interface AmountBreakdown {
  totalFen: number;
  /** Human-readable formula with its numbers, e.g. "600 yuan × 12 months = 7200 yuan". */
  formula: string;
  inputs: Record<string, number | string>;
  schedule: PayoutSchedule;
}

export interface EligibilityResult {
  programme: string;
  policyVersion: string;
  eligible: boolean;
  conditions: ConditionResult[];
  amount: AmountBreakdown | null;
  /** Facts derived from others (absent in traces recorded before derivation existed). */
  derivedFacts?: DerivedFact[];
}
