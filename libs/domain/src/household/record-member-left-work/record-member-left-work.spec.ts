import { AT, HH, TODAY, command, given, registered } from '../testing/household.spec-kit';

const placed = {
  type: 'MemberPlacedInWork' as const,
  data: {
    householdId: HH,
    placementId: 'pl1',
    memberId: 'm1',
    employer: 'e',
    post: 'p',
    startDate: '2020-09-15',
    publicWelfarePost: true,
    caseId: null,
    at: '2020-09-15T02:00:00Z',
  },
};
const cleared = {
  type: 'ZeroEmploymentCleared' as const,
  data: {
    householdId: HH,
    date: '2020-09-15',
    cause: 'PlaceMemberInWork',
    placementId: 'pl1',
    at: '2020-09-15T02:00:00Z',
  },
};
const zeroDetected = {
  type: 'ZeroEmploymentDetected' as const,
  data: {
    householdId: HH,
    date: '2020-09-01',
    labourMemberIds: ['m1', 'm2'],
    cause: 'RegisterHousehold',
    at: '2020-09-01T02:00:00Z',
  },
};
const history = [registered(), zeroDetected, placed, cleared];

describe('RecordMemberLeftWork', () => {
  it('ends the placement, and detects zero employment again when nobody else works', () => {
    const when = given(history).when(
      command('RecordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: '公益性岗位期满' }),
    );
    when.then([
      {
        type: 'MemberLeftWork',
        data: {
          householdId: HH,
          placementId: 'pl1',
          memberId: 'm1',
          endDate: '2020-10-08',
          reason: '公益性岗位期满',
          at: AT,
        },
      },
      {
        type: 'ZeroEmploymentDetected',
        data: { householdId: HH, date: TODAY, labourMemberIds: ['m1', 'm2'], cause: 'RecordMemberLeftWork', at: AT },
      },
    ]);
    const state = when.state();
    expect(state).toMatchObject({
      zeroEmployment: true,
      placements: [{ placementId: 'pl1', endDate: '2020-10-08', endReason: '公益性岗位期满' }],
    });
    expect(state.status !== 'unregistered' && state.members[0]).toMatchObject({
      memberId: 'm1',
      employmentStatus: 'unemployed',
    });
  });

  it('detects nothing while another member still works', () => {
    const second = { ...placed, data: { ...placed.data, placementId: 'pl2', memberId: 'm2' } };
    const events = given([...history, second])
      .when(command('RecordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: 'r' }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['MemberLeftWork']);
  });

  it('refuses an unknown placement, one already ended, and an end before the start', () => {
    given(history)
      .when(command('RecordMemberLeftWork', { placementId: 'pl9', endDate: '2020-10-08', reason: 'r' }))
      .thenThrows({ kind: 'not_found', code: 'PLACEMENT_NOT_FOUND' });
    const left = {
      type: 'MemberLeftWork' as const,
      data: {
        householdId: HH,
        placementId: 'pl1',
        memberId: 'm1',
        endDate: '2020-10-01',
        reason: 'r',
        at: '2020-10-01T02:00:00Z',
      },
    };
    given([...history, left])
      .when(command('RecordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: 'r' }))
      .thenThrows({ kind: 'illegal_state', code: 'PLACEMENT_ALREADY_ENDED' });
    given(history)
      .when(command('RecordMemberLeftWork', { placementId: 'pl1', endDate: '2020-09-14', reason: 'r' }))
      .thenThrows({ kind: 'validation', fields: ['endDate'] });
    given(history)
      .when(command('RecordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: '' }))
      .thenThrows({ kind: 'validation', fields: ['reason'] });
  });
});
