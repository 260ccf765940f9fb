import type { RecordVisitData } from './household.commands';
import { AT, HH, aHousehold, command, given } from './testing/household.spec-kit';
import { openRisks } from './household.schedule';

const visit = (over: Partial<RecordVisitData> = {}) =>
  command('recordVisit', {
    visitId: 'v1',
    date: '2020-10-08',
    visitor: '王芳',
    findings: '户主腰伤未愈，暂不能外出务工',
    needs: '就近就业',
    measuresTaken: '登记公益性岗位意向',
    nextVisitDue: '2020-11-08',
    ...over,
  });

describe('recordVisit', () => {
  it('records the visit', () => {
    const when = given(aHousehold()).when(visit());
    when.then([
      {
        type: 'HouseholdVisited',
        data: {
          householdId: HH,
          visitId: 'v1',
          date: '2020-10-08',
          visitor: '王芳',
          findings: '户主腰伤未愈，暂不能外出务工',
          needs: '就近就业',
          measuresTaken: '登记公益性岗位意向',
          nextVisitDue: '2020-11-08',
          at: AT,
        },
      },
    ]);
    expect(when.state()).toMatchObject({ visits: [{ visitId: 'v1', nextVisitDue: '2020-11-08' }] });
  });

  it('raises the risks the visitor found, linked to the visit', () => {
    const events = given(aHousehold())
      .when(visit({ risks: [{ riskId: 'r1', description: '医疗支出大', severity: 'high' }] }))
      .events();
    expect(events[1]).toEqual({
      type: 'RiskFlagRaised',
      data: {
        householdId: HH,
        riskId: 'r1',
        source: 'visit',
        visitId: 'v1',
        description: '医疗支出大',
        severity: 'high',
        at: AT,
      },
    });
  });

  it('requires the next visit to be after the visit', () => {
    given(aHousehold())
      .when(visit({ nextVisitDue: '2020-10-08' }))
      .thenError({ kind: 'validation', fields: ['nextVisitDue'] });
    given(aHousehold())
      .when(visit({ nextVisitDue: '2020-10-01' }))
      .thenError({ kind: 'validation', fields: ['nextVisitDue'] });
  });

  it('rejects a visit in the future, missing fields and malformed risks', () => {
    given(aHousehold())
      .when(
        visit({
          date: '2020-10-10',
          nextVisitDue: '2020-11-10',
          visitor: '',
          findings: '',
          needs: 42 as never,
          risks: [{ riskId: '', description: '', severity: 'grave' as never }],
        }),
      )
      .thenError({
        kind: 'validation',
        fields: [
          'date',
          'visitor',
          'findings',
          'needs',
          'risks[0].riskId',
          'risks[0].description',
          'risks[0].severity',
        ],
      });
  });

  it('accepts empty needs and measures taken', () => {
    expect(
      given(aHousehold())
        .when(visit({ needs: '', measuresTaken: '' }))
        .events(),
    ).toHaveLength(1);
  });

  it('records missing needs and measures taken as empty text (both optional in the catalogue)', () => {
    const event = given(aHousehold())
      .when(visit({ needs: undefined, measuresTaken: undefined }))
      .event();
    expect(event.data).toMatchObject({ needs: '', measuresTaken: '' });
  });

  it('refuses a visit id already used', () => {
    const recorded = given(aHousehold()).when(visit()).event();
    given([...aHousehold(), recorded])
      .when(visit())
      .thenError({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });
});

const visited = {
  type: 'HouseholdVisited' as const,
  data: {
    householdId: HH,
    visitId: 'v1',
    date: '2020-10-01',
    visitor: '王芳',
    findings: 'f',
    needs: '',
    measuresTaken: '',
    nextVisitDue: '2020-11-01',
    at: '2020-10-01T02:00:00Z',
  },
};

describe('raiseRiskFlag', () => {
  it('raises a risk from data', () => {
    const when = given(aHousehold()).when(
      command('raiseRiskFlag', { riskId: 'r1', source: 'data', description: '医保大额支出预警', severity: 'medium' }),
    );
    when.then([
      {
        type: 'RiskFlagRaised',
        data: {
          householdId: HH,
          riskId: 'r1',
          source: 'data',
          visitId: null,
          description: '医保大额支出预警',
          severity: 'medium',
          at: AT,
        },
      },
    ]);
    expect(when.state()).toMatchObject({ risks: [{ riskId: 'r1', eliminated: false, raisedAt: AT }] });
  });

  it('raises a risk from a recorded visit', () => {
    const event = given([...aHousehold(), visited])
      .when(
        command('raiseRiskFlag', { riskId: 'r1', source: 'visit', visitId: 'v1', description: 'd', severity: 'low' }),
      )
      .event();
    expect(event).toMatchObject({ data: { source: 'visit', visitId: 'v1' } });
  });

  it('needs the visit to exist when the source is a visit, and no visit when the source is data', () => {
    given(aHousehold())
      .when(
        command('raiseRiskFlag', { riskId: 'r1', source: 'visit', visitId: 'v9', description: 'd', severity: 'low' }),
      )
      .thenError({ kind: 'validation', fields: ['visitId'] });
    given(aHousehold())
      .when(command('raiseRiskFlag', { riskId: 'r1', source: 'visit', description: 'd', severity: 'low' }))
      .thenError({ kind: 'validation', fields: ['visitId'] });
    given([...aHousehold(), visited])
      .when(
        command('raiseRiskFlag', { riskId: 'r1', source: 'data', visitId: 'v1', description: 'd', severity: 'low' }),
      )
      .thenError({ kind: 'validation', fields: ['visitId'] });
  });

  it('validates source, severity and description, and refuses a risk id already used', () => {
    given(aHousehold())
      .when(
        command('raiseRiskFlag', {
          riskId: 'r1',
          source: 'rumour' as never,
          description: '',
          severity: 'grave' as never,
        }),
      )
      .thenError({ kind: 'validation', fields: ['source', 'description', 'severity'] });
    const raised = given(aHousehold())
      .when(command('raiseRiskFlag', { riskId: 'r1', source: 'data', description: 'd', severity: 'low' }))
      .event();
    given([...aHousehold(), raised])
      .when(command('raiseRiskFlag', { riskId: 'r1', source: 'data', description: 'd', severity: 'low' }))
      .thenError({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });
});

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

describe('eliminateRisk', () => {
  it('eliminates an open risk, with the reason', () => {
    const when = given([...aHousehold(), raised]).when(
      command('eliminateRisk', { riskId: 'r1', reason: '大病医保报销后负担可承受' }),
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
      .when(command('eliminateRisk', { riskId: 'r1', reason: '' }))
      .thenError({ kind: 'validation', fields: ['reason'] });
  });

  it('refuses an unknown risk', () => {
    given([...aHousehold(), raised])
      .when(command('eliminateRisk', { riskId: 'r2', reason: 'x' }))
      .thenError({ kind: 'not_found', code: 'RISK_NOT_FOUND' });
  });

  it('refuses a risk already eliminated', () => {
    given([...aHousehold(), raised, eliminated])
      .when(command('eliminateRisk', { riskId: 'r1', reason: 'x' }))
      .thenError({ kind: 'illegal_state', code: 'RISK_ALREADY_ELIMINATED' });
  });
});
