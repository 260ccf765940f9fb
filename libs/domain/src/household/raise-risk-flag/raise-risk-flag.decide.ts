import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, duplicate, Problems, requireRegistered } from '../household.guards';
import { RISK_SEVERITIES, RISK_SOURCES } from '../household.model';
import type { HouseholdState } from '../household.state';

/** A risk of (returning to) poverty, from a visit already recorded or from data (e.g. a sharp drop in income). */
export function decideRaiseRiskFlag(
  command: HouseholdCommandOf<'RaiseRiskFlag'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('riskId', d.riskId);
  p.text('description', d.description);
  p.oneOf('severity', d.severity, RISK_SEVERITIES);
  if (p.oneOf('source', d.source, RISK_SOURCES)) {
    if (d.source === 'visit') {
      if (p.text('visitId', d.visitId) && !household.visits.some((v) => v.visitId === d.visitId))
        p.add('visitId', 'names no visit recorded on this household');
    } else if (d.visitId !== undefined && d.visitId !== null)
      p.add('visitId', 'is only given when the source is a visit');
  }
  p.throwIfAny();
  if (household.risks.some((r) => r.riskId === d.riskId)) throw duplicate('risk', d.riskId);
  return [
    {
      type: 'RiskFlagRaised',
      data: {
        householdId: household.householdId,
        riskId: d.riskId,
        source: d.source,
        visitId: d.source === 'visit' ? (d.visitId ?? null) : null,
        description: d.description.trim(),
        severity: d.severity,
        at: command.at,
      },
    },
  ];
}
