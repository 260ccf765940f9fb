import type { PlaceMemberInWorkData } from './household.commands';
import { AT, HH, TODAY, aHousehold, command, given, registered } from './testing/household.spec-kit';

const placement = (over: Partial<PlaceMemberInWorkData> = {}) =>
  command('placeMemberInWork', {
    placementId: 'pl1',
    memberId: 'm1',
    employer: '西一路街道办事处',
    post: '消杀防疫公益性岗位',
    startDate: '2020-10-12',
    publicWelfarePost: true,
    caseId: 'case-7',
    ...over,
  });
const placed = {
  type: 'MemberPlacedInWork' as const,
  data: {
    householdId: HH,
    placementId: 'pl1',
    memberId: 'm1',
    employer: 'e',
    post: 'p',
    startDate: '2020-09-15',
    publicWelfarePost: false,
    caseId: null,
    at: '2020-09-15T02:00:00Z',
  },
};

describe('placeMemberInWork', () => {
  it('places the member, and clears the zero-employment flag in the same command', () => {
    const when = given(aHousehold()).when(placement());
    when.then([
      {
        type: 'MemberPlacedInWork',
        data: {
          householdId: HH,
          placementId: 'pl1',
          memberId: 'm1',
          employer: '西一路街道办事处',
          post: '消杀防疫公益性岗位',
          startDate: '2020-10-12',
          publicWelfarePost: true,
          caseId: 'case-7',
          at: AT,
        },
      },
      {
        type: 'ZeroEmploymentCleared',
        data: { householdId: HH, date: TODAY, cause: 'placeMemberInWork', placementId: 'pl1', at: AT },
      },
    ]);
    const state = when.state();
    expect(state).toMatchObject({ zeroEmployment: false, placements: [{ placementId: 'pl1', endDate: null }] });
    expect(state.status !== 'unregistered' && state.members.map((m) => m.employmentStatus)).toEqual([
      'employed',
      'unemployed',
      'student',
      'retired',
    ]);
  });

  it('emits no clearing when the household was not zero-employment', () => {
    const history = [registered(), placed];
    const events = given(history)
      .when(placement({ placementId: 'pl2', memberId: 'm2' }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['MemberPlacedInWork']);
  });

  it('refuses to place a member who already works, until the earlier work ends', () => {
    given([...aHousehold(), placed])
      .when(placement({ placementId: 'pl2' }))
      .thenError({ kind: 'illegal_state', code: 'MEMBER_ALREADY_PLACED' });
  });

  it('validates the placement', () => {
    given(aHousehold())
      .when(
        placement({
          memberId: 'm9',
          employer: '',
          post: '',
          startDate: '2020/10/12',
          publicWelfarePost: 'yes' as never,
        }),
      )
      .thenError({ kind: 'validation', fields: ['memberId', 'employer', 'post', 'startDate', 'publicWelfarePost'] });
    given([...aHousehold(), placed])
      .when(placement({ memberId: 'm2' }))
      .thenError({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });

  it('records a placement without a case', () => {
    const event = given(aHousehold())
      .when(placement({ caseId: undefined, publicWelfarePost: false }))
      .event();
    expect(event).toMatchObject({ data: { caseId: null, publicWelfarePost: false } });
  });
});

const placedBeforeLeaving = {
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
    cause: 'placeMemberInWork',
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
    cause: 'registerHousehold',
    at: '2020-09-01T02:00:00Z',
  },
};
const history = [registered(), zeroDetected, placedBeforeLeaving, cleared];

describe('recordMemberLeftWork', () => {
  it('ends the placement, and detects zero employment again when nobody else works', () => {
    const when = given(history).when(
      command('recordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: '公益性岗位期满' }),
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
        data: { householdId: HH, date: TODAY, labourMemberIds: ['m1', 'm2'], cause: 'recordMemberLeftWork', at: AT },
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
    const second = {
      ...placedBeforeLeaving,
      data: { ...placedBeforeLeaving.data, placementId: 'pl2', memberId: 'm2' },
    };
    const events = given([...history, second])
      .when(command('recordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: 'r' }))
      .events();
    expect(events.map((e) => e.type)).toEqual(['MemberLeftWork']);
  });

  it('refuses an unknown placement, one already ended, and an end before the start', () => {
    given(history)
      .when(command('recordMemberLeftWork', { placementId: 'pl9', endDate: '2020-10-08', reason: 'r' }))
      .thenError({ kind: 'not_found', code: 'PLACEMENT_NOT_FOUND' });
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
      .when(command('recordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: 'r' }))
      .thenError({ kind: 'illegal_state', code: 'PLACEMENT_ALREADY_ENDED' });
    given(history)
      .when(command('recordMemberLeftWork', { placementId: 'pl1', endDate: '2020-09-14', reason: 'r' }))
      .thenError({ kind: 'validation', fields: ['endDate'] });
    given(history)
      .when(command('recordMemberLeftWork', { placementId: 'pl1', endDate: '2020-10-08', reason: '' }))
      .thenError({ kind: 'validation', fields: ['reason'] });
  });
});
