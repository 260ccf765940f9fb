import { AT, HH, OFFICE, aHousehold, command, given, inspector, otherStreetStaff } from '../testing/household.spec-kit';

const link = command('LinkSubsidyCase', { caseId: 'case-1', programme: 'PUBLIC_WELFARE_POST', memberId: 'm1' });

describe('LinkSubsidyCase', () => {
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
      .thenThrows({ kind: 'forbidden' });
    given(aHousehold())
      .when({ ...link, actor: inspector })
      .thenThrows({ kind: 'forbidden' });
  });

  it('needs a member of the household, and links a case once', () => {
    given(aHousehold())
      .when(command('LinkSubsidyCase', { caseId: 'case-1', programme: '', memberId: 'm9' }))
      .thenThrows({ kind: 'validation', fields: ['programme', 'memberId'] });
    const [linked] = given(aHousehold()).when(link).events();
    given([...aHousehold(), linked])
      .when(link)
      .thenThrows({ kind: 'conflict', code: 'CASE_ALREADY_LINKED' });
  });
});
