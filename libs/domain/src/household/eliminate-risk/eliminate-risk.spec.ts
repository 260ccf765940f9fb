import { openRisks } from '../household.schedule';
import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

const raised = {
  type: 'RiskFlagRaised' as const,
  data: {
    householdId: HH,
    riskId: 'r1',
    source: 'data' as const,
    visitId: null,
    description: '医疗支出大',
    severity: 'high' as const,
    at: '2020-09-10T02:00:00Z',
  },
};
const eliminated = {
  type: 'RiskEliminated' as const,
  data: { householdId: HH, riskId: 'r1', reason: '医保报销到位', at: '2020-10-01T02:00:00Z' },
};

describe('EliminateRisk', () => {
  it('eliminates an open risk, with the reason', () => {
    const when = given([...aHousehold(), raised]).when(
      command('EliminateRisk', { riskId: 'r1', reason: '大病医保报销后负担可承受' }),
    );
    when.then([
      { type: 'RiskEliminated', data: { householdId: HH, riskId: 'r1', reason: '大病医保报销后负担可承受', at: AT } },
    ]);
    expect(when.state()).toMatchObject({
      risks: [{ riskId: 'r1', eliminated: true, eliminatedAt: AT, eliminationReason: '大病医保报销后负担可承受' }],
    });
    expect(openRisks(when.state())).toEqual([]);
  });

  it('requires a reason', () => {
    given([...aHousehold(), raised])
      .when(command('EliminateRisk', { riskId: 'r1', reason: '' }))
      .thenThrows({ kind: 'validation', fields: ['reason'] });
  });

  it('refuses an unknown risk', () => {
    given([...aHousehold(), raised])
      .when(command('EliminateRisk', { riskId: 'r2', reason: 'x' }))
      .thenThrows({ kind: 'not_found', code: 'RISK_NOT_FOUND' });
  });

  it('refuses a risk already eliminated', () => {
    given([...aHousehold(), raised, eliminated])
      .when(command('EliminateRisk', { riskId: 'r1', reason: 'x' }))
      .thenThrows({ kind: 'illegal_state', code: 'RISK_ALREADY_ELIMINATED' });
  });
});
