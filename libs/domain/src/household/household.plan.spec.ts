import { missingPlan } from './household.schedule';
import {
  AT,
  HH,
  aHousehold,
  command,
  districtStaff,
  given,
  inspector,
  otherStreetStaff,
  streetStaff,
} from './testing/household.spec-kit';
import type { MeasureInput } from './household.commands';

const planAdopted = {
  type: 'AssistancePlanAdopted' as const,
  data: {
    householdId: HH,
    planId: 'p1',
    summary: '就业帮扶',
    measures: [],
    revisionReason: null,
    at: '2020-09-05T02:00:00Z',
  },
};

describe('changeHouseholdStatus', () => {
  it('records the change with its reason and the status it came from', () => {
    given(aHousehold())
      .when(command('changeHouseholdStatus', { status: 'at_risk', reason: '户主突发重病，医疗支出大' }))
      .then([
        {
          type: 'HouseholdStatusChanged',
          data: {
            householdId: HH,
            from: 'lifted',
            to: 'at_risk',
            reason: '户主突发重病，医疗支出大',
            planDueBy: null,
            at: AT,
          },
        },
      ]);
  });

  it('keeps the full status history, oldest first', () => {
    const state = given(aHousehold())
      .when(command('changeHouseholdStatus', { status: 'at_risk', reason: '重病' }))
      .state();
    expect(state.status !== 'unregistered' && state.statusHistory.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'lifted', '2019年已脱贫'],
      ['lifted', 'at_risk', '重病'],
    ]);
  });

  it('requires a reason', () => {
    given(aHousehold())
      .when(command('changeHouseholdStatus', { status: 'edge', reason: '  ' }))
      .thenError({ kind: 'validation', fields: ['reason'] });
  });

  it('rejects an unknown status and a change to the same status', () => {
    given(aHousehold())
      .when(command('changeHouseholdStatus', { status: 'poor' as never, reason: 'x' }))
      .thenError({ kind: 'validation', fields: ['status'] });
    given(aHousehold())
      .when(command('changeHouseholdStatus', { status: 'lifted', reason: 'x' }))
      .thenError({ kind: 'illegal_state', code: 'STATUS_UNCHANGED' });
  });

  it('starts the plan deadline when a household without a plan falls back to not_lifted', () => {
    const when = given(aHousehold()).when(command('changeHouseholdStatus', { status: 'not_lifted', reason: '返贫' }));
    expect(when.events()[0]).toMatchObject({ data: { planDueBy: '2020-10-22' } });
    expect(missingPlan(when.state(), '2020-10-23')).toEqual({ dueBy: '2020-10-22', overdue: true });
  });

  it('needs no deadline when the household already has a plan', () => {
    const when = given([...aHousehold(), planAdopted]).when(
      command('changeHouseholdStatus', { status: 'not_lifted', reason: '返贫' }),
    );
    expect(when.events()[0]).toMatchObject({ data: { planDueBy: null } });
    expect(when.state()).toMatchObject({ planRequired: false });
  });

  it('drops the plan requirement when a not_lifted household is lifted', () => {
    const state = given(aHousehold({ status: 'not_lifted', planDueBy: '2020-09-15' }))
      .when(command('changeHouseholdStatus', { status: 'lifted', reason: '收入达标' }))
      .state();
    expect(state).toMatchObject({ planRequired: false, planDueBy: null });
    expect(missingPlan(state, '2020-12-01')).toBeNull();
  });

  it('is refused to another street office and to inspectors, allowed to district staff', () => {
    const cmd = command('changeHouseholdStatus', { status: 'edge', reason: 'x' });
    given(aHousehold())
      .when({ ...cmd, actor: otherStreetStaff })
      .thenError({ kind: 'forbidden', code: 'HOUSEHOLD_OUT_OF_SCOPE' });
    given(aHousehold())
      .when({ ...cmd, actor: inspector })
      .thenError({ kind: 'forbidden', code: 'HOUSEHOLD_OUT_OF_SCOPE' });
    expect(
      given(aHousehold())
        .when({ ...cmd, actor: districtStaff })
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a street-office user who is not street staff', () => {
    given(aHousehold())
      .when({
        ...command('changeHouseholdStatus', { status: 'edge', reason: 'x' }),
        actor: { ...streetStaff, role: 'finance' },
      })
      .thenError({ kind: 'forbidden' });
  });

  it('needs a registered household', () => {
    given([])
      .when(command('changeHouseholdStatus', { status: 'edge', reason: 'x' }))
      .thenError({ kind: 'not_found', code: 'HOUSEHOLD_NOT_FOUND' });
  });
});

const measures: [MeasureInput, MeasureInput] = [
  {
    measureId: 'ms1',
    description: '推荐户主到社区公益性岗位',
    owner: '西一路街道劳动保障站',
    targetDate: '2020-11-30',
  },
  { measureId: 'ms2', description: '配偶参加家政培训', owner: '区人社局培训科', targetDate: '2020-12-15' },
];
const adopted = (planId = 'p1') => ({
  type: 'AssistancePlanAdopted' as const,
  data: {
    householdId: HH,
    planId,
    summary: '就业帮扶为主',
    measures: measures.map((m) => ({ ...m, done: false, doneAt: null, doneNote: null })),
    revisionReason: null,
    at: '2020-09-20T02:00:00Z',
  },
});

describe('adoptAssistancePlan', () => {
  it('adopts the individualised plan with open measures, and satisfies the plan requirement', () => {
    const when = given(aHousehold({ status: 'not_lifted', planDueBy: '2020-10-22' })).when(
      command('adoptAssistancePlan', { planId: 'p1', summary: '就业帮扶为主', measures }),
    );
    when.then([{ ...adopted(), data: { ...adopted().data, at: AT } }]);
    expect(when.state()).toMatchObject({ planRequired: false, planDueBy: null, plan: { planId: 'p1', adoptedAt: AT } });
  });

  it('replaces an earlier plan only with a reason', () => {
    given([...aHousehold(), adopted()])
      .when(command('adoptAssistancePlan', { planId: 'p2', summary: 's', measures }))
      .thenError({ kind: 'validation', fields: ['revisionReason'] });
    const event = given([...aHousehold(), adopted()])
      .when(
        command('adoptAssistancePlan', {
          planId: 'p2',
          summary: 's',
          measures,
          revisionReason: '户主已就业，改为产业帮扶',
        }),
      )
      .event();
    expect(event).toMatchObject({
      type: 'AssistancePlanAdopted',
      data: { planId: 'p2', revisionReason: '户主已就业，改为产业帮扶' },
    });
  });

  it('needs at least one measure, each complete, with distinct ids and a target date not before today', () => {
    given(aHousehold())
      .when(command('adoptAssistancePlan', { planId: 'p1', summary: 's', measures: [] }))
      .thenError({ kind: 'validation', fields: ['measures'] });
    given(aHousehold())
      .when(
        command('adoptAssistancePlan', {
          planId: 'p1',
          summary: 's',
          measures: [
            measures[0],
            { ...measures[1], measureId: 'ms1' },
            { measureId: 'ms3', description: '', owner: '', targetDate: '2020-10-08' },
            { ...measures[1], measureId: 'ms4', targetDate: '2020-13-01' },
          ],
        }),
      )
      .thenError({
        kind: 'validation',
        fields: [
          'measures[1].measureId',
          'measures[2].description',
          'measures[2].owner',
          'measures[2].targetDate',
          'measures[3].targetDate',
        ],
      });
  });
});

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

describe('addPlanMeasure', () => {
  it('adds an open measure to the current plan', () => {
    const when = given([...aHousehold(), plan]).when(command('addPlanMeasure', { measure }));
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
      .when(command('addPlanMeasure', { measure }))
      .thenError({ kind: 'illegal_state', code: 'NO_ASSISTANCE_PLAN' });
    given([...aHousehold(), plan])
      .when(command('addPlanMeasure', { measure: { ...measure, measureId: 'ms1' } }))
      .thenError({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });

  it('validates the measure', () => {
    given([...aHousehold(), plan])
      .when(command('addPlanMeasure', { measure: { ...measure, owner: '', targetDate: '2020-10-01' } }))
      .thenError({ kind: 'validation', fields: ['measure.owner', 'measure.targetDate'] });
  });
});

const planToComplete = {
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

describe('completePlanMeasure', () => {
  it('marks the measure done on the given day', () => {
    const when = given([...aHousehold(), planToComplete]).when(
      command('completePlanMeasure', { measureId: 'ms1', doneAt: '2020-10-08', note: '已上岗' }),
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
    given([...aHousehold(), planToComplete])
      .when(command('completePlanMeasure', { measureId: 'ms9', doneAt: '2020-10-08' }))
      .thenError({ kind: 'not_found', code: 'MEASURE_NOT_FOUND' });
    given([...aHousehold(), planToComplete, completed])
      .when(command('completePlanMeasure', { measureId: 'ms1', doneAt: '2020-10-08' }))
      .thenError({ kind: 'illegal_state', code: 'MEASURE_ALREADY_DONE' });
    given([...aHousehold(), planToComplete])
      .when(command('completePlanMeasure', { measureId: 'ms1', doneAt: '2020-10-10' }))
      .thenError({ kind: 'validation', fields: ['doneAt'] });
  });
});
