import type { CaseEvent, CaseStatus, CaseSubmitted } from '@casework/domain';
import type { RecordedEvent } from '@casework/event-store';

export const CASE_STREAM_PREFIX = 'case-';

/** A case event as the projections read it: the case it belongs to, the typed event, when it happened. */
export interface CaseEventOf {
  caseId: string;
  event: CaseEvent;
  /** The event's own time (every case event carries `at`), else the time it was recorded. */
  at: string;
  version: number;
}

export function caseEventOf(recorded: RecordedEvent): CaseEventOf {
  const at = (recorded.data as { at?: unknown }).at;
  return {
    caseId: recorded.streamId.slice(CASE_STREAM_PREFIX.length),
    event: { type: recorded.type, data: recorded.data } as CaseEvent,
    at: typeof at === 'string' ? at : recorded.metadata.recordedAt,
    version: recorded.version,
  };
}

/** What the case projections keep between events beyond the status: enough for due dates, nothing more. */
export interface CaseStatusMemo {
  noticeEndsOn: string | null;
  /** Scheduled instalments not yet paid or stopped: number -> due day. */
  openInstalments: Record<string, string>;
  /** Follow-ups scheduled and not yet recorded: number -> due day. */
  openFollowUps: Record<string, string>;
}

/**
 * The case status as every case projection folds it (case queue, accountability): where the case
 * stands, since when, the due-date memo and the stream version folded so far. Projections keep it
 * in their own rows (a rebuild of a million events cannot carry every case's full domain state).
 */
export interface CaseStatusFacts {
  state: CaseStatus;
  /** When the case entered its current step; a resubmission starts a new step in the same state. */
  stateSince: string;
  memo: CaseStatusMemo;
  version: number;
}

/** Statuses in which nobody has a next step to take. */
export const TERMINAL_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'closed',
  'rejected',
  'withdrawn',
  'none',
]);

export const emptyMemo = (): CaseStatusMemo => ({ noticeEndsOn: null, openInstalments: {}, openFollowUps: {} });

/**
 * The status a case event leads to. The exhaustive switch keeps it in step with the event union,
 * and the reliability tests compare it with the domain's evolve.
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
      throw new Error(`case status: unknown case event ${(_exhaustive as { type: string }).type}`);
    }
  }
}

export function nextMemo(memo: CaseStatusMemo, event: CaseEvent): CaseStatusMemo {
  switch (event.type) {
    case 'PublicNoticeStarted':
      return { ...memo, noticeEndsOn: event.data.endsOn };
    // A resubmitted or reopened case has no notice running any more.
    case 'CaseResubmitted':
    case 'CaseReopened':
      return { ...memo, noticeEndsOn: null };
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

export interface CaseStatusStep {
  status: CaseStatusFacts;
  /** The case left its step (if it had one) and entered a new one: the state changed, or it was resubmitted. */
  newStep: boolean;
}

/** The data of the event that opens a case; any other first event is a bug that must stop the projection. */
export function openingOf(e: CaseEventOf): CaseSubmitted['data'] {
  if (e.event.type !== 'CaseSubmitted')
    throw new Error(`case ${e.caseId}: ${e.event.type} (version ${e.version}) before CaseSubmitted`);
  return e.event.data;
}

/** Events of a case come in stream order, without gaps or repeats; anything else must stop the projection. */
export function checkNextVersion(e: CaseEventOf, foldedVersion: number): void {
  if (e.version !== foldedVersion + 1)
    throw new Error(`case ${e.caseId}: event version ${e.version} after ${foldedVersion} (gap or repeat)`);
}

/**
 * The one fold of case status. `current` is what the projection folded so far, undefined before
 * the case's first event (which must open it, see openingOf).
 */
export function foldCaseStatus(current: CaseStatusFacts | undefined, e: CaseEventOf): CaseStatusStep {
  if (!current) {
    openingOf(e);
    return { status: { state: 'submitted', stateSince: e.at, memo: emptyMemo(), version: e.version }, newStep: true };
  }
  checkNextVersion(e, current.version);
  const state = nextStatus(current.state, e.event);
  const newStep = state !== current.state || e.event.type === 'CaseResubmitted';
  return {
    status: {
      state,
      stateSince: newStep ? e.at : current.stateSince,
      memo: nextMemo(current.memo, e.event),
      version: e.version,
    },
    newStep,
  };
}
