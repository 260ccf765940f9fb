import type { AmountBreakdown, ConditionResult, DerivedFact, EligibilityResult } from '../eligibility.types';
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
  ProgrammeEnd,
  RateSource,
  ReservationClaim,
  ReservationSubject,
  TimeWindow,
} from './catalogue.types';
import { deriveFacts } from './derived-facts';
import { readFact } from './facts';
import { POLICY_VERSIONS } from './policy-versions.data';
import { PROGRAMMES, RELIEF_KINDS } from './programmes.data';

export { readFact };

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
      { field: 'applicationDate', reason: `"${String(isoDate)}" is not a real date in the form YYYY-MM-DD` },
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
  for (const version of [...POLICY_VERSIONS].reverse()) {
    const p = version.programmes[code];
    if (p) return p;
  }
  throw unknownProgramme(code);
}

/** The facts a programme needs, for request validation and forms. */
export function programmeFacts(code: string): readonly FactSpec[] {
  return latestProgramme(code).facts;
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
  const factProblems = validateFacts(input.programme, input.facts);
  if (factProblems.length || problems.length) return [...problems, ...factProblems];
  const programme = getProgramme(input.programme, input.policyVersion);
  const params = getPolicyVersion(input.policyVersion).parameters[programme.code] ?? {};
  return [
    ...deriveFacts(programme, input.facts, input.applicationDate).problems,
    ...periodShiftProblems(programme, params, input.facts),
  ];
}

/* ---------- 顺延: the subsidy period shifted past the relief months of (四) ---------- */

const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

interface ShiftedPeriod {
  shift: number;
  from: string;
  to: string;
}

/** The period a shift gives (from, paid months + shift − 1), or null when there is no shift. */
function shiftedPeriod(
  programme: Programme,
  params: Readonly<Record<string, { value: number }>>,
  facts: Record<string, unknown>,
): ShiftedPeriod | null {
  const s = programme.periodShift;
  if (!s) return null;
  const shift = readFact(facts, s.shiftFact);
  const from = readFact(facts, s.fromMonthFact);
  if (typeof shift !== 'number' || shift <= 0 || typeof from !== 'string') return null;
  const months = params[s.monthsParam]?.value ?? 0;
  return { shift, from, to: monthOf(monthIndex(from) + months + shift - 1) };
}

/**
 * A shift needs the period's first month and the employer's relief under (四), which must lie
 * within what (四) allows; the shift is at most the relief months inside the unshifted period.
 */
function periodShiftProblems(
  programme: Programme,
  params: Readonly<Record<string, { value: number }>>,
  facts: Record<string, unknown>,
): FieldProblem[] {
  const s = programme.periodShift;
  if (!s) return [];
  const shift = readFact(facts, s.shiftFact);
  if (typeof shift !== 'number' || shift <= 0) return [];
  const problems: FieldProblem[] = [];
  const isMonth = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
  const from = readFact(facts, s.fromMonthFact);
  const kind = readFact(facts, s.reliefKindFact);
  const reliefFrom = readFact(facts, s.reliefFromFact);
  const reliefTo = readFact(facts, s.reliefToFact);
  const need = (name: string, what: string) =>
    problems.push({ field: `facts.${name}`, reason: `顺延补贴期限时必填：${what} ${s.clause}` });
  if (!isMonth(from)) need(s.fromMonthFact, '补贴期限的起始月份（YYYY-MM）');
  // Own keys only: `in` would also accept inherited names such as "toString".
  const relief = typeof kind === 'string' && Object.hasOwn(RELIEF_KINDS, kind) ? RELIEF_KINDS[kind] : undefined;
  if (!relief) need(s.reliefKindFact, `单位依（四）享受的减免或缓缴类别：${Object.keys(RELIEF_KINDS).join('、')}`);
  if (!isMonth(reliefFrom)) need(s.reliefFromFact, '减免或缓缴的起始月份（YYYY-MM）');
  if (!isMonth(reliefTo)) need(s.reliefToFact, '减免或缓缴的终止月份（YYYY-MM）');
  if (!relief || problems.length) return problems;
  const [rf, rt] = [monthIndex(reliefFrom as string), monthIndex(reliefTo as string)];
  if (rt < rf) return [{ field: `facts.${s.reliefToFact}`, reason: `不能早于起始月份 ${reliefFrom as string}` }];
  if (
    rf < monthIndex(relief.from) ||
    rt > monthIndex(relief.to) ||
    (relief.maxMonths && rt - rf + 1 > relief.maxMonths)
  ) {
    return [
      {
        field: `facts.${s.reliefFromFact}`,
        reason: `${reliefFrom as string}至${reliefTo as string} 超出（四）对该类别的规定：“${relief.text}”`,
      },
    ];
  }
  const months = params[s.monthsParam]?.value ?? 0;
  const pf = monthIndex(from as string);
  const overlap = Math.max(0, Math.min(rt, pf + months - 1) - Math.max(rf, pf) + 1);
  if (shift > overlap) {
    return [
      {
        field: `facts.${s.shiftFact}`,
        reason:
          `顺延不能超过补贴期限内享受减免或缓缴的月数 ${s.clause}：补贴期限 ${from as string} 起 ${months} 个月，` +
          `其中 ${overlap} 个月在减免或缓缴期（${reliefFrom as string}至${reliefTo as string}）内，最多顺延 ${overlap} 个月，不是 ${shift} 个月`,
      },
    ];
  }
  return [];
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
      const shifted = shiftedPeriod(ctx.programme, ctx.params, ctx.facts);
      const shiftText = shifted
        ? ` (period ${shifted.from} … ${shifted.to}: shifted ${shifted.shift} months past the relief months of (四), no months added)`
        : '';
      return {
        totalFen,
        formula: `${rate.text} × ${months.text} = ${totalFen} fen${shiftText}`,
        inputs: {
          ...rate.inputs,
          ...months.inputs,
          ...(shifted ? { shiftMonths: shifted.shift, periodFrom: shifted.from, periodTo: shifted.to } : {}),
        },
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
      // The level fact is an enum of the levelParams keys, so a miss is a catalogue bug, not bad input.
      if (rateParam === undefined)
        throw new Error(`Catalogue error: ${ctx.programme.code} has no rate parameter for level "${level}"`);
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
  const version = getPolicyVersion(input.policyVersion);
  const derived: DerivedFact[] = deriveFacts(programme, input.facts, input.applicationDate).facts;
  const derivedNames = new Set(derived.map((d) => d.name));
  const ctx: Context = {
    programme,
    params: version.parameters[programme.code] ?? {},
    // Flat dotted keys are read first, so a derived value stands for the fact (typed ones agree).
    facts: { ...input.facts, ...Object.fromEntries(derived.map((d) => [d.name, d.value])) },
    applicationDate: input.applicationDate,
  };
  const localEnd = version.localEnds[programme.code];
  const conditions: ConditionResult[] = [
    ...programme.windows.map((w, i) => windowResult(ctx, w, i)),
    ...(localEnd ? [localEndResult(ctx, localEnd)] : []),
    ...programme.conditions.map((c): ConditionResult => {
      const value = factValue(ctx, c.fact);
      const base = {
        id: c.id,
        description: c.description,
        clause: c.clause,
        fact: c.fact,
        value,
        ...(derivedNames.has(c.fact) ? { derived: true } : {}),
      };
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
    derivedFacts: derived,
  };
}

function localEndResult(ctx: Context, end: ProgrammeEnd): ConditionResult {
  return {
    id: 'window_end',
    description: `applicationDate no later than ${end.validTo}, the programme's end date (${end.label}: ${end.note})`,
    clause: end.clause,
    fact: 'applicationDate',
    value: ctx.applicationDate,
    passed: ctx.applicationDate <= end.validTo,
  };
}

/**
 * The last application date of a programme in a version: its own window on the application date
 * (the document's), else the version's local end (本区规则, labelled). Every programme has one.
 */
export function programmeEnd(code: string, versionId: string): ProgrammeEnd {
  const programme = getProgramme(code, versionId);
  const own = programme.windows.find((w) => w.appliesTo === 'applicationDate' && w.validTo && !w.when);
  if (own)
    return {
      validTo: own.validTo!,
      source: 'document',
      example: false,
      label: '文件规定',
      clause: own.clause,
      note: `实施期限至${own.validTo}`,
    };
  const local = getPolicyVersion(versionId).localEnds[code];
  if (!local) throw new Error(`Catalogue error: ${code} has no end date in ${versionId}`);
  return local;
}

/* ---------- the clause cited at approval ---------- */

/** "（七）", " (七) " and "(七)" are the same clause: full-width brackets and spaces do not matter. */
const normaliseClause = (clause: string) => clause.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');

/** Whether `clause` is one of the programme's clauses in that version (what an approval may cite). */
export function isProgrammeClause(code: string, versionId: string, clause: string): boolean {
  if (typeof clause !== 'string') return false;
  const wanted = normaliseClause(clause);
  return getProgramme(code, versionId).clauses.some((c) => normaliseClause(c) === wanted);
}

/** Longest period a monthly programme may reserve month by month. */
export const MAX_RESERVED_MONTHS = 120;

/**
 * Keys a case must reserve (unique, with `slots` holders at most) so that cross-case limits hold:
 * once per person, N per beneficiary, once per period, exclusive groups per period. A period is
 * what the programme's `limits.per` says: for monthly programmes each month the case's period
 * covers (so two cases collide when their periods share a month), a calendar year, or a fact such
 * as the training class.
 */
export function reservationClaims(programmeCode: string, subject: ReservationSubject): ReservationClaim[] {
  const programme = latestProgramme(programmeCode);
  const beneficiary = String(subject.beneficiaryKey ?? '')
    .trim()
    .toUpperCase();
  if (!beneficiary)
    throw validationError([{ field: 'beneficiaryKey', reason: `is required: ${programme.beneficiaryFact}` }]);
  const { limits } = programme;
  const periods = limits.oncePerPeriod || limits.exclusiveGroup ? periodKeys(programme, subject) : [];
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
  for (const period of periods) {
    if (limits.oncePerPeriod) {
      claims.push({
        key: `programme:${programme.code}:${beneficiary}:${period}`,
        slots: 1,
        reason: `once per beneficiary and period (${period}): ${limits.note}`,
        clause: limits.clause,
      });
    }
    if (limits.exclusiveGroup) {
      const g = limits.exclusiveGroup;
      claims.push({
        key: `group:${g.id}:${beneficiary}:${period}`,
        slots: 1,
        reason: `not combined with other programmes of ${g.id} for the same person and month (${period}) (${g.source}): ${g.note}`,
        clause: limits.clause,
      });
    }
  }
  return claims;
}

function periodKeys(programme: Programme, subject: ReservationSubject): string[] {
  const per = programme.limits.per;
  if (!per) throw new Error(`Catalogue error: ${programme.code} has a period limit but no limits.per`);
  if (typeof per === 'object') {
    const value = subject.facts ? readFact(subject.facts, per.fact) : undefined;
    if (typeof value !== 'string' || value.trim() === '')
      throw validationError([
        { field: `facts.${per.fact}`, reason: `is required for ${programme.code}: ${per.label}` },
      ]);
    return [`${per.fact}=${value.trim().toUpperCase()}`];
  }
  const { from, to } = subject.period ?? ({} as ReservationSubject['period']);
  const problems: FieldProblem[] = [];
  if (!isIsoDate(from)) problems.push({ field: 'period.from', reason: 'must be a real date in the form YYYY-MM-DD' });
  if (!isIsoDate(to)) problems.push({ field: 'period.to', reason: 'must be a real date in the form YYYY-MM-DD' });
  if (problems.length) throw validationError(problems);
  if (from > to) throw validationError([{ field: 'period.to', reason: `must not be before period.from (${from})` }]);
  if (per === 'year') return [from.slice(0, 4)];
  const first = monthIndex(from.slice(0, 7));
  const last = monthIndex(to.slice(0, 7));
  if (last - first + 1 > MAX_RESERVED_MONTHS)
    throw validationError([
      { field: 'period.to', reason: `a period of ${programme.code} covers at most ${MAX_RESERVED_MONTHS} months` },
    ]);
  return Array.from({ length: last - first + 1 }, (_, i) => monthOf(first + i));
}
