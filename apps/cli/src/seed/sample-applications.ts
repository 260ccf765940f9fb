import { makeCreditCode, makeResidentId, validateResidentId } from '@casework/policy';

/**
 * Synthetic applications for every programme, eligible under the 2020 policy: demo data and
 * end-to-end tests build cases from them. Names start with 【示例】 and facts carry
 * `synthetic: true`; ID numbers and credit codes are made up but have valid check digits.
 */
export interface SampleApplication {
  programme: string;
  beneficiary:
    { kind: 'person'; idNumber: string; name: string } | { kind: 'enterprise'; creditCode: string; name: string };
  facts: Record<string, unknown>;
  period: { from: string; to: string };
  applicationDate: string;
}

const SURNAMES = ['张', '王', '李', '赵', '刘', '陈', '杨', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '军'];

/** A synthetic resident ID (Xincheng district area code 610102); `n` picks a distinct person. */
export const syntheticPerson = (n: number) => ({
  idNumber: makeResidentId('610102', `19${70 + (n % 28)}-0${1 + (n % 9)}-1${n % 10}`, n % 1000),
  name: `【示例】${SURNAMES[n % 10]}${GIVEN[Math.floor(n / 10) % 10]}`,
});

/** A synthetic unified social credit code; `n` picks a distinct enterprise. */
export const syntheticEnterprise = (n: number) => ({
  creditCode: makeCreditCode(`91610102MA${String(n).padStart(7, '0')}`),
  name: `【示例】新城区示例企业${n}号有限公司`,
});

const isWoman = (idNumber: string) => {
  const r = validateResidentId(idNumber);
  return r.ok && r.sex === 'F';
};

const period = { from: '2020-11-01', to: '2020-12-31' };
const APPLIED = '2020-11-16';

/** An eligible application for the programme; `n` makes the applicant (and other parties) distinct. */
export function sampleApplication(programme: string, n: number): SampleApplication {
  const person = syntheticPerson(n);
  const other = syntheticPerson(n + 500);
  const firm = syntheticEnterprise(n);
  const asPerson = { kind: 'person' as const, ...person };
  const asFirm = { kind: 'enterprise' as const, ...firm };
  const base = { period, applicationDate: APPLIED };
  const f = (facts: Record<string, unknown>) => ({ ...facts, synthetic: true });
  switch (programme) {
    case 'HIRING_GRADUATE_ONE_OFF':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          employer: { creditCode: firm.creditCode, size: 'small' },
          employee: { idNumber: other.idNumber, graduateStatus: 'graduating_year' },
          contract: { startDate: '2020-09-01', months: 24 },
          socialInsurance: { paid: true },
        }),
      };
    case 'SOCIAL_INSURANCE_EMPLOYER':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          employer: { creditCode: firm.creditCode, inDistrict: true },
          employee: { idNumber: other.idNumber, category: 'employment_difficulty' },
          contract: { months: 12 },
          socialInsurance: { paid: true },
        }),
      };
    case 'SOCIAL_INSURANCE_FLEXIBLE':
      return {
        ...base,
        programme,
        beneficiary: asPerson,
        facts: f({
          applicant: { idNumber: person.idNumber, category: 'employment_difficulty' },
          socialInsurance: { paidAsFlexible: true },
        }),
      };
    case 'JOB_RETENTION_REFUND':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          enterprise: {
            creditCode: firm.creditCode,
            insured: true,
            route: 'sme_no_layoffs',
            size: 'small',
            layoffs: 'none',
            sector: 'catering',
          },
          premiums: { lastYearFen: 1_234_500 },
        }),
      };
    case 'STARTUP_ONE_OFF':
      return {
        ...base,
        programme,
        beneficiary: asPerson,
        facts: f({
          founder: { idNumber: person.idNumber, group: 'graduate_within_5_years' },
          business: { creditCode: firm.creditCode },
        }),
      };
    case 'STARTUP_SERVICE':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          agency: { creditCode: firm.creditCode, kind: 'ecommerce_platform' },
          founder: { idNumber: other.idNumber },
          shop: { openedSuccessfully: true, openedWithSupport: true },
        }),
      };
    case 'STARTUP_LOAN_INTEREST':
      return {
        ...base,
        programme,
        beneficiary: asPerson,
        facts: f({
          borrower: { kind: 'founder', id: person.idNumber, previousSubsidisedLoans: 0 },
          loan: { isStartupGuaranteeLoan: true, principalFen: 10_000_000, termMonths: 24, purpose: 'business' },
          repayment: { active: true },
          assessment: { createsJobs: true, goodProject: true },
        }),
      };
    case 'INTERNSHIP_RETENTION':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          unit: { creditCode: firm.creditCode },
          graduate: { idNumber: other.idNumber },
          internship: { endDate: '2020-12-31' },
          contract: { signedDate: '2020-11-10' },
        }),
      };
    case 'UNEMPLOYMENT_SUBSIDY':
      return {
        ...base,
        programme,
        beneficiary: asPerson,
        facts: f({
          // Months to retirement are derived from the ID; a woman's category is a recorded fact with its source.
          applicant: {
            idNumber: person.idNumber,
            stillUnemployed: true,
            ...(isWoman(person.idNumber)
              ? { retirementCategory: 'cadre', retirementCategorySource: '【示例】人事档案' }
              : {}),
          },
          unemployment: { situation: 'benefit_exhausted' },
        }),
      };
    case 'PUBLIC_WELFARE_POST':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          unit: { creditCode: firm.creditCode },
          worker: { idNumber: other.idNumber, category: 'registered_poor_labourer' },
          post: { kind: 'epidemic_prevention', months: 3 },
        }),
      };
    case 'TRAINING_SUBSIDY':
      return {
        ...base,
        programme,
        beneficiary: asPerson,
        facts: f({
          training: { route: 'trainee', classId: `【示例】XC-2020-${n}`, completedDate: '2020-11-01', completed: true },
          applicant: { id: person.idNumber },
          trainee: { category: 'school_leaver_not_continuing', hardshipFamily: true },
          course: { level: 'junior' },
        }),
      };
    case 'JOB_SEEKING_SUBSIDY':
      return {
        ...base,
        programme,
        beneficiary: asPerson,
        facts: f({
          graduate: { idNumber: person.idNumber, schoolKind: 'college', graduatingYear: true, inHardship: true },
        }),
      };
    case 'SOCIAL_INSURANCE_DEFERRAL':
      return {
        ...base,
        programme,
        beneficiary: asFirm,
        facts: f({
          enterprise: { creditCode: firm.creditCode, seriousEpidemicDifficulty: true },
          deferral: { fromMonth: '2020-07', months: 6 },
        }),
      };
    default:
      throw new Error(`No sample application for programme ${programme}`);
  }
}
