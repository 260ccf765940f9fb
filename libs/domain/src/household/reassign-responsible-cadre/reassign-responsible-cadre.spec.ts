import type { Cadre } from '../household.model';
import { AT, HH, aHousehold, command, given } from '../testing/household.spec-kit';

const wang: Cadre = { userId: 'u-wang', name: '王芳', unit: 'STREET_XIYI' };
const li: Cadre = { userId: 'u-li', name: '李强', unit: 'STREET_XIYI' };
const assigned = {
  type: 'ResponsibleCadreAssigned' as const,
  data: { householdId: HH, cadre: wang, at: '2020-09-02T02:00:00Z' },
};

describe('ReassignResponsibleCadre', () => {
  it('replaces the cadre, with the reason, and keeps the history', () => {
    const when = given([...aHousehold(), assigned]).when(
      command('ReassignResponsibleCadre', { cadre: li, reason: '王芳调岗' }),
    );
    when.then([
      { type: 'ResponsibleCadreReassigned', data: { householdId: HH, from: wang, to: li, reason: '王芳调岗', at: AT } },
    ]);
    expect(when.state()).toMatchObject({
      cadre: li,
      cadreHistory: [
        { cadre: wang, reason: null },
        { cadre: li, reason: '王芳调岗', from: AT },
      ],
    });
  });

  it('requires a reason and a different cadre', () => {
    given([...aHousehold(), assigned])
      .when(command('ReassignResponsibleCadre', { cadre: li, reason: '' }))
      .thenThrows({ kind: 'validation', fields: ['reason'] });
    given([...aHousehold(), assigned])
      .when(command('ReassignResponsibleCadre', { cadre: wang, reason: '复核' }))
      .thenThrows({ kind: 'validation', fields: ['cadre.userId'] });
  });

  it('needs a cadre to replace', () => {
    given(aHousehold())
      .when(command('ReassignResponsibleCadre', { cadre: li, reason: 'x' }))
      .thenThrows({ kind: 'illegal_state', code: 'NO_CADRE_ASSIGNED' });
  });
});
