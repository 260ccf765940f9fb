import type { Cadre } from './household.model';
import { AT, HH, aHousehold, command, given, inspector } from './testing/household.spec-kit';

const wang: Cadre = { userId: 'u-wang', name: '王芳', unit: 'STREET_XIYI', phone: '13800000000' };
const assigned = {
  type: 'ResponsibleCadreAssigned' as const,
  data: { householdId: HH, cadre: wang, at: '2020-09-02T02:00:00Z' },
};

describe('assignResponsibleCadre', () => {
  it('assigns the one responsible cadre', () => {
    given(aHousehold())
      .when(command('assignResponsibleCadre', { cadre: wang }))
      .then([{ type: 'ResponsibleCadreAssigned', data: { householdId: HH, cadre: wang, at: AT } }]);
  });

  it('names the missing cadre fields', () => {
    given(aHousehold())
      .when(command('assignResponsibleCadre', { cadre: { userId: '', name: '', unit: 'X' } }))
      .thenError({ kind: 'validation', fields: ['cadre.userId', 'cadre.name'] });
    given(aHousehold())
      .when(command('assignResponsibleCadre', { cadre: undefined as never }))
      .thenError({ kind: 'validation', fields: ['cadre'] });
  });

  it('refuses a second cadre: that is a reassignment with a reason', () => {
    given([...aHousehold(), assigned])
      .when(command('assignResponsibleCadre', { cadre: { ...wang, userId: 'u-li' } }))
      .thenError({ kind: 'illegal_state', code: 'CADRE_ALREADY_ASSIGNED' });
  });

  it('is refused to inspectors', () => {
    given(aHousehold())
      .when({ ...command('assignResponsibleCadre', { cadre: wang }), actor: inspector })
      .thenError({ kind: 'forbidden' });
  });
});

const wangForReassign: Cadre = { userId: 'u-wang', name: '王芳', unit: 'STREET_XIYI' };
const li: Cadre = { userId: 'u-li', name: '李强', unit: 'STREET_XIYI' };
const assignedForReassign = {
  type: 'ResponsibleCadreAssigned' as const,
  data: { householdId: HH, cadre: wangForReassign, at: '2020-09-02T02:00:00Z' },
};

describe('reassignResponsibleCadre', () => {
  it('replaces the cadre, with the reason, and keeps the history', () => {
    const when = given([...aHousehold(), assignedForReassign]).when(
      command('reassignResponsibleCadre', { cadre: li, reason: '王芳调岗' }),
    );
    when.then([
      {
        type: 'ResponsibleCadreReassigned',
        data: { householdId: HH, from: wangForReassign, to: li, reason: '王芳调岗', at: AT },
      },
    ]);
    expect(when.state()).toMatchObject({
      cadre: li,
      cadreHistory: [
        { cadre: wangForReassign, reason: null },
        { cadre: li, reason: '王芳调岗', from: AT },
      ],
    });
  });

  it('requires a reason and a different cadre', () => {
    given([...aHousehold(), assignedForReassign])
      .when(command('reassignResponsibleCadre', { cadre: li, reason: '' }))
      .thenError({ kind: 'validation', fields: ['reason'] });
    given([...aHousehold(), assignedForReassign])
      .when(command('reassignResponsibleCadre', { cadre: wangForReassign, reason: '复核' }))
      .thenError({ kind: 'validation', fields: ['cadre.userId'] });
  });

  it('needs a cadre to replace', () => {
    given(aHousehold())
      .when(command('reassignResponsibleCadre', { cadre: li, reason: 'x' }))
      .thenError({ kind: 'illegal_state', code: 'NO_CADRE_ASSIGNED' });
  });
});
