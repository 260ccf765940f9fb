import { DomainError } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import type { HouseholdState } from '../household.state';

export function decideRecordMemberLeftWork(
  command: HouseholdCommandOf<'RecordMemberLeftWork'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('placementId', d.placementId);
  const hasEnd = p.date('endDate', d.endDate);
  p.text('reason', d.reason);
  p.throwIfAny();
  const placement = household.placements.find((x) => x.placementId === d.placementId);
  if (!placement)
    throw new DomainError('not_found', 'PLACEMENT_NOT_FOUND', `The household has no placement ${d.placementId}.`, {
      placementId: d.placementId,
    });
  if (placement.endDate !== null) {
    throw new DomainError(
      'illegal_state',
      'PLACEMENT_ALREADY_ENDED',
      `Placement ${d.placementId} already ended on ${placement.endDate}.`,
      { placementId: d.placementId, endDate: placement.endDate },
    );
  }
  if (hasEnd && d.endDate < placement.startDate)
    p.add('endDate', `must not be before the start date (${placement.startDate})`);
  p.throwIfAny();
  return [
    {
      type: 'MemberLeftWork',
      data: {
        householdId: household.householdId,
        placementId: d.placementId,
        memberId: placement.memberId,
        endDate: d.endDate,
        reason: d.reason.trim(),
        at: command.at,
      },
    },
  ];
}
