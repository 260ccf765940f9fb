import type { Cadre } from '../household.model';
import { AT, HH, aHousehold, command, given, inspector } from '../testing/household.spec-kit';

const wang: Cadre = { userId: 'u-wang', name: '王芳', unit: 'STREET_XIYI', phone: '13800000000' };
const assigned = {
  type: 'ResponsibleCadreAssigned' as const,
  data: { householdId: HH, cadre: wang, at: '2020-09-02T02:00:00Z' },
};

describe('AssignResponsibleCadre', () => {
  it('assigns the one responsible cadre', () => {
    given(aHousehold())
      .when(command('AssignResponsibleCadre', { cadre: wang }))
      .then([{ type: 'ResponsibleCadreAssigned', data: { householdId: HH, cadre: wang, at: AT } }]);
  });

  it('names the missing cadre fields', () => {
    given(aHousehold())
      .when(command('AssignResponsibleCadre', { cadre: { userId: '', name: '', unit: 'X' } }))
      .thenThrows({ kind: 'validation', fields: ['cadre.userId', 'cadre.name'] });
    given(aHousehold())
      .when(command('AssignResponsibleCadre', { cadre: undefined as never }))
      .thenThrows({ kind: 'validation', fields: ['cadre'] });
  });

  it('refuses a second cadre: that is a reassignment with a reason', () => {
    given([...aHousehold(), assigned])
      .when(command('AssignResponsibleCadre', { cadre: { ...wang, userId: 'u-li' } }))
      .thenThrows({ kind: 'illegal_state', code: 'CADRE_ALREADY_ASSIGNED' });
  });

  it('is refused to inspectors', () => {
    given(aHousehold())
      .when({ ...command('AssignResponsibleCadre', { cadre: wang }), actor: inspector })
      .thenThrows({ kind: 'forbidden' });
  });
});
