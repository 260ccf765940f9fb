import type { CaseEvent } from '@casework/domain';
import { CaseEventOf, CaseStatusFacts, foldCaseStatus } from './case-status.fold';

const by = { userId: 'u-1', role: 'caseworker', unit: 'STREET_A' };
let version = 0;
const ev = (type: string, at: string, data: Record<string, unknown> = {}): CaseEventOf => ({
  caseId: 'c-1',
  event: { type, data: { by, at, ...data } } as unknown as CaseEvent,
  at,
  version: ++version,
});

/** Folds the events in order and keeps every step's result. */
function fold(events: CaseEventOf[]): { status: CaseStatusFacts; newStep: boolean }[] {
  const out: { status: CaseStatusFacts; newStep: boolean }[] = [];
  let current: CaseStatusFacts | undefined;
  for (const e of events) {
    const step = foldCaseStatus(current, e);
    out.push(step);
    current = step.status;
  }
  return out;
}

describe('foldCaseStatus (the one case-status fold of the projections)', () => {
  beforeEach(() => (version = 0));

  it('opens a case only with CaseSubmitted', () => {
    expect(() => foldCaseStatus(undefined, ev('CaseAccepted', '2025-03-03T01:00:00Z'))).toThrow(
      'case c-1: CaseAccepted (version 1) before CaseSubmitted',
    );
  });

  it('refuses a gap or a repeat in the stream versions', () => {
    const [opened] = fold([ev('CaseSubmitted', '2025-03-03T01:00:00Z')]);
    const repeat = { ...ev('CaseAccepted', '2025-03-03T02:00:00Z'), version: 1 };
    expect(() => foldCaseStatus(opened!.status, repeat)).toThrow('event version 1 after 1 (gap or repeat)');
    const gap = { ...ev('CaseAccepted', '2025-03-03T02:00:00Z'), version: 3 };
    expect(() => foldCaseStatus(opened!.status, gap)).toThrow('event version 3 after 1 (gap or repeat)');
  });

  it('moves state_since only when the case enters a new step; a resubmission is a new step in the same state', () => {
    const steps = fold([
      ev('CaseSubmitted', '2025-03-03T01:00:00Z'),
      ev('CaseReturnedForSupplement', '2025-03-04T01:00:00Z', { reason: 'missing contract' }),
      ev('CaseResubmitted', '2025-03-05T01:00:00Z'),
      ev('CaseResubmitted', '2025-03-06T01:00:00Z'),
      ev('CaseAccepted', '2025-03-07T01:00:00Z'),
      ev('ObjectionRaised', '2025-03-08T01:00:00Z'),
    ]);
    expect(steps.map((s) => [s.status.state, s.status.stateSince, s.newStep, s.status.version])).toEqual([
      ['submitted', '2025-03-03T01:00:00Z', true, 1],
      ['returned_for_supplement', '2025-03-04T01:00:00Z', true, 2],
      ['submitted', '2025-03-05T01:00:00Z', true, 3],
      ['submitted', '2025-03-06T01:00:00Z', true, 4],
      ['accepted', '2025-03-07T01:00:00Z', true, 5],
      ['accepted', '2025-03-07T01:00:00Z', false, 6],
    ]);
  });

  it('keeps the notice end, the open instalments and follow-ups for the due days', () => {
    const steps = fold([
      ev('CaseSubmitted', '2025-03-03T01:00:00Z'),
      ev('PublicNoticeStarted', '2025-03-04T01:00:00Z', { endsOn: '2025-03-11' }),
      ev('PayoutScheduled', '2025-03-12T01:00:00Z', {
        instalments: [
          { number: 1, dueOn: '2025-04-01' },
          { number: 2, dueOn: '2025-05-01' },
        ],
      }),
      ev('InstalmentDisbursed', '2025-04-01T01:00:00Z', { instalmentNumber: 1 }),
      ev('FollowUpScheduled', '2025-04-02T01:00:00Z', { followUpNumber: 1, dueOn: '2025-06-01' }),
      ev('CaseSuspended', '2025-04-03T01:00:00Z', { stoppedInstalments: [2] }),
      ev('CaseReopened', '2025-04-04T01:00:00Z', { to: 'approved' }),
    ]);
    expect(steps.map((s) => s.status.memo)).toEqual([
      { noticeEndsOn: null, openInstalments: {}, openFollowUps: {} },
      { noticeEndsOn: '2025-03-11', openInstalments: {}, openFollowUps: {} },
      { noticeEndsOn: '2025-03-11', openInstalments: { 1: '2025-04-01', 2: '2025-05-01' }, openFollowUps: {} },
      { noticeEndsOn: '2025-03-11', openInstalments: { 2: '2025-05-01' }, openFollowUps: {} },
      { noticeEndsOn: '2025-03-11', openInstalments: { 2: '2025-05-01' }, openFollowUps: { 1: '2025-06-01' } },
      { noticeEndsOn: '2025-03-11', openInstalments: {}, openFollowUps: { 1: '2025-06-01' } },
      { noticeEndsOn: null, openInstalments: {}, openFollowUps: { 1: '2025-06-01' } },
    ]);
    expect(steps.map((s) => s.status.state)).toEqual([
      'submitted',
      'in_public_notice',
      'in_payout',
      'in_payout',
      'in_payout',
      'suspended',
      'approved',
    ]);
  });
});
