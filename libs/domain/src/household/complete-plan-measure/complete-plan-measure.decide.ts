import { DomainError, localDateOf } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import type { HouseholdState } from '../household.state';

export function decideCompletePlanMeasure(
  command: HouseholdCommandOf<'CompletePlanMeasure'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('measureId', d.measureId);
  if (p.date('doneAt', d.doneAt)) p.notAfter('doneAt', d.doneAt, localDateOf(command.at));
  if (d.note !== undefined && d.note !== null) p.string('note', d.note);
  p.throwIfAny();
  const plan = household.plan;
  const measure = plan?.measures.find((m) => m.measureId === d.measureId);
  if (!plan || !measure)
    throw new DomainError(
      'not_found',
      'MEASURE_NOT_FOUND',
      `The household's assistance plan has no measure ${d.measureId}.`,
      { measureId: d.measureId },
    );
  if (measure.done)
    throw new DomainError(
      'illegal_state',
      'MEASURE_ALREADY_DONE',
      `Measure ${d.measureId} was already completed on ${measure.doneAt}.`,
      { measureId: d.measureId, doneAt: measure.doneAt },
    );
  return [
    {
      type: 'PlanMeasureCompleted',
      data: {
        householdId: household.householdId,
        planId: plan.planId,
        measureId: d.measureId,
        doneAt: d.doneAt,
        note: (d.note ?? '').trim(),
        at: command.at,
      },
    },
  ];
}
