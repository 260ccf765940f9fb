import { HOUSEHOLD_COMMANDS, unknownHouseholdFields } from './household.catalogue';

describe('HOUSEHOLD_COMMANDS', () => {
  it('gives every command a distinct route under /api/households', () => {
    const routes = Object.values(HOUSEHOLD_COMMANDS).map((c) => c.route);
    expect(new Set(routes).size).toBe(routes.length);
    for (const route of routes) expect(route).toMatch(/^POST \/api\/households(\/:id\/[a-z-]+)?$/);
  });

  it('never takes the household id from the body', () => {
    for (const spec of Object.values(HOUSEHOLD_COMMANDS)) {
      expect(spec.fields).not.toHaveProperty('householdId');
      expect(spec.handlerSupplies).toEqual(['householdId']);
    }
  });

  it('reports unknown fields, nested ones included', () => {
    expect(unknownHouseholdFields('ChangeHouseholdStatus', { status: 'edge', reason: 'r' })).toEqual([]);
    expect(unknownHouseholdFields('ChangeHouseholdStatus', { status: 'edge', reason: 'r', householdId: 'x', extra: 1 })).toEqual(['householdId', 'extra']);
    expect(
      unknownHouseholdFields('RegisterHousehold', {
        village: 'v',
        members: [{ memberId: 'm1', name: 'n' }, { memberId: 'm2', salary: 1 }],
      }),
    ).toEqual(['members[1].salary']);
    expect(unknownHouseholdFields('AssignResponsibleCadre', { cadre: { userId: 'u', rank: 'x' } })).toEqual(['cadre.rank']);
    expect(unknownHouseholdFields('RecordVisit', { risks: [{ riskId: 'r', level: 1 }] })).toEqual(['risks[0].level']);
  });
});
