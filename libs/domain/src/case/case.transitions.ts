import type { Role } from '../shared/actor';
import type { CaseCommandName } from './case.commands';
import { CASE_STATUSES, type CaseStatus } from './case.state';

/** Who may issue a command in a state, and the states it can lead to (for the diagram and a spec). */
export type TransitionRule = { roles: readonly Role[]; to: readonly CaseStatus[] };
export type CaseTransitionTable = {
  readonly [S in CaseStatus]: Readonly<Partial<Record<CaseCommandName, TransitionRule>>>;
};

const rule = (roles: Role[], ...to: CaseStatus[]): TransitionRule => ({ roles, to });

const CASEWORKER: Role[] = ['caseworker'];
const REVIEWER: Role[] = ['reviewer'];
const APPROVER: Role[] = ['approver'];
const FINANCE: Role[] = ['finance'];
const FOLLOW_UP: Role[] = ['caseworker', 'street_staff'];
const DECIDERS: Role[] = ['reviewer', 'approver'];

/**
 * The workflow as data (DESIGN §3): state × command → roles allowed. decide() consults it before
 * anything else; `allowedCommands` and `toMermaid` read it, so the diagram in docs/workflow.md,
 * the 409 "allowed here" list and the rules are one thing. Inspectors and administrators appear
 * nowhere: they read and configure, they never move a case.
 */
export const CASE_TRANSITIONS: CaseTransitionTable = {
  none: {
    submit: rule(CASEWORKER, 'submitted'),
  },
  submitted: {
    accept: rule(CASEWORKER, 'accepted'),
    returnForSupplement: rule(['caseworker', 'reviewer'], 'returned_for_supplement'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  returned_for_supplement: {
    resubmit: rule(CASEWORKER, 'submitted'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  accepted: {
    // 初审 is the street office's step: its caseworkers or staff, never the one who opened the case.
    passPreliminaryReview: rule(['caseworker', 'street_staff'], 'preliminary_review_passed'),
    returnForSupplement: rule(['caseworker', 'street_staff', 'reviewer'], 'returned_for_supplement'),
    reject: rule(REVIEWER, 'rejected'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  preliminary_review_passed: {
    passDistrictReview: rule(REVIEWER, 'district_review_passed'),
    returnForSupplement: rule(REVIEWER, 'returned_for_supplement'),
    reject: rule(REVIEWER, 'rejected'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  district_review_passed: {
    startPublicNotice: rule(['caseworker', 'reviewer'], 'in_public_notice'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  in_public_notice: {
    raiseObjection: rule(['caseworker', 'reviewer', 'street_staff'], 'in_public_notice'),
    resolveObjection: rule(REVIEWER, 'in_public_notice', 'preliminary_review_passed', 'rejected'),
    endPublicNotice: rule(['caseworker', 'reviewer'], 'public_notice_ended'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  public_notice_ended: {
    approve: rule(APPROVER, 'approved'),
    reject: rule(APPROVER, 'rejected'),
    withdraw: rule(CASEWORKER, 'withdrawn'),
  },
  approved: {
    schedulePayout: rule(['caseworker', 'finance'], 'in_payout'),
    scheduleFollowUp: rule(FOLLOW_UP, 'approved'),
    recordFollowUp: rule(FOLLOW_UP, 'approved'),
    close: rule(CASEWORKER, 'closed'),
  },
  in_payout: {
    recordDisbursement: rule(FINANCE, 'in_payout'),
    recordPaymentFailure: rule(FINANCE, 'in_payout'),
    retryPayment: rule(['finance', 'caseworker'], 'in_payout'),
    suspend: rule(['caseworker', 'reviewer'], 'suspended'),
    scheduleFollowUp: rule(FOLLOW_UP, 'in_payout'),
    recordFollowUp: rule(FOLLOW_UP, 'in_payout'),
    openRecovery: rule(['caseworker', 'reviewer'], 'in_recovery'),
    close: rule(CASEWORKER, 'closed'),
  },
  suspended: {
    resume: rule(['caseworker', 'reviewer'], 'in_payout'),
    scheduleFollowUp: rule(FOLLOW_UP, 'suspended'),
    recordFollowUp: rule(FOLLOW_UP, 'suspended'),
    openRecovery: rule(['caseworker', 'reviewer'], 'in_recovery'),
    close: rule(CASEWORKER, 'closed'),
  },
  in_recovery: {
    recordRepayment: rule(FINANCE, 'in_recovery'),
    requestWriteOff: rule(['caseworker', 'reviewer'], 'in_recovery'),
    approveWriteOff: rule(APPROVER, 'in_recovery'),
    settleRecovery: rule(['caseworker', 'reviewer'], 'closed'),
  },
  closed: {
    reopen: rule(DECIDERS, 'approved', 'in_payout', 'suspended'),
    openRecovery: rule(['caseworker', 'reviewer'], 'in_recovery'),
  },
  rejected: {
    reopen: rule(DECIDERS, 'accepted'),
  },
  withdrawn: {},
};

/** Commands legal in a state; with a role, only those that role may issue. In table order. */
export function allowedCommands(status: CaseStatus, role?: Role): CaseCommandName[] {
  return (Object.entries(CASE_TRANSITIONS[status]) as [CaseCommandName, TransitionRule][])
    .filter(([, r]) => role === undefined || r.roles.includes(role))
    .map(([name]) => name);
}

/** Display names of the states, Chinese first as the console shows them. */
export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  none: '(no case yet)',
  submitted: '已提交 submitted',
  returned_for_supplement: '退回补正 returned for supplement',
  accepted: '已受理 accepted, awaiting 初审',
  preliminary_review_passed: '初审通过 awaiting 复审',
  district_review_passed: '复审通过 awaiting 公示',
  in_public_notice: '公示中 in public notice',
  public_notice_ended: '公示期满 awaiting approval',
  approved: '已审批 approved',
  in_payout: '发放中 in payout',
  suspended: '已暂停 suspended',
  in_recovery: '追回中 in recovery',
  closed: '已办结 closed',
  rejected: '不予批准 rejected',
  withdrawn: '已撤回 withdrawn',
};

/** The transition table as a Mermaid state diagram; docs/workflow.md embeds exactly this text. */
export function toMermaid(): string {
  const node = (s: CaseStatus) => (s === 'none' ? '[*]' : s);
  const lines = ['stateDiagram-v2'];
  for (const s of CASE_STATUSES) if (s !== 'none') lines.push(`  ${s} : ${CASE_STATUS_LABELS[s]}`);
  for (const from of CASE_STATUSES) {
    for (const [command, r] of Object.entries(CASE_TRANSITIONS[from]) as [CaseCommandName, TransitionRule][]) {
      for (const to of r.to) lines.push(`  ${node(from)} --> ${node(to)} : ${command} (${r.roles.join(', ')})`);
    }
  }
  return lines.join('\n') + '\n';
}
