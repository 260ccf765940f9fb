import type { HouseholdCommandType } from './household.commands';
import { EMPLOYMENT_STATUSES, LABOUR_CAPACITIES, POVERTY_STATUSES, RELATIONS, RISK_SEVERITIES, RISK_SOURCES, THREE_CHECK_KINDS, THREE_CHECK_RESULTS } from './household.model';

export type HouseholdFieldKind = 'string' | 'date' | 'boolean' | 'enum' | 'object' | 'array';

export interface HouseholdCommandField {
  kind: HouseholdFieldKind;
  required: boolean;
  description: string;
  /** For enum fields. */
  values?: readonly string[];
  /** For object fields, and for the items of array fields. */
  fields?: Record<string, HouseholdCommandField>;
}

export interface HouseholdCommandSpec {
  /** HTTP route; `:id` is the household id. */
  route: string;
  description: string;
  /** The request body. Ids of things inside a household (members, measures, visits…) come from the client and are unique within the household. */
  fields: Record<string, HouseholdCommandField>;
  /** Added by the handler, never read from the body: the household id (from the path, or new on registration). */
  handlerSupplies: readonly string[];
}

const text = (description: string, required = true): HouseholdCommandField => ({ kind: 'string', required, description });
const date = (description: string, required = true): HouseholdCommandField => ({ kind: 'date', required, description });
const oneOf = (values: readonly string[], description: string): HouseholdCommandField => ({ kind: 'enum', required: true, values, description });

const cadre: HouseholdCommandField = {
  kind: 'object',
  required: true,
  description: 'The responsible cadre (帮扶责任人)',
  fields: { userId: text('User id of the cadre'), name: text('Name'), unit: text('Unit code'), phone: text('Phone', false) },
};
const measure = (description: string): HouseholdCommandField => ({
  kind: 'object',
  required: true,
  description,
  fields: { measureId: text('Id of the measure, unique in the household'), description: text('What will be done'), owner: text('Who does it'), targetDate: date('Target date, not before today') },
});
const householdOnly = ['householdId'] as const;

/** Every household command: route, meaning and body fields. The API validates bodies against it and rejects unknown fields. */
export const HOUSEHOLD_COMMANDS: Record<HouseholdCommandType, HouseholdCommandSpec> = {
  RegisterHousehold: {
    route: 'POST /api/households',
    description: 'Register a monitored household with its members and poverty status',
    handlerSupplies: householdOnly,
    fields: {
      village: text('Village'),
      streetOffice: text('Unit code of the street office that follows the household'),
      address: text('Address'),
      headMemberId: text('memberId of the head of household (relation "head")'),
      members: {
        kind: 'array',
        required: true,
        description: 'Household members, at least one',
        fields: {
          memberId: text('Id of the member, unique in the household'),
          name: text('Name'),
          relation: oneOf(RELATIONS, 'Relation to the head of household'),
          birthDate: date('Date of birth; must match the ID number'),
          idNumber: text('18-character resident ID number'),
          labourCapacity: oneOf(LABOUR_CAPACITIES, 'Labour capacity'),
          employmentStatus: oneOf(EMPLOYMENT_STATUSES, 'Employment status'),
        },
      },
      status: oneOf(POVERTY_STATUSES, 'Poverty status'),
      statusReason: text('Why the household has this status'),
    },
  },
  ChangeHouseholdStatus: {
    route: 'POST /api/households/:id/change-status',
    description: 'Change the poverty status, with the reason; becoming not_lifted without a plan starts the plan deadline',
    handlerSupplies: householdOnly,
    fields: { status: oneOf(POVERTY_STATUSES, 'New status'), reason: text('Why the status changes') },
  },
  AssignResponsibleCadre: {
    route: 'POST /api/households/:id/assign-cadre',
    description: 'Assign the one-on-one responsible cadre',
    handlerSupplies: householdOnly,
    fields: { cadre },
  },
  ReassignResponsibleCadre: {
    route: 'POST /api/households/:id/reassign-cadre',
    description: 'Replace the responsible cadre, with the reason',
    handlerSupplies: householdOnly,
    fields: { cadre, reason: text('Why the cadre changes') },
  },
  AdoptAssistancePlan: {
    route: 'POST /api/households/:id/adopt-plan',
    description: 'Adopt the individualised assistance plan (个性化帮扶方案); replacing a plan needs a reason',
    handlerSupplies: householdOnly,
    fields: {
      planId: text('Id of the plan, unique in the household'),
      summary: text('What the plan aims at'),
      measures: { ...measure('Measures of the plan, at least one'), kind: 'array' },
      revisionReason: text('Why an existing plan is replaced (required then)', false),
    },
  },
  AddPlanMeasure: {
    route: 'POST /api/households/:id/add-measure',
    description: 'Add a measure to the current plan',
    handlerSupplies: householdOnly,
    fields: { measure: measure('The new measure') },
  },
  CompletePlanMeasure: {
    route: 'POST /api/households/:id/complete-measure',
    description: 'Record a plan measure as done',
    handlerSupplies: householdOnly,
    fields: { measureId: text('The measure'), doneAt: date('Day it was done, not in the future'), note: text('Note', false) },
  },
  RecordVisit: {
    route: 'POST /api/households/:id/record-visit',
    description: 'Record a follow-up visit and any risks found',
    handlerSupplies: householdOnly,
    fields: {
      visitId: text('Id of the visit, unique in the household'),
      date: date('Day of the visit, not in the future'),
      visitor: text('Who visited'),
      findings: text('What the visitor found'),
      needs: { kind: 'string', required: true, description: 'Needs of the household (may be empty)' },
      measuresTaken: { kind: 'string', required: true, description: 'Measures taken on the visit (may be empty)' },
      nextVisitDue: date('When the next visit is due; after the visit date'),
      risks: {
        kind: 'array',
        required: false,
        description: 'Risks found on the visit',
        fields: { riskId: text('Id of the risk, unique in the household'), description: text('The risk'), severity: oneOf(RISK_SEVERITIES, 'Severity') },
      },
    },
  },
  RaiseRiskFlag: {
    route: 'POST /api/households/:id/raise-risk',
    description: 'Raise a risk flag from a recorded visit or from data',
    handlerSupplies: householdOnly,
    fields: {
      riskId: text('Id of the risk, unique in the household'),
      source: oneOf(RISK_SOURCES, 'Where the risk comes from'),
      visitId: text('The visit, when the source is a visit', false),
      description: text('The risk'),
      severity: oneOf(RISK_SEVERITIES, 'Severity'),
    },
  },
  EliminateRisk: {
    route: 'POST /api/households/:id/eliminate-risk',
    description: 'Decide that a risk is eliminated (风险消除), with the reason',
    handlerSupplies: householdOnly,
    fields: { riskId: text('The risk'), reason: text('Why the risk is eliminated') },
  },
  PlaceMemberInWork: {
    route: 'POST /api/households/:id/place-member',
    description: 'Record a member placed in work, public-welfare posts included',
    handlerSupplies: householdOnly,
    fields: {
      placementId: text('Id of the placement, unique in the household'),
      memberId: text('The member'),
      employer: text('Employer'),
      post: text('Post'),
      startDate: date('First day of work'),
      publicWelfarePost: { kind: 'boolean', required: true, description: 'Whether the post is a public-welfare post (公益性岗位)' },
      caseId: text('Subsidy case supporting the placement', false),
    },
  },
  RecordMemberLeftWork: {
    route: 'POST /api/households/:id/record-left-work',
    description: 'Record that a member left a placement',
    handlerSupplies: householdOnly,
    fields: { placementId: text('The placement'), endDate: date('Last day of work, not before the start'), reason: text('Why the member left') },
  },
  RecordThreeChecks: {
    route: 'POST /api/households/:id/record-check',
    description: 'Record one of the three checks (三排查)',
    handlerSupplies: householdOnly,
    fields: {
      checkId: text('Id of the check, unique in the household'),
      kind: oneOf(THREE_CHECK_KINDS, 'Which check'),
      date: date('Day of the check, not in the future'),
      result: oneOf(THREE_CHECK_RESULTS, 'Result'),
      notes: { kind: 'string', required: false, description: 'Notes; required when an issue was found' },
    },
  },
  LinkSubsidyCase: {
    route: 'POST /api/households/:id/link-case',
    description: "Link a member's subsidy case to the household",
    handlerSupplies: householdOnly,
    fields: { caseId: text('The case'), programme: text('Programme code of the case'), memberId: text('The member the case is for') },
  },
};

/** Dotted paths of body fields the command does not know (handler-supplied fields count as unknown: a client may not set them). */
export function unknownHouseholdFields(type: HouseholdCommandType, body: unknown): string[] {
  return unknownIn(HOUSEHOLD_COMMANDS[type].fields, body, '');
}

function unknownIn(fields: Record<string, HouseholdCommandField>, value: unknown, prefix: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const spec = fields[key];
    if (!spec) return [path];
    if (!spec.fields) return [];
    if (spec.kind === 'array') return Array.isArray(inner) ? inner.flatMap((item, i) => unknownIn(spec.fields!, item, `${path}[${i}]`)) : [];
    return unknownIn(spec.fields, inner, path);
  });
}
