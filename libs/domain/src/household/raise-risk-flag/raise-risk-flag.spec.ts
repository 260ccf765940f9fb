import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

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

describe('RaiseRiskFlag', () => {
  it('raises a risk from data', () => {
    const when = given(aHousehold()).when(
      command('RaiseRiskFlag', { riskId: 'r1', source: 'data', description: '医保大额支出预警', severity: 'medium' }),
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
    const [event] = given([...aHousehold(), visited])
      .when(
        command('RaiseRiskFlag', { riskId: 'r1', source: 'visit', visitId: 'v1', description: 'd', severity: 'low' }),
      )
      .events();
    expect(event).toMatchObject({ data: { source: 'visit', visitId: 'v1' } });
  });

  it('needs the visit to exist when the source is a visit, and no visit when the source is data', () => {
    given(aHousehold())
      .when(
        command('RaiseRiskFlag', { riskId: 'r1', source: 'visit', visitId: 'v9', description: 'd', severity: 'low' }),
      )
      .thenThrows({ kind: 'validation', fields: ['visitId'] });
    given(aHousehold())
      .when(command('RaiseRiskFlag', { riskId: 'r1', source: 'visit', description: 'd', severity: 'low' }))
      .thenThrows({ kind: 'validation', fields: ['visitId'] });
    given([...aHousehold(), visited])
      .when(
        command('RaiseRiskFlag', { riskId: 'r1', source: 'data', visitId: 'v1', description: 'd', severity: 'low' }),
      )
      .thenThrows({ kind: 'validation', fields: ['visitId'] });
  });

  it('validates source, severity and description, and refuses a risk id already used', () => {
    given(aHousehold())
      .when(
        command('RaiseRiskFlag', {
          riskId: 'r1',
          source: 'rumour' as never,
          description: '',
          severity: 'grave' as never,
        }),
      )
      .thenThrows({ kind: 'validation', fields: ['source', 'description', 'severity'] });
    const [raised] = given(aHousehold())
      .when(command('RaiseRiskFlag', { riskId: 'r1', source: 'data', description: 'd', severity: 'low' }))
      .events();
    given([...aHousehold(), raised])
      .when(command('RaiseRiskFlag', { riskId: 'r1', source: 'data', description: 'd', severity: 'low' }))
      .thenThrows({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });
});
