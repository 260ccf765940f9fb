import { DomainError, localDateOf } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, duplicate, Problems, requireRegistered } from '../household.guards';
import { checkMeasure, openMeasure } from '../household.measures';
import type { HouseholdState } from '../household.state';

export function decideAddPlanMeasure(
  command: HouseholdCommandOf<'AddPlanMeasure'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  checkMeasure(p, 'measure', d.measure, localDateOf(command.at));
  p.throwIfAny();
  const plan = household.plan;
  if (!plan)
    throw new DomainError(
      'illegal_state',
      'NO_ASSISTANCE_PLAN',
      'The household has no assistance plan yet; adopt one first.',
      { allowed: ['AdoptAssistancePlan'] },
    );
  if (plan.measures.some((m) => m.measureId === d.measure.measureId))
    throw duplicate('plan measure', d.measure.measureId);
  return [
    {
      type: 'PlanMeasureAdded',
      data: {
        householdId: household.householdId,
        planId: plan.planId,
        measure: openMeasure(d.measure),
        at: command.at,
      },
    },
  ];
}
