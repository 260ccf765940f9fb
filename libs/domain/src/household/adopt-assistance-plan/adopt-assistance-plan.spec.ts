import type { MeasureInput } from '../household.commands';
import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

const measures: MeasureInput[] = [
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

describe('AdoptAssistancePlan', () => {
  it('adopts the individualised plan with open measures, and satisfies the plan requirement', () => {
    const when = given(aHousehold({ status: 'not_lifted', planDueBy: '2020-10-22' })).when(
      command('AdoptAssistancePlan', { planId: 'p1', summary: '就业帮扶为主', measures }),
    );
    when.then([{ ...adopted(), data: { ...adopted().data, at: AT } }]);
    expect(when.state()).toMatchObject({ planRequired: false, planDueBy: null, plan: { planId: 'p1', adoptedAt: AT } });
  });

  it('replaces an earlier plan only with a reason', () => {
    given([...aHousehold(), adopted()])
      .when(command('AdoptAssistancePlan', { planId: 'p2', summary: 's', measures }))
      .thenThrows({ kind: 'validation', fields: ['revisionReason'] });
    const [event] = given([...aHousehold(), adopted()])
      .when(
        command('AdoptAssistancePlan', {
          planId: 'p2',
          summary: 's',
          measures,
          revisionReason: '户主已就业，改为产业帮扶',
        }),
      )
      .events();
    expect(event).toMatchObject({
      type: 'AssistancePlanAdopted',
      data: { planId: 'p2', revisionReason: '户主已就业，改为产业帮扶' },
    });
  });

  it('needs at least one measure, each complete, with distinct ids and a target date not before today', () => {
    given(aHousehold())
      .when(command('AdoptAssistancePlan', { planId: 'p1', summary: 's', measures: [] }))
      .thenThrows({ kind: 'validation', fields: ['measures'] });
    given(aHousehold())
      .when(
        command('AdoptAssistancePlan', {
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
      .thenThrows({
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
