/**
 * The household aggregate's decider: one decide per command below, dispatched by decideHousehold,
 * which also re-evaluates zero employment after every command.
 */
import { validateResidentId } from '@casework/policy';
import { DomainError, forbidden, localDateOf } from '@casework/kernel';
import type { HouseholdCommand, HouseholdCommandOf } from './household.commands';
import type { HouseholdEvent } from './household.events';
import { Problems, assertCanChange, duplicate, requireRegistered } from './household.guards';
import {
  EMPLOYMENT_STATUSES,
  LABOUR_CAPACITIES,
  type Member,
  POVERTY_STATUSES,
  RELATIONS,
  RISK_SEVERITIES,
  RISK_SOURCES,
  THREE_CHECK_KINDS,
  THREE_CHECK_RESULTS,
} from './household.model';
import { type HouseholdState, evolveHousehold, initialHouseholdState, isRegistered } from './household.state';
import { planDueBy } from './plan-deadline.rule';
import { checkCadre, cleanCadre } from './household.cadre';
import { checkMeasure, openMeasure } from './household.measures';
import type { Role } from '../shared/actor';
import { canChangeHousehold, canReadHousehold } from './household.scope';
import type { Decider } from '../shared/decider';
import { isZeroEmployment, labourForce } from './zero-employment.rule';

function decideRegisterHousehold(
  command: HouseholdCommandOf<'registerHousehold'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  if (isRegistered(state))
    throw new DomainError(
      'conflict',
      'HOUSEHOLD_ALREADY_REGISTERED',
      `Household ${d.householdId} is already registered.`,
      { householdId: d.householdId },
    );
  // Scope first: another street office learns nothing about the data it may not write.
  if (typeof d.streetOffice === 'string' && d.streetOffice.trim() !== '')
    assertCanChange(command.actor, { streetOffice: d.streetOffice.trim() });
  const today = localDateOf(command.at);
  const p = new Problems();
  p.text('householdId', d.householdId);
  p.text('village', d.village);
  p.text('streetOffice', d.streetOffice);
  p.text('address', d.address);
  p.oneOf('status', d.status, POVERTY_STATUSES);
  p.text('statusReason', d.statusReason);
  const members: Member[] = [];
  if (p.array('members', d.members, { nonEmpty: true })) {
    const seenIds = new Set<string>();
    const seenIdNumbers = new Set<string>();
    d.members.forEach((m, i) => {
      const at = `members[${i}]`;
      if (p.text(`${at}.memberId`, m.memberId)) {
        if (seenIds.has(m.memberId)) p.add(`${at}.memberId`, `is used by another member (${m.memberId})`);
        seenIds.add(m.memberId);
      }
      p.text(`${at}.name`, m.name);
      p.oneOf(`${at}.relation`, m.relation, RELATIONS);
      p.oneOf(`${at}.labourCapacity`, m.labourCapacity, LABOUR_CAPACITIES);
      p.oneOf(`${at}.employmentStatus`, m.employmentStatus, EMPLOYMENT_STATUSES);
      const hasBirthDate = p.date(`${at}.birthDate`, m.birthDate);
      if (hasBirthDate) p.notAfter(`${at}.birthDate`, m.birthDate, today);
      if (!p.text(`${at}.idNumber`, m.idNumber)) return;
      const id = validateResidentId(m.idNumber);
      if (!id.ok) {
        p.add(`${at}.idNumber`, id.reason);
        return;
      }
      const idNumber = m.idNumber.trim().toUpperCase();
      if (seenIdNumbers.has(idNumber)) p.add(`${at}.idNumber`, 'is the ID number of another member of this household');
      seenIdNumbers.add(idNumber);
      if (hasBirthDate && id.birthDate !== m.birthDate)
        p.add(`${at}.birthDate`, `does not match the birth date in the ID number (${id.birthDate})`);
      members.push({ ...m, idNumber, sex: id.sex });
    });
    const heads = d.members.filter((m) => m.relation === 'head');
    if (p.text('headMemberId', d.headMemberId)) {
      const head = d.members.find((m) => m.memberId === d.headMemberId);
      if (!head) p.add('headMemberId', 'must be the memberId of one of the members');
      else if (head.relation !== 'head') p.add('headMemberId', 'names a member whose relation is not "head"');
    }
    if (heads.length > 1) p.add('members', 'only one member may have the relation "head"');
  }
  p.throwIfAny();
  return [
    {
      type: 'HouseholdRegistered',
      data: {
        householdId: d.householdId,
        village: d.village.trim(),
        streetOffice: d.streetOffice.trim(),
        address: d.address.trim(),
        headMemberId: d.headMemberId,
        members,
        status: d.status,
        statusReason: d.statusReason.trim(),
        planDueBy: d.status === 'not_lifted' ? planDueBy(command.at) : null,
        at: command.at,
      },
    },
  ];
}

function decideChangeHouseholdStatus(
  command: HouseholdCommandOf<'changeHouseholdStatus'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.oneOf('status', d.status, POVERTY_STATUSES);
  p.text('reason', d.reason);
  p.throwIfAny();
  if (d.status === household.status) {
    throw new DomainError('illegal_state', 'STATUS_UNCHANGED', `The household is already ${household.status}.`, {
      status: household.status,
    });
  }
  const needsPlan = d.status === 'not_lifted' && household.plan === null;
  return [
    {
      type: 'HouseholdStatusChanged',
      data: {
        householdId: household.householdId,
        from: household.status,
        to: d.status,
        reason: d.reason.trim(),
        planDueBy: needsPlan ? planDueBy(command.at) : null,
        at: command.at,
      },
    },
  ];
}

/** One-on-one: a household has exactly one responsible cadre; changing them is a reassignment with a reason. */
function decideAssignResponsibleCadre(
  command: HouseholdCommandOf<'assignResponsibleCadre'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  checkCadre(p, 'cadre', d.cadre);
  p.throwIfAny();
  if (household.cadre) {
    throw new DomainError(
      'illegal_state',
      'CADRE_ALREADY_ASSIGNED',
      `The household already has a responsible cadre (${household.cadre.name}); reassign with a reason instead.`,
      {
        current: household.cadre.userId,
        allowed: ['reassignResponsibleCadre'],
      },
    );
  }
  return [
    {
      type: 'ResponsibleCadreAssigned',
      data: { householdId: household.householdId, cadre: cleanCadre(d.cadre), at: command.at },
    },
  ];
}

function decideReassignResponsibleCadre(
  command: HouseholdCommandOf<'reassignResponsibleCadre'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  const cadreOk = checkCadre(p, 'cadre', d.cadre);
  p.text('reason', d.reason);
  if (cadreOk && household.cadre && d.cadre.userId === household.cadre.userId)
    p.add('cadre.userId', 'is already the responsible cadre of this household');
  p.throwIfAny();
  if (!household.cadre) {
    throw new DomainError(
      'illegal_state',
      'NO_CADRE_ASSIGNED',
      'The household has no responsible cadre yet; assign one first.',
      { allowed: ['assignResponsibleCadre'] },
    );
  }
  return [
    {
      type: 'ResponsibleCadreReassigned',
      data: {
        householdId: household.householdId,
        from: household.cadre,
        to: cleanCadre(d.cadre),
        reason: d.reason.trim(),
        at: command.at,
      },
    },
  ];
}

/**
 * 个性化帮扶方案. Any household may have one (lifted households carry theirs out too); a not_lifted
 * household must. Adopting a new plan replaces the old one and needs a reason.
 */
function decideAdoptAssistancePlan(
  command: HouseholdCommandOf<'adoptAssistancePlan'>,
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

function decideAddPlanMeasure(command: HouseholdCommandOf<'addPlanMeasure'>, state: HouseholdState): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  checkMeasure(p, 'measure', d.measure, localDateOf(command.at));
  p.throwIfAny();
  const plan = household.plan;
  if (!plan)
    throw new DomainError(
      'illegal_state',
      'NO_ASSISTANCE_PLAN',
      'The household has no assistance plan yet; adopt one first.',
      { allowed: ['adoptAssistancePlan'] },
    );
  if (plan.measures.some((m) => m.measureId === d.measure.measureId))
    throw duplicate('plan measure', d.measure.measureId);
  return [
    {
      type: 'PlanMeasureAdded',
      data: {
        householdId: household.householdId,
        planId: plan.planId,
        measure: openMeasure(d.measure),
        at: command.at,
      },
    },
  ];
}

function decideCompletePlanMeasure(
  command: HouseholdCommandOf<'completePlanMeasure'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('measureId', d.measureId);
  if (p.date('doneAt', d.doneAt)) p.notAfter('doneAt', d.doneAt, localDateOf(command.at));
  if (d.note !== undefined && d.note !== null) p.string('note', d.note);
  p.throwIfAny();
  const plan = household.plan;
  const measure = plan?.measures.find((m) => m.measureId === d.measureId);
  if (!plan || !measure)
    throw new DomainError(
      'not_found',
      'MEASURE_NOT_FOUND',
      `The household's assistance plan has no measure ${d.measureId}.`,
      { measureId: d.measureId },
    );
  if (measure.done)
    throw new DomainError(
      'illegal_state',
      'MEASURE_ALREADY_DONE',
      `Measure ${d.measureId} was already completed on ${measure.doneAt}.`,
      { measureId: d.measureId, doneAt: measure.doneAt },
    );
  return [
    {
      type: 'PlanMeasureCompleted',
      data: {
        householdId: household.householdId,
        planId: plan.planId,
        measureId: d.measureId,
        doneAt: d.doneAt,
        note: (d.note ?? '').trim(),
        at: command.at,
      },
    },
  ];
}

/** A follow-up visit (走访); risks the visitor finds are raised in the same command, linked to the visit. */
function decideRecordVisit(command: HouseholdCommandOf<'recordVisit'>, state: HouseholdState): HouseholdEvent[] {
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

/** A risk of (returning to) poverty, from a visit already recorded or from data (e.g. a sharp drop in income). */
function decideRaiseRiskFlag(command: HouseholdCommandOf<'raiseRiskFlag'>, state: HouseholdState): HouseholdEvent[] {
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

/** 风险消除: a decision with its reason; a risk is eliminated once. */
function decideEliminateRisk(command: HouseholdCommandOf<'eliminateRisk'>, state: HouseholdState): HouseholdEvent[] {
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

/** A member placed in work, public-welfare posts (公益性岗位) included; clearing zero employment follows in the decider. */
function decidePlaceMemberInWork(
  command: HouseholdCommandOf<'placeMemberInWork'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('placementId', d.placementId);
  if (p.text('memberId', d.memberId) && !household.members.some((m) => m.memberId === d.memberId))
    p.add('memberId', 'names no member of this household');
  p.text('employer', d.employer);
  p.text('post', d.post);
  p.date('startDate', d.startDate);
  p.boolean('publicWelfarePost', d.publicWelfarePost);
  p.optionalText('caseId', d.caseId);
  p.throwIfAny();
  if (household.placements.some((x) => x.placementId === d.placementId)) throw duplicate('placement', d.placementId);
  const current = household.placements.find((x) => x.memberId === d.memberId && x.endDate === null);
  if (current) {
    throw new DomainError(
      'illegal_state',
      'MEMBER_ALREADY_PLACED',
      `This member already works at ${current.employer} (placement ${current.placementId}); record leaving that work first.`,
      {
        placementId: current.placementId,
        allowed: ['recordMemberLeftWork'],
      },
    );
  }
  return [
    {
      type: 'MemberPlacedInWork',
      data: {
        householdId: household.householdId,
        placementId: d.placementId,
        memberId: d.memberId,
        employer: d.employer.trim(),
        post: d.post.trim(),
        startDate: d.startDate,
        publicWelfarePost: d.publicWelfarePost,
        caseId: d.caseId ?? null,
        at: command.at,
      },
    },
  ];
}

function decideRecordMemberLeftWork(
  command: HouseholdCommandOf<'recordMemberLeftWork'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  assertCanChange(command.actor, household);
  const p = new Problems();
  p.text('placementId', d.placementId);
  const hasEnd = p.date('endDate', d.endDate);
  p.text('reason', d.reason);
  p.throwIfAny();
  const placement = household.placements.find((x) => x.placementId === d.placementId);
  if (!placement)
    throw new DomainError('not_found', 'PLACEMENT_NOT_FOUND', `The household has no placement ${d.placementId}.`, {
      placementId: d.placementId,
    });
  if (placement.endDate !== null) {
    throw new DomainError(
      'illegal_state',
      'PLACEMENT_ALREADY_ENDED',
      `Placement ${d.placementId} already ended on ${placement.endDate}.`,
      { placementId: d.placementId, endDate: placement.endDate },
    );
  }
  if (hasEnd && d.endDate < placement.startDate)
    p.add('endDate', `must not be before the start date (${placement.startDate})`);
  p.throwIfAny();
  return [
    {
      type: 'MemberLeftWork',
      data: {
        householdId: household.householdId,
        placementId: d.placementId,
        memberId: placement.memberId,
        endDate: d.endDate,
        reason: d.reason.trim(),
        at: command.at,
      },
    },
  ];
}

/** One check of the 三排查三清零 campaign; a check that found an issue says what in its notes. */
function decideRecordThreeChecks(
  command: HouseholdCommandOf<'recordThreeChecks'>,
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

/** Case handlers link the cases they open for a member; a link is a reference, not a change of the household's facts. */
const CASE_ROLES: readonly Role[] = ['caseworker', 'reviewer', 'approver'];

function decideLinkSubsidyCase(
  command: HouseholdCommandOf<'linkSubsidyCase'>,
  state: HouseholdState,
): HouseholdEvent[] {
  const d = command.data;
  const household = requireRegistered(state, d.householdId);
  const { actor } = command;
  const mayLink =
    canChangeHousehold(actor, household).allowed ||
    (CASE_ROLES.includes(actor.role) && canReadHousehold(actor, household).allowed);
  if (!mayLink)
    throw forbidden('HOUSEHOLD_OUT_OF_SCOPE', 'You may not link cases to this household.', {
      streetOffice: household.streetOffice,
      unit: actor.unit,
      role: actor.role,
    });
  const p = new Problems();
  p.text('caseId', d.caseId);
  p.text('programme', d.programme);
  if (p.text('memberId', d.memberId) && !household.members.some((m) => m.memberId === d.memberId))
    p.add('memberId', 'names no member of this household');
  p.throwIfAny();
  if (household.linkedCases.some((c) => c.caseId === d.caseId)) {
    throw new DomainError('conflict', 'CASE_ALREADY_LINKED', `Case ${d.caseId} is already linked to this household.`, {
      caseId: d.caseId,
    });
  }
  return [
    {
      type: 'SubsidyCaseLinked',
      data: {
        householdId: household.householdId,
        caseId: d.caseId,
        programme: d.programme.trim(),
        memberId: d.memberId,
        at: command.at,
      },
    },
  ];
}

function decideCommand(command: HouseholdCommand, state: HouseholdState): HouseholdEvent[] {
  switch (command.type) {
    case 'registerHousehold':
      return decideRegisterHousehold(command, state);
    case 'changeHouseholdStatus':
      return decideChangeHouseholdStatus(command, state);
    case 'assignResponsibleCadre':
      return decideAssignResponsibleCadre(command, state);
    case 'reassignResponsibleCadre':
      return decideReassignResponsibleCadre(command, state);
    case 'adoptAssistancePlan':
      return decideAdoptAssistancePlan(command, state);
    case 'addPlanMeasure':
      return decideAddPlanMeasure(command, state);
    case 'completePlanMeasure':
      return decideCompletePlanMeasure(command, state);
    case 'recordVisit':
      return decideRecordVisit(command, state);
    case 'raiseRiskFlag':
      return decideRaiseRiskFlag(command, state);
    case 'eliminateRisk':
      return decideEliminateRisk(command, state);
    case 'placeMemberInWork':
      return decidePlaceMemberInWork(command, state);
    case 'recordMemberLeftWork':
      return decideRecordMemberLeftWork(command, state);
    case 'recordThreeChecks':
      return decideRecordThreeChecks(command, state);
    case 'linkSubsidyCase':
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
  const placementId = command.type === 'placeMemberInWork' ? command.data.placementId : null;
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

export const householdDecider: Decider<HouseholdCommand, HouseholdEvent, HouseholdState> = {
  decide: decideHousehold,
  evolve: evolveHousehold,
  initialState: initialHouseholdState,
};
