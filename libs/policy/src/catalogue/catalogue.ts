import type { AmountBreakdown, ConditionResult, EligibilityResult } from '../eligibility.types';
import { validateCreditCode, validateResidentId } from '../identifiers';
import { DomainError, validationError, type FieldProblem, isIsoDate } from '@casework/kernel';
import type {
  AmountRule,
  ConditionSpec,
  CountSource,
  EligibilityInput,
  FactGuard,
  FactSpec,
  NumberSource,
  PolicyVersion,
  Programme,
  RateSource,
  ReservationClaim,
  TimeWindow,
} from './catalogue.types';
import { POLICY_VERSIONS } from './policy-versions.data';
import { PROGRAMMES } from './programmes.data';

export const PROGRAMME_CODES: readonly string[] = PROGRAMMES.map((p) => p.code);

/** The policy version by id; unknown id → DomainError not_found (POLICY_VERSION_NOT_FOUND). */
export function getPolicyVersion(id: string): PolicyVersion {
  const version = POLICY_VERSIONS.find((v) => v.id === id);
  if (!version) {
    throw new DomainError(
      'not_found',
      'POLICY_VERSION_NOT_FOUND',
      `Policy version "${id}" does not exist. Known: ${POLICY_VERSIONS.map((v) => v.id).join(', ')}.`,
      { policyVersion: id },
    );
  }
  return version;
}

/** The version in force on a day; none → validation error on `applicationDate`. */
export function policyVersionInForce(isoDate: string): PolicyVersion {
  if (!isIsoDate(isoDate))
    throw validationError([
      { field: 'applicationDate', reason: `"${isoDate}" is not a real date in the form YYYY-MM-DD` },
    ]);
  const version = POLICY_VERSIONS.find(
    (v) => v.effectiveFrom <= isoDate && (v.effectiveTo === undefined || isoDate <= v.effectiveTo),
  );
  if (!version) {
    throw validationError([
      {
        field: 'applicationDate',
        reason: `no policy version is in force on ${isoDate}; the catalogue starts on ${POLICY_VERSIONS[0].effectiveFrom}`,
      },
    ]);
  }
  return version;
}

/** A programme as defined in a version. Unknown version or programme → validation error naming the field. */
export function getProgramme(code: string, versionId: string): Programme {
  const version = POLICY_VERSIONS.find((v) => v.id === versionId);
  if (!version) {
    throw validationError([
      {
        field: 'policyVersion',
        reason: `unknown policy version "${versionId}"; known: ${POLICY_VERSIONS.map((v) => v.id).join(', ')}`,
      },
    ]);
  }
  const programme = version.programmes[code];
  if (!programme) throw unknownProgramme(code);
  return programme;
}

export function listProgrammes(versionId: string): Programme[] {
  return Object.values(getPolicyVersion(versionId).programmes);
}

const unknownProgramme = (code: string) =>
  validationError([
    { field: 'programme', reason: `unknown programme "${code}"; known: ${PROGRAMME_CODES.join(', ')}` },
  ]);

/** Definition used for version-independent questions (facts, limits): the same in every version today. */
function latestProgramme(code: string): Programme {
  for (let i = POLICY_VERSIONS.length - 1; i >= 0; i--) {
    const p = POLICY_VERSIONS[i].programmes[code];
    if (p) return p;
  }
  throw unknownProgramme(code);
}

/** The facts a programme needs, for request validation and forms. */
export function programmeFacts(code: string): readonly FactSpec[] {
  return latestProgramme(code).facts;
}

/** A fact by dotted path: nested objects (`{ founder: { idNumber } }`) or a flat dotted key. */
export function readFact(facts: Record<string, unknown>, path: string): unknown {
  if (path in facts) return facts[path];
  let node: unknown = facts;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const guardHolds = (facts: Record<string, unknown>, guard: FactGuard) =>
  guard.in.includes(String(readFact(facts, guard.fact)));
const describeGuard = (guard: FactGuard) => `${guard.fact} is ${guard.in.join(' or ')}`;

function problemWith(spec: FactSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' && value.trim() !== '' ? null : 'must be non-empty text';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'integer':
    case 'fen': {
      const unit = spec.type === 'fen' ? 'an amount in whole fen' : 'a whole number';
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return `must be ${unit}`;
      const min = spec.min ?? (spec.type === 'fen' ? 0 : undefined);
      if (min !== undefined && value < min)
        return min === 0 ? `must be ${unit}, not negative` : `must be at least ${min}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
      return null;
    }
    case 'date':
      return isIsoDate(value) ? null : 'must be a real date in the form YYYY-MM-DD';
    case 'month':
      return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
        ? null
        : 'must be a month in the form YYYY-MM';
    case 'enum':
      return typeof value === 'string' && (spec.allowedValues ?? []).includes(value)
        ? null
        : `must be one of: ${(spec.allowedValues ?? []).join(', ')}`;
    case 'residentId': {
      if (typeof value !== 'string') return 'must be an ID number of 18 characters';
      const r = validateResidentId(value);
      return r.ok ? null : `is not a valid ID number: ${r.reason}`;
    }
    case 'creditCode': {
      if (typeof value !== 'string') return 'must be a credit code of 18 characters';
      const r = validateCreditCode(value);
      return r.ok ? null : `is not a valid unified social credit code: ${r.reason}`;
    }
    case 'partyId': {
      if (typeof value !== 'string') return 'must be an ID number or a credit code of 18 characters';
      const asPerson = validateResidentId(value);
      const asEnterprise = validateCreditCode(value);
      if (asPerson.ok || asEnterprise.ok) return null;
      // Seventeen digits first means someone meant an ID number.
      return /^\d{17}/.test(value)
        ? `is not a valid ID number: ${(asPerson as { reason: string }).reason}`
        : `is not a valid unified social credit code: ${(asEnterprise as { reason: string }).reason}`;
    }
    default: {
      const _exhaustive: never = spec.type;
      return _exhaustive;
    }
  }
}

/** Every problem with the facts for a programme, field = `facts.<path>`. Empty when fine. */
export function validateFacts(code: string, facts: Record<string, unknown>): FieldProblem[] {
  const programme = latestProgramme(code);
  if (facts === null || typeof facts !== 'object' || Array.isArray(facts))
    return [{ field: 'facts', reason: 'must be an object' }];
  const problems: FieldProblem[] = [];
  for (const spec of programme.facts) {
    const value = readFact(facts, spec.name);
    const field = `facts.${spec.name}`;
    if (value === undefined || value === null) {
      if (spec.required === true) problems.push({ field, reason: `is required: ${spec.description}` });
      else if (spec.required !== false && guardHolds(facts, spec.required)) {
        problems.push({ field, reason: `is required when ${describeGuard(spec.required)}: ${spec.description}` });
      }
      continue;
    }
    const problem = problemWith(spec, value);
    if (problem) problems.push({ field, reason: problem });
  }
  return problems;
}

/** Programme, version, date and facts together: what the API checks before opening a case. */
export function validateApplication(input: EligibilityInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!POLICY_VERSIONS.some((v) => v.id === input.policyVersion)) {
    problems.push({
      field: 'policyVersion',
      reason: `unknown policy version "${input.policyVersion}"; known: ${POLICY_VERSIONS.map((v) => v.id).join(', ')}`,
    });
  }
  if (!isIsoDate(input.applicationDate))
    problems.push({ field: 'applicationDate', reason: 'must be a real date in the form YYYY-MM-DD' });
  if (!PROGRAMME_CODES.includes(input.programme)) {
    problems.push({
      field: 'programme',
      reason: `unknown programme "${input.programme}"; known: ${PROGRAMME_CODES.join(', ')}`,
    });
    return problems;
  }
  return [...problems, ...validateFacts(input.programme, input.facts)];
}

/* ---------- evaluation ---------- */

interface Context {
  programme: Programme;
  params: Readonly<Record<string, { value: number }>>;
  facts: Record<string, unknown>;
  applicationDate: string;
}

function factValue(ctx: Context, name: string): unknown {
  const v = readFact(ctx.facts, name);
  if (v !== undefined && v !== null) return v;
  return ctx.programme.facts.find((f) => f.name === name)?.default;
}

function param(ctx: Context, name: string): number {
  const p = ctx.params[name];
  // A programme naming a parameter its version lacks is a catalogue bug, not bad input.
  if (!p) throw new Error(`Catalogue error: ${ctx.programme.code} has no parameter "${name}"`);
  return p.value;
}

const numberOf = (ctx: Context, n: NumberSource) => (typeof n === 'number' ? n : param(ctx, n.param));

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function testPasses(ctx: Context, spec: ConditionSpec, value: unknown): boolean {
  const t = spec.test;
  switch (t.op) {
    case 'isTrue':
      return value === true;
    case 'equals':
      return value === t.value;
    case 'in':
      return typeof value === 'string' && t.values.includes(value);
    case 'atLeast':
      return typeof value === 'number' && value >= numberOf(ctx, t.value);
    case 'atMost':
      return typeof value === 'number' && value <= numberOf(ctx, t.value);
    case 'lessThan':
      return typeof value === 'number' && value < numberOf(ctx, t.value);
    case 'dateWithin':
      return (
        typeof value === 'string' && (t.from === undefined || t.from <= value) && (t.to === undefined || value <= t.to)
      );
    case 'dateBefore': {
      const other = factValue(ctx, t.otherFact);
      return typeof value === 'string' && typeof other === 'string' && value < other;
    }
    case 'monthSpanEndsBy': {
      const months = factValue(ctx, t.monthsFact);
      return (
        typeof value === 'string' &&
        typeof months === 'number' &&
        monthIndex(value) + months - 1 <= monthIndex(t.latest)
      );
    }
    default: {
      const _exhaustive: never = t;
      return _exhaustive;
    }
  }
}

function windowResult(ctx: Context, w: TimeWindow, index: number): ConditionResult {
  const fact = w.appliesTo === 'applicationDate' ? 'applicationDate' : w.appliesTo.fact;
  const value = w.appliesTo === 'applicationDate' ? ctx.applicationDate : factValue(ctx, fact);
  const range = `${w.validFrom ?? 'the start'} to ${w.validTo ?? 'open end'}`;
  const base = {
    id: index === 0 ? 'window' : `window_${index + 1}`,
    description: `${fact} within the programme's window, ${range}`,
    clause: w.clause,
    fact,
    value,
  };
  if (w.when && !guardHolds(ctx.facts, w.when)) return { ...base, passed: true, notApplicable: true };
  const passed =
    typeof value === 'string' &&
    (w.validFrom === undefined || w.validFrom <= value) &&
    (w.validTo === undefined || value <= w.validTo);
  return { ...base, passed };
}

const yuanText = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

function monthlyRate(
  ctx: Context,
  rate: RateSource,
): { fen: number; text: string; inputs: Record<string, number | string> } {
  if ('byFact' in rate) {
    const value = String(factValue(ctx, rate.byFact));
    const name = rate.params[value];
    if (!name) throw new Error(`Catalogue error: ${ctx.programme.code} has no rate for ${rate.byFact}=${value}`);
    const fen = param(ctx, name);
    return { fen, text: `${yuanText(fen)} yuan/month`, inputs: { [rate.byFact]: value, [name]: fen } };
  }
  if ('percent' in rate) {
    const base = param(ctx, rate.ofParam);
    const fen = Math.floor((base * rate.percent) / 100);
    return {
      fen,
      text: `${rate.percent}% × ${yuanText(base)} yuan = ${yuanText(fen)} yuan/month`,
      inputs: { [rate.ofParam]: base, percent: rate.percent },
    };
  }
  const fen = param(ctx, rate.param);
  return { fen, text: `${yuanText(fen)} yuan/month`, inputs: { [rate.param]: fen } };
}

function monthCount(ctx: Context, months: CountSource): { n: number; text: string; inputs: Record<string, number> } {
  if ('plusFact' in months) {
    const base = param(ctx, months.param);
    const extra = guardHolds(ctx.facts, months.plusWhen) ? Number(factValue(ctx, months.plusFact) ?? 0) : 0;
    return {
      n: base + extra,
      text: extra ? `(${base} + ${extra}) months` : `${base} months`,
      inputs: { [months.param]: base, [months.plusFact]: extra },
    };
  }
  if ('fact' in months) {
    const n = Number(factValue(ctx, months.fact));
    return { n, text: `${n} months`, inputs: { [months.fact]: n } };
  }
  const n = param(ctx, months.param);
  return { n, text: `${n} months`, inputs: { [months.param]: n } };
}

function oneOff(totalFen: number, formula: string, inputs: Record<string, number | string>): AmountBreakdown {
  return {
    totalFen,
    formula: `${formula} = ${totalFen} fen`,
    inputs,
    schedule: { kind: 'one_off', amountFen: totalFen },
  };
}

function computeAmount(ctx: Context, rule: AmountRule): AmountBreakdown {
  switch (rule.kind) {
    case 'none':
      return { totalFen: 0, formula: rule.formula, inputs: {}, schedule: { kind: 'none' } };
    case 'fixed': {
      const fen = param(ctx, rule.param);
      return oneOff(fen, `${rule.formula}: ${yuanText(fen)} yuan`, { [rule.param]: fen });
    }
    case 'monthly': {
      const rate = monthlyRate(ctx, rule.rate);
      const months = monthCount(ctx, rule.months);
      const totalFen = rate.fen * months.n;
      return {
        totalFen,
        formula: `${rate.text} × ${months.text} = ${totalFen} fen`,
        inputs: { ...rate.inputs, ...months.inputs },
        schedule: { kind: 'monthly', months: months.n, monthlyFen: rate.fen },
      };
    }
    case 'job_retention': {
      if (factValue(ctx, rule.routeFact) === 'sme_no_layoffs') {
        const premiums = Number(factValue(ctx, rule.premiumsFact));
        const percent = param(ctx, rule.refundPercentParam);
        const fen = Math.floor((premiums * percent) / 100);
        return oneOff(fen, `${percent}% × ${yuanText(premiums)} yuan premiums paid last year`, {
          [rule.premiumsFact]: premiums,
          [rule.refundPercentParam]: percent,
        });
      }
      const staff = Number(factValue(ctx, rule.staffFact));
      const benefit = param(ctx, rule.monthlyBenefitParam);
      const fen = rule.benefitMonths * benefit * staff;
      return oneOff(fen, `${rule.benefitMonths} months × ${yuanText(benefit)} yuan/month × ${staff} insured staff`, {
        [rule.staffFact]: staff,
        [rule.monthlyBenefitParam]: benefit,
        months: rule.benefitMonths,
      });
    }
    case 'loan_interest': {
      const principal = Number(factValue(ctx, rule.principalFact));
      const term = Number(factValue(ctx, rule.termMonthsFact));
      const maxMonths = param(ctx, rule.maxMonthsParam);
      const months = Math.min(term, maxMonths);
      const bp = param(ctx, rule.rateBasisPointsParam);
      const fen = Math.floor((principal * bp * months) / (10000 * 12));
      return oneOff(
        fen,
        `${yuanText(principal)} yuan × ${(bp / 100).toFixed(2)}% a year × ${months}/12 years (term ${term} months, at most ${maxMonths} subsidised), rounded down`,
        {
          [rule.principalFact]: principal,
          [rule.termMonthsFact]: term,
          [rule.rateBasisPointsParam]: bp,
          [rule.maxMonthsParam]: maxMonths,
        },
      );
    }
    case 'training': {
      const level = String(factValue(ctx, rule.levelFact));
      const rateParam = rule.levelParams[level];
      const rate = param(ctx, rateParam);
      if (factValue(ctx, rule.routeFact) === 'enterprise') {
        const trainees = Number(factValue(ctx, rule.traineesFact));
        return oneOff(rate * trainees, `${yuanText(rate)} yuan (${level} course) × ${trainees} trainees`, {
          [rateParam]: rate,
          [rule.traineesFact]: trainees,
        });
      }
      if (factValue(ctx, rule.hardshipFact) === true) {
        const allowance = param(ctx, rule.livingAllowanceParam);
        return oneOff(
          rate + allowance,
          `${yuanText(rate)} yuan (${level} course) + ${yuanText(allowance)} yuan living allowance`,
          { [rateParam]: rate, [rule.livingAllowanceParam]: allowance },
        );
      }
      return oneOff(rate, `${yuanText(rate)} yuan (${level} course)`, { [rateParam]: rate });
    }
    default: {
      const _exhaustive: never = rule;
      return _exhaustive;
    }
  }
}

/**
 * Evaluates a programme's rules under an explicit policy version (a decided case keeps its version).
 * Bad input (unknown programme or version, malformed date or facts) → DomainError validation naming
 * the field; a failed condition is not an error: `eligible` is false and the trace says which.
 */
export function evaluateEligibility(input: EligibilityInput): EligibilityResult {
  const programme = getProgramme(input.programme, input.policyVersion);
  const problems = validateApplication(input);
  if (problems.length) throw validationError(problems);
  const ctx: Context = {
    programme,
    params: getPolicyVersion(input.policyVersion).parameters[programme.code] ?? {},
    facts: input.facts,
    applicationDate: input.applicationDate,
  };
  const conditions: ConditionResult[] = [
    ...programme.windows.map((w, i) => windowResult(ctx, w, i)),
    ...programme.conditions.map((c): ConditionResult => {
      const value = factValue(ctx, c.fact);
      const base = { id: c.id, description: c.description, clause: c.clause, fact: c.fact, value };
      if (c.when && !guardHolds(ctx.facts, c.when)) return { ...base, passed: true, notApplicable: true };
      return { ...base, passed: testPasses(ctx, c, value) };
    }),
  ];
  const eligible = conditions.every((c) => c.passed);
  return {
    programme: programme.code,
    policyVersion: input.policyVersion,
    eligible,
    conditions,
    amount: eligible ? computeAmount(ctx, programme.amount) : null,
  };
}

/**
 * Keys a case must reserve (unique, with `slots` holders at most) so that cross-case limits hold:
 * once per person, N per beneficiary, once per period, exclusive groups per period.
 * beneficiaryKey: the value of the programme's `beneficiaryFact` (ID number or credit code).
 * periodKey: e.g. "2020" or the unemployment spell's start month; needed when a period limit applies.
 */
export function reservationClaims(
  programmeCode: string,
  beneficiaryKey: string,
  periodKey?: string,
): ReservationClaim[] {
  const programme = latestProgramme(programmeCode);
  const beneficiary = String(beneficiaryKey ?? '')
    .trim()
    .toUpperCase();
  if (!beneficiary)
    throw validationError([{ field: 'beneficiaryKey', reason: `is required: ${programme.beneficiaryFact}` }]);
  const { limits } = programme;
  const needsPeriod = limits.oncePerPeriod || limits.exclusiveGroup !== undefined;
  if (needsPeriod && !periodKey)
    throw validationError([{ field: 'periodKey', reason: `is required for ${programme.code}: ${limits.note}` }]);
  const claims: ReservationClaim[] = [];
  if (limits.maxPerBeneficiary !== undefined) {
    claims.push({
      key: `programme:${programme.code}:${beneficiary}`,
      slots: limits.maxPerBeneficiary,
      reason: `at most ${limits.maxPerBeneficiary} per beneficiary, cumulative: ${limits.note}`,
      clause: limits.clause,
    });
  } else if (limits.oncePerPerson) {
    claims.push({
      key: `programme:${programme.code}:${beneficiary}`,
      slots: 1,
      reason: `once per beneficiary: ${limits.note}`,
      clause: limits.clause,
    });
  }
  if (limits.oncePerPeriod) {
    claims.push({
      key: `programme:${programme.code}:${beneficiary}:${periodKey}`,
      slots: 1,
      reason: `once per beneficiary and period: ${limits.note}`,
      clause: limits.clause,
    });
  }
  if (limits.exclusiveGroup) {
    const g = limits.exclusiveGroup;
    claims.push({
      key: `group:${g.id}:${beneficiary}:${periodKey}`,
      slots: 1,
      reason: `not combined with other programmes of ${g.id} for the same person and period (${g.source}): ${g.note}`,
      clause: limits.clause,
    });
  }
  return claims;
}
