import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

const plan = {
  type: 'AssistancePlanAdopted' as const,
  data: {
    householdId: HH,
    planId: 'p1',
    summary: 's',
    measures: [
      {
        measureId: 'ms1',
        description: 'd',
        owner: 'o',
        targetDate: '2020-11-30',
        done: false,
        doneAt: null,
        doneNote: null,
      },
    ],
    revisionReason: null,
    at: '2020-09-20T02:00:00Z',
  },
};
const measure = { measureId: 'ms2', description: '申请公益性岗位补贴', owner: '街道', targetDate: '2020-12-01' };

describe('AddPlanMeasure', () => {
  it('adds an open measure to the current plan', () => {
    const when = given([...aHousehold(), plan]).when(command('AddPlanMeasure', { measure }));
    when.then([
      {
        type: 'PlanMeasureAdded',
        data: {
          householdId: HH,
          planId: 'p1',
          measure: { ...measure, done: false, doneAt: null, doneNote: null },
          at: AT,
        },
      },
    ]);
    const state = when.state();
    expect(state.status !== 'unregistered' && state.plan?.measures.map((m) => m.measureId)).toEqual(['ms1', 'ms2']);
  });

  it('needs a plan, and a measure id not used yet', () => {
    given(aHousehold())
      .when(command('AddPlanMeasure', { measure }))
      .thenThrows({ kind: 'illegal_state', code: 'NO_ASSISTANCE_PLAN' });
    given([...aHousehold(), plan])
      .when(command('AddPlanMeasure', { measure: { ...measure, measureId: 'ms1' } }))
      .thenThrows({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });

  it('validates the measure', () => {
    given([...aHousehold(), plan])
      .when(command('AddPlanMeasure', { measure: { ...measure, owner: '', targetDate: '2020-10-01' } }))
      .thenThrows({ kind: 'validation', fields: ['measure.owner', 'measure.targetDate'] });
  });
});
