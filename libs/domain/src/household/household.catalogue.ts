import { checkBodyFields, type BodyFieldSpec, type BodyFieldType } from '../shared/body-fields';
import type { CommandEnvelope } from '../shared/actor';
import { validationError, type FieldProblem } from '@casework/kernel';
import type { HouseholdCommandOf, HouseholdCommandType } from './household.commands';
import {
  EMPLOYMENT_STATUSES,
  LABOUR_CAPACITIES,
  POVERTY_STATUSES,
  RELATIONS,
  RISK_SEVERITIES,
  RISK_SOURCES,
  THREE_CHECK_KINDS,
  THREE_CHECK_RESULTS,
} from './household.model';

/** Household bodies hold text, dates, flags, objects and lists (members, measures, risks) whose items are objects described by `fields`. */
export type HouseholdFieldSpec = BodyFieldSpec<Exclude<BodyFieldType, 'integer'>>;

export type HouseholdCommandSpec = {
  /** The command's name (its `type`), as the decider and ChangeHouseholdCommand know it. */
  command: HouseholdCommandType;
  /** Last segment of `POST /api/households/:id/<route>`; registration is `POST /api/households`. */
  route: string;
  description: string;
  /**
   * The body a client sends; anything else is an unknown field. Ids of things inside a household
   * (members, measures, visits, risks, placements, checks) come from the client, unique within the household.
   */
  fields: readonly HouseholdFieldSpec[];
  /** What the handler adds before calling decide: the household id (from the path, or new on registration). */
  handlerSupplies: readonly 'householdId'[];
  /** True for the one command that creates the household (`POST /api/households`). */
  opensHousehold: boolean;
};

const ID = 64;
const NAME = 100;
const REASON = 1000;
const TEXT = 2000;

const str = (
  name: string,
  required: boolean,
  maxLength: number,
  extra: Partial<HouseholdFieldSpec> = {},
): HouseholdFieldSpec => ({ name, type: 'string', required, maxLength, ...extra });
const oneOf = (name: string, values: readonly string[], required = true): HouseholdFieldSpec => ({
  name,
  type: 'string',
  required,
  maxLength: 32,
  enum: values,
});
const date = (name: string, required = true): HouseholdFieldSpec => ({ name, type: 'date', required });
const reason = (name = 'reason') => str(name, true, REASON);

const cadre: HouseholdFieldSpec = {
  name: 'cadre',
  type: 'object',
  required: true,
  fields: [str('userId', true, ID), str('name', true, NAME), str('unit', true, ID), str('phone', false, 32)],
};
const measureFields = [
  str('measureId', true, ID),
  str('description', true, TEXT),
  str('owner', true, NAME),
  date('targetDate'),
];

const cmd = (
  command: HouseholdCommandType,
  route: string,
  description: string,
  fields: HouseholdFieldSpec[],
): HouseholdCommandSpec => ({
  command,
  route,
  description,
  fields,
  handlerSupplies: ['householdId'],
  opensHousehold: false,
});

/** Every household command: route, meaning and body fields, for routes, request validation and OpenAPI. */
export const HOUSEHOLD_COMMANDS: Readonly<Record<HouseholdCommandType, HouseholdCommandSpec>> = {
  registerHousehold: {
    ...cmd(
      'registerHousehold',
      'register',
      'Register a monitored household with its members and poverty status; a not_lifted household gets PLAN_DEADLINE_WORKING_DAYS to adopt its plan.',
      [
        str('village', true, NAME),
        str('streetOffice', true, ID),
        str('address', true, REASON),
        str('headMemberId', true, ID),
        {
          name: 'members',
          type: 'array',
          required: true,
          nonEmpty: true,
          fields: [
            str('memberId', true, ID),
            str('name', true, NAME),
            oneOf('relation', RELATIONS),
            date('birthDate'),
            str('idNumber', true, 18),
            oneOf('labourCapacity', LABOUR_CAPACITIES),
            oneOf('employmentStatus', EMPLOYMENT_STATUSES),
          ],
        },
        oneOf('status', POVERTY_STATUSES),
        reason('statusReason'),
      ],
    ),
    opensHousehold: true,
  },
  changeHouseholdStatus: cmd(
    'changeHouseholdStatus',
    'change-status',
    'Change the poverty status with its reason; becoming not_lifted without a plan starts the plan deadline.',
    [oneOf('status', POVERTY_STATUSES), reason()],
  ),
  assignResponsibleCadre: cmd(
    'assignResponsibleCadre',
    'assign-cadre',
    'Assign the one-on-one responsible cadre (帮扶责任人).',
    [cadre],
  ),
  reassignResponsibleCadre: cmd(
    'reassignResponsibleCadre',
    'reassign-cadre',
    'Replace the responsible cadre, with the reason.',
    [cadre, reason()],
  ),
  adoptAssistancePlan: cmd(
    'adoptAssistancePlan',
    'adopt-plan',
    'Adopt the individualised assistance plan (个性化帮扶方案); replacing a plan needs revisionReason.',
    [
      str('planId', true, ID),
      str('summary', true, TEXT),
      { name: 'measures', type: 'array', required: true, nonEmpty: true, fields: measureFields },
      str('revisionReason', false, REASON),
    ],
  ),
  addPlanMeasure: cmd('addPlanMeasure', 'add-measure', 'Add a measure to the current plan.', [
    { name: 'measure', type: 'object', required: true, fields: measureFields },
  ]),
  completePlanMeasure: cmd('completePlanMeasure', 'complete-measure', 'Record a plan measure as done.', [
    str('measureId', true, ID),
    date('doneAt'),
    str('note', false, TEXT),
  ]),
  recordVisit: cmd('recordVisit', 'record-visit', 'Record a follow-up visit and the risks found on it.', [
    str('visitId', true, ID),
    date('date'),
    str('visitor', true, NAME),
    str('findings', true, TEXT),
    // Optional: missing is recorded as empty text ("no needs" is a finding too).
    { name: 'needs', type: 'string', required: false, maxLength: TEXT },
    { name: 'measuresTaken', type: 'string', required: false, maxLength: TEXT },
    date('nextVisitDue'),
    {
      name: 'risks',
      type: 'array',
      required: false,
      fields: [str('riskId', true, ID), str('description', true, TEXT), oneOf('severity', RISK_SEVERITIES)],
    },
  ]),
  raiseRiskFlag: cmd('raiseRiskFlag', 'raise-risk', 'Raise a risk flag from a recorded visit or from data.', [
    str('riskId', true, ID),
    oneOf('source', RISK_SOURCES),
    str('visitId', false, ID),
    str('description', true, TEXT),
    oneOf('severity', RISK_SEVERITIES),
  ]),
  eliminateRisk: cmd(
    'eliminateRisk',
    'eliminate-risk',
    'Decide that a risk is eliminated (风险消除), with the reason.',
    [str('riskId', true, ID), reason()],
  ),
  placeMemberInWork: cmd(
    'placeMemberInWork',
    'place-member',
    'Record a member placed in work, public-welfare posts (公益性岗位) included.',
    [
      str('placementId', true, ID),
      str('memberId', true, ID),
      str('employer', true, NAME),
      str('post', true, NAME),
      date('startDate'),
      { name: 'publicWelfarePost', type: 'boolean', required: true },
      str('caseId', false, ID),
    ],
  ),
  recordMemberLeftWork: cmd('recordMemberLeftWork', 'record-left-work', 'Record that a member left a placement.', [
    str('placementId', true, ID),
    date('endDate'),
    reason(),
  ]),
  recordThreeChecks: cmd('recordThreeChecks', 'record-check', 'Record one of the three checks (三排查).', [
    str('checkId', true, ID),
    oneOf('kind', THREE_CHECK_KINDS),
    date('date'),
    oneOf('result', THREE_CHECK_RESULTS),
    str('notes', false, TEXT),
  ]),
  linkSubsidyCase: cmd('linkSubsidyCase', 'link-case', "Link a member's subsidy case to the household.", [
    str('caseId', true, ID),
    str('programme', true, 64),
    str('memberId', true, ID),
  ]),
};

/**
 * Checks a request body against the catalogue: unknown fields, missing or blank required ones,
 * types, lengths, allowed values. Returns the problems (empty when the body is fine). decide()
 * checks the business rules (ID numbers, dates in order, references) on top.
 */
export function validateHouseholdCommandBody(
  name: HouseholdCommandType,
  body: unknown,
  options: { allowHandlerFields?: boolean } = {},
): FieldProblem[] {
  const spec = HOUSEHOLD_COMMANDS[name];
  return checkBodyFields(spec.fields, body, options.allowHandlerFields ? spec.handlerSupplies : []);
}

/**
 * The typed command for a request body: the body is checked against the catalogue (400 naming
 * every field), then the household id the handler supplies is added. The one place where checked
 * input becomes a command's data, so handlers build commands without casting.
 */
export function householdCommandFromBody<N extends HouseholdCommandType>(
  name: N,
  body: unknown,
  householdId: string,
  envelope: CommandEnvelope,
): HouseholdCommandOf<N> {
  const problems = validateHouseholdCommandBody(name, body);
  if (problems.length) throw validationError(problems);
  // Checked just above against the same catalogue that describes HouseholdCommandOf<N>['data'].
  const data: unknown = { ...(body as Record<string, unknown>), householdId };
  return { type: name, actor: envelope.actor, at: envelope.at, data } as HouseholdCommandOf<N>;
}

/** Command name for a route segment, e.g. `record-visit` -> `recordVisit`. */
export function householdCommandForRoute(route: string): HouseholdCommandType | undefined {
  return (Object.keys(HOUSEHOLD_COMMANDS) as HouseholdCommandType[]).find(
    (name) => HOUSEHOLD_COMMANDS[name].route === route,
  );
}

/**
 * The command a stored ZeroEmploymentDetected/Cleared names in `cause`. Stored events are never
 * rewritten: those recorded before the household commands took lowerCamel names say e.g.
 * `RecordMemberLeftWork`; both spellings read as the same command.
 */
export function commandOfCause(cause: string): HouseholdCommandType | undefined {
  const name = cause.charAt(0).toLowerCase() + cause.slice(1);
  return Object.hasOwn(HOUSEHOLD_COMMANDS, name) ? (name as HouseholdCommandType) : undefined;
}
