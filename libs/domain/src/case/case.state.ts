import type { EligibilityResult, PayoutSchedule } from '@casework/policy';
import type { Actor } from '../shared/actor';
import type { Beneficiary, CaseEvent, CaseEventType, CasePeriod } from './case.events';

export const CASE_STATUSES = [
  'none',
  'submitted',
  'returned_for_supplement',
  'accepted',
  'preliminary_review_passed',
  'district_review_passed',
  'in_public_notice',
  'public_notice_ended',
  'approved',
  'in_payout',
  'suspended',
  'in_recovery',
  'closed',
  'rejected',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** One line of "who did each step". */
export type StepRecord = { step: CaseEventType; by: Actor; at: string };

/** Every rule evaluation the case went through, for /explain. */
export type Evaluation = {
  step: 'CaseSubmitted' | 'CaseResubmitted' | 'DistrictReviewPassed';
  policyVersion: string;
  eligibility: EligibilityResult;
  by: Actor;
  at: string;
};

export type Supplement = {
  reason: string;
  returnedBy: Actor;
  returnedAt: string;
  resubmittedBy: Actor | null;
  resubmittedAt: string | null;
};

export type Review = { by: Actor; at: string; opinion: string | null };

export type PublicNotice = {
  noticeNumber: number;
  startsOn: string;
  workingDays: number;
  endsOn: string;
  startedBy: Actor;
  startedAt: string;
  /** running; ended normally; interrupted by an upheld objection. */
  outcome: 'running' | 'ended' | 'interrupted';
  endedBy: Actor | null;
  endedAt: string | null;
};

export type Objection = {
  noticeNumber: number;
  objectionNumber: number;
  summary: string;
  objector: string | null;
  raisedBy: Actor;
  raisedAt: string;
  /** moot: still open when another objection on the same notice was upheld. */
  status: 'open' | 'upheld' | 'dismissed' | 'moot';
  resolution: string | null;
  next: 'review' | 'reject' | null;
  resolvedBy: Actor | null;
  resolvedAt: string | null;
};

export type Approval = {
  clause: string;
  policyVersion: string;
  amountFen: number;
  formula: string | null;
  schedule: PayoutSchedule;
  note: string | null;
  by: Actor;
  at: string;
};
export type Rejection = { clause: string; reason: string; atStep: string; by: Actor; at: string };

export type InstalmentStatus = 'scheduled' | 'disbursed' | 'failed' | 'stopped';
export type InstalmentState = {
  number: number;
  dueOn: string;
  amountFen: number;
  status: InstalmentStatus;
  failures: { reason: string; by: Actor; at: string }[];
  retries: number;
  disbursedBy: Actor | null;
  disbursedAt: string | null;
  reference: string | null;
};
export type Payout = { kind: 'one_off' | 'monthly'; scheduledBy: Actor; scheduledAt: string };

export type Suspension = {
  reason: string;
  clause: string | null;
  by: Actor;
  at: string;
  resumedBy: Actor | null;
  resumedAt: string | null;
  resumeReason: string | null;
};

export type FollowUp = {
  followUpNumber: number;
  purpose: string;
  dueOn: string;
  scheduledBy: Actor;
  scheduledAt: string;
  finding: string | null;
  contractInForce: boolean | null;
  recordedBy: Actor | null;
  recordedAt: string | null;
};

export type Recovery = {
  status: 'open' | 'settled';
  amountOwedFen: number;
  reason: string;
  clause: string | null;
  openedBy: Actor;
  openedAt: string;
  repaidFen: number;
  writtenOffFen: number;
  outstandingFen: number;
  repayments: { amountFen: number; reference: string; by: Actor; at: string }[];
  writeOff: {
    status: 'requested' | 'approved';
    amountFen: number;
    reason: string;
    requestedBy: Actor;
    requestedAt: string;
    approvedBy: Actor | null;
    approvedAt: string | null;
    note: string | null;
  } | null;
  settledBy: Actor | null;
  settledAt: string | null;
};

/** Due dates a queue or a timer needs, kept current by evolve. */
export type CaseDueDates = {
  noticeEndsOn: string | null;
  followUpDueOn: string | null;
  nextInstalmentDueOn: string | null;
};

type ReopenTarget = 'approved' | 'in_payout' | 'suspended';

export type CaseData = {
  caseId: string;
  programme: string;
  beneficiary: Beneficiary;
  facts: Record<string, unknown>;
  period: CasePeriod;
  unit: string;
  openedBy: Actor;
  openedAt: string;
  /** The latest evaluation: the one a decision rests on. */
  policyVersion: string;
  eligibility: EligibilityResult;
  evaluations: Evaluation[];
  supplements: Supplement[];
  preliminaryReview: Review | null;
  districtReview: Review | null;
  notices: PublicNotice[];
  objections: Objection[];
  approval: Approval | null;
  rejection: Rejection | null;
  payout: Payout | null;
  instalments: InstalmentState[];
  disbursedFen: number;
  suspension: Suspension | null;
  followUps: FollowUp[];
  /** The current or latest recovery; earlier ones stay in `recoveries`. */
  recovery: Recovery | null;
  recoveries: Recovery[];
  withdrawal: { reason: string; by: Actor; at: string } | null;
  closure: { reason: string | null; by: Actor; at: string; reopensTo: ReopenTarget } | null;
  reopenings: { reason: string; from: 'closed' | 'rejected'; to: string; by: Actor; at: string }[];
  steps: StepRecord[];
  due: CaseDueDates;
};

type With<S extends CaseStatus, Extra = unknown> = CaseData & { status: S } & Extra;

export type CaseState =
  | { status: 'none' }
  | With<
      | 'submitted'
      | 'returned_for_supplement'
      | 'accepted'
      | 'preliminary_review_passed'
      | 'district_review_passed'
      | 'in_public_notice'
      | 'public_notice_ended'
    >
  | With<'approved' | 'in_payout' | 'suspended', { approval: Approval }>
  | With<'in_recovery', { approval: Approval; recovery: Recovery }>
  | With<'closed', { closure: NonNullable<CaseData['closure']> }>
  | With<'rejected', { rejection: Rejection }>
  | With<'withdrawn', { withdrawal: NonNullable<CaseData['withdrawal']> }>;

export type OpenCaseState = Exclude<CaseState, { status: 'none' }>;

export const initialCaseState = (): CaseState => ({ status: 'none' });

export const caseStreamId = (caseId: string): string => `case-${caseId}`;

/** The running notice, if any. */
export function currentNotice(state: CaseData): PublicNotice | null {
  const last = state.notices[state.notices.length - 1];
  return last && last.outcome === 'running' ? last : null;
}

function dueDates(d: CaseData, status: CaseStatus): CaseDueDates {
  const notice = status === 'in_public_notice' ? currentNotice(d) : null;
  const openFollowUps = d.followUps
    .filter((f) => f.recordedAt === null)
    .map((f) => f.dueOn)
    .sort();
  const payable = d.instalments
    .filter((i) => i.status === 'scheduled')
    .map((i) => i.dueOn)
    .sort();
  const live = status !== 'closed' && status !== 'withdrawn' && status !== 'rejected';
  return {
    noticeEndsOn: notice?.endsOn ?? null,
    followUpDueOn: live ? (openFollowUps[0] ?? null) : null,
    nextInstalmentDueOn: status === 'in_payout' ? (payable[0] ?? null) : null,
  };
}

// The one place that assembles a variant from its parts; the union is checked by the callers' status.
function make(status: Exclude<CaseStatus, 'none'>, d: CaseData): CaseState {
  return { ...d, status, due: dueDates(d, status) } as CaseState;
}

const mapInstalments = (
  d: CaseData,
  numbers: number[],
  f: (i: InstalmentState) => InstalmentState,
): InstalmentState[] => d.instalments.map((i) => (numbers.includes(i.number) ? f(i) : i));

const mapRecovery = (d: CaseData, f: (r: Recovery) => Recovery): Pick<CaseData, 'recovery' | 'recoveries'> => {
  const r = f(d.recovery as Recovery);
  return { recovery: r, recoveries: [...d.recoveries.slice(0, -1), r] };
};

/** Applies one event. Events are facts already decided: evolve never refuses one except on a corrupt stream. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseSubmitted') {
    if (state.status !== 'none') throw new Error(`Corrupt case stream: CaseSubmitted on case in state ${state.status}`);
    const e = event.data;
    return make('submitted', {
      caseId: e.caseId,
      programme: e.programme,
      beneficiary: e.beneficiary,
      facts: e.facts,
      period: e.period,
      unit: e.unit,
      openedBy: e.by,
      openedAt: e.at,
      policyVersion: e.policyVersion,
      eligibility: e.eligibility,
      evaluations: [
        { step: 'CaseSubmitted', policyVersion: e.policyVersion, eligibility: e.eligibility, by: e.by, at: e.at },
      ],
      supplements: [],
      preliminaryReview: null,
      districtReview: null,
      notices: [],
      objections: [],
      approval: null,
      rejection: null,
      payout: null,
      instalments: [],
      disbursedFen: 0,
      suspension: null,
      followUps: [],
      recovery: null,
      recoveries: [],
      withdrawal: null,
      closure: null,
      reopenings: [],
      steps: [{ step: event.type, by: e.by, at: e.at }],
      due: { noticeEndsOn: null, followUpDueOn: null, nextInstalmentDueOn: null },
    });
  }
  if (state.status === 'none') throw new Error(`Corrupt case stream: ${event.type} before CaseSubmitted`);
  const d: CaseData = { ...state, steps: [...state.steps, { step: event.type, by: event.data.by, at: event.data.at }] };
  const status = state.status;

  switch (event.type) {
    case 'CaseAccepted':
      return make('accepted', d);
    case 'CaseReturnedForSupplement': {
      const e = event.data;
      return make('returned_for_supplement', {
        ...d,
        supplements: [
          ...d.supplements,
          { reason: e.reason, returnedBy: e.by, returnedAt: e.at, resubmittedBy: null, resubmittedAt: null },
        ],
      });
    }
    case 'CaseResubmitted': {
      const e = event.data;
      const supplements = d.supplements.map((s, i) =>
        i === d.supplements.length - 1 ? { ...s, resubmittedBy: e.by, resubmittedAt: e.at } : s,
      );
      const evaluation: Evaluation = {
        step: 'CaseResubmitted',
        policyVersion: e.policyVersion,
        eligibility: e.eligibility,
        by: e.by,
        at: e.at,
      };
      return make('submitted', {
        ...d,
        facts: e.facts,
        policyVersion: e.policyVersion,
        eligibility: e.eligibility,
        evaluations: [...d.evaluations, evaluation],
        supplements,
      });
    }
    case 'PreliminaryReviewPassed':
      return make('preliminary_review_passed', {
        ...d,
        preliminaryReview: { by: event.data.by, at: event.data.at, opinion: event.data.opinion },
      });
    case 'DistrictReviewPassed': {
      const e = event.data;
      const evaluation: Evaluation = {
        step: 'DistrictReviewPassed',
        policyVersion: e.policyVersion,
        eligibility: e.eligibility,
        by: e.by,
        at: e.at,
      };
      return make('district_review_passed', {
        ...d,
        policyVersion: e.policyVersion,
        eligibility: e.eligibility,
        evaluations: [...d.evaluations, evaluation],
        districtReview: { by: e.by, at: e.at, opinion: e.opinion },
      });
    }
    case 'PublicNoticeStarted': {
      const e = event.data;
      const notice: PublicNotice = {
        noticeNumber: e.noticeNumber,
        startsOn: e.startsOn,
        workingDays: e.workingDays,
        endsOn: e.endsOn,
        startedBy: e.by,
        startedAt: e.at,
        outcome: 'running',
        endedBy: null,
        endedAt: null,
      };
      return make('in_public_notice', { ...d, notices: [...d.notices, notice] });
    }
    case 'ObjectionRaised': {
      const e = event.data;
      const objection: Objection = {
        noticeNumber: e.noticeNumber,
        objectionNumber: e.objectionNumber,
        summary: e.summary,
        objector: e.objector,
        raisedBy: e.by,
        raisedAt: e.at,
        status: 'open',
        resolution: null,
        next: null,
        resolvedBy: null,
        resolvedAt: null,
      };
      return make(status, { ...d, objections: [...d.objections, objection] });
    }
    case 'ObjectionResolved': {
      const e = event.data;
      const resolved = d.objections.find((o) => o.objectionNumber === e.objectionNumber);
      const objections = d.objections.map((o): Objection => {
        if (o.objectionNumber === e.objectionNumber)
          return {
            ...o,
            status: e.outcome,
            resolution: e.resolution,
            next: e.next,
            resolvedBy: e.by,
            resolvedAt: e.at,
          };
        // An upheld objection ends the notice, so the others on it no longer need an answer.
        if (e.outcome === 'upheld' && o.status === 'open' && o.noticeNumber === resolved?.noticeNumber)
          return { ...o, status: 'moot' };
        return o;
      });
      if (e.outcome === 'dismissed') return make(status, { ...d, objections });
      const notices = d.notices.map((n): PublicNotice =>
        n.outcome === 'running' ? { ...n, outcome: 'interrupted', endedBy: e.by, endedAt: e.at } : n,
      );
      // "reject" is followed by CaseRejected in the same decision; until then the case stays where it was.
      return make(e.next === 'review' ? 'preliminary_review_passed' : status, { ...d, objections, notices });
    }
    case 'PublicNoticeEnded': {
      const e = event.data;
      const notices = d.notices.map((n): PublicNotice =>
        n.noticeNumber === e.noticeNumber ? { ...n, outcome: 'ended', endedBy: e.by, endedAt: e.at } : n,
      );
      return make('public_notice_ended', { ...d, notices });
    }
    case 'CaseApproved': {
      const e = event.data;
      return make('approved', {
        ...d,
        approval: {
          clause: e.clause,
          policyVersion: e.policyVersion,
          amountFen: e.amountFen,
          formula: e.formula,
          schedule: e.schedule,
          note: e.note,
          by: e.by,
          at: e.at,
        },
      });
    }
    case 'CaseRejected': {
      const e = event.data;
      return make('rejected', {
        ...d,
        rejection: { clause: e.clause, reason: e.reason, atStep: e.atStep, by: e.by, at: e.at },
      });
    }
    case 'PayoutScheduled': {
      const e = event.data;
      const instalments = e.instalments.map((i): InstalmentState => ({
        ...i,
        status: 'scheduled',
        failures: [],
        retries: 0,
        disbursedBy: null,
        disbursedAt: null,
        reference: null,
      }));
      return make('in_payout', { ...d, payout: { kind: e.kind, scheduledBy: e.by, scheduledAt: e.at }, instalments });
    }
    case 'InstalmentDisbursed': {
      const e = event.data;
      const instalments = mapInstalments(d, [e.instalmentNumber], (i) => ({
        ...i,
        status: 'disbursed',
        disbursedBy: e.by,
        disbursedAt: e.at,
        reference: e.reference,
      }));
      return make(status, { ...d, instalments, disbursedFen: d.disbursedFen + e.amountFen });
    }
    case 'InstalmentPaymentFailed': {
      const e = event.data;
      return make(status, {
        ...d,
        instalments: mapInstalments(d, [e.instalmentNumber], (i) => ({
          ...i,
          status: 'failed',
          failures: [...i.failures, { reason: e.reason, by: e.by, at: e.at }],
        })),
      });
    }
    case 'InstalmentPaymentRetried': {
      const e = event.data;
      return make(status, {
        ...d,
        instalments: mapInstalments(d, [e.instalmentNumber], (i) => ({
          ...i,
          status: 'scheduled',
          dueOn: e.dueOn,
          retries: i.retries + 1,
        })),
      });
    }
    case 'CaseSuspended': {
      const e = event.data;
      return make('suspended', {
        ...d,
        instalments: mapInstalments(d, e.stoppedInstalments, (i) => ({ ...i, status: 'stopped' })),
        suspension: {
          reason: e.reason,
          clause: e.clause,
          by: e.by,
          at: e.at,
          resumedBy: null,
          resumedAt: null,
          resumeReason: null,
        },
      });
    }
    case 'CaseResumed': {
      const e = event.data;
      return make('in_payout', {
        ...d,
        instalments: mapInstalments(d, e.resumedInstalments, (i) => ({ ...i, status: 'scheduled' })),
        suspension: d.suspension && { ...d.suspension, resumedBy: e.by, resumedAt: e.at, resumeReason: e.reason },
      });
    }
    case 'FollowUpScheduled': {
      const e = event.data;
      const followUp: FollowUp = {
        followUpNumber: e.followUpNumber,
        purpose: e.purpose,
        dueOn: e.dueOn,
        scheduledBy: e.by,
        scheduledAt: e.at,
        finding: null,
        contractInForce: null,
        recordedBy: null,
        recordedAt: null,
      };
      return make(status, { ...d, followUps: [...d.followUps, followUp] });
    }
    case 'FollowUpRecorded': {
      const e = event.data;
      const followUps = d.followUps.map((f) =>
        f.followUpNumber === e.followUpNumber
          ? { ...f, finding: e.finding, contractInForce: e.contractInForce, recordedBy: e.by, recordedAt: e.at }
          : f,
      );
      return make(status, { ...d, followUps });
    }
    case 'CaseClosed': {
      const e = event.data;
      const reopensTo: ReopenTarget = status === 'in_payout' || status === 'suspended' ? status : 'approved';
      return make('closed', { ...d, closure: { reason: e.reason, by: e.by, at: e.at, reopensTo } });
    }
    case 'CaseWithdrawn':
      return make('withdrawn', {
        ...d,
        withdrawal: { reason: event.data.reason, by: event.data.by, at: event.data.at },
      });
    case 'CaseReopened': {
      const e = event.data;
      return make(e.to as Exclude<CaseStatus, 'none'>, {
        ...d,
        reopenings: [...d.reopenings, { reason: e.reason, from: e.from, to: e.to, by: e.by, at: e.at }],
      });
    }
    case 'RecoveryOpened': {
      const e = event.data;
      const recovery: Recovery = {
        status: 'open',
        amountOwedFen: e.amountOwedFen,
        reason: e.reason,
        clause: e.clause,
        openedBy: e.by,
        openedAt: e.at,
        repaidFen: 0,
        writtenOffFen: 0,
        outstandingFen: e.amountOwedFen,
        repayments: [],
        writeOff: null,
        settledBy: null,
        settledAt: null,
      };
      return make('in_recovery', {
        ...d,
        instalments: mapInstalments(d, e.stoppedInstalments, (i) => ({ ...i, status: 'stopped' })),
        recovery,
        recoveries: [...d.recoveries, recovery],
      });
    }
    case 'RepaymentRecorded': {
      const e = event.data;
      return make(status, {
        ...d,
        ...mapRecovery(d, (r) => ({
          ...r,
          repaidFen: r.repaidFen + e.amountFen,
          outstandingFen: r.outstandingFen - e.amountFen,
          repayments: [...r.repayments, { amountFen: e.amountFen, reference: e.reference, by: e.by, at: e.at }],
        })),
      });
    }
    case 'WriteOffRequested': {
      const e = event.data;
      return make(status, {
        ...d,
        ...mapRecovery(d, (r) => ({
          ...r,
          writeOff: {
            status: 'requested',
            amountFen: e.amountFen,
            reason: e.reason,
            requestedBy: e.by,
            requestedAt: e.at,
            approvedBy: null,
            approvedAt: null,
            note: null,
          },
        })),
      });
    }
    case 'WriteOffApproved': {
      const e = event.data;
      return make(status, {
        ...d,
        ...mapRecovery(d, (r) => ({
          ...r,
          writtenOffFen: r.writtenOffFen + e.amountFen,
          outstandingFen: r.outstandingFen - e.amountFen,
          writeOff: r.writeOff && {
            ...r.writeOff,
            status: 'approved',
            amountFen: e.amountFen,
            approvedBy: e.by,
            approvedAt: e.at,
            note: e.note,
          },
        })),
      });
    }
    case 'RecoverySettled': {
      const e = event.data;
      // Payments stopped when the recovery opened; a reopened case starts from there.
      return make('closed', {
        ...d,
        ...mapRecovery(d, (r) => ({ ...r, status: 'settled', settledBy: e.by, settledAt: e.at })),
        closure: { reason: e.note ?? 'recovery settled', by: e.by, at: e.at, reopensTo: 'suspended' },
      });
    }
    default: {
      const _exhaustive: never = event;
      throw new Error(`Unknown case event ${(_exhaustive as CaseEvent).type}`);
    }
  }
}

export const foldCase = (events: readonly CaseEvent[], from: CaseState = initialCaseState()): CaseState =>
  events.reduce(evolve, from);
