import { HOUSEHOLD_COMMANDS, householdCommandForRoute, validateHouseholdCommandBody } from './household.catalogue';
import type { HouseholdCommandType } from './household.commands';
import { membersInput } from './testing/household.spec-kit';

const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('HOUSEHOLD_COMMANDS', () => {
  it('gives every command a distinct route segment, and only registration opens a household', () => {
    const names = Object.keys(HOUSEHOLD_COMMANDS) as HouseholdCommandType[];
    expect(new Set(names.map((n) => HOUSEHOLD_COMMANDS[n].route)).size).toBe(names.length);
    for (const name of names) expect(householdCommandForRoute(HOUSEHOLD_COMMANDS[name].route)).toBe(name);
    expect(names.filter((n) => HOUSEHOLD_COMMANDS[n].opensHousehold)).toEqual(['RegisterHousehold']);
    expect(householdCommandForRoute('approve')).toBeUndefined();
  });

  it('never takes the household id from the body', () => {
    expect(
      fieldsOf(
        validateHouseholdCommandBody('ChangeHouseholdStatus', { householdId: 'x', status: 'edge', reason: 'r' }),
      ),
    ).toEqual(['householdId']);
    expect(
      validateHouseholdCommandBody(
        'ChangeHouseholdStatus',
        { householdId: 'x', status: 'edge', reason: 'r' },
        { allowHandlerFields: true },
      ),
    ).toEqual([]);
  });

  it('accepts a complete registration body', () => {
    const body = {
      village: 'v',
      streetOffice: 'STREET_XIYI',
      address: 'a',
      headMemberId: 'm1',
      members: membersInput(),
      status: 'lifted',
      statusReason: 'r',
    };
    expect(validateHouseholdCommandBody('RegisterHousehold', body)).toEqual([]);
  });

  it('reports unknown, missing and malformed fields, nested ones included', () => {
    const body = {
      village: 'v',
      address: '',
      members: [{ ...membersInput()[0], salary: 1 }, 'x'],
      status: 'poor',
      statusReason: 'r',
      extra: true,
    };
    expect(fieldsOf(validateHouseholdCommandBody('RegisterHousehold', body))).toEqual([
      'extra',
      'streetOffice',
      'address',
      'headMemberId',
      'members[0].salary',
      'members[1]',
      'status',
    ]);
    expect(
      fieldsOf(
        validateHouseholdCommandBody('AssignResponsibleCadre', {
          cadre: { userId: 'u', name: 'n', unit: 'U', rank: 'x' },
        }),
      ),
    ).toEqual(['cadre.rank']);
    expect(
      fieldsOf(
        validateHouseholdCommandBody('RecordVisit', {
          visitId: 'v',
          date: '2020-10-1',
          visitor: 'w',
          findings: 'f',
          nextVisitDue: '2020-11-01',
          risks: [{ riskId: 'r', description: 'd', severity: 'low', level: 1 }],
        }),
      ),
    ).toEqual(['date', 'risks[0].level']);
    expect(
      fieldsOf(validateHouseholdCommandBody('AdoptAssistancePlan', { planId: 'p', summary: 's', measures: [] })),
    ).toEqual(['measures']);
    expect(
      fieldsOf(
        validateHouseholdCommandBody('PlaceMemberInWork', {
          placementId: 'p',
          memberId: 'm',
          employer: 'e',
          post: 'p',
          startDate: '2020-10-01',
          publicWelfarePost: 'yes',
        }),
      ),
    ).toEqual(['publicWelfarePost']);
    expect(validateHouseholdCommandBody('EliminateRisk', [])).toEqual([
      { field: 'body', reason: 'must be a JSON object' },
    ]);
  });
});
