import {
  HOUSEHOLD_COMMANDS,
  canChangeHousehold,
  missingPlan,
  nextVisitDue,
  openRisks,
  overdueMeasures,
  type Actor,
  type HouseholdCommandType,
  type RegisteredHousehold,
} from '@casework/domain';

/** The household as the API shows it: its state, version, schedule as of `today`, and what the caller may do. */
export function toHouseholdView(state: RegisteredHousehold, version: number, today: string, actor: Actor) {
  const { householdId, ...rest } = state;
  const due = nextVisitDue(state);
  const mayChange = canChangeHousehold(actor, state).allowed;
  return {
    id: householdId,
    version,
    ...rest,
    schedule: {
      today,
      nextVisitDue: due,
      visitOverdue: due !== null && today > due,
      overdueMeasures: overdueMeasures(state, today).map((m) => m.measureId),
      missingPlan: missingPlan(state, today),
      openRisks: openRisks(state).map((r) => r.riskId),
    },
    allowedCommands: mayChange
      ? (Object.keys(HOUSEHOLD_COMMANDS) as HouseholdCommandType[])
          .filter((t) => !HOUSEHOLD_COMMANDS[t].opensHousehold)
          .map((t) => ({ command: t, route: HOUSEHOLD_COMMANDS[t].route }))
      : [],
  };
}
export type HouseholdView = ReturnType<typeof toHouseholdView>;
