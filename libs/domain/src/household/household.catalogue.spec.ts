import {
  HOUSEHOLD_COMMANDS,
  commandOfCause,
  householdCommandForRoute,
  validateHouseholdCommandBody,
} from './household.catalogue';
import type { HouseholdCommandType } from './household.commands';
import { membersInput } from './testing/household.spec-kit';

const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('HOUSEHOLD_COMMANDS', () => {
  it('gives every command a distinct route segment, and only registration opens a household', () => {
    const names = Object.keys(HOUSEHOLD_COMMANDS) as HouseholdCommandType[];
    expect(new Set(names.map((n) => HOUSEHOLD_COMMANDS[n].route)).size).toBe(names.length);
    for (const name of names) expect(householdCommandForRoute(HOUSEHOLD_COMMANDS[name].route)).toBe(name);
    expect(names.filter((n) => HOUSEHOLD_COMMANDS[n].opensHousehold)).toEqual(['registerHousehold']);
    expect(householdCommandForRoute('approve')).toBeUndefined();
  });

  it('never takes the household id from the body', () => {
    expect(
      fieldsOf(
        validateHouseholdCommandBody('changeHouseholdStatus', { householdId: 'x', status: 'edge', reason: 'r' }),
      ),
    ).toEqual(['householdId']);
    expect(
      validateHouseholdCommandBody(
        'changeHouseholdStatus',
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
    expect(validateHouseholdCommandBody('registerHousehold', body)).toEqual([]);
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
    expect(fieldsOf(validateHouseholdCommandBody('registerHousehold', body))).toEqual([
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
        validateHouseholdCommandBody('assignResponsibleCadre', {
          cadre: { userId: 'u', name: 'n', unit: 'U', rank: 'x' },
        }),
      ),
    ).toEqual(['cadre.rank']);
    expect(
      fieldsOf(
        validateHouseholdCommandBody('recordVisit', {
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
      fieldsOf(validateHouseholdCommandBody('adoptAssistancePlan', { planId: 'p', summary: 's', measures: [] })),
    ).toEqual(['measures']);
    expect(
      fieldsOf(
        validateHouseholdCommandBody('placeMemberInWork', {
          placementId: 'p',
          memberId: 'm',
          employer: 'e',
          post: 'p',
          startDate: '2020-10-01',
          publicWelfarePost: 'yes',
        }),
      ),
    ).toEqual(['publicWelfarePost']);
    expect(validateHouseholdCommandBody('eliminateRisk', [])).toEqual([
      { field: 'body', reason: 'must be a JSON object' },
    ]);
  });
});

describe('household catalogue entries and stored causes', () => {
  it('names each entry’s command as its key, next to its route', () => {
    for (const [name, spec] of Object.entries(HOUSEHOLD_COMMANDS)) expect(spec.command).toBe(name);
  });

  it('reads a stored cause in the old PascalCase spelling and the new one as the same command', () => {
    expect(commandOfCause('RecordMemberLeftWork')).toBe('recordMemberLeftWork');
    expect(commandOfCause('recordMemberLeftWork')).toBe('recordMemberLeftWork');
    expect(commandOfCause('NoSuchCommand')).toBeUndefined();
  });
});
