import { CommandField } from '../shared/command-field.decorator';

/*
 * One request class per workflow command, so OpenAPI shows each body. Field rules come from
 * CASE_COMMANDS (libs/domain); optional fields are marked by the catalogue, not here.
 */

export class AcceptCaseRequestDto {
  @CommandField('accept', 'note')
  note?: string;
}

export class ReturnForSupplementCaseRequestDto {
  @CommandField('returnForSupplement', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class ResubmitCaseRequestDto {
  @CommandField('resubmit', 'facts')
  facts?: Record<string, unknown>;

  @CommandField('resubmit', 'note')
  note?: string;
}

export class PassPreliminaryReviewCaseRequestDto {
  @CommandField('passPreliminaryReview', 'opinion')
  opinion?: string;
}

export class PassDistrictReviewCaseRequestDto {
  @CommandField('passDistrictReview', 'opinion')
  opinion?: string;
}

export class StartPublicNoticeCaseRequestDto {
  @CommandField('startPublicNotice', 'startsOn')
  startsOn?: string;

  @CommandField('startPublicNotice', 'workingDays')
  workingDays?: number;
}

export class RaiseObjectionCaseRequestDto {
  @CommandField('raiseObjection', 'summary')
  summary?: string;

  @CommandField('raiseObjection', 'objector')
  objector?: string;
}

export class ResolveObjectionCaseRequestDto {
  @CommandField('resolveObjection', 'objectionNumber')
  objectionNumber?: number;

  @CommandField('resolveObjection', 'outcome')
  outcome?: 'upheld' | 'dismissed';

  @CommandField('resolveObjection', 'resolution')
  resolution?: string;

  @CommandField('resolveObjection', 'next')
  next?: 'review' | 'reject';

  @CommandField('resolveObjection', 'clause', '(八)')
  clause?: string;
}

export class EndPublicNoticeCaseRequestDto {}

export class ApproveCaseRequestDto {
  @CommandField('approve', 'clause', '(八)')
  clause?: string;

  @CommandField('approve', 'note')
  note?: string;
}

export class RejectCaseRequestDto {
  @CommandField('reject', 'clause', '(八)')
  clause?: string;

  @CommandField('reject', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class SchedulePayoutCaseRequestDto {
  @CommandField('schedulePayout', 'firstDueOn', '2020-12-01')
  firstDueOn?: string;
}

export class RecordDisbursementCaseRequestDto {
  @CommandField('recordDisbursement', 'instalmentNumber')
  instalmentNumber?: number;

  @CommandField('recordDisbursement', 'reference')
  reference?: string;
}

export class RecordPaymentFailureCaseRequestDto {
  @CommandField('recordPaymentFailure', 'instalmentNumber')
  instalmentNumber?: number;

  @CommandField('recordPaymentFailure', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class RetryPaymentCaseRequestDto {
  @CommandField('retryPayment', 'instalmentNumber')
  instalmentNumber?: number;

  @CommandField('retryPayment', 'dueOn')
  dueOn?: string;
}

export class SuspendCaseRequestDto {
  @CommandField('suspend', 'reason', '申请人提交材料不全')
  reason?: string;

  @CommandField('suspend', 'clause', '(八)')
  clause?: string;
}

export class ResumeCaseRequestDto {
  @CommandField('resume', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class ScheduleFollowUpCaseRequestDto {
  @CommandField('scheduleFollowUp', 'purpose')
  purpose?: string;

  @CommandField('scheduleFollowUp', 'afterMonths')
  afterMonths?: number;
}

export class RecordFollowUpCaseRequestDto {
  @CommandField('recordFollowUp', 'followUpNumber')
  followUpNumber?: number;

  @CommandField('recordFollowUp', 'finding')
  finding?: string;

  @CommandField('recordFollowUp', 'contractInForce')
  contractInForce?: boolean;
}

export class CloseCaseRequestDto {
  @CommandField('close', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class WithdrawCaseRequestDto {
  @CommandField('withdraw', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class ReopenCaseRequestDto {
  @CommandField('reopen', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class OpenRecoveryCaseRequestDto {
  @CommandField('openRecovery', 'amountOwedFen')
  amountOwedFen?: number;

  @CommandField('openRecovery', 'reason', '申请人提交材料不全')
  reason?: string;

  @CommandField('openRecovery', 'clause', '(八)')
  clause?: string;
}

export class RecordRepaymentCaseRequestDto {
  @CommandField('recordRepayment', 'amountFen')
  amountFen?: number;

  @CommandField('recordRepayment', 'reference')
  reference?: string;
}

export class RequestWriteOffCaseRequestDto {
  @CommandField('requestWriteOff', 'reason', '申请人提交材料不全')
  reason?: string;
}

export class ApproveWriteOffCaseRequestDto {
  @CommandField('approveWriteOff', 'note')
  note?: string;
}

export class SettleRecoveryCaseRequestDto {
  @CommandField('settleRecovery', 'note')
  note?: string;
}
