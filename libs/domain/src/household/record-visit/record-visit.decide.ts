import type { HouseholdCommandOf } from '../household.commands';
import { localDateOf } from '@casework/kernel';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, duplicate, Problems, requireRegistered } from '../household.guards';
import { RISK_SEVERITIES } from '../household.model';
import type { HouseholdState } from '../household.state';

/** A follow-up visit (走访); risks the visitor finds are raised in the same command, linked to the visit. */
export function decideRecordVisit(command: HouseholdCommandOf<'RecordVisit'>, state: HouseholdState): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('visitId', d.visitId);
  const hasDate = p.date('date', d.date);
  if (hasDate) p.notAfter('date', d.date, localDateOf(command.at));
  p.text('visitor', d.visitor);
  p.text('findings', d.findings);
  // Optional: a visit that found no needs, or took no measure, records empty text.
  const needs = d.needs ?? '';
  const measuresTaken = d.measuresTaken ?? '';
  p.string('needs', needs);
  p.string('measuresTaken', measuresTaken);
  if (p.date('nextVisitDue', d.nextVisitDue) && hasDate && d.nextVisitDue <= d.date)
    p.add('nextVisitDue', `must be after the visit date (${d.date})`);
  const risks = d.risks ?? [];
  if (p.array('risks', risks, { nonEmpty: false })) {
    const seen = new Set<string>();
    risks.forEach((r, i) => {
      if (p.text(`risks[${i}].riskId`, r?.riskId)) {
        if (seen.has(r.riskId) || household.risks.some((x) => x.riskId === r.riskId))
          p.add(`risks[${i}].riskId`, `is used by another risk (${r.riskId})`);
        seen.add(r.riskId);
      }
      p.text(`risks[${i}].description`, r?.description);
      p.oneOf(`risks[${i}].severity`, r?.severity, RISK_SEVERITIES);
    });
  }
  p.throwIfAny();
  if (household.visits.some((v) => v.visitId === d.visitId)) throw duplicate('visit', d.visitId);
  const householdId = household.householdId;
  return [
    {
      type: 'HouseholdVisited',
      data: {
        householdId,
        visitId: d.visitId,
        date: d.date,
        visitor: d.visitor.trim(),
        findings: d.findings.trim(),
        needs: needs.trim(),
        measuresTaken: measuresTaken.trim(),
        nextVisitDue: d.nextVisitDue,
        at: command.at,
      },
    },
    ...risks.map((r): HouseholdEvent => ({
      type: 'RiskFlagRaised',
      data: {
        householdId,
        riskId: r.riskId,
        source: 'visit',
        visitId: d.visitId,
        description: r.description.trim(),
        severity: r.severity,
        at: command.at,
      },
    })),
  ];
}
