import type { RecordVisitData } from '../household.commands';
import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

const visit = (over: Partial<RecordVisitData> = {}) =>
  command('RecordVisit', {
    visitId: 'v1',
    date: '2020-10-08',
    visitor: '王芳',
    findings: '户主腰伤未愈，暂不能外出务工',
    needs: '就近就业',
    measuresTaken: '登记公益性岗位意向',
    nextVisitDue: '2020-11-08',
    ...over,
  });

describe('RecordVisit', () => {
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
      .thenThrows({ kind: 'validation', fields: ['nextVisitDue'] });
    given(aHousehold())
      .when(visit({ nextVisitDue: '2020-10-01' }))
      .thenThrows({ kind: 'validation', fields: ['nextVisitDue'] });
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
      .thenThrows({
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
    const [event] = given(aHousehold())
      .when(visit({ needs: undefined, measuresTaken: undefined }))
      .events();
    expect(event.data).toMatchObject({ needs: '', measuresTaken: '' });
  });

  it('refuses a visit id already used', () => {
    const [recorded] = given(aHousehold()).when(visit()).events();
    given([...aHousehold(), recorded])
      .when(visit())
      .thenThrows({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });
});
