import type { EligibilityResult, PayoutSchedule } from '@casework/policy';
import type { Actor } from '../shared/actor';

/** A person (resident ID number) or an enterprise (unified social credit code). */
export type Beneficiary =
  { kind: 'person'; idNumber: string; name: string } | { kind: 'enterprise'; creditCode: string; name: string };

/** The days the application covers, ISO dates inclusive. */
export type CasePeriod = { from: string; to: string };

/** Who did it and when: every case event carries it so a fold alone can answer "who did each step". */
type Stamp = { by: Actor; at: string };

export type CaseSubmitted = {
  type: 'CaseSubmitted';
  data: Stamp & {
    caseId: string;
    programme: string;
    beneficiary: Beneficiary;
    facts: Record<string, unknown>;
    period: CasePeriod;
    policyVersion: string;
    eligibility: EligibilityResult;
    /** The unit that opened the case (the opening caseworker's unit). */
    unit: string;
  };
};
export type CaseAccepted = { type: 'CaseAccepted'; data: Stamp };
export type CaseReturnedForSupplement = { type: 'CaseReturnedForSupplement'; data: Stamp & { reason: string } };
export type CaseResubmitted = {
  type: 'CaseResubmitted';
  data: Stamp & {
    facts: Record<string, unknown>;
    policyVersion: string;
    eligibility: EligibilityResult;
    note: string | null;
  };
};
export type PreliminaryReviewPassed = { type: 'PreliminaryReviewPassed'; data: Stamp & { opinion: string | null } };
export type DistrictReviewPassed = {
  type: 'DistrictReviewPassed';
  data: Stamp & { opinion: string | null; policyVersion: string; eligibility: EligibilityResult };
};
export type PublicNoticeStarted = {
  type: 'PublicNoticeStarted';
  data: Stamp & { noticeNumber: number; startsOn: string; workingDays: number; endsOn: string };
};
export type ObjectionRaised = {
  type: 'ObjectionRaised';
  data: Stamp & { noticeNumber: number; objectionNumber: number; summary: string; objector: string | null };
};
export type ObjectionResolved = {
  type: 'ObjectionResolved';
  data: Stamp & {
    objectionNumber: number;
    outcome: 'upheld' | 'dismissed';
    resolution: string;
    /** Where an upheld objection sends the case: back to district review, or to rejection. */
    next: 'review' | 'reject' | null;
  };
};
export type PublicNoticeEnded = { type: 'PublicNoticeEnded'; data: Stamp & { noticeNumber: number } };
export type CaseApproved = {
  type: 'CaseApproved';
  data: Stamp & {
    clause: string;
    policyVersion: string;
    amountFen: number;
    formula: string | null;
    schedule: PayoutSchedule;
    note: string | null;
  };
};
export type CaseRejected = {
  type: 'CaseRejected';
  data: Stamp & { clause: string; reason: string; /** The status the case was in when rejected. */ atStep: string };
};
export type Instalment = { number: number; dueOn: string; amountFen: number };
export type PayoutScheduled = {
  type: 'PayoutScheduled';
  data: Stamp & { kind: 'one_off' | 'monthly'; instalments: Instalment[] };
};
export type InstalmentDisbursed = {
  type: 'InstalmentDisbursed';
  data: Stamp & { instalmentNumber: number; amountFen: number; reference: string };
};
export type InstalmentPaymentFailed = {
  type: 'InstalmentPaymentFailed';
  data: Stamp & { instalmentNumber: number; reason: string };
};
export type InstalmentPaymentRetried = {
  type: 'InstalmentPaymentRetried';
  data: Stamp & { instalmentNumber: number; dueOn: string };
};
export type CaseSuspended = {
  type: 'CaseSuspended';
  data: Stamp & {
    reason: string;
    clause: string | null;
    /** Pending instalments that stop paying. */ stoppedInstalments: number[];
  };
};
export type CaseResumed = { type: 'CaseResumed'; data: Stamp & { reason: string; resumedInstalments: number[] } };
export type FollowUpScheduled = {
  type: 'FollowUpScheduled';
  data: Stamp & { followUpNumber: number; purpose: string; dueOn: string };
};
export type FollowUpRecorded = {
  type: 'FollowUpRecorded';
  data: Stamp & { followUpNumber: number; finding: string; contractInForce: boolean | null };
};
export type CaseClosed = { type: 'CaseClosed'; data: Stamp & { reason: string | null } };
export type CaseWithdrawn = { type: 'CaseWithdrawn'; data: Stamp & { reason: string } };
export type CaseReopened = {
  type: 'CaseReopened';
  data: Stamp & { reason: string; from: 'closed' | 'rejected'; to: string };
};
export type RecoveryOpened = {
  type: 'RecoveryOpened';
  data: Stamp & { amountOwedFen: number; reason: string; clause: string | null; stoppedInstalments: number[] };
};
export type RepaymentRecorded = { type: 'RepaymentRecorded'; data: Stamp & { amountFen: number; reference: string } };
export type WriteOffRequested = { type: 'WriteOffRequested'; data: Stamp & { amountFen: number; reason: string } };
export type WriteOffApproved = { type: 'WriteOffApproved'; data: Stamp & { amountFen: number; note: string | null } };
export type RecoverySettled = { type: 'RecoverySettled'; data: Stamp & { note: string | null } };

export type CaseEvent =
  | CaseSubmitted
  | CaseAccepted
  | CaseReturnedForSupplement
  | CaseResubmitted
  | PreliminaryReviewPassed
  | DistrictReviewPassed
  | PublicNoticeStarted
  | ObjectionRaised
  | ObjectionResolved
  | PublicNoticeEnded
  | CaseApproved
  | CaseRejected
  | PayoutScheduled
  | InstalmentDisbursed
  | InstalmentPaymentFailed
  | InstalmentPaymentRetried
  | CaseSuspended
  | CaseResumed
  | FollowUpScheduled
  | FollowUpRecorded
  | CaseClosed
  | CaseWithdrawn
  | CaseReopened
  | RecoveryOpened
  | RepaymentRecorded
  | WriteOffRequested
  | WriteOffApproved
  | RecoverySettled;

export type CaseEventType = CaseEvent['type'];

// Keys of a record over the union: the compiler rejects a missing or unknown type, so the list cannot drift.
const CASE_EVENT_TYPE_SET = {
  CaseSubmitted: true,
  CaseAccepted: true,
  CaseReturnedForSupplement: true,
  CaseResubmitted: true,
  PreliminaryReviewPassed: true,
  DistrictReviewPassed: true,
  PublicNoticeStarted: true,
  ObjectionRaised: true,
  ObjectionResolved: true,
  PublicNoticeEnded: true,
  CaseApproved: true,
  CaseRejected: true,
  PayoutScheduled: true,
  InstalmentDisbursed: true,
  InstalmentPaymentFailed: true,
  InstalmentPaymentRetried: true,
  CaseSuspended: true,
  CaseResumed: true,
  FollowUpScheduled: true,
  FollowUpRecorded: true,
  CaseClosed: true,
  CaseWithdrawn: true,
  CaseReopened: true,
  RecoveryOpened: true,
  RepaymentRecorded: true,
  WriteOffRequested: true,
  WriteOffApproved: true,
  RecoverySettled: true,
} as const satisfies Record<CaseEventType, true>;

/** Every case event type, at run time (in the order of the union). */
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_TYPE_SET) as readonly CaseEventType[];
