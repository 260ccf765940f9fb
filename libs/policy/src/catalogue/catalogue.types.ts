/**
 * The programme catalogue as data. A programme's rules (conditions, amount rule, limits) are the
 * same across policy versions unless a version replaces them; the figures live in per-version
 * parameters so a policy change (e.g. start-up subsidy 3000 → 5000 yuan) is a new version, and a
 * decided case keeps the version it was decided under.
 */
export type ApplicantKind = 'person' | 'enterprise' | 'agency';

/** Document clause, as printed: "(八)", "(十三)1", "(十五)3". */
export type Clause = string;

export type FactType =
  | 'string'
  | 'boolean'
  | 'integer'
  /** Non-negative integer amount of money in fen. */
  | 'fen'
  /** ISO date YYYY-MM-DD. */
  | 'date'
  /** Calendar month YYYY-MM. */
  | 'month'
  | 'enum'
  /** 18-character resident identity number (GB 11643-1999). */
  | 'residentId'
  /** 18-character unified social credit code (GB 32100-2015). */
  | 'creditCode'
  /** Either a resident identity number or a credit code (a person or an enterprise). */
  | 'partyId';

/** A fact (or condition) that only matters when another fact has one of some values. */
export interface FactGuard {
  fact: string;
  in: readonly string[];
}

export interface FactSpec {
  /** Dotted path inside `facts`, e.g. "founder.idNumber". */
  name: string;
  type: FactType;
  /** Required always (true), never (false), or only when a guard holds. */
  required: boolean | FactGuard;
  allowedValues?: readonly string[];
  min?: number;
  max?: number;
  /** Value used when an optional fact is absent. */
  default?: string | number | boolean;
  description: string;
}

export type NumberSource = number | { param: string };

/** Declarative test applied to one fact. */
export type ConditionTest =
  | { op: 'isTrue' }
  | { op: 'equals'; value: string }
  | { op: 'in'; values: readonly string[] }
  | { op: 'atLeast'; value: NumberSource }
  | { op: 'atMost'; value: NumberSource }
  | { op: 'lessThan'; value: NumberSource }
  /** Date fact within [from, to] (either bound open). */
  | { op: 'dateWithin'; from?: string; to?: string }
  /** Date fact strictly before another date fact. */
  | { op: 'dateBefore'; otherFact: string }
  /** Month fact plus `monthsFact` months − 1 ends no later than `latest` (YYYY-MM). */
  | { op: 'monthSpanEndsBy'; monthsFact: string; latest: string };

export interface ConditionSpec {
  id: string;
  description: string;
  clause: Clause;
  fact: string;
  test: ConditionTest;
  /** Checked only when the guard holds; otherwise reported as not applicable. */
  when?: FactGuard;
}

/** Where a monthly rate comes from. */
export type RateSource =
  | { param: string }
  /** The rate depends on an enum fact: value → parameter name. */
  | { byFact: string; params: Readonly<Record<string, string>> }
  /** percent × a parameter, rounded down to the fen. */
  | { percent: number; ofParam: string };

export type CountSource = { param: string } | { fact: string };

export type AmountRule =
  | { kind: 'none'; formula: string }
  | { kind: 'fixed'; param: string; formula: string }
  | { kind: 'monthly'; rate: RateSource; months: CountSource; formula: string }
  /** (五): two routes, chosen by `routeFact`. */
  | {
      kind: 'job_retention';
      routeFact: string;
      premiumsFact: string;
      refundPercentParam: string;
      staffFact: string;
      benefitMonths: number;
      monthlyBenefitParam: string;
      formula: string;
    }
  /** principal × annual rate × months / 12, months capped by a parameter, rounded down. */
  | {
      kind: 'loan_interest';
      principalFact: string;
      termMonthsFact: string;
      rateBasisPointsParam: string;
      maxMonthsParam: string;
      formula: string;
    }
  /** Training catalogue rate by level; trainees add a living allowance if in hardship; enterprises × trainees. */
  | {
      kind: 'training';
      routeFact: string;
      levelFact: string;
      levelParams: Readonly<Record<string, string>>;
      hardshipFact: string;
      livingAllowanceParam: string;
      traineesFact: string;
      formula: string;
    };

export type ScheduleKind = 'one_off' | 'monthly' | 'none';

export interface TimeWindow {
  /** ISO dates, inclusive; undefined = open. */
  validFrom?: string;
  validTo?: string;
  /** The date the window applies to: the application date, or a fact such as the hire date. */
  appliesTo: 'applicationDate' | { fact: string };
  clause: Clause;
  /** Only for one route of the programme. */
  when?: FactGuard;
}

/**
 * Facts about a person that follow from the resident ID number (GB 11643-1999) and a date: named
 * `<prefix>.birthDate`, `<prefix>.sex`, `<prefix>.age` and, with `retirement`,
 * `<prefix>.monthsToRetirement`. They are derived, never typed: a typed value must agree.
 */
export interface PersonFromId {
  /** The fact holding the ID number; a party id derives only when it is a resident ID. */
  idFact: string;
  prefix: string;
  /** The day age and months to retirement count on. */
  on: 'applicationDate' | { fact: string };
  /**
   * Months to statutory retirement: a woman's category (worker 50 / cadre 55) is a recorded fact
   * with its source, needed when the guard holds (always when absent).
   */
  retirement?: { categoryFact: string; sourceFact: string; neededWhen?: FactGuard };
  /** A group value that implies an age ("20岁以下登记失业人员"): refused when the ID contradicts it. */
  ageLimits?: readonly { fact: string; value: string; under: number; clause: Clause }[];
}

/**
 * 顺延 ((七)): during the months of relief under (四) the subsidy period moves later by at most
 * those months; the months paid stay the same.
 */
export interface PeriodShift {
  /** Months the period is shifted, as requested. */
  shiftFact: string;
  /** First month of the subsidy period before the shift (YYYY-MM). */
  fromMonthFact: string;
  /** Parameter with the months of the period. */
  monthsParam: string;
  /** The employer's relief under (四): kind and its months (YYYY-MM, inclusive). */
  reliefKindFact: string;
  reliefFromFact: string;
  reliefToFact: string;
  clause: Clause;
}

/** The relief of (四), as the document bounds it. */
export interface ReliefKind {
  /** Months (YYYY-MM) the relief may cover, inclusive. */
  from: string;
  to: string;
  /** Longest relief of this kind in months, when the document sets one. */
  maxMonths?: number;
  /** The document's words. */
  text: string;
}

/** How a period limit tells periods apart. */
export type PeriodKeying =
  /** Each calendar month the case's period covers: two cases overlap when they share a month. */
  | 'month'
  /** The calendar year the case's period starts in. */
  | 'year'
  /** A fact of the application, e.g. the class of a training. */
  | { fact: string; label: string };

export interface ExclusiveGroup {
  id: string;
  /** 'document': the text says so; 'reading': our interpretation, to be confirmed by the bureau. */
  source: 'document' | 'reading';
  note: string;
}

export interface ProgrammeLimits {
  /** At most one case per beneficiary, ever. */
  oncePerPerson: boolean;
  /** At most N cases per beneficiary, cumulative (replaces oncePerPerson when set). */
  maxPerBeneficiary?: number;
  /** At most one case per beneficiary and period (e.g. month, year, training class). */
  oncePerPeriod: boolean;
  exclusiveGroup?: ExclusiveGroup;
  /** What a period is; required with oncePerPeriod or exclusiveGroup. */
  per?: PeriodKeying;
  /** Where each limit comes from, in words. */
  note: string;
  clause: Clause;
}

export interface Programme {
  code: string;
  clauses: readonly Clause[];
  nameZh: string;
  nameEn: string;
  applicantKind: ApplicantKind;
  /** Other kinds that may also apply (e.g. training: trainee or enterprise). */
  otherApplicantKinds: readonly ApplicantKind[];
  /** 牵头单位 from the task-division table. */
  leadUnit: string;
  cooperatingUnits: readonly string[];
  /** The fact that identifies who benefits (for limits and reservations). */
  beneficiaryFact: string;
  facts: readonly FactSpec[];
  conditions: readonly ConditionSpec[];
  amount: AmountRule;
  schedule: ScheduleKind;
  windows: readonly TimeWindow[];
  limits: ProgrammeLimits;
  /** Names of the parameters this programme reads from its policy version. */
  parameterNames: readonly string[];
  /** Persons whose birth date, sex, age (and months to retirement) are derived from their ID. */
  persons?: readonly PersonFromId[];
  periodShift?: PeriodShift;
}

export type ParameterUnit = 'fen' | 'months' | 'percent' | 'basis_points' | 'count';

export interface ParameterValue {
  value: number;
  unit: ParameterUnit;
  description: string;
  /** true: a demo value; the document leaves this figure to a city or district standard. */
  example: boolean;
  /** Clause the figure comes from (or that relies on it). */
  clause: Clause;
}

/**
 * The last application date of a programme in a version. 'document': the policy text (or a later
 * notice) sets it; 'local': the text is silent and the district sets it (本区规则), a configurable
 * figure that stays labelled 示例 until the bureau confirms it.
 */
export interface ProgrammeEnd {
  validTo: string;
  source: 'document' | 'local';
  example: boolean;
  /** Label shown with the date: "本区规则（示例）" for a local date. */
  label: string;
  clause: Clause;
  note: string;
}

export interface PolicyVersion {
  id: string;
  title: string;
  /** Inclusive ISO dates; effectiveTo undefined = still in force. */
  effectiveFrom: string;
  effectiveTo?: string;
  /** What changed against the previous version. */
  changes: string;
  programmes: Readonly<Record<string, Programme>>;
  /** programme code → parameter name → value. */
  parameters: Readonly<Record<string, Readonly<Record<string, ParameterValue>>>>;
  /**
   * Application end dates the programmes' own windows do not give (programme code → end). A
   * programme with a window on the application date ends with that window.
   */
  localEnds: Readonly<Record<string, ProgrammeEnd>>;
}

/** Whom and what a case reserves: its beneficiary, its period and (for keys by fact) its facts. */
export interface ReservationSubject {
  /** The value of the programme's `beneficiaryFact` (ID number or credit code). */
  beneficiaryKey: string;
  /** The case's period, ISO dates inclusive. */
  period: { from: string; to: string };
  facts?: Record<string, unknown>;
}

export interface ReservationClaim {
  /** Unique-reservation key: at most `slots` live cases may hold it. */
  key: string;
  slots: number;
  reason: string;
  clause: Clause;
}

export interface EligibilityInput {
  programme: string;
  policyVersion: string;
  applicationDate: string;
  facts: Record<string, unknown>;
}
