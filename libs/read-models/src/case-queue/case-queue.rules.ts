import { CASE_TRANSITIONS, type CaseCommandName, type CaseEvent, type CaseStatus } from '@casework/domain';
import { addWorkingDays, localDateOf, workingDaysBetween } from '@casework/kernel';

/** What the queue keeps between events beyond its columns: enough for due dates, nothing more. */
export interface QueueMemo {
  noticeEndsOn: string | null;
  /** Scheduled instalments not yet paid or stopped: number -> due day. */
  openInstalments: Record<string, string>;
  /** Follow-ups scheduled and not yet recorded: number -> due day. */
  openFollowUps: Record<string, string>;
}

export const emptyMemo = (): QueueMemo => ({ noticeEndsOn: null, openInstalments: {}, openFollowUps: {} });

/**
 * The status a case event leads to. The queue folds only what it shows, without the whole case
 * state (a rebuild of a million events cannot carry every case's full state); the exhaustive
 * switch keeps it in step with the event union, and the reliability tests compare it with the
 * domain's evolve.
 */
export function nextStatus(current: CaseStatus, event: CaseEvent): CaseStatus {
  switch (event.type) {
    case 'CaseSubmitted':
    case 'CaseResubmitted':
      return 'submitted';
    case 'CaseAccepted':
      return 'accepted';
    case 'CaseReturnedForSupplement':
      return 'returned_for_supplement';
    case 'PreliminaryReviewPassed':
      return 'preliminary_review_passed';
    case 'DistrictReviewPassed':
      return 'district_review_passed';
    case 'PublicNoticeStarted':
      return 'in_public_notice';
    case 'ObjectionResolved':
      // An upheld objection sends the case back to district review; "reject" is followed by CaseRejected.
      return event.data.outcome === 'upheld' && event.data.next === 'review' ? 'preliminary_review_passed' : current;
    case 'PublicNoticeEnded':
      return 'public_notice_ended';
    case 'CaseApproved':
      return 'approved';
    case 'CaseRejected':
      return 'rejected';
    case 'PayoutScheduled':
    case 'CaseResumed':
      return 'in_payout';
    case 'CaseSuspended':
      return 'suspended';
    case 'CaseClosed':
    case 'RecoverySettled':
      return 'closed';
    case 'CaseWithdrawn':
      return 'withdrawn';
    case 'CaseReopened':
      return event.data.to as CaseStatus;
    case 'RecoveryOpened':
      return 'in_recovery';
    case 'ObjectionRaised':
    case 'InstalmentDisbursed':
    case 'InstalmentPaymentFailed':
    case 'InstalmentPaymentRetried':
    case 'FollowUpScheduled':
    case 'FollowUpRecorded':
    case 'RepaymentRecorded':
    case 'WriteOffRequested':
    case 'WriteOffApproved':
      return current;
    default: {
      const _exhaustive: never = event;
      throw new Error(`case queue: unknown case event ${(_exhaustive as { type: string }).type}`);
    }
  }
}

export function nextMemo(memo: QueueMemo, event: CaseEvent): QueueMemo {
  switch (event.type) {
    case 'PublicNoticeStarted':
      return { ...memo, noticeEndsOn: event.data.endsOn };
    case 'PayoutScheduled':
      return {
        ...memo,
        openInstalments: Object.fromEntries(event.data.instalments.map((i) => [String(i.number), i.dueOn])),
      };
    case 'InstalmentDisbursed': {
      const { [String(event.data.instalmentNumber)]: _paid, ...rest } = memo.openInstalments;
      return { ...memo, openInstalments: rest };
    }
    case 'InstalmentPaymentRetried':
      return {
        ...memo,
        openInstalments: { ...memo.openInstalments, [String(event.data.instalmentNumber)]: event.data.dueOn },
      };
    case 'CaseSuspended':
    case 'RecoveryOpened': {
      const stopped = new Set(event.data.stoppedInstalments.map(String));
      return {
        ...memo,
        openInstalments: Object.fromEntries(Object.entries(memo.openInstalments).filter(([n]) => !stopped.has(n))),
      };
    }
    case 'FollowUpScheduled':
      return {
        ...memo,
        openFollowUps: { ...memo.openFollowUps, [String(event.data.followUpNumber)]: event.data.dueOn },
      };
    case 'FollowUpRecorded': {
      const { [String(event.data.followUpNumber)]: _done, ...rest } = memo.openFollowUps;
      return { ...memo, openFollowUps: rest };
    }
    default:
      return memo;
  }
}

/** The command that moves a case forward from each status; its first role holds the next step. */
const NEXT_STEP: Record<CaseStatus, CaseCommandName | null> = {
  none: null,
  submitted: 'accept',
  returned_for_supplement: 'resubmit',
  accepted: 'passPreliminaryReview',
  preliminary_review_passed: 'passDistrictReview',
  district_review_passed: 'startPublicNotice',
  in_public_notice: 'endPublicNotice',
  public_notice_ended: 'approve',
  approved: 'schedulePayout',
  in_payout: 'recordDisbursement',
  suspended: 'resume',
  in_recovery: 'recordRepayment',
  closed: null,
  rejected: null,
  withdrawn: null,
};

/**
 * Service-time targets per step in working days, counted from the day the case entered it.
 * Public notice runs to its end day, payouts to the next instalment; terminal states have none.
 */
export const STEP_WORKING_DAYS: Partial<Record<CaseStatus, number>> = {
  submitted: 5,
  returned_for_supplement: 10,
  accepted: 5,
  preliminary_review_passed: 10,
  district_review_passed: 3,
  public_notice_ended: 5,
  approved: 5,
  suspended: 20,
  in_recovery: 20,
};

const DISTRICT = 'DISTRICT_HRSS';
const FINANCE = 'FINANCE';

export function assigneeOf(status: CaseStatus, caseUnit: string): { role: string; unit: string } | null {
  const command = NEXT_STEP[status];
  const rule = command ? CASE_TRANSITIONS[status][command] : undefined;
  const role = rule?.roles[0];
  if (!role) return null;
  const unit = role === 'reviewer' || role === 'approver' ? DISTRICT : role === 'finance' ? FINANCE : caseUnit;
  return { role, unit };
}

/**
 * Memoises a pure function of a string key. Projections call the date helpers below for every
 * event of a rebuild (millions of times) over a few hundred distinct days; bounded, so a live
 * worker does not grow it without end.
 */
function memoised<R>(fn: (key: string) => R, limit = 50_000): (key: string) => R {
  const cache = new Map<string, R>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      v = fn(key);
      if (cache.size >= limit) cache.clear();
      cache.set(key, v);
    }
    return v;
  };
}

const addWorkingDaysMemo = memoised((key: string) => {
  const at = key.indexOf('|');
  return addWorkingDays(key.slice(0, at), Number(key.slice(at + 1)));
});
const workingDaysBetweenMemo = memoised((key: string) => workingDaysBetween(key.slice(0, 10), key.slice(11)));

/** addWorkingDays of the kernel calendar, memoised (see memoised). */
export const addWorkingDaysCached = (isoDate: string, n: number): string => addWorkingDaysMemo(`${isoDate}|${n}`);

/** workingDaysBetween of the kernel calendar, memoised; both days are ISO dates (YYYY-MM-DD). */
export const workingDaysBetweenCached = (fromIso: string, toIso: string): number =>
  fromIso.length === 10 && toIso.length === 10
    ? workingDaysBetweenMemo(`${fromIso}|${toIso}`)
    : workingDaysBetween(fromIso, toIso);

export function dueOn(status: CaseStatus, stateSince: string, memo: QueueMemo): string | null {
  if (status === 'in_public_notice') return memo.noticeEndsOn;
  if (status === 'in_payout') {
    const days = Object.values(memo.openInstalments).sort();
    const followUps = Object.values(memo.openFollowUps).sort();
    return days[0] ?? followUps[0] ?? null;
  }
  if (status === 'closed' || status === 'rejected' || status === 'withdrawn' || status === 'none') return null;
  const n = STEP_WORKING_DAYS[status];
  if (n === undefined) return Object.values(memo.openFollowUps).sort()[0] ?? null;
  return addWorkingDaysCached(localDateOf(stateSince), n);
}
