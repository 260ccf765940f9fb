import type { Role } from '../../shared/actor';
import { DomainError, forbidden } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { duplicate, Problems, requireRegistered } from '../household.guards';
import { canChangeHousehold, canReadHousehold } from '../household.scope';
import type { HouseholdState } from '../household.state';

/** Case handlers link the cases they open for a member; a link is a reference, not a change of the household's facts. */
const CASE_ROLES: readonly Role[] = ['caseworker', 'reviewer', 'approver'];

export function decideLinkSubsidyCase(
  command: HouseholdCommandOf<'LinkSubsidyCase'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  const { actor } = command;
  const mayLink =
    canChangeHousehold(actor, household).allowed ||
    (CASE_ROLES.includes(actor.role) && canReadHousehold(actor, household).allowed);
  if (!mayLink)
    throw forbidden('HOUSEHOLD_OUT_OF_SCOPE', 'You may not link cases to this household.', {
      streetOffice: household.streetOffice,
      unit: actor.unit,
      role: actor.role,
    });
  const p = new Problems();
  p.text('caseId', d.caseId);
  p.text('programme', d.programme);
  if (p.text('memberId', d.memberId) && !household.members.some((m) => m.memberId === d.memberId))
    p.add('memberId', 'names no member of this household');
  p.throwIfAny();
  if (household.linkedCases.some((c) => c.caseId === d.caseId)) {
    throw new DomainError('conflict', 'CASE_ALREADY_LINKED', `Case ${d.caseId} is already linked to this household.`, {
      caseId: d.caseId,
    });
  }
  return [
    {
      type: 'SubsidyCaseLinked',
      data: {
        householdId: household.householdId,
        caseId: d.caseId,
        programme: d.programme.trim(),
        memberId: d.memberId,
        at: command.at,
      },
    },
  ];
}
