import { DomainError } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import { POVERTY_STATUSES } from '../household.model';
import type { HouseholdState } from '../household.state';
import { planDueBy } from '../plan-deadline.rule';

export function decideChangeHouseholdStatus(
  command: HouseholdCommandOf<'ChangeHouseholdStatus'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.oneOf('status', d.status, POVERTY_STATUSES);
  p.text('reason', d.reason);
  p.throwIfAny();
  if (d.status === household.status) {
    throw new DomainError('illegal_state', 'STATUS_UNCHANGED', `The household is already ${household.status}.`, {
      status: household.status,
    });
  }
  const needsPlan = d.status === 'not_lifted' && household.plan === null;
  return [
    {
      type: 'HouseholdStatusChanged',
      data: {
        householdId: household.householdId,
        from: household.status,
        to: d.status,
        reason: d.reason.trim(),
        planDueBy: needsPlan ? planDueBy(command.at) : null,
        at: command.at,
      },
    },
  ];
}
