import type { MeasureInput } from './household.commands';
import type { Problems } from './household.guards';
import type { PlanMeasure } from './household.model';

/** Checks one plan measure; a target date before the day the measure is set is a mistake, not a plan. */
export const checkMeasure = (p: Problems, field: string, m: unknown, today: string): m is MeasureInput => {
  if (typeof m !== 'object' || m === null) {
    p.add(field, 'is required');
    return false;
  }
  const x = m as Partial<MeasureInput>;
  const ok = [
    p.text(`${field}.measureId`, x.measureId),
    p.text(`${field}.description`, x.description),
    p.text(`${field}.owner`, x.owner),
  ];
  if (p.date(`${field}.targetDate`, x.targetDate)) {
    if (x.targetDate < today) p.add(`${field}.targetDate`, `must not be before today (${today})`);
  } else ok.push(false);
  return ok.every(Boolean);
};

export const openMeasure = (m: MeasureInput): PlanMeasure => ({
  measureId: m.measureId,
  description: m.description.trim(),
  owner: m.owner.trim(),
  targetDate: m.targetDate,
  done: false,
  doneAt: null,
  doneNote: null,
});
