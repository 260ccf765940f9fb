import type {
  ConditionSpec,
  ConditionTest,
  FactGuard,
  FactSpec,
  PersonFromId,
  Programme,
  ReliefKind,
} from './catalogue.types';

/*
 * The 13 case-producing programmes of 新政发〔2020〕28号 (POLICY.md §1). Conditions are the
 * document's, phrased as checks on facts a caseworker records; where the document is vague
 * ("few layoffs", "good project") the fact is the caseworker's recorded judgement.
 */

const HRSS = '区人社局';
const fact = (name: string, type: FactSpec['type'], description: string, extra: Partial<FactSpec> = {}): FactSpec => ({
  name,
  type,
  required: true,
  description,
  ...extra,
});
const enumFact = (name: string, allowedValues: readonly string[], description: string, extra: Partial<FactSpec> = {}) =>
  fact(name, 'enum', description, { allowedValues, ...extra });
const cond = (
  id: string,
  clause: string,
  factName: string,
  test: ConditionTest,
  description: string,
  when?: FactGuard,
): ConditionSpec => ({ id, clause, fact: factName, test, description, ...(when ? { when } : {}) });

/** Birth date, sex and age of the person whose ID number is `idFact`, on the application date. */
const personOf = (idFact: string, extra: Partial<PersonFromId> = {}): PersonFromId => ({
  idFact,
  prefix: idFact.slice(0, idFact.lastIndexOf('.')),
  on: 'applicationDate',
  ...extra,
});

/**
 * The relief of (四) an employer may have had, as the document bounds it: "2020年2月至12月，免征全区
 * 中小微企业及按单位参保的个体工商户养老、失业、工伤三项社会保险的单位缴费部分；2020年2月至6月，减半
 * 征收全区大型企业……三项社会保险单位缴费部分；……可申请缓缴，缓缴期限自欠费之月起不超过6个月，缓缴终止期
 * 不超过2020年12月". These are the months (七) calls "阶段性减免社保费用期间".
 */
export const RELIEF_KINDS: Readonly<Record<string, ReliefKind>> = {
  exemption: {
    from: '2020-02',
    to: '2020-12',
    text: '2020年2月至12月，免征全区中小微企业及按单位参保的个体工商户养老、失业、工伤三项社会保险的单位缴费部分',
  },
  halving: {
    from: '2020-02',
    to: '2020-06',
    text: '2020年2月至6月，减半征收全区大型企业、民办非企业单位、社会团体等各类社会组织三项社会保险单位缴费部分',
  },
  deferral: {
    from: '2020-02',
    to: '2020-12',
    maxMonths: 6,
    text: '缓缴期限自欠费之月起不超过6个月，缓缴终止期不超过2020年12月',
  },
};

export const SME_SIZES = ['micro', 'small', 'medium'] as const;
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

const hiringGraduateOneOff: Programme = {
  code: 'HIRING_GRADUATE_ONE_OFF',
  clauses: ['(七)', '(十三)1'],
  nameZh: '一次性吸纳就业补助',
  nameEn: 'One-off hiring subsidy',
  applicantKind: 'enterprise',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区财政局', '区工信商务局', '区税务局'],
  beneficiaryFact: 'employee.idNumber',
  facts: [
    fact('employer.creditCode', 'creditCode', 'Credit code of the hiring enterprise'),
    enumFact('employer.size', SIZES, 'Enterprise size class'),
    fact('employee.idNumber', 'residentId', 'ID number of the hired graduate'),
    enumFact(
      'employee.graduateStatus',
      ['graduating_year', 'within_2_years', 'within_5_years', 'other'],
      'Graduate status of the hired person at hiring',
    ),
    fact('contract.startDate', 'date', 'Start date of the labour contract'),
    fact('contract.months', 'integer', 'Length of the labour contract in months', { min: 0 }),
    fact('socialInsurance.paid', 'boolean', 'The employer pays social insurance for the graduate'),
  ],
  conditions: [
    cond(
      'sme',
      '(七)',
      'employer.size',
      { op: 'in', values: SME_SIZES },
      'The employer is a small, medium or micro enterprise',
    ),
    cond(
      'graduating_year',
      '(七)',
      'employee.graduateStatus',
      { op: 'equals', value: 'graduating_year' },
      'The hired person is a college graduate in the graduating year',
    ),
    cond(
      'contract_1_year',
      '(七)',
      'contract.months',
      { op: 'atLeast', value: 12 },
      'Labour contract of 1 year or more',
    ),
    cond('insured', '(七)', 'socialInsurance.paid', { op: 'isTrue' }, 'Social insurance paid for the graduate'),
  ],
  amount: { kind: 'fixed', param: 'amountPerPersonFen', formula: '1000 yuan per hired graduate, once' },
  schedule: 'one_off',
  windows: [{ validTo: '2020-12-31', appliesTo: { fact: 'contract.startDate' }, clause: '(七)' }],
  limits: {
    oncePerPerson: true,
    oncePerPeriod: false,
    note: 'Document: "1000元/人一次性" — once per hired graduate.',
    clause: '(七)',
  },
  parameterNames: ['amountPerPersonFen'],
  persons: [personOf('employee.idNumber')],
};

const SI_EMPLOYER_CATEGORIES = [
  'employment_difficulty',
  'graduate_graduating_year',
  'graduate_within_2_years',
  'other',
] as const;
/** Document: the same person's social-insurance subsidy is either the employer's or the flexible one. */
const SOCIAL_INSURANCE_GROUP = {
  id: 'SOCIAL_INSURANCE_SUBSIDY',
  source: 'reading',
  note: 'Our reading: (七) and (十六) subsidise the same contributions of the same person; paying both for one month would pay twice.',
} as const;

const socialInsuranceEmployer: Programme = {
  code: 'SOCIAL_INSURANCE_EMPLOYER',
  clauses: ['(七)'],
  nameZh: '社会保险补贴（单位）',
  nameEn: 'Social-insurance subsidy to employers',
  applicantKind: 'enterprise',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区财政局', '区工信商务局', '区税务局'],
  beneficiaryFact: 'employee.idNumber',
  facts: [
    fact('employer.creditCode', 'creditCode', 'Credit code of the employer'),
    fact('employer.inDistrict', 'boolean', 'The employer is registered in the district (我区企业)'),
    fact('employee.idNumber', 'residentId', 'ID number of the employee'),
    enumFact('employee.category', SI_EMPLOYER_CATEGORIES, 'Group of the employee'),
    fact('contract.months', 'integer', 'Length of the labour contract in months', { min: 0 }),
    fact('socialInsurance.paid', 'boolean', 'The employer pays social insurance for the employee'),
    fact(
      'subsidy.extensionMonths',
      'integer',
      'Months the subsidy period is shifted (顺延) past the relief months of (四); the months paid stay the same (employment-difficulty persons only)',
      { required: false, min: 0, default: 0 },
    ),
    fact('subsidy.fromMonth', 'month', 'First month of the subsidy period before any shift (needed for a shift)', {
      required: false,
    }),
    enumFact(
      'relief.kind',
      Object.keys(RELIEF_KINDS),
      "The employer's relief under (四): exemption (SMEs), halving (large enterprises), deferral (needed for a shift)",
      { required: false },
    ),
    fact('relief.fromMonth', 'month', 'First month of the relief under (四) (needed for a shift)', { required: false }),
    fact('relief.toMonth', 'month', 'Last month of the relief under (四) (needed for a shift)', { required: false }),
  ],
  conditions: [
    cond(
      'in_district',
      '(七)',
      'employer.inDistrict',
      { op: 'isTrue' },
      'The employer is an enterprise of the district',
    ),
    cond(
      'eligible_group',
      '(七)',
      'employee.category',
      { op: 'in', values: SI_EMPLOYER_CATEGORIES.slice(0, 3) },
      'The employee is an employment-difficulty person, or a graduate in the graduating year or within 2 years of leaving school',
    ),
    cond(
      'contract_1_year',
      '(七)',
      'contract.months',
      { op: 'atLeast', value: 12 },
      'Labour contract of 1 year or more',
    ),
    cond('insured', '(七)', 'socialInsurance.paid', { op: 'isTrue' }, 'Social insurance paid for the employee'),
    cond(
      'extension_only_difficulty',
      '(七)',
      'subsidy.extensionMonths',
      { op: 'atMost', value: 0 },
      'Only employment-difficulty persons get an extended period',
      { fact: 'employee.category', in: ['graduate_graduating_year', 'graduate_within_2_years', 'other'] },
    ),
  ],
  amount: {
    kind: 'monthly',
    rate: {
      byFact: 'employee.category',
      params: {
        employment_difficulty: 'monthlyDifficultyFen',
        graduate_graduating_year: 'monthlyGraduateFen',
        graduate_within_2_years: 'monthlyGraduateFen',
      },
    },
    months: { param: 'subsidyMonths' },
    formula:
      '500 yuan/month (employment-difficulty person) or 600 yuan/month (graduate) × subsidy period; 顺延 moves the period, it adds no months',
  },
  schedule: 'monthly',
  windows: [],
  limits: {
    oncePerPerson: false,
    oncePerPeriod: true,
    exclusiveGroup: SOCIAL_INSURANCE_GROUP,
    per: 'month',
    note: 'One subsidy per employee and month; not combined with the flexible-employment subsidy for the same person and month.',
    clause: '(七)',
  },
  parameterNames: ['monthlyDifficultyFen', 'monthlyGraduateFen', 'subsidyMonths'],
  persons: [personOf('employee.idNumber')],
  /** (七): "阶段性减免社保费用期间企业吸纳就业困难人员的社会保险补贴期限可顺延". */
  periodShift: {
    shiftFact: 'subsidy.extensionMonths',
    fromMonthFact: 'subsidy.fromMonth',
    monthsParam: 'subsidyMonths',
    reliefKindFact: 'relief.kind',
    reliefFromFact: 'relief.fromMonth',
    reliefToFact: 'relief.toMonth',
    clause: '(七)',
  },
};

const SI_FLEX_CATEGORIES = [
  'employment_difficulty',
  'graduate_within_2_years_flexible',
  'graduate_graduating_year_self_employed',
  'other',
] as const;
const socialInsuranceFlexible: Programme = {
  code: 'SOCIAL_INSURANCE_FLEXIBLE',
  clauses: ['(十六)'],
  nameZh: '社会保险补贴（灵活就业）',
  nameEn: 'Social-insurance subsidy for flexible employment',
  applicantKind: 'person',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区城管局', '区市场监管局', '区总工会'],
  beneficiaryFact: 'applicant.idNumber',
  facts: [
    fact('applicant.idNumber', 'residentId', 'ID number of the applicant'),
    enumFact('applicant.category', SI_FLEX_CATEGORIES, 'Group of the applicant'),
    fact('socialInsurance.paidAsFlexible', 'boolean', 'Pays social insurance as a flexibly employed person'),
  ],
  conditions: [
    cond(
      'eligible_group',
      '(十六)',
      'applicant.category',
      { op: 'in', values: SI_FLEX_CATEGORIES.slice(0, 3) },
      'Employment-difficulty person, graduate within 2 years flexibly employed, or graduate self-employed in the graduating year',
    ),
    cond(
      'insured',
      '(十六)',
      'socialInsurance.paidAsFlexible',
      { op: 'isTrue' },
      'Pays social insurance as a flexibly employed person',
    ),
  ],
  amount: {
    kind: 'monthly',
    rate: {
      byFact: 'applicant.category',
      params: {
        employment_difficulty: 'monthlyDifficultyFen',
        graduate_within_2_years_flexible: 'monthlyGraduateFen',
        graduate_graduating_year_self_employed: 'monthlyGraduateFen',
      },
    },
    months: { param: 'subsidyMonths' },
    formula: '500 yuan/month (employment-difficulty person) or 600 yuan/month (graduate) × subsidy period',
  },
  schedule: 'monthly',
  windows: [],
  limits: {
    oncePerPerson: false,
    oncePerPeriod: true,
    exclusiveGroup: SOCIAL_INSURANCE_GROUP,
    per: 'month',
    note: 'One subsidy per person and month; not combined with the employer subsidy for the same person and month.',
    clause: '(十六)',
  },
  parameterNames: ['monthlyDifficultyFen', 'monthlyGraduateFen', 'subsidyMonths'],
  persons: [personOf('applicant.idNumber')],
};

const jobRetentionRefund: Programme = {
  code: 'JOB_RETENTION_REFUND',
  clauses: ['(五)'],
  nameZh: '失业保险稳岗返还',
  nameEn: 'Unemployment-insurance job-retention refund',
  applicantKind: 'enterprise',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区工信商务局', '区财政局', '区税务局'],
  beneficiaryFact: 'enterprise.creditCode',
  facts: [
    fact('enterprise.creditCode', 'creditCode', 'Credit code of the enterprise'),
    fact('enterprise.insured', 'boolean', 'The enterprise is insured for unemployment insurance'),
    enumFact(
      'enterprise.route',
      ['sme_no_layoffs', 'temporary_difficulty'],
      'Which rule applies: SME without layoffs, or enterprise in temporary difficulty',
    ),
    enumFact('enterprise.size', SIZES, 'Enterprise size class'),
    enumFact('enterprise.layoffs', ['none', 'few', 'many'], 'Layoffs in the period, as judged by the bureau'),
    fact('enterprise.recoveryLikely', 'boolean', 'Temporary difficulty with recovery in prospect', {
      required: { fact: 'enterprise.route', in: ['temporary_difficulty'] },
    }),
    enumFact(
      'enterprise.sector',
      ['culture_tourism', 'catering', 'shopping_mall', 'exhibition', 'other'],
      'Sector; epidemic-hit sectors get priority (ordering, not a condition)',
      { required: false },
    ),
    fact(
      'premiums.lastYearFen',
      'fen',
      'Unemployment-insurance premiums the enterprise and its staff paid in the previous year',
      { required: { fact: 'enterprise.route', in: ['sme_no_layoffs'] } },
    ),
    fact('staff.insuredEnd2019', 'integer', 'Staff insured for unemployment insurance at the end of 2019', {
      required: { fact: 'enterprise.route', in: ['temporary_difficulty'] },
      min: 0,
    }),
  ],
  conditions: [
    cond(
      'insured',
      '(五)',
      'enterprise.insured',
      { op: 'isTrue' },
      'The enterprise is insured for unemployment insurance',
    ),
    cond(
      'no_or_few_layoffs',
      '(五)',
      'enterprise.layoffs',
      { op: 'in', values: ['none', 'few'] },
      'No or few layoffs (不裁员或少裁员)',
    ),
    cond(
      'sme',
      '(五)',
      'enterprise.size',
      { op: 'in', values: SME_SIZES },
      'The 100% refund is for small, medium or micro enterprises',
      { fact: 'enterprise.route', in: ['sme_no_layoffs'] },
    ),
    cond(
      'recovery_likely',
      '(五)',
      'enterprise.recoveryLikely',
      { op: 'isTrue' },
      'Temporary difficulty with recovery in prospect',
      { fact: 'enterprise.route', in: ['temporary_difficulty'] },
    ),
  ],
  amount: {
    kind: 'job_retention',
    routeFact: 'enterprise.route',
    premiumsFact: 'premiums.lastYearFen',
    refundPercentParam: 'smeRefundPercent',
    staffFact: 'staff.insuredEnd2019',
    benefitMonths: 6,
    monthlyBenefitParam: 'cityMonthlyBenefit2019Fen',
    formula:
      "SME: up to 100% × last year's premiums; temporary difficulty: 6 × city 2019 monthly per-capita benefit × insured staff at end 2019",
  },
  schedule: 'one_off',
  windows: [{ validTo: '2020-12-31', appliesTo: 'applicationDate', clause: '(五)' }],
  limits: {
    oncePerPerson: false,
    oncePerPeriod: true,
    per: 'year',
    note: "Our reading: one refund per enterprise per year (the refund is of the previous year's premiums); the two routes are alternatives.",
    clause: '(五)',
  },
  parameterNames: ['smeRefundPercent', 'cityMonthlyBenefit2019Fen'],
};

const STARTUP_GROUPS = [
  'employment_difficulty',
  'graduate_graduating_year',
  'graduate_within_5_years',
  'veteran',
  'migrant_worker',
  'other',
] as const;
const startupOneOff: Programme = {
  code: 'STARTUP_ONE_OFF',
  clauses: ['(八)'],
  nameZh: '一次性创业补贴',
  nameEn: 'One-off start-up subsidy',
  applicantKind: 'person',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区财政局', '区退役军人事务局', '各街道办事处'],
  beneficiaryFact: 'founder.idNumber',
  facts: [
    fact('founder.idNumber', 'residentId', 'ID number of the founder'),
    enumFact('founder.group', STARTUP_GROUPS, 'Key group the founder belongs to'),
    fact('business.creditCode', 'creditCode', 'Credit code of the business founded'),
  ],
  conditions: [
    cond(
      'key_group',
      '(八)',
      'founder.group',
      { op: 'in', values: STARTUP_GROUPS.slice(0, 5) },
      'Founder is an employment-difficulty person, a graduate (graduating year or within 5 years), a veteran or a migrant worker',
    ),
  ],
  amount: { kind: 'fixed', param: 'subsidyFen', formula: 'one-off start-up subsidy per founder' },
  schedule: 'one_off',
  windows: [],
  limits: {
    oncePerPerson: true,
    oncePerPeriod: false,
    note: 'Document: 一次性 … 每人 — once per person.',
    clause: '(八)',
  },
  parameterNames: ['subsidyFen'],
  persons: [personOf('founder.idNumber')],
};

const startupService: Programme = {
  code: 'STARTUP_SERVICE',
  clauses: ['(八)'],
  nameZh: '一次性创业服务补贴',
  nameEn: 'One-off start-up service subsidy',
  applicantKind: 'agency',
  otherApplicantKinds: ['enterprise'],
  leadUnit: HRSS,
  cooperatingUnits: ['区财政局', '区退役军人事务局', '各街道办事处'],
  beneficiaryFact: 'founder.idNumber',
  facts: [
    fact('agency.creditCode', 'creditCode', 'Credit code of the platform or agency'),
    enumFact('agency.kind', ['ecommerce_platform', 'startup_service_agency', 'other'], 'Kind of applicant'),
    fact('founder.idNumber', 'residentId', 'ID number of the founder helped'),
    fact('shop.openedSuccessfully', 'boolean', 'The online shop was opened successfully'),
    fact('shop.openedWithSupport', 'boolean', "The shop was opened with the applicant's support"),
  ],
  conditions: [
    cond(
      'applicant_kind',
      '(八)',
      'agency.kind',
      { op: 'in', values: ['ecommerce_platform', 'startup_service_agency'] },
      'An e-commerce platform enterprise or a market-based start-up service agency',
    ),
    cond(
      'shop_opened',
      '(八)',
      'shop.openedSuccessfully',
      { op: 'isTrue' },
      'The founder opened an online shop successfully',
    ),
    cond(
      'with_support',
      '(八)',
      'shop.openedWithSupport',
      { op: 'isTrue' },
      "The shop was opened with the applicant's support",
    ),
  ],
  amount: { kind: 'fixed', param: 'amountPerFounderFen', formula: '2000 yuan per founder helped' },
  schedule: 'one_off',
  windows: [],
  limits: {
    oncePerPerson: true,
    oncePerPeriod: false,
    note: 'Our reading: one service subsidy per founder helped, whichever agency helped.',
    clause: '(八)',
  },
  parameterNames: ['amountPerFounderFen'],
};

const startupLoanInterest: Programme = {
  code: 'STARTUP_LOAN_INTEREST',
  clauses: ['(八)', '(十六)'],
  nameZh: '创业担保贷款贴息',
  nameEn: 'Interest subsidy on start-up guarantee loans',
  applicantKind: 'person',
  otherApplicantKinds: ['enterprise'],
  leadUnit: HRSS,
  cooperatingUnits: ['区财政局', '区金融办'],
  beneficiaryFact: 'borrower.id',
  facts: [
    enumFact('borrower.kind', ['founder', 'small_micro_enterprise', 'platform_worker'], 'Who borrowed'),
    fact('borrower.id', 'partyId', 'ID number (person) or credit code (enterprise) of the borrower'),
    fact('loan.isStartupGuaranteeLoan', 'boolean', 'The loan is a start-up guarantee loan (创业担保贷款)'),
    fact('loan.principalFen', 'fen', 'Loan principal', { min: 1 }),
    fact('loan.termMonths', 'integer', 'Loan term in months', { min: 1 }),
    enumFact('loan.purpose', ['business', 'work_tools'], 'What the loan is for'),
    fact('repayment.active', 'boolean', 'The borrower repays actively (还款积极)'),
    fact('assessment.createsJobs', 'boolean', 'Strong job creation (带动就业能力强)', {
      required: { fact: 'borrower.kind', in: ['founder', 'small_micro_enterprise'] },
    }),
    fact('assessment.goodProject', 'boolean', 'A good start-up project (创业项目好)', {
      required: { fact: 'borrower.kind', in: ['founder', 'small_micro_enterprise'] },
    }),
    fact('borrower.previousSubsidisedLoans', 'integer', 'Subsidised start-up loans the borrower already had', {
      min: 0,
    }),
  ],
  conditions: [
    cond(
      'guarantee_loan',
      '(八)',
      'loan.isStartupGuaranteeLoan',
      { op: 'isTrue' },
      'The loan is a start-up guarantee loan',
    ),
    cond('repays_actively', '(八)', 'repayment.active', { op: 'isTrue' }, 'The borrower repays actively'),
    cond('creates_jobs', '(八)', 'assessment.createsJobs', { op: 'isTrue' }, 'Strong job creation', {
      fact: 'borrower.kind',
      in: ['founder', 'small_micro_enterprise'],
    }),
    cond('good_project', '(八)', 'assessment.goodProject', { op: 'isTrue' }, 'A good start-up project', {
      fact: 'borrower.kind',
      in: ['founder', 'small_micro_enterprise'],
    }),
    cond(
      'platform_tools',
      '(十六)',
      'loan.purpose',
      { op: 'equals', value: 'work_tools' },
      'Platform workers may borrow to buy tools they need for work',
      { fact: 'borrower.kind', in: ['platform_worker'] },
    ),
    cond(
      'at_most_3',
      '(八)',
      'borrower.previousSubsidisedLoans',
      { op: 'lessThan', value: { param: 'maxSubsidisedLoans' } },
      'At most 3 subsidised loans per borrower, cumulative',
    ),
  ],
  amount: {
    kind: 'loan_interest',
    principalFact: 'loan.principalFen',
    termMonthsFact: 'loan.termMonths',
    rateBasisPointsParam: 'interestSubsidyRateBasisPoints',
    maxMonthsParam: 'maxSubsidisedMonths',
    formula: 'principal × subsidised annual rate × subsidised months / 12, rounded down to the fen',
  },
  schedule: 'one_off',
  windows: [],
  limits: {
    oncePerPerson: false,
    maxPerBeneficiary: 3,
    oncePerPeriod: false,
    note: 'Document: 累计不超过3次 — at most 3 subsidised loans per borrower over their lifetime.',
    clause: '(八)',
  },
  parameterNames: ['interestSubsidyRateBasisPoints', 'maxSubsidisedMonths', 'maxSubsidisedLoans'],
};

const internshipRetention: Programme = {
  code: 'INTERNSHIP_RETENTION',
  clauses: ['(十三)2'],
  nameZh: '见习留用补贴',
  nameEn: 'Internship retention subsidy',
  applicantKind: 'enterprise',
  otherApplicantKinds: ['agency'],
  leadUnit: HRSS,
  cooperatingUnits: ['区教育局', '团区委', '区财政局'],
  beneficiaryFact: 'graduate.idNumber',
  facts: [
    fact('unit.creditCode', 'creditCode', 'Credit code of the internship unit'),
    fact('graduate.idNumber', 'residentId', 'ID number of the graduate'),
    fact(
      'internship.endDate',
      'date',
      'Scheduled end of the internship, including any extension for an epidemic interruption',
    ),
    fact('contract.signedDate', 'date', 'Date the labour contract was signed'),
  ],
  conditions: [
    cond(
      'before_end',
      '(十三)2',
      'contract.signedDate',
      { op: 'dateBefore', otherFact: 'internship.endDate' },
      'Labour contract signed before the internship ended',
    ),
  ],
  amount: { kind: 'fixed', param: 'retentionFen', formula: 'one-off retention subsidy per graduate kept' },
  schedule: 'one_off',
  windows: [
    { validFrom: '2020-01-01', validTo: '2020-12-31', appliesTo: { fact: 'contract.signedDate' }, clause: '(十三)2' },
  ],
  limits: {
    oncePerPerson: true,
    oncePerPeriod: false,
    note: 'Document: 一次性 — once per graduate kept.',
    clause: '(十三)2',
  },
  parameterNames: ['retentionFen'],
  persons: [personOf('graduate.idNumber')],
};

const unemploymentSubsidy: Programme = {
  code: 'UNEMPLOYMENT_SUBSIDY',
  clauses: ['(十五)2'],
  nameZh: '失业补助金',
  nameEn: 'Unemployment subsidy',
  applicantKind: 'person',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区民政局', '区扶贫办', '区财政局', '区残联'],
  beneficiaryFact: 'applicant.idNumber',
  facts: [
    fact('applicant.idNumber', 'residentId', 'ID number of the applicant'),
    enumFact(
      'unemployment.situation',
      ['benefit_exhausted', 'insured_not_entitled', 'receiving_benefit', 'not_insured'],
      'Unemployment-insurance situation',
    ),
    fact('applicant.stillUnemployed', 'boolean', 'Still unemployed'),
    fact(
      'applicant.monthsToRetirement',
      'integer',
      'Months until the statutory retirement age: derived from the ID number (and a woman’s category), not typed; a typed value must agree',
      { required: false, min: 0 },
    ),
    enumFact(
      'applicant.retirementCategory',
      ['worker', 'cadre'],
      'Women only: worker (女工人, statutory age 50) or cadre (女干部, 55); needed when the benefit has run out',
      { required: false },
    ),
    fact(
      'applicant.retirementCategorySource',
      'string',
      'Where the category comes from (e.g. personnel file 人事档案, insurance record 参保登记)',
      { required: false },
    ),
  ],
  conditions: [
    cond(
      'situation',
      '(十五)2',
      'unemployment.situation',
      { op: 'in', values: ['benefit_exhausted', 'insured_not_entitled'] },
      'Unemployment-insurance benefit has run out, or insured but not entitled to it',
    ),
    cond('unemployed', '(十五)2', 'applicant.stillUnemployed', { op: 'isTrue' }, 'Still unemployed'),
    cond(
      'not_near_retirement',
      '(十五)2',
      'applicant.monthsToRetirement',
      { op: 'atLeast', value: 12 },
      'Less than 1 year from retirement keeps the unemployment-insurance benefit instead',
      { fact: 'unemployment.situation', in: ['benefit_exhausted'] },
    ),
  ],
  amount: {
    kind: 'monthly',
    rate: { percent: 80, ofParam: 'cityBenefitStandardFen' },
    months: { param: 'months' },
    formula: '80% of the city unemployment-insurance benefit standard per month × 6 months',
  },
  schedule: 'monthly',
  windows: [],
  limits: {
    oncePerPerson: false,
    oncePerPeriod: true,
    per: 'month',
    note: 'Our reading: no two subsidies for the same person and month (periods that overlap by a month collide).',
    clause: '(十五)2',
  },
  parameterNames: ['cityBenefitStandardFen', 'months'],
  persons: [
    personOf('applicant.idNumber', {
      retirement: {
        categoryFact: 'applicant.retirementCategory',
        sourceFact: 'applicant.retirementCategorySource',
        neededWhen: { fact: 'unemployment.situation', in: ['benefit_exhausted'] },
      },
    }),
  ],
};

const publicWelfarePost: Programme = {
  code: 'PUBLIC_WELFARE_POST',
  clauses: ['(十五)3'],
  nameZh: '消杀防疫临时性公益性岗位补贴',
  nameEn: 'Temporary epidemic-prevention public-welfare post subsidy',
  applicantKind: 'enterprise',
  otherApplicantKinds: ['agency'],
  leadUnit: HRSS,
  cooperatingUnits: ['区民政局', '区扶贫办', '区财政局', '区残联'],
  beneficiaryFact: 'worker.idNumber',
  facts: [
    fact('unit.creditCode', 'creditCode', 'Credit code of the employing unit'),
    fact('worker.idNumber', 'residentId', 'ID number of the person employed'),
    enumFact(
      'worker.category',
      ['registered_poor_labourer', 'migrant_worker_unable_to_return', 'employment_difficulty', 'other'],
      'Group of the person employed',
    ),
    enumFact('post.kind', ['epidemic_prevention', 'other'], 'Kind of post'),
    fact('post.months', 'integer', 'Months the post is subsidised', { min: 1 }),
  ],
  conditions: [
    cond(
      'eligible_group',
      '(十五)3',
      'worker.category',
      { op: 'in', values: ['registered_poor_labourer', 'migrant_worker_unable_to_return', 'employment_difficulty'] },
      'A registered poor labourer, a migrant worker unable to return to work, or an employment-difficulty person',
    ),
    cond(
      'epidemic_post',
      '(十五)3',
      'post.kind',
      { op: 'equals', value: 'epidemic_prevention' },
      'A temporary disinfection and epidemic-prevention post',
    ),
    cond(
      'at_most_6_months',
      '(十五)3',
      'post.months',
      { op: 'atMost', value: { param: 'maxMonths' } },
      'Subsidised for at most 6 months',
    ),
  ],
  amount: {
    kind: 'monthly',
    rate: { percent: 120, ofParam: 'districtPostStandardFen' },
    months: { fact: 'post.months' },
    formula: '120% of the district public-welfare-post monthly standard × months',
  },
  schedule: 'monthly',
  windows: [],
  limits: {
    oncePerPerson: true,
    oncePerPeriod: false,
    note: 'Our reading: the 6-month maximum is per person for this temporary measure, so one case per person.',
    clause: '(十五)3',
  },
  parameterNames: ['districtPostStandardFen', 'maxMonths'],
  persons: [personOf('worker.idNumber')],
};

const TRAINING_LEVELS = ['junior', 'intermediate', 'senior'] as const;
const trainingSubsidy: Programme = {
  code: 'TRAINING_SUBSIDY',
  clauses: ['(十)'],
  nameZh: '职业培训补贴（含生活费补贴）',
  nameEn: 'Vocational training subsidy (with living allowance)',
  applicantKind: 'person',
  otherApplicantKinds: ['enterprise'],
  leadUnit: HRSS,
  cooperatingUnits: ['区教育局', '区民政局', '区卫健委', '区财政局', '区总工会', '区妇联'],
  beneficiaryFact: 'applicant.id',
  facts: [
    enumFact('training.route', ['trainee', 'enterprise'], 'A trainee applies, or an enterprise for its trainees'),
    fact('applicant.id', 'partyId', 'ID number of the trainee or credit code of the enterprise'),
    enumFact(
      'trainee.category',
      ['school_leaver_not_continuing', 'registered_unemployed_under_20', 'other'],
      'Group of the trainee',
      { required: { fact: 'training.route', in: ['trainee'] } },
    ),
    fact('trainee.hardshipFamily', 'boolean', 'Member of a family in hardship (living allowance)', {
      required: false,
      default: false,
    }),
    enumFact(
      'enterprise.trainingKind',
      ['staff_online_offline', 'pre_job_new_migrant_workers', 'pre_job_new_graduates', 'other'],
      'Kind of training the enterprise organised',
      { required: { fact: 'training.route', in: ['enterprise'] } },
    ),
    fact('enterprise.trainees', 'integer', 'Number of trainees who completed', {
      required: { fact: 'training.route', in: ['enterprise'] },
      min: 1,
    }),
    enumFact('course.level', TRAINING_LEVELS, 'Level of the course in the training catalogue'),
    fact(
      'training.classId',
      'string',
      'The class (培训班) or course attended, as the training institution numbers it: one subsidy per class',
    ),
    fact('training.completedDate', 'date', 'Date the training was completed'),
    fact('training.completed', 'boolean', 'Training completed (certificate or assessment passed)'),
  ],
  conditions: [
    cond(
      'trainee_group',
      '(十)',
      'trainee.category',
      { op: 'in', values: ['school_leaver_not_continuing', 'registered_unemployed_under_20'] },
      'Junior/senior high graduate not continuing studies, or registered unemployed under 20',
      { fact: 'training.route', in: ['trainee'] },
    ),
    cond(
      'enterprise_training',
      '(十)',
      'enterprise.trainingKind',
      { op: 'in', values: ['staff_online_offline', 'pre_job_new_migrant_workers', 'pre_job_new_graduates'] },
      'Staff training online or offline, or pre-job training of new migrant workers and graduates',
      { fact: 'training.route', in: ['enterprise'] },
    ),
    cond('completed', '(十)', 'training.completed', { op: 'isTrue' }, 'The training was completed'),
  ],
  amount: {
    kind: 'training',
    routeFact: 'training.route',
    levelFact: 'course.level',
    levelParams: {
      junior: 'catalogueJuniorFen',
      intermediate: 'catalogueIntermediateFen',
      senior: 'catalogueSeniorFen',
    },
    hardshipFact: 'trainee.hardshipFamily',
    livingAllowanceParam: 'livingAllowanceFen',
    traineesFact: 'enterprise.trainees',
    formula:
      'catalogue rate for the course level (+ living allowance for a trainee from a family in hardship; × trainees for an enterprise)',
  },
  schedule: 'one_off',
  windows: [
    {
      validTo: '2020-12-31',
      appliesTo: { fact: 'training.completedDate' },
      clause: '(十)',
      when: { fact: 'training.route', in: ['trainee'] },
    },
  ],
  limits: {
    oncePerPerson: false,
    oncePerPeriod: true,
    per: { fact: 'training.classId', label: 'the class (培训班) or course the training was' },
    note: 'Our reading: one subsidy per applicant and class; an enterprise may claim for each class it runs.',
    clause: '(十)',
  },
  parameterNames: ['catalogueJuniorFen', 'catalogueIntermediateFen', 'catalogueSeniorFen', 'livingAllowanceFen'],
  /** (十): "20岁以下登记失业人员", counted on the day the training was completed. */
  persons: [
    personOf('applicant.id', {
      on: { fact: 'training.completedDate' },
      ageLimits: [{ fact: 'trainee.category', value: 'registered_unemployed_under_20', under: 20, clause: '(十)' }],
    }),
  ],
};

const jobSeekingSubsidy: Programme = {
  code: 'JOB_SEEKING_SUBSIDY',
  clauses: ['(十三)1'],
  nameZh: '求职创业补贴',
  nameEn: 'Job-seeking and start-up subsidy',
  applicantKind: 'person',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区教育局', '团区委', '区财政局'],
  beneficiaryFact: 'graduate.idNumber',
  facts: [
    fact('graduate.idNumber', 'residentId', 'ID number of the graduate'),
    enumFact(
      'graduate.schoolKind',
      ['college', 'private_college', 'secondary_vocational', 'technical_school', 'other'],
      'Kind of school',
    ),
    fact('graduate.graduatingYear', 'boolean', 'In the graduating year'),
    fact('graduate.inHardship', 'boolean', 'Graduate in hardship (困难毕业生)'),
  ],
  conditions: [
    cond(
      'school_kind',
      '(十三)1',
      'graduate.schoolKind',
      { op: 'in', values: ['college', 'private_college', 'secondary_vocational', 'technical_school'] },
      'College, private college, or (extended) secondary vocational school incl. technical school',
    ),
    cond('graduating_year', '(十三)1', 'graduate.graduatingYear', { op: 'isTrue' }, 'In the graduating year'),
    cond('hardship', '(十三)1', 'graduate.inHardship', { op: 'isTrue' }, 'A graduate in hardship'),
  ],
  amount: { kind: 'fixed', param: 'amountFen', formula: 'one-off job-seeking subsidy per graduate' },
  schedule: 'one_off',
  windows: [],
  limits: { oncePerPerson: true, oncePerPeriod: false, note: 'Our reading: once per graduate.', clause: '(十三)1' },
  parameterNames: ['amountFen'],
  persons: [personOf('graduate.idNumber')],
};

const socialInsuranceDeferral: Programme = {
  code: 'SOCIAL_INSURANCE_DEFERRAL',
  clauses: ['(四)'],
  nameZh: '社会保险费缓缴',
  nameEn: 'Social-insurance contribution deferral',
  applicantKind: 'enterprise',
  otherApplicantKinds: [],
  leadUnit: HRSS,
  cooperatingUnits: ['区工信商务局', '区财政局', '区医保局', '区税务局'],
  beneficiaryFact: 'enterprise.creditCode',
  facts: [
    fact('enterprise.creditCode', 'creditCode', 'Credit code of the enterprise'),
    fact(
      'enterprise.seriousEpidemicDifficulty',
      'boolean',
      'Production and business in serious difficulty because of the epidemic',
    ),
    fact('deferral.fromMonth', 'month', 'First month in arrears (YYYY-MM)'),
    fact('deferral.months', 'integer', 'Months deferred', { min: 1 }),
  ],
  conditions: [
    cond(
      'serious_difficulty',
      '(四)',
      'enterprise.seriousEpidemicDifficulty',
      { op: 'isTrue' },
      'In serious difficulty because of the epidemic',
    ),
    cond(
      'at_most_6_months',
      '(四)',
      'deferral.months',
      { op: 'atMost', value: { param: 'maxMonths' } },
      'Deferral of at most 6 months from the month of arrears',
    ),
    cond(
      'ends_by_dec_2020',
      '(四)',
      'deferral.fromMonth',
      { op: 'monthSpanEndsBy', monthsFact: 'deferral.months', latest: '2020-12' },
      'The deferral ends no later than December 2020',
    ),
  ],
  amount: {
    kind: 'none',
    formula: 'approval only: pension, unemployment and work-injury contributions deferred, no payout',
  },
  schedule: 'none',
  windows: [],
  limits: {
    oncePerPerson: true,
    oncePerPeriod: false,
    note: 'Our reading: one deferral per enterprise (a single period of at most 6 months ending by December 2020).',
    clause: '(四)',
  },
  parameterNames: ['maxMonths'],
};

export const PROGRAMMES: readonly Programme[] = [
  hiringGraduateOneOff,
  socialInsuranceEmployer,
  socialInsuranceFlexible,
  jobRetentionRefund,
  startupOneOff,
  startupService,
  startupLoanInterest,
  internshipRetention,
  unemploymentSubsidy,
  publicWelfarePost,
  trainingSubsidy,
  jobSeekingSubsidy,
  socialInsuranceDeferral,
];
