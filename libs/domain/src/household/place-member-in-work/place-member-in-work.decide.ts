import { DomainError } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, duplicate, Problems, requireRegistered } from '../household.guards';
import type { HouseholdState } from '../household.state';

/** A member placed in work, public-welfare posts (公益性岗位) included; clearing zero employment follows in the decider. */
export function decidePlaceMemberInWork(
  command: HouseholdCommandOf<'PlaceMemberInWork'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('placementId', d.placementId);
  if (p.text('memberId', d.memberId) && !household.members.some((m) => m.memberId === d.memberId))
    p.add('memberId', 'names no member of this household');
  p.text('employer', d.employer);
  p.text('post', d.post);
  p.date('startDate', d.startDate);
  p.boolean('publicWelfarePost', d.publicWelfarePost);
  p.optionalText('caseId', d.caseId);
  p.throwIfAny();
  if (household.placements.some((x) => x.placementId === d.placementId)) throw duplicate('placement', d.placementId);
  const current = household.placements.find((x) => x.memberId === d.memberId && x.endDate === null);
  if (current) {
    throw new DomainError(
      'illegal_state',
      'MEMBER_ALREADY_PLACED',
      `This member already works at ${current.employer} (placement ${current.placementId}); record leaving that work first.`,
      {
        placementId: current.placementId,
        allowed: ['RecordMemberLeftWork'],
      },
    );
  }
  return [
    {
      type: 'MemberPlacedInWork',
      data: {
        householdId: household.householdId,
        placementId: d.placementId,
        memberId: d.memberId,
        employer: d.employer.trim(),
        post: d.post.trim(),
        startDate: d.startDate,
        publicWelfarePost: d.publicWelfarePost,
        caseId: d.caseId ?? null,
        at: command.at,
      },
    },
  ];
}
