import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, type YMD } from '@casework/kernel';

/*
 * Statutory retirement ages (法定退休年龄) and what follows from them: months to retirement
 * ((十五)2 "距退休不足1年") and working age (零就业家庭: 16 to the statutory retirement age).
 *
 * Before 2025: men 60, women workers 50, women cadres 55 (国发〔1978〕104号, in force in 2020).
 * From 2025-01-01: 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13) and
 * its 国务院关于渐进式提高职工法定退休年龄的办法: men 60 → 63 and women cadres 55 → 58, one month
 * later for every 4 months of birth cohort; women workers 50 → 55, one month later for every 2
 * months. The first cohorts delayed are those born in January 1965 (men: 60 years 1 month, retiring
 * February 2025), January 1970 (women, 55) and January 1975 (women, 50), as the 办法's tables show.
 */

export type Sex = 'M' | 'F';
/** Women only: the statutory age differs for workers (女工人, 50) and cadres (女干部, 55). */
export type RetirementCategory = 'worker' | 'cadre';
export const RETIREMENT_CATEGORIES: readonly RetirementCategory[] = ['worker', 'cadre'];

/** The day the gradual reform took effect. */
export const RETIREMENT_REFORM_FROM = '2025-01-01';

interface Line {
  label: string;
  baseMonths: number;
  /** First birth month delayed by the reform, and the cohort width per month of delay. */
  firstCohort: string;
  cohortMonths: number;
  maxDelayMonths: number;
}

const LINES: Readonly<Record<'M' | 'F_worker' | 'F_cadre', Line>> = {
  M: { label: '男职工', baseMonths: 60 * 12, firstCohort: '1965-01', cohortMonths: 4, maxDelayMonths: 36 },
  F_cadre: {
    label: '原法定退休年龄55周岁的女职工（女干部）',
    baseMonths: 55 * 12,
    firstCohort: '1970-01',
    cohortMonths: 4,
    maxDelayMonths: 36,
  },
  F_worker: {
    label: '原法定退休年龄50周岁的女职工（女工人）',
    baseMonths: 50 * 12,
    firstCohort: '1975-01',
    cohortMonths: 2,
    maxDelayMonths: 60,
  },
};

const monthIndex = (ymd: { year: number; month: number }) => ymd.year * 12 + ymd.month - 1;

function mustParse(iso: string, what: string): YMD {
  const d = parseIsoDate(iso);
  if (!d) throw new RangeError(`${what} is not a real date: ${iso}`);
  return d;
}

/** The same day `months` calendar months later, clamped to the month's last day. */
function addMonthsTo(d: YMD, months: number): YMD {
  const index = monthIndex(d) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = fromDayNumber(
    toDayNumber({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }) - 1,
  );
  return { year, month, day: Math.min(d.day, last.day) };
}

/** Completed years of age on `onDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const b = mustParse(birthDate, 'birth date');
  const d = mustParse(onDate, 'date');
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

export interface StatutoryRetirement {
  /** Statutory retirement age in months (60 years = 720). */
  ageMonths: number;
  /** The day the person reaches it. */
  retiresOn: string;
  /** Which rule gave it, in words, for the trace. */
  rule: string;
}

/**
 * The statutory retirement age and day of a person under the rules in force on `onDate`. A woman
 * needs her category; without one this is null (the caller asks for the fact).
 */
export function statutoryRetirement(
  birthDate: string,
  sex: Sex,
  category: RetirementCategory | undefined,
  onDate: string,
): StatutoryRetirement | null {
  if (sex === 'F' && category === undefined) return null;
  const birth = mustParse(birthDate, 'birth date');
  mustParse(onDate, 'date');
  const line = LINES[sex === 'M' ? 'M' : category === 'cadre' ? 'F_cadre' : 'F_worker'];
  let delay = 0;
  if (onDate >= RETIREMENT_REFORM_FROM) {
    const first = mustParse(`${line.firstCohort}-01`, 'cohort');
    const sinceFirst = monthIndex(birth) - monthIndex(first);
    if (sinceFirst >= 0) delay = Math.min(line.maxDelayMonths, Math.floor(sinceFirst / line.cohortMonths) + 1);
  }
  const ageMonths = line.baseMonths + delay;
  const years = Math.floor(ageMonths / 12);
  const months = ageMonths % 12;
  const age = months ? `${years}岁${months}个月` : `${years}岁`;
  const rule =
    onDate >= RETIREMENT_REFORM_FROM
      ? `${line.label}：渐进式延迟法定退休年龄（2025-01-01起），${line.firstCohort}起出生者每${line.cohortMonths}个月延迟1个月；本人为${age}`
      : `${line.label}：法定退休年龄${age}（2025年改革前）`;
  return { ageMonths, retiresOn: formatIsoDate(addMonthsTo(birth, ageMonths)), rule };
}

/** Whole months from `onDate` until `retiresOn`; 0 once retired. */
export function monthsUntil(onDate: string, retiresOn: string): number {
  const d = mustParse(onDate, 'date');
  const r = mustParse(retiresOn, 'retirement date');
  const months = monthIndex(r) - monthIndex(d) - (d.day > r.day ? 1 : 0);
  return Math.max(0, months);
}

/** Months to statutory retirement on `onDate`, or null when a woman's category is unknown. */
export function monthsToRetirement(
  birthDate: string,
  sex: Sex,
  category: RetirementCategory | undefined,
  onDate: string,
): number | null {
  const r = statutoryRetirement(birthDate, sex, category, onDate);
  return r ? monthsUntil(onDate, r.retiresOn) : null;
}

/** Lower bound of working age (劳动年龄), in completed years. */
export const WORKING_AGE_FROM = 16;

/**
 * The category used for a woman whose category is not recorded (the household register has none):
 * the cadre line (55, from 2025 rising to 58), the wider of the two, so that no woman below it who
 * can work is left out of a household's labour force. A reading, to be confirmed by the bureau.
 */
export const DEFAULT_WORKING_AGE_CATEGORY: RetirementCategory = 'cadre';

/**
 * Working age on `date`: at least 16 completed years and not yet at the statutory retirement age in
 * force on that date, by sex (and, for a woman, category).
 */
export function isOfWorkingAge(
  person: { birthDate: string; sex: Sex; retirementCategory?: RetirementCategory },
  date: string,
): boolean {
  if (ageOn(person.birthDate, date) < WORKING_AGE_FROM) return false;
  const category = person.sex === 'F' ? (person.retirementCategory ?? DEFAULT_WORKING_AGE_CATEGORY) : undefined;
  const r = statutoryRetirement(person.birthDate, person.sex, category, date)!;
  return date < r.retiresOn;
}
