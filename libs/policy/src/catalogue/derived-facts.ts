import type { DerivedFact } from '../eligibility.types';
import { validateResidentId } from '../identifiers';
import {
  RETIREMENT_CATEGORIES,
  ageOn,
  monthsUntil,
  statutoryRetirement,
  type RetirementCategory,
} from '../persons/retirement';
import type { FieldProblem } from '@casework/kernel';
import { isIsoDate } from '@casework/kernel';
import type { FactGuard, PersonFromId, Programme } from './catalogue.types';
import { readFact } from './facts';

const guardHolds = (facts: Record<string, unknown>, guard: FactGuard) =>
  guard.in.includes(String(readFact(facts, guard.fact)));

export interface Derivation {
  facts: DerivedFact[];
  /** Typed values the ID contradicts, and facts the derivation needs but lacks. */
  problems: FieldProblem[];
}

/**
 * Birth date, sex, age and months to retirement of the programme's persons, from their ID numbers
 * on the programme's date. Facts that do not parse are left to validateFacts (no problem here).
 */
export function deriveFacts(programme: Programme, facts: Record<string, unknown>, applicationDate: string): Derivation {
  const out: Derivation = { facts: [], problems: [] };
  for (const person of programme.persons ?? []) derivePerson(person, facts, applicationDate, out);
  return out;
}

function derivePerson(p: PersonFromId, facts: Record<string, unknown>, applicationDate: string, out: Derivation) {
  const id = readFact(facts, p.idFact);
  if (typeof id !== 'string') return;
  const parsed = validateResidentId(id);
  if (!parsed.ok) return; // a credit code in a party id, or a bad ID that validateFacts reports
  const onDate = p.on === 'applicationDate' ? applicationDate : readFact(facts, p.on.fact);
  const onName = p.on === 'applicationDate' ? 'applicationDate' : p.on.fact;
  const from = p.idFact;
  const derived: DerivedFact[] = [
    { name: `${p.prefix}.birthDate`, value: parsed.birthDate, from, rule: '身份证号码第7–14位（出生日期码）' },
    { name: `${p.prefix}.sex`, value: parsed.sex, from, rule: '身份证号码第17位（顺序码）：奇数为男，偶数为女' },
  ];
  if (isIsoDate(onDate) && onDate >= parsed.birthDate) {
    const age = ageOn(parsed.birthDate, onDate);
    derived.push({ name: `${p.prefix}.age`, value: age, from, rule: `${onName} ${onDate} 的周岁年龄` });
    for (const limit of p.ageLimits ?? []) {
      if (readFact(facts, limit.fact) === limit.value && age >= limit.under) {
        out.problems.push({
          field: `facts.${limit.fact}`,
          reason: `与身份证号码不符：${limit.value} 要求未满${limit.under}周岁 ${limit.clause}，而 ${from} 显示 ${onDate} 时已满${age}周岁`,
        });
      }
    }
    if (p.retirement) retirementFacts(p, parsed, onDate, facts, derived, out);
  }
  for (const d of derived) {
    const typed = readFact(facts, d.name);
    if (typed !== undefined && typed !== null && typed !== d.value) {
      out.problems.push({
        field: `facts.${d.name}`,
        reason: `与身份证号码推算的值不符：填写为 ${JSON.stringify(typed)}，按 ${d.rule} 应为 ${JSON.stringify(d.value)}；此项由系统推算，无需填写`,
      });
    }
  }
  out.facts.push(...derived);
}

function retirementFacts(
  p: PersonFromId,
  parsed: { birthDate: string; sex: 'M' | 'F' },
  onDate: string,
  facts: Record<string, unknown>,
  derived: DerivedFact[],
  out: Derivation,
) {
  const r = p.retirement!;
  const category = readFact(facts, r.categoryFact);
  const source = readFact(facts, r.sourceFact);
  const needed = r.neededWhen === undefined || guardHolds(facts, r.neededWhen);
  if (parsed.sex === 'M') {
    if (category !== undefined && category !== null)
      out.problems.push({
        field: `facts.${r.categoryFact}`,
        reason: `只适用于女性（女工人50周岁、女干部55周岁）；${p.idFact} 显示为男性`,
      });
  } else if (category === undefined || category === null) {
    if (needed)
      out.problems.push({
        field: `facts.${r.categoryFact}`,
        reason: `女性须填写退休类别（worker 女工人 / cadre 女干部），以确定法定退休年龄`,
      });
    return;
  } else if (!RETIREMENT_CATEGORIES.includes(category as RetirementCategory)) {
    return; // validateFacts names the bad value
  }
  if (parsed.sex === 'F' && (typeof source !== 'string' || source.trim() === ''))
    out.problems.push({
      field: `facts.${r.sourceFact}`,
      reason: '须写明退休类别的依据（如人事档案、参保登记）',
    });
  const retirement = statutoryRetirement(
    parsed.birthDate,
    parsed.sex,
    parsed.sex === 'F' ? (category as RetirementCategory) : undefined,
    onDate,
  )!;
  derived.push({
    name: `${p.prefix}.monthsToRetirement`,
    value: monthsUntil(onDate, retirement.retiresOn),
    from: parsed.sex === 'F' ? `${p.idFact}, ${r.categoryFact}` : p.idFact,
    rule: `${retirement.rule}，${retirement.retiresOn} 达到法定退休年龄；自 ${onDate} 起的整月数`,
  });
}
