import type { HouseholdEvent } from './household.events';
import { foldHousehold } from './household.decide';
import { DEFAULT_VISIT_INTERVALS, isVisitOverdue, nextVisitDue, overdueMeasures } from './household.schedule';
import { HH, aHousehold } from './testing/household.spec-kit';

const visited = (date: string, nextDue: string): HouseholdEvent => ({
  type: 'HouseholdVisited',
  data: {
    householdId: HH,
    visitId: `v-${date}`,
    date,
    visitor: 'w',
    findings: 'f',
    needs: '',
    measuresTaken: '',
    nextVisitDue: nextDue,
    at: `${date}T02:00:00Z`,
  },
});
const statusChanged = (to: 'at_risk' | 'edge' | 'not_lifted'): HouseholdEvent => ({
  type: 'HouseholdStatusChanged',
  data: { householdId: HH, from: 'lifted', to, reason: 'r', planDueBy: null, at: '2020-09-05T02:00:00Z' },
});

describe('follow-up schedule', () => {
  it('is due one interval after registration when nobody has visited yet (lifted: 90 days)', () => {
    expect(nextVisitDue(foldHousehold(aHousehold()))).toBe('2020-11-30');
  });

  it('counts the interval of the current status from the last visit', () => {
    const state = foldHousehold([
      ...aHousehold(),
      statusChanged('at_risk'),
      visited('2020-09-10', '2020-12-31'),
      visited('2020-10-01', '2020-12-31'),
    ]);
    expect(nextVisitDue(state)).toBe('2020-10-31');
    expect(nextVisitDue(state, { ...DEFAULT_VISIT_INTERVALS, at_risk: 14 })).toBe('2020-10-15');
  });

  it('takes the date the visitor set when it is sooner than the interval', () => {
    const state = foldHousehold([...aHousehold(), visited('2020-10-01', '2020-10-20')]);
    expect(nextVisitDue(state)).toBe('2020-10-20');
  });

  it('uses a shorter interval for edge households than for lifted ones', () => {
    expect(
      nextVisitDue(foldHousehold([...aHousehold(), statusChanged('edge'), visited('2020-10-01', '2021-06-01')])),
    ).toBe('2020-11-30');
  });

  it('is overdue from the day after the due day', () => {
    const state = foldHousehold([...aHousehold(), visited('2020-10-01', '2020-10-20')]);
    expect(isVisitOverdue(state, '2020-10-20')).toBe(false);
    expect(isVisitOverdue(state, '2020-10-21')).toBe(true);
  });

  it('has nothing due for an unregistered household', () => {
    expect(nextVisitDue(foldHousehold([]))).toBeNull();
    expect(isVisitOverdue(foldHousehold([]), '2030-01-01')).toBe(false);
  });

  it('lists open plan measures past their target date', () => {
    const state = foldHousehold([
      ...aHousehold(),
      {
        type: 'AssistancePlanAdopted',
        data: {
          householdId: HH,
          planId: 'p1',
          summary: 's',
          revisionReason: null,
          at: '2020-09-01T02:00:00Z',
          measures: [
            {
              measureId: 'late',
              description: 'd',
              owner: 'o',
              targetDate: '2020-10-01',
              done: false,
              doneAt: null,
              doneNote: null,
            },
            {
              measureId: 'done',
              description: 'd',
              owner: 'o',
              targetDate: '2020-10-01',
              done: false,
              doneAt: null,
              doneNote: null,
            },
            {
              measureId: 'today',
              description: 'd',
              owner: 'o',
              targetDate: '2020-10-09',
              done: false,
              doneAt: null,
              doneNote: null,
            },
          ],
        },
      },
      {
        type: 'PlanMeasureCompleted',
        data: {
          householdId: HH,
          planId: 'p1',
          measureId: 'done',
          doneAt: '2020-09-30',
          note: '',
          at: '2020-09-30T02:00:00Z',
        },
      },
    ]);
    expect(overdueMeasures(state, '2020-10-09').map((m) => m.measureId)).toEqual(['late']);
    expect(overdueMeasures(foldHousehold(aHousehold()), '2020-10-09')).toEqual([]);
  });
});
