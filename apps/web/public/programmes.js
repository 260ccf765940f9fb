// The programmes of the policy (libs/policy, 2020-xc-v2) with an example of each one's facts, to start the
// application form from. apps/web/programmes.spec.ts fails when a code is missing here.
export const PROGRAMMES = [
  {
    code: 'HIRING_GRADUATE_ONE_OFF',
    nameZh: '一次性吸纳就业补助',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      employer: { creditCode: '91610102MA00000018', size: 'small' },
      employee: { idNumber: '610102199507115011', graduateStatus: 'graduating_year' },
      contract: { startDate: '2020-09-01', months: 24 },
      socialInsurance: { paid: true },
      synthetic: true,
    },
  },
  {
    code: 'SOCIAL_INSURANCE_EMPLOYER',
    nameZh: '社会保险补贴（单位）',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      employer: { creditCode: '91610102MA0000002B', inDistrict: true },
      employee: { idNumber: '610102199608125024', category: 'employment_difficulty' },
      contract: { months: 12 },
      socialInsurance: { paid: true },
      synthetic: true,
    },
  },
  {
    code: 'SOCIAL_INSURANCE_FLEXIBLE',
    nameZh: '社会保险补贴（灵活就业）',
    beneficiaryKind: 'person',
    exampleFacts: {
      applicant: { idNumber: '610102197304130036', category: 'employment_difficulty' },
      socialInsurance: { paidAsFlexible: true },
      synthetic: true,
    },
  },
  {
    code: 'JOB_RETENTION_REFUND',
    nameZh: '失业保险稳岗返还',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      enterprise: {
        creditCode: '91610102MA0000004H',
        insured: true,
        route: 'sme_no_layoffs',
        size: 'small',
        layoffs: 'none',
        sector: 'catering',
      },
      premiums: { lastYearFen: 1234500 },
      synthetic: true,
    },
  },
  {
    code: 'STARTUP_ONE_OFF',
    nameZh: '一次性创业补贴',
    beneficiaryKind: 'person',
    exampleFacts: {
      founder: { idNumber: '610102197506150051', group: 'graduate_within_5_years' },
      business: { creditCode: '91610102MA0000005L' },
      synthetic: true,
    },
  },
  {
    code: 'STARTUP_SERVICE',
    nameZh: '一次性创业服务补贴',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      agency: { creditCode: '91610102MA0000006P', kind: 'ecommerce_platform' },
      founder: { idNumber: '610102197203165061' },
      shop: { openedSuccessfully: true, openedWithSupport: true },
      synthetic: true,
    },
  },
  {
    code: 'STARTUP_LOAN_INTEREST',
    nameZh: '创业担保贷款贴息',
    beneficiaryKind: 'person',
    exampleFacts: {
      borrower: { kind: 'founder', id: '610102197708170077', previousSubsidisedLoans: 0 },
      loan: { isStartupGuaranteeLoan: true, principalFen: 10000000, termMonths: 24, purpose: 'business' },
      repayment: { active: true },
      assessment: { createsJobs: true, goodProject: true },
      synthetic: true,
    },
  },
  {
    code: 'INTERNSHIP_RETENTION',
    nameZh: '见习留用补贴',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      unit: { creditCode: '91610102MA0000008X' },
      graduate: { idNumber: '610102197405185087' },
      internship: { endDate: '2020-12-31' },
      contract: { signedDate: '2020-11-10' },
      synthetic: true,
    },
  },
  {
    code: 'UNEMPLOYMENT_SUBSIDY',
    nameZh: '失业补助金',
    beneficiaryKind: 'person',
    exampleFacts: {
      applicant: { idNumber: '610102197901190096', stillUnemployed: true, monthsToRetirement: 120 },
      unemployment: { situation: 'benefit_exhausted' },
      synthetic: true,
    },
  },
  {
    code: 'PUBLIC_WELFARE_POST',
    nameZh: '消杀防疫临时性公益性岗位补贴',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      unit: { creditCode: '91610102MA00000106' },
      worker: { idNumber: '610102197607105102', category: 'registered_poor_labourer' },
      post: { kind: 'epidemic_prevention', months: 3 },
      synthetic: true,
    },
  },
  {
    code: 'TRAINING_SUBSIDY',
    nameZh: '职业培训补贴（含生活费补贴）',
    beneficiaryKind: 'person',
    exampleFacts: {
      training: { route: 'trainee', completedDate: '2020-11-01', completed: true },
      applicant: { id: '610102198103110113' },
      trainee: { category: 'school_leaver_not_continuing', hardshipFamily: true },
      course: { level: 'junior' },
      synthetic: true,
    },
  },
  {
    code: 'JOB_SEEKING_SUBSIDY',
    nameZh: '求职创业补贴',
    beneficiaryKind: 'person',
    exampleFacts: {
      graduate: { idNumber: '610102198204120126', schoolKind: 'college', graduatingYear: true, inHardship: true },
      synthetic: true,
    },
  },
  {
    code: 'SOCIAL_INSURANCE_DEFERRAL',
    nameZh: '社会保险费缓缴',
    beneficiaryKind: 'enterprise',
    exampleFacts: {
      enterprise: { creditCode: '91610102MA0000013F', seriousEpidemicDifficulty: true },
      deferral: { fromMonth: '2020-07', months: 6 },
      synthetic: true,
    },
  },
];

export const programmeName = (code) => PROGRAMMES.find((p) => p.code === code)?.nameZh ?? code;
