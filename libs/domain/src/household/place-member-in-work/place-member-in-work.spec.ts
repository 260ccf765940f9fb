import type { PlaceMemberInWorkData } from '../household.commands';
import { AT, HH, TODAY, aHousehold, command, given, registered } from '../testing/household.spec-kit';

const placement = (over: Partial<PlaceMemberInWorkData> = {}) =>
  command('PlaceMemberInWork', {
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

describe('PlaceMemberInWork', () => {
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
        data: { householdId: HH, date: TODAY, cause: 'PlaceMemberInWork', placementId: 'pl1', at: AT },
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
      .thenThrows({ kind: 'illegal_state', code: 'MEMBER_ALREADY_PLACED' });
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
      .thenThrows({ kind: 'validation', fields: ['memberId', 'employer', 'post', 'startDate', 'publicWelfarePost'] });
    given([...aHousehold(), placed])
      .when(placement({ memberId: 'm2' }))
      .thenThrows({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });

  it('records a placement without a case', () => {
    const [event] = given(aHousehold())
      .when(placement({ caseId: undefined, publicWelfarePost: false }))
      .events();
    expect(event).toMatchObject({ data: { caseId: null, publicWelfarePost: false } });
  });
});
