import { validateResidentId } from '@casework/policy';
import { DomainError, localDateOf } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems } from '../household.guards';
import { EMPLOYMENT_STATUSES, LABOUR_CAPACITIES, type Member, POVERTY_STATUSES, RELATIONS } from '../household.model';
import { type HouseholdState, isRegistered } from '../household.state';
import { planDueBy } from '../plan-deadline.rule';

export function decideRegisterHousehold(
  command: HouseholdCommandOf<'RegisterHousehold'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  if (isRegistered(state))
    throw new DomainError(
      'conflict',
      'HOUSEHOLD_ALREADY_REGISTERED',
      `Household ${d.householdId} is already registered.`,
      { householdId: d.householdId },
    );
  // Scope first: another street office learns nothing about the data it may not write.
  if (typeof d.streetOffice === 'string' && d.streetOffice.trim() !== '')
    assertCanChange(command.actor, { streetOffice: d.streetOffice.trim() });
  const today = localDateOf(command.at);
  const p = new Problems();
  p.text('householdId', d.householdId);
  p.text('village', d.village);
  p.text('streetOffice', d.streetOffice);
  p.text('address', d.address);
  p.oneOf('status', d.status, POVERTY_STATUSES);
  p.text('statusReason', d.statusReason);
  const members: Member[] = [];
  if (p.array('members', d.members, { nonEmpty: true })) {
    const seenIds = new Set<string>();
    const seenIdNumbers = new Set<string>();
    d.members.forEach((m, i) => {
      const at = `members[${i}]`;
      if (p.text(`${at}.memberId`, m.memberId)) {
        if (seenIds.has(m.memberId)) p.add(`${at}.memberId`, `is used by another member (${m.memberId})`);
        seenIds.add(m.memberId);
      }
      p.text(`${at}.name`, m.name);
      p.oneOf(`${at}.relation`, m.relation, RELATIONS);
      p.oneOf(`${at}.labourCapacity`, m.labourCapacity, LABOUR_CAPACITIES);
      p.oneOf(`${at}.employmentStatus`, m.employmentStatus, EMPLOYMENT_STATUSES);
      const hasBirthDate = p.date(`${at}.birthDate`, m.birthDate);
      if (hasBirthDate) p.notAfter(`${at}.birthDate`, m.birthDate, today);
      if (!p.text(`${at}.idNumber`, m.idNumber)) return;
      const id = validateResidentId(m.idNumber);
      if (!id.ok) {
        p.add(`${at}.idNumber`, id.reason);
        return;
      }
      const idNumber = m.idNumber.trim().toUpperCase();
      if (seenIdNumbers.has(idNumber)) p.add(`${at}.idNumber`, 'is the ID number of another member of this household');
      seenIdNumbers.add(idNumber);
      if (hasBirthDate && id.birthDate !== m.birthDate)
        p.add(`${at}.birthDate`, `does not match the birth date in the ID number (${id.birthDate})`);
      members.push({ ...m, idNumber, sex: id.sex });
    });
    const heads = d.members.filter((m) => m.relation === 'head');
    if (p.text('headMemberId', d.headMemberId)) {
      const head = d.members.find((m) => m.memberId === d.headMemberId);
      if (!head) p.add('headMemberId', 'must be the memberId of one of the members');
      else if (head.relation !== 'head') p.add('headMemberId', 'names a member whose relation is not "head"');
    }
    if (heads.length > 1) p.add('members', 'only one member may have the relation "head"');
  }
  p.throwIfAny();
  return [
    {
      type: 'HouseholdRegistered',
      data: {
        householdId: d.householdId,
        village: d.village.trim(),
        streetOffice: d.streetOffice.trim(),
        address: d.address.trim(),
        headMemberId: d.headMemberId,
        members,
        status: d.status,
        statusReason: d.statusReason.trim(),
        planDueBy: d.status === 'not_lifted' ? planDueBy(command.at) : null,
        at: command.at,
      },
    },
  ];
}
