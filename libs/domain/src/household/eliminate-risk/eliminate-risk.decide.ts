import { DomainError } from '@casework/kernel';
import type { HouseholdCommandOf } from '../household.commands';
import type { HouseholdEvent } from '../household.events';
import { assertCanChange, Problems, requireRegistered } from '../household.guards';
import type { HouseholdState } from '../household.state';

/** 风险消除: a decision with its reason; a risk is eliminated once. */
export function decideEliminateRisk(
  command: HouseholdCommandOf<'EliminateRisk'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('riskId', d.riskId);
  p.text('reason', d.reason);
  p.throwIfAny();
  const risk = household.risks.find((r) => r.riskId === d.riskId);
  if (!risk)
    throw new DomainError('not_found', 'RISK_NOT_FOUND', `The household has no risk ${d.riskId}.`, {
      riskId: d.riskId,
    });
  if (risk.eliminated) {
    throw new DomainError(
      'illegal_state',
      'RISK_ALREADY_ELIMINATED',
      `Risk ${d.riskId} was already eliminated at ${risk.eliminatedAt}.`,
      { riskId: d.riskId, eliminatedAt: risk.eliminatedAt },
    );
  }
  return [
    {
      type: 'RiskEliminated',
      data: { householdId: household.householdId, riskId: d.riskId, reason: d.reason.trim(), at: command.at },
    },
  ];
}
