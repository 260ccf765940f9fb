import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

describe('RecordThreeChecks', () => {
  it('records a check', () => {
    const when = given(aHousehold()).when(
      command('RecordThreeChecks', {
        checkId: 'c1',
        kind: 'unemployed_able_member',
        date: '2020-10-09',
        result: 'clear',
        notes: '',
      }),
    );
    when.then([
      {
        type: 'ThreeChecksRecorded',
        data: {
          householdId: HH,
          checkId: 'c1',
          kind: 'unemployed_able_member',
          date: '2020-10-09',
          result: 'clear',
          notes: '',
          at: AT,
        },
      },
    ]);
    expect(when.state()).toMatchObject({
      threeChecks: [{ checkId: 'c1', kind: 'unemployed_able_member', result: 'clear' }],
    });
  });

  it('needs notes when the check found an issue', () => {
    given(aHousehold())
      .when(
        command('RecordThreeChecks', {
          checkId: 'c1',
          kind: 'unmet_employment_need',
          date: '2020-10-09',
          result: 'issue_found',
          notes: '',
        }),
      )
      .thenThrows({ kind: 'validation', fields: ['notes'] });
  });

  it('validates kind, result and date, and refuses a check id already used', () => {
    given(aHousehold())
      .when(
        command('RecordThreeChecks', {
          checkId: 'c1',
          kind: 'fourth' as never,
          date: '2020-10-10',
          result: 'maybe' as never,
          notes: '',
        }),
      )
      .thenThrows({ kind: 'validation', fields: ['kind', 'date', 'result'] });
    const [recorded] = given(aHousehold())
      .when(
        command('RecordThreeChecks', {
          checkId: 'c1',
          kind: 'zero_employment_household',
          date: '2020-10-09',
          result: 'clear',
          notes: '',
        }),
      )
      .events();
    given([...aHousehold(), recorded])
      .when(
        command('RecordThreeChecks', {
          checkId: 'c1',
          kind: 'zero_employment_household',
          date: '2020-10-09',
          result: 'clear',
          notes: '',
        }),
      )
      .thenThrows({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });
});
