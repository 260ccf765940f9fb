import { DomainError } from '@casework/kernel';
import { checkCadre, cleanCadre } from '../household.cadre';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import type { HouseholdState } from '../household.state';

export function decideReassignResponsibleCadre(
  command: HouseholdCommandOf<'ReassignResponsibleCadre'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  const cadreOk = checkCadre(p, 'cadre', d.cadre);
  p.text('reason', d.reason);
  if (cadreOk && household.cadre && d.cadre.userId === household.cadre.userId)
    p.add('cadre.userId', 'is already the responsible cadre of this household');
  p.throwIfAny();
  if (!household.cadre) {
    throw new DomainError(
      'illegal_state',
      'NO_CADRE_ASSIGNED',
      'The household has no responsible cadre yet; assign one first.',
      { allowed: ['AssignResponsibleCadre'] },
    );
  }
  return [
    {
      type: 'ResponsibleCadreReassigned',
      data: {
        householdId: household.householdId,
        from: household.cadre,
        to: cleanCadre(d.cadre),
        reason: d.reason.trim(),
        at: command.at,
      },
    },
  ];
}
