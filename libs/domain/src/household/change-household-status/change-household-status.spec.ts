import { missingPlan } from '../household.schedule';
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
} from '../testing/household.spec-kit';

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

describe('ChangeHouseholdStatus', () => {
  it('records the change with its reason and the status it came from', () => {
    given(aHousehold())
      .when(command('ChangeHouseholdStatus', { status: 'at_risk', reason: '户主突发重病，医疗支出大' }))
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
      .when(command('ChangeHouseholdStatus', { status: 'at_risk', reason: '重病' }))
      .state();
    expect(state.status !== 'unregistered' && state.statusHistory.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'lifted', '2019年已脱贫'],
      ['lifted', 'at_risk', '重病'],
    ]);
  });

  it('requires a reason', () => {
    given(aHousehold())
      .when(command('ChangeHouseholdStatus', { status: 'edge', reason: '  ' }))
      .thenThrows({ kind: 'validation', fields: ['reason'] });
  });

  it('rejects an unknown status and a change to the same status', () => {
    given(aHousehold())
      .when(command('ChangeHouseholdStatus', { status: 'poor' as never, reason: 'x' }))
      .thenThrows({ kind: 'validation', fields: ['status'] });
    given(aHousehold())
      .when(command('ChangeHouseholdStatus', { status: 'lifted', reason: 'x' }))
      .thenThrows({ kind: 'illegal_state', code: 'STATUS_UNCHANGED' });
  });

  it('starts the plan deadline when a household without a plan falls back to not_lifted', () => {
    const when = given(aHousehold()).when(command('ChangeHouseholdStatus', { status: 'not_lifted', reason: '返贫' }));
    expect(when.events()[0]).toMatchObject({ data: { planDueBy: '2020-10-22' } });
    expect(missingPlan(when.state(), '2020-10-23')).toEqual({ dueBy: '2020-10-22', overdue: true });
  });

  it('needs no deadline when the household already has a plan', () => {
    const when = given([...aHousehold(), planAdopted]).when(
      command('ChangeHouseholdStatus', { status: 'not_lifted', reason: '返贫' }),
    );
    expect(when.events()[0]).toMatchObject({ data: { planDueBy: null } });
    expect(when.state()).toMatchObject({ planRequired: false });
  });

  it('drops the plan requirement when a not_lifted household is lifted', () => {
    const state = given(aHousehold({ status: 'not_lifted', planDueBy: '2020-09-15' }))
      .when(command('ChangeHouseholdStatus', { status: 'lifted', reason: '收入达标' }))
      .state();
    expect(state).toMatchObject({ planRequired: false, planDueBy: null });
    expect(missingPlan(state, '2020-12-01')).toBeNull();
  });

  it('is refused to another street office and to inspectors, allowed to district staff', () => {
    const cmd = command('ChangeHouseholdStatus', { status: 'edge', reason: 'x' });
    given(aHousehold())
      .when({ ...cmd, actor: otherStreetStaff })
      .thenThrows({ kind: 'forbidden', code: 'HOUSEHOLD_OUT_OF_SCOPE' });
    given(aHousehold())
      .when({ ...cmd, actor: inspector })
      .thenThrows({ kind: 'forbidden', code: 'HOUSEHOLD_OUT_OF_SCOPE' });
    expect(
      given(aHousehold())
        .when({ ...cmd, actor: districtStaff })
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a street-office user who is not street staff', () => {
    given(aHousehold())
      .when({
        ...command('ChangeHouseholdStatus', { status: 'edge', reason: 'x' }),
        actor: { ...streetStaff, role: 'finance' },
      })
      .thenThrows({ kind: 'forbidden' });
  });

  it('needs a registered household', () => {
    given([])
      .when(command('ChangeHouseholdStatus', { status: 'edge', reason: 'x' }))
      .thenThrows({ kind: 'not_found', code: 'HOUSEHOLD_NOT_FOUND' });
  });
});
