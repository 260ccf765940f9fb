import { DomainError } from '@casework/kernel';
import { checkCadre, cleanCadre } from '../household.cadre';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import type { HouseholdState } from '../household.state';

/** One-on-one: a household has exactly one responsible cadre; changing them is a reassignment with a reason. */
export function decideAssignResponsibleCadre(
  command: HouseholdCommandOf<'AssignResponsibleCadre'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  checkCadre(p, 'cadre', d.cadre);
  p.throwIfAny();
  if (household.cadre) {
    throw new DomainError(
      'illegal_state',
      'CADRE_ALREADY_ASSIGNED',
      `The household already has a responsible cadre (${household.cadre.name}); reassign with a reason instead.`,
      {
        current: household.cadre.userId,
        allowed: ['ReassignResponsibleCadre'],
      },
    );
  }
  return [
    {
      type: 'ResponsibleCadreAssigned',
      data: { householdId: household.householdId, cadre: cleanCadre(d.cadre), at: command.at },
    },
  ];
}
