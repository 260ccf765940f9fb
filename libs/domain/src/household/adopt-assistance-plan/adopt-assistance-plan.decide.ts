import type { HouseholdCommandOf } from '../household.commands';
import { localDateOf } from '@casework/kernel';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import { checkMeasure, openMeasure } from '../household.measures';
import type { HouseholdState } from '../household.state';

/**
 * 个性化帮扶方案. Any household may have one (lifted households carry theirs out too); a not_lifted
 * household must. Adopting a new plan replaces the old one and needs a reason.
 */
export function decideAdoptAssistancePlan(
  command: HouseholdCommandOf<'AdoptAssistancePlan'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const today = localDateOf(command.at);
  const p = new Problems();
  p.text('planId', d.planId);
  p.text('summary', d.summary);
  if (household.plan) p.text('revisionReason', d.revisionReason);
  if (p.array('measures', d.measures, { nonEmpty: true })) {
    const seen = new Set<string>();
    d.measures.forEach((m, i) => {
      if (!checkMeasure(p, `measures[${i}]`, m, today)) return;
      if (seen.has(m.measureId)) p.add(`measures[${i}].measureId`, `is used by another measure (${m.measureId})`);
      seen.add(m.measureId);
    });
  }
  p.throwIfAny();
  return [
    {
      type: 'AssistancePlanAdopted',
      data: {
        householdId: household.householdId,
        planId: d.planId,
        summary: d.summary.trim(),
        measures: d.measures.map(openMeasure),
        revisionReason: household.plan ? (d.revisionReason ?? '').trim() : null,
        at: command.at,
      },
    },
  ];
}
