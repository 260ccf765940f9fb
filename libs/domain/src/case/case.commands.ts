import type { EligibilityResult } from '@casework/policy';
import type { CommandEnvelope } from '../shared/actor';
import type { Beneficiary, CasePeriod } from './case.events';

type Cmd<T extends string, D> = CommandEnvelope & { type: T; data: D };

/**
 * Commands of the case lifecycle. `data` is the request body, plus what the handler adds itself
 * (marked "handler" below and in CASE_COMMANDS.handlerSupplies): the eligibility it evaluated under
 * a policy version, and the new case id.
 */
export type SubmitCase = Cmd<
  'submit',
  {
    /** handler: the new case's id. */
    caseId: string;
    programme: string;
    beneficiary: Beneficiary;
    facts: Record<string, unknown>;
    period: CasePeriod;
    /** handler */
    eligibility: EligibilityResult;
  }
>;
export type AcceptCase = Cmd<'accept', { note?: string }>;
export type ReturnForSupplement = Cmd<'returnForSupplement', { reason: string }>;
export type ResubmitCase = Cmd<
  'resubmit',
  {
    facts: Record<string, unknown>;
    note?: string;
    /** handler */
    eligibility: EligibilityResult;
  }
>;
export type PassPreliminaryReview = Cmd<'passPreliminaryReview', { opinion?: string }>;
export type PassDistrictReview = Cmd<
  'passDistrictReview',
  {
    opinion?: string;
    /** handler: re-evaluated at review time. */
    eligibility: EligibilityResult;
  }
>;
export type StartPublicNotice = Cmd<
  'startPublicNotice',
  {
    /** Defaults to the command's date (China time). */
    startsOn?: string;
    /** Parameter of the policy version; 5 when absent. */
    workingDays?: number;
  }
>;
export type RaiseObjection = Cmd<'raiseObjection', { summary: string; objector?: string }>;
export type ResolveObjection = Cmd<
  'resolveObjection',
  {
    objectionNumber: number;
    outcome: 'upheld' | 'dismissed';
    resolution: string;
    /** Required when upheld. */
    next?: 'review' | 'reject';
    /** Required when next is reject. */
    clause?: string;
  }
>;
export type EndPublicNotice = Cmd<'endPublicNotice', Record<string, never>>;
export type ApproveCase = Cmd<'approve', { clause: string; note?: string }>;
export type RejectCase = Cmd<'reject', { clause: string; reason: string }>;
export type SchedulePayout = Cmd<'schedulePayout', { firstDueOn: string }>;
export type RecordDisbursement = Cmd<'recordDisbursement', { instalmentNumber: number; reference: string }>;
export type RecordPaymentFailure = Cmd<'recordPaymentFailure', { instalmentNumber: number; reason: string }>;
export type RetryPayment = Cmd<'retryPayment', { instalmentNumber: number; dueOn?: string }>;
export type SuspendCase = Cmd<'suspend', { reason: string; clause?: string }>;
export type ResumeCase = Cmd<'resume', { reason: string }>;
export type ScheduleFollowUp = Cmd<'scheduleFollowUp', { purpose: string; afterMonths: number }>;
export type RecordFollowUp = Cmd<
  'recordFollowUp',
  { followUpNumber: number; finding: string; contractInForce?: boolean }
>;
export type CloseCase = Cmd<'close', { reason?: string }>;
export type WithdrawCase = Cmd<'withdraw', { reason: string }>;
export type ReopenCase = Cmd<'reopen', { reason: string }>;
export type OpenRecovery = Cmd<'openRecovery', { amountOwedFen: number; reason: string; clause?: string }>;
export type RecordRepayment = Cmd<'recordRepayment', { amountFen: number; reference: string }>;
export type RequestWriteOff = Cmd<'requestWriteOff', { reason: string }>;
export type ApproveWriteOff = Cmd<'approveWriteOff', { note?: string }>;
export type SettleRecovery = Cmd<'settleRecovery', { note?: string }>;

export type CaseCommand =
  | SubmitCase
  | AcceptCase
  | ReturnForSupplement
  | ResubmitCase
  | PassPreliminaryReview
  | PassDistrictReview
  | StartPublicNotice
  | RaiseObjection
  | ResolveObjection
  | EndPublicNotice
  | ApproveCase
  | RejectCase
  | SchedulePayout
  | RecordDisbursement
  | RecordPaymentFailure
  | RetryPayment
  | SuspendCase
  | ResumeCase
  | ScheduleFollowUp
  | RecordFollowUp
  | CloseCase
  | WithdrawCase
  | ReopenCase
  | OpenRecovery
  | RecordRepayment
  | RequestWriteOff
  | ApproveWriteOff
  | SettleRecovery;

export type CaseCommandName = CaseCommand['type'];
export type CaseCommandOf<N extends CaseCommandName> = Extract<CaseCommand, { type: N }>;
