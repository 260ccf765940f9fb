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
const completed = {
  type: 'PlanMeasureCompleted' as const,
  data: { householdId: HH, planId: 'p1', measureId: 'ms1', doneAt: '2020-10-01', note: '', at: '2020-10-01T02:00:00Z' },
};

describe('CompletePlanMeasure', () => {
  it('marks the measure done on the given day', () => {
    const when = given([...aHousehold(), plan]).when(
      command('CompletePlanMeasure', { measureId: 'ms1', doneAt: '2020-10-08', note: '已上岗' }),
    );
    when.then([
      {
        type: 'PlanMeasureCompleted',
        data: { householdId: HH, planId: 'p1', measureId: 'ms1', doneAt: '2020-10-08', note: '已上岗', at: AT },
      },
    ]);
    expect(when.state()).toMatchObject({
      plan: { measures: [{ measureId: 'ms1', done: true, doneAt: '2020-10-08', doneNote: '已上岗' }] },
    });
  });

  it('rejects an unknown measure, a measure already done, and a day in the future', () => {
    given([...aHousehold(), plan])
      .when(command('CompletePlanMeasure', { measureId: 'ms9', doneAt: '2020-10-08' }))
      .thenThrows({ kind: 'not_found', code: 'MEASURE_NOT_FOUND' });
    given([...aHousehold(), plan, completed])
      .when(command('CompletePlanMeasure', { measureId: 'ms1', doneAt: '2020-10-08' }))
      .thenThrows({ kind: 'illegal_state', code: 'MEASURE_ALREADY_DONE' });
    given([...aHousehold(), plan])
      .when(command('CompletePlanMeasure', { measureId: 'ms1', doneAt: '2020-10-10' }))
      .thenThrows({ kind: 'validation', fields: ['doneAt'] });
  });
});
