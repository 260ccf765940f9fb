import { decideAddPlanMeasure } from './add-plan-measure/add-plan-measure.decide';
import { decideAdoptAssistancePlan } from './adopt-assistance-plan/adopt-assistance-plan.decide';
import { decideAssignResponsibleCadre } from './assign-responsible-cadre/assign-responsible-cadre.decide';
import { decideChangeHouseholdStatus } from './change-household-status/change-household-status.decide';
import { decideCompletePlanMeasure } from './complete-plan-measure/complete-plan-measure.decide';
import { decideEliminateRisk } from './eliminate-risk/eliminate-risk.decide';
import type { HouseholdCommand } from './household.commands';
import { localDateOf } from '@casework/kernel';
import type { HouseholdEvent } from './household.events';
import { evolveHousehold, type HouseholdState, initialHouseholdState, isRegistered } from './household.state';
import { decideLinkSubsidyCase } from './link-subsidy-case/link-subsidy-case.decide';
import { decidePlaceMemberInWork } from './place-member-in-work/place-member-in-work.decide';
import { decideRaiseRiskFlag } from './raise-risk-flag/raise-risk-flag.decide';
import { decideReassignResponsibleCadre } from './reassign-responsible-cadre/reassign-responsible-cadre.decide';
import { decideRecordMemberLeftWork } from './record-member-left-work/record-member-left-work.decide';
import { decideRecordThreeChecks } from './record-three-checks/record-three-checks.decide';
import { decideRecordVisit } from './record-visit/record-visit.decide';
import { decideRegisterHousehold } from './register-household/register-household.decide';
import { isZeroEmployment, labourForce } from './zero-employment.rule';

function decideCommand(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'RegisterHousehold':
      return decideRegisterHousehold(command, state);
    case 'ChangeHouseholdStatus':
      return decideChangeHouseholdStatus(command, state);
    case 'AssignResponsibleCadre':
      return decideAssignResponsibleCadre(command, state);
    case 'ReassignResponsibleCadre':
      return decideReassignResponsibleCadre(command, state);
    case 'AdoptAssistancePlan':
      return decideAdoptAssistancePlan(command, state);
    case 'AddPlanMeasure':
      return decideAddPlanMeasure(command, state);
    case 'CompletePlanMeasure':
      return decideCompletePlanMeasure(command, state);
    case 'RecordVisit':
      return decideRecordVisit(command, state);
    case 'RaiseRiskFlag':
      return decideRaiseRiskFlag(command, state);
    case 'EliminateRisk':
      return decideEliminateRisk(command, state);
    case 'PlaceMemberInWork':
      return decidePlaceMemberInWork(command, state);
    case 'RecordMemberLeftWork':
      return decideRecordMemberLeftWork(command, state);
    case 'RecordThreeChecks':
      return decideRecordThreeChecks(command, state);
    case 'LinkSubsidyCase':
      return decideLinkSubsidyCase(command, state);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * Zero employment (零就业家庭) is re-evaluated on the command's day after every command, so the
 * command that causes the change (a registration, someone leaving work, a placement, or simply a
 * member reaching working age before the next visit) is the one that records it.
 */
function zeroEmploymentChange(
  command: HouseholdCommand,
  before: HouseholdState,
  events: HouseholdEvent[],
): HouseholdEvent[] {
  const after = events.reduce(evolveHousehold, before);
  if (!isRegistered(after)) return [];
  const date = localDateOf(command.at);
  const was = isRegistered(before) && before.zeroEmployment;
  const now = isZeroEmployment(after.members, date);
  if (was === now) return [];
  const householdId = after.householdId;
  if (now) {
    return [
      {
        type: 'ZeroEmploymentDetected',
        data: {
          householdId,
          date,
          labourMemberIds: labourForce(after.members, date).map((m) => m.memberId),
          cause: command.type,
          at: command.at,
        },
      },
    ];
  }
  const placementId = command.type === 'PlaceMemberInWork' ? command.data.placementId : null;
  return [
    { type: 'ZeroEmploymentCleared', data: { householdId, date, cause: command.type, placementId, at: command.at } },
  ];
}

export function decideHousehold(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  const events = decideCommand(command, state);
  return [...events, ...zeroEmploymentChange(command, state, events)];
}

export const foldHousehold = (events: readonly HouseholdEvent[]): HouseholdState =>
  events.reduce(evolveHousehold, initialHouseholdState());

export const householdDecider = {
  decide: decideHousehold,
  evolve: evolveHousehold,
  initialState: initialHouseholdState,
};
