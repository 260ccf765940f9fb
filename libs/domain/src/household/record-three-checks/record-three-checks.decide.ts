import type { HouseholdCommandOf } from '../household.commands';
import { localDateOf } from '@casework/kernel';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, duplicate, Problems, requireRegistered } from '../household.guards';
import { THREE_CHECK_KINDS, THREE_CHECK_RESULTS } from '../household.model';
import type { HouseholdState } from '../household.state';

/** One check of the 三排查三清零 campaign; a check that found an issue says what in its notes. */
export function decideRecordThreeChecks(
  command: HouseholdCommandOf<'RecordThreeChecks'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('checkId', d.checkId);
  p.oneOf('kind', d.kind, THREE_CHECK_KINDS);
  if (p.date('date', d.date)) p.notAfter('date', d.date, localDateOf(command.at));
  const hasResult = p.oneOf('result', d.result, THREE_CHECK_RESULTS);
  if (hasResult && d.result === 'issue_found') p.text('notes', d.notes);
  else p.string('notes', d.notes ?? '');
  p.throwIfAny();
  if (household.threeChecks.some((c) => c.checkId === d.checkId)) throw duplicate('check', d.checkId);
  return [
    {
      type: 'ThreeChecksRecorded',
      data: {
        householdId: household.householdId,
        checkId: d.checkId,
        kind: d.kind,
        date: d.date,
        result: d.result,
        notes: (d.notes ?? '').trim(),
        at: command.at,
      },
    },
  ];
}
