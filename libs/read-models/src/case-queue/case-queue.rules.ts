import { CASE_TRANSITIONS, type CaseCommandName, type CaseStatus } from '@casework/domain';
import { addWorkingDays, localDateOf, workingDaysBetween } from '@casework/kernel';
import { TERMINAL_STATUSES, type CaseStatusMemo } from '../case-status/case-status.fold';

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

export function dueOn(status: CaseStatus, stateSince: string, memo: CaseStatusMemo): string | null {
  if (status === 'in_public_notice') return memo.noticeEndsOn;
  if (status === 'in_payout') {
    const days = Object.values(memo.openInstalments).sort();
    const followUps = Object.values(memo.openFollowUps).sort();
    return days[0] ?? followUps[0] ?? null;
  }
  if (TERMINAL_STATUSES.has(status)) return null;
  const n = STEP_WORKING_DAYS[status];
  if (n === undefined) return Object.values(memo.openFollowUps).sort()[0] ?? null;
  return addWorkingDaysCached(localDateOf(stateSince), n);
}
