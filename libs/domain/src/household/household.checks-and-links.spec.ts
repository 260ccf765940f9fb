import { AT, HH, OFFICE, aHousehold, command, given, inspector, otherStreetStaff } from './testing/household.spec-kit';

describe('recordThreeChecks', () => {
  it('records a check', () => {
    const when = given(aHousehold()).when(
      command('recordThreeChecks', {
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
        command('recordThreeChecks', {
          checkId: 'c1',
          kind: 'unmet_employment_need',
          date: '2020-10-09',
          result: 'issue_found',
          notes: '',
        }),
      )
      .thenError({ kind: 'validation', fields: ['notes'] });
  });

  it('validates kind, result and date, and refuses a check id already used', () => {
    given(aHousehold())
      .when(
        command('recordThreeChecks', {
          checkId: 'c1',
          kind: 'fourth' as never,
          date: '2020-10-10',
          result: 'maybe' as never,
          notes: '',
        }),
      )
      .thenError({ kind: 'validation', fields: ['kind', 'date', 'result'] });
    const recorded = given(aHousehold())
      .when(
        command('recordThreeChecks', {
          checkId: 'c1',
          kind: 'zero_employment_household',
          date: '2020-10-09',
          result: 'clear',
          notes: '',
        }),
      )
      .event();
    given([...aHousehold(), recorded])
      .when(
        command('recordThreeChecks', {
          checkId: 'c1',
          kind: 'zero_employment_household',
          date: '2020-10-09',
          result: 'clear',
          notes: '',
        }),
      )
      .thenError({ kind: 'conflict', code: 'DUPLICATE_ID' });
  });
});

const link = command('linkSubsidyCase', { caseId: 'case-1', programme: 'PUBLIC_WELFARE_POST', memberId: 'm1' });

describe('linkSubsidyCase', () => {
  it('links a member’s case, visible from the household', () => {
    const when = given(aHousehold()).when(link);
    when.then([
      {
        type: 'SubsidyCaseLinked',
        data: { householdId: HH, caseId: 'case-1', programme: 'PUBLIC_WELFARE_POST', memberId: 'm1', at: AT },
      },
    ]);
    expect(when.state()).toMatchObject({
      linkedCases: [{ caseId: 'case-1', programme: 'PUBLIC_WELFARE_POST', memberId: 'm1', linkedAt: AT }],
    });
  });

  it('lets a caseworker of the same street office link the case they handle', () => {
    expect(
      given(aHousehold())
        .when({ ...link, actor: { userId: 'cw', role: 'caseworker', unit: OFFICE } })
        .events(),
    ).toHaveLength(1);
  });

  it('is refused to another street office and to inspectors', () => {
    given(aHousehold())
      .when({ ...link, actor: { ...otherStreetStaff, role: 'caseworker' } })
      .thenError({ kind: 'forbidden' });
    given(aHousehold())
      .when({ ...link, actor: inspector })
      .thenError({ kind: 'forbidden' });
  });

  it('needs a member of the household, and links a case once', () => {
    given(aHousehold())
      .when(command('linkSubsidyCase', { caseId: 'case-1', programme: '', memberId: 'm9' }))
      .thenError({ kind: 'validation', fields: ['programme', 'memberId'] });
    const linked = given(aHousehold()).when(link).event();
    given([...aHousehold(), linked])
      .when(link)
      .thenError({ kind: 'conflict', code: 'CASE_ALREADY_LINKED' });
  });
});
