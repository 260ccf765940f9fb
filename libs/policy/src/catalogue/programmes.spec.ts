import { makeCreditCode, makeResidentId } from '../identifiers';
import type { DomainError } from '@casework/kernel';
import { evaluateEligibility } from './catalogue';

/*
 * Given/when/then per programme of 新政发〔2020〕28号: a valid application passes, each condition
 * of the document fails on its own, and the amount shows its formula. Demo identities are synthetic.
 */
const PERSON = makeResidentId('610102', '1998-05-04', 11);
const FIRM = makeCreditCode('91610102MA0000001');
const V1 = '2020-xc-v1';
const V2 = '2020-xc-v2';

const evaluate = (
  programme: string,
  facts: Record<string, unknown>,
  applicationDate = '2020-12-01',
  policyVersion = V2,
) => evaluateEligibility({ programme, policyVersion, applicationDate, facts });
const failed = (r: ReturnType<typeof evaluate>) =>
  r.conditions.filter((c) => !c.passed).map((c) => `${c.id} ${c.clause}`);

describe('HIRING_GRADUATE_ONE_OFF (七)', () => {
  const ok = {
    employer: { creditCode: FIRM, size: 'small' },
    employee: { idNumber: PERSON, graduateStatus: 'graduating_year' },
    contract: { startDate: '2020-09-01', months: 12 },
    socialInsurance: { paid: true },
  };
  it('given an SME hiring a graduating-year graduate on a 1-year contract with insurance, then 1000 yuan once', () => {
    const r = evaluate('HIRING_GRADUATE_ONE_OFF', ok);
    expect(r.eligible).toBe(true);
    expect(r.amount).toMatchObject({ totalFen: 100000, schedule: { kind: 'one_off', amountFen: 100000 } });
    expect(r.amount!.formula).toContain('1000 yuan = 100000 fen');
  });
  it.each([
    ['employer.size', 'large', 'sme (七)'],
    ['employee.graduateStatus', 'within_2_years', 'graduating_year (七)'],
    ['contract.months', 11, 'contract_1_year (七)'],
    ['socialInsurance.paid', false, 'insured (七)'],
    ['contract.startDate', '2021-01-04', 'window (七)'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    const r = evaluate('HIRING_GRADUATE_ONE_OFF', { ...ok, [fact]: value });
    expect(r.eligible).toBe(false);
    expect(failed(r)).toEqual([expected]);
    expect(r.amount).toBeNull();
  });
});

describe('SOCIAL_INSURANCE_EMPLOYER (七)', () => {
  const ok = {
    employer: { creditCode: FIRM, inDistrict: true },
    employee: { idNumber: PERSON, category: 'graduate_within_2_years' },
    contract: { months: 12 },
    socialInsurance: { paid: true },
  };
  it('given a graduate within 2 years, then 600 yuan/month × 12 months (example period) = 720000 fen, monthly', () => {
    const r = evaluate('SOCIAL_INSURANCE_EMPLOYER', ok);
    expect(r.amount).toEqual({
      totalFen: 720000,
      formula: '600 yuan/month × 12 months = 720000 fen',
      inputs: { 'employee.category': 'graduate_within_2_years', monthlyGraduateFen: 60000, subsidyMonths: 12 },
      schedule: { kind: 'monthly', months: 12, monthlyFen: 60000 },
    });
  });
  it.each([
    ['employer.inDistrict', false, 'in_district (七)'],
    ['employee.category', 'other', 'eligible_group (七)'],
    ['contract.months', 6, 'contract_1_year (七)'],
    ['socialInsurance.paid', false, 'insured (七)'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    expect(failed(evaluate('SOCIAL_INSURANCE_EMPLOYER', { ...ok, [fact]: value }))).toEqual([expected]);
  });

  /*
   * (七) "阶段性减免社保费用期间企业吸纳就业困难人员的社会保险补贴期限可顺延": the period moves past the
   * months of relief under (四) ("2020年2月至12月，免征全区中小微企业……单位缴费部分"); it adds no months.
   */
  describe('顺延: the period shifts past the relief months of (四), bounded by them', () => {
    const shifted = {
      ...ok,
      employee: { idNumber: PERSON, category: 'employment_difficulty' },
      subsidy: { fromMonth: '2020-03', extensionMonths: 10 },
      relief: { kind: 'exemption', fromMonth: '2020-02', toMonth: '2020-12' },
    };
    const problems = (facts: Record<string, unknown>) => {
      try {
        evaluate('SOCIAL_INSURANCE_EMPLOYER', facts);
      } catch (e) {
        return (e as DomainError).details.errors!;
      }
      throw new Error('expected a validation error');
    };
    it('given an SME exempt 2020-02 … 12 and a period from 2020-03, a shift of 10 months pays 500 × 12 = 600000 fen, not 500 × 22', () => {
      const r = evaluate('SOCIAL_INSURANCE_EMPLOYER', shifted);
      expect(r.eligible).toBe(true);
      expect(r.amount).toMatchObject({
        totalFen: 600000,
        schedule: { kind: 'monthly', months: 12, monthlyFen: 50000 },
        inputs: { subsidyMonths: 12, shiftMonths: 10, periodFrom: '2020-03', periodTo: '2021-12' },
      });
      expect(r.amount!.formula).toBe(
        '500 yuan/month × 12 months = 600000 fen (period 2020-03 … 2021-12: shifted 10 months past the relief months of (四), no months added)',
      );
    });
    it('when the shift is 11 months (one more than the 10 relief months inside the period), then a 400 on subsidy.extensionMonths', () => {
      expect(problems({ ...shifted, 'subsidy.extensionMonths': 11 })).toEqual([
        { field: 'facts.subsidy.extensionMonths', reason: expect.stringContaining('最多顺延 10 个月') },
      ]);
    });
    it('when 500 months are asked (once approved at 25600000 fen), then a 400 on subsidy.extensionMonths', () => {
      expect(problems({ ...shifted, 'subsidy.extensionMonths': 500 })).toEqual([
        { field: 'facts.subsidy.extensionMonths', reason: expect.stringContaining('不是 500 个月') },
      ]);
    });
    it('a large enterprise halved 2020-02 … 06 with a period from 2020-05: at most 2 months (05, 06)', () => {
      const halved = {
        ...shifted,
        'relief.kind': 'halving',
        'relief.toMonth': '2020-06',
        'subsidy.fromMonth': '2020-05',
      };
      expect(evaluate('SOCIAL_INSURANCE_EMPLOYER', { ...halved, 'subsidy.extensionMonths': 2 }).amount!.totalFen).toBe(
        600000,
      );
      expect(problems({ ...halved, 'subsidy.extensionMonths': 3 })[0]?.field).toBe('facts.subsidy.extensionMonths');
    });
    it('relief beyond what (四) allows (halving into September; a deferral of 7 months) is a 400 on relief.fromMonth', () => {
      expect(problems({ ...shifted, 'relief.kind': 'halving', 'relief.toMonth': '2020-09' })).toEqual([
        { field: 'facts.relief.fromMonth', reason: expect.stringContaining('2020年2月至6月') },
      ]);
      expect(
        problems({ ...shifted, 'relief.kind': 'deferral', 'relief.fromMonth': '2020-05', 'relief.toMonth': '2020-11' }),
      ).toEqual([{ field: 'facts.relief.fromMonth', reason: expect.stringContaining('不超过6个月') }]);
    });
    it('a shift without the period start and the relief is a 400 naming each missing fact', () => {
      expect(
        problems({
          ...ok,
          employee: { idNumber: PERSON, category: 'employment_difficulty' },
          subsidy: { extensionMonths: 2 },
        }).map((p: { field: string }) => p.field),
      ).toEqual(['facts.subsidy.fromMonth', 'facts.relief.kind', 'facts.relief.fromMonth', 'facts.relief.toMonth']);
    });
    it('only an employment-difficulty person’s period shifts: a graduate’s shift fails extension_only_difficulty (七)', () => {
      expect(
        failed(evaluate('SOCIAL_INSURANCE_EMPLOYER', { ...shifted, 'employee.category': 'graduate_within_2_years' })),
      ).toEqual(['extension_only_difficulty (七)']);
    });
  });
});

describe('SOCIAL_INSURANCE_FLEXIBLE (十六)', () => {
  const ok = {
    applicant: { idNumber: PERSON, category: 'employment_difficulty' },
    socialInsurance: { paidAsFlexible: true },
  };
  it('given an employment-difficulty person insured as flexibly employed, then 500 yuan/month', () => {
    expect(evaluate('SOCIAL_INSURANCE_FLEXIBLE', ok).amount).toMatchObject({
      totalFen: 600000,
      schedule: { kind: 'monthly', monthlyFen: 50000, months: 12 },
    });
  });
  it('given a graduate self-employed in the graduating year, then 600 yuan/month', () => {
    const r = evaluate('SOCIAL_INSURANCE_FLEXIBLE', {
      ...ok,
      'applicant.category': 'graduate_graduating_year_self_employed',
    });
    expect(r.amount!.schedule).toEqual({ kind: 'monthly', monthlyFen: 60000, months: 12 });
  });
  it('when not insured as flexibly employed, or of another group, then not eligible', () => {
    expect(failed(evaluate('SOCIAL_INSURANCE_FLEXIBLE', { ...ok, 'socialInsurance.paidAsFlexible': false }))).toEqual([
      'insured (十六)',
    ]);
    expect(failed(evaluate('SOCIAL_INSURANCE_FLEXIBLE', { ...ok, 'applicant.category': 'other' }))).toEqual([
      'eligible_group (十六)',
    ]);
  });
});

describe('JOB_RETENTION_REFUND (五)', () => {
  const sme = {
    enterprise: {
      creditCode: FIRM,
      insured: true,
      route: 'sme_no_layoffs',
      size: 'micro',
      layoffs: 'none',
      sector: 'catering',
    },
    premiums: { lastYearFen: 1234567 },
  };
  const hard = {
    enterprise: {
      creditCode: FIRM,
      insured: true,
      route: 'temporary_difficulty',
      size: 'large',
      layoffs: 'few',
      recoveryLikely: true,
    },
    staff: { insuredEnd2019: 40 },
  };
  it("given an SME without layoffs, then 100% of last year's premiums", () => {
    const r = evaluate('JOB_RETENTION_REFUND', sme);
    expect(r.amount).toMatchObject({
      totalFen: 1234567,
      formula: '100% × 12345.67 yuan premiums paid last year = 1234567 fen',
    });
  });
  it('given a large enterprise in temporary difficulty with few layoffs, then 6 × city benefit (example 1539) × 40 staff', () => {
    const r = evaluate('JOB_RETENTION_REFUND', hard);
    expect(r.eligible).toBe(true);
    expect(r.conditions.find((c) => c.id === 'sme')).toMatchObject({ notApplicable: true, passed: true });
    expect(r.amount).toMatchObject({
      totalFen: 6 * 153900 * 40,
      formula: '6 months × 1539 yuan/month × 40 insured staff = 36936000 fen',
    });
  });
  it.each([
    [sme, 'enterprise.layoffs', 'many', 'no_or_few_layoffs (五)'],
    [sme, 'enterprise.size', 'large', 'sme (五)'],
    [sme, 'enterprise.insured', false, 'insured (五)'],
    [hard, 'enterprise.recoveryLikely', false, 'recovery_likely (五)'],
  ])('when %#: %s is %p, then it fails %s', (base, fact, value, expected) => {
    expect(failed(evaluate('JOB_RETENTION_REFUND', { ...base, [fact]: value }))).toEqual([expected]);
  });
  it('when applied for after 2020-12-31, then outside the window', () => {
    expect(failed(evaluate('JOB_RETENTION_REFUND', sme, '2021-01-04'))).toEqual(['window (五)']);
  });
});

describe('STARTUP_ONE_OFF (八): the version change 3000 → 5000 yuan', () => {
  const ok = { founder: { idNumber: PERSON, group: 'veteran' }, business: { creditCode: FIRM } };
  it('given version 2020-xc-v1, then 3000 yuan', () => {
    expect(evaluate('STARTUP_ONE_OFF', ok, '2020-10-01', V1).amount).toMatchObject({
      totalFen: 300000,
      schedule: { kind: 'one_off', amountFen: 300000 },
    });
  });
  it('given version 2020-xc-v2 (from 2020-11-13), then 5000 yuan', () => {
    const r = evaluate('STARTUP_ONE_OFF', ok, '2020-11-13', V2);
    expect(r).toMatchObject({ policyVersion: V2, eligible: true, amount: { totalFen: 500000 } });
    expect(r.amount!.formula).toBe('one-off start-up subsidy per founder: 5000 yuan = 500000 fen');
  });
  it('a case decided under v1 keeps 3000 yuan even when evaluated after v2 came into force', () => {
    expect(evaluate('STARTUP_ONE_OFF', ok, '2020-12-20', V1).amount!.totalFen).toBe(300000);
  });
  it.each([
    'employment_difficulty',
    'graduate_graduating_year',
    'graduate_within_5_years',
    'veteran',
    'migrant_worker',
  ])('founder group %s is a key group', (group) => {
    expect(evaluate('STARTUP_ONE_OFF', { ...ok, 'founder.group': group }).eligible).toBe(true);
  });
  it('when the founder is in no key group, then not eligible under (八)', () => {
    expect(failed(evaluate('STARTUP_ONE_OFF', { ...ok, 'founder.group': 'other' }))).toEqual(['key_group (八)']);
  });
});

describe('STARTUP_SERVICE (八)', () => {
  const ok = {
    agency: { creditCode: FIRM, kind: 'ecommerce_platform' },
    founder: { idNumber: PERSON },
    shop: { openedSuccessfully: true, openedWithSupport: true },
  };
  it('given a platform that helped a founder open a shop, then 2000 yuan', () => {
    expect(evaluate('STARTUP_SERVICE', ok).amount!.totalFen).toBe(200000);
  });
  it.each([
    ['agency.kind', 'other', 'applicant_kind (八)'],
    ['shop.openedSuccessfully', false, 'shop_opened (八)'],
    ['shop.openedWithSupport', false, 'with_support (八)'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    expect(failed(evaluate('STARTUP_SERVICE', { ...ok, [fact]: value }))).toEqual([expected]);
  });
});

describe('STARTUP_LOAN_INTEREST (八), (十六)', () => {
  const ok = {
    borrower: { kind: 'founder', id: PERSON, previousSubsidisedLoans: 0 },
    loan: { isStartupGuaranteeLoan: true, principalFen: 20000000, termMonths: 36, purpose: 'business' },
    repayment: { active: true },
    assessment: { createsJobs: true, goodProject: true },
  };
  it('given a 200000-yuan loan over 36 months, then interest at the example 3.85% for at most 24 months', () => {
    const r = evaluate('STARTUP_LOAN_INTEREST', ok);
    expect(r.amount).toMatchObject({ totalFen: 1540000, schedule: { kind: 'one_off', amountFen: 1540000 } });
    expect(r.amount!.formula).toBe(
      '200000 yuan × 3.85% a year × 24/12 years (term 36 months, at most 24 subsidised), rounded down = 1540000 fen',
    );
  });
  it('given a small or micro enterprise as borrower (credit code), then eligible', () => {
    expect(
      evaluate('STARTUP_LOAN_INTEREST', { ...ok, 'borrower.kind': 'small_micro_enterprise', 'borrower.id': FIRM })
        .eligible,
    ).toBe(true);
  });
  it('given a platform worker buying work tools, then job-creation conditions do not apply (十六)', () => {
    const r = evaluate('STARTUP_LOAN_INTEREST', {
      ...ok,
      'borrower.kind': 'platform_worker',
      'loan.purpose': 'work_tools',
      assessment: {},
    });
    expect(r.eligible).toBe(true);
    expect(r.conditions.filter((c) => c.notApplicable).map((c) => c.id)).toEqual(['creates_jobs', 'good_project']);
  });
  it('when a platform worker borrows for something else, then it fails (十六)', () => {
    expect(failed(evaluate('STARTUP_LOAN_INTEREST', { ...ok, 'borrower.kind': 'platform_worker' }))).toEqual([
      'platform_tools (十六)',
    ]);
  });
  it.each([
    ['borrower.previousSubsidisedLoans', 3, 'at_most_3 (八)'],
    ['repayment.active', false, 'repays_actively (八)'],
    ['assessment.createsJobs', false, 'creates_jobs (八)'],
    ['assessment.goodProject', false, 'good_project (八)'],
    ['loan.isStartupGuaranteeLoan', false, 'guarantee_loan (八)'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    expect(failed(evaluate('STARTUP_LOAN_INTEREST', { ...ok, [fact]: value }))).toEqual([expected]);
  });
  it('a third loan (2 before) is still subsidised', () => {
    expect(evaluate('STARTUP_LOAN_INTEREST', { ...ok, 'borrower.previousSubsidisedLoans': 2 }).eligible).toBe(true);
  });
});

describe('INTERNSHIP_RETENTION (十三)2', () => {
  const ok = {
    unit: { creditCode: FIRM },
    graduate: { idNumber: PERSON },
    internship: { endDate: '2020-08-31' },
    contract: { signedDate: '2020-08-15' },
  };
  it('given a contract signed before the internship ended in 2020, then the retention subsidy (example 1000 yuan)', () => {
    expect(evaluate('INTERNSHIP_RETENTION', ok).amount!.totalFen).toBe(100000);
  });
  it('when signed after the internship ended, then it fails', () => {
    expect(failed(evaluate('INTERNSHIP_RETENTION', { ...ok, 'contract.signedDate': '2020-09-01' }))).toEqual([
      'before_end (十三)2',
    ]);
  });
  it('when an epidemic interruption extended the internship, the extended end date counts', () => {
    expect(
      evaluate('INTERNSHIP_RETENTION', {
        ...ok,
        'internship.endDate': '2020-10-31',
        'contract.signedDate': '2020-09-01',
      }).eligible,
    ).toBe(true);
  });
  it('when signed in 2019 or 2021, then outside 2020-01-01 to 2020-12-31', () => {
    expect(
      failed(
        evaluate('INTERNSHIP_RETENTION', {
          ...ok,
          'contract.signedDate': '2019-12-31',
          'internship.endDate': '2020-02-01',
        }),
      ),
    ).toEqual(['window (十三)2']);
    expect(
      failed(
        evaluate('INTERNSHIP_RETENTION', {
          ...ok,
          'contract.signedDate': '2021-01-05',
          'internship.endDate': '2021-02-01',
        }),
      ),
    ).toEqual(['window (十三)2']);
  });
});

describe('UNEMPLOYMENT_SUBSIDY (十五)2', () => {
  // A man born 1963-06-01 reaches 60 on 2023-06-01: 30 months after 2020-12-01.
  const MAN_1963 = makeResidentId('610102', '1963-06-01', 21);
  const ok = {
    applicant: { idNumber: MAN_1963, stillUnemployed: true },
    unemployment: { situation: 'benefit_exhausted' },
  };
  const problems = (facts: Record<string, unknown>, applicationDate = '2020-12-01') => {
    try {
      evaluate('UNEMPLOYMENT_SUBSIDY', facts, applicationDate);
    } catch (e) {
      return (e as DomainError).details.errors!;
    }
    throw new Error('expected a validation error');
  };
  it('given benefit exhausted and still unemployed, then 80% × city standard (example 1539) for 6 months', () => {
    const r = evaluate('UNEMPLOYMENT_SUBSIDY', ok);
    expect(r.amount).toEqual({
      totalFen: 123120 * 6,
      formula: '80% × 1539 yuan = 1231.20 yuan/month × 6 months = 738720 fen',
      inputs: { cityBenefitStandardFen: 153900, percent: 80, months: 6 },
      schedule: { kind: 'monthly', months: 6, monthlyFen: 123120 },
    });
  });
  it('the trace says which facts were derived from the ID: birth date, sex, age and 30 months to retirement', () => {
    const r = evaluate('UNEMPLOYMENT_SUBSIDY', ok);
    expect(r.derivedFacts!.map((d) => [d.name, d.value, d.from])).toEqual([
      ['applicant.birthDate', '1963-06-01', 'applicant.idNumber'],
      ['applicant.sex', 'M', 'applicant.idNumber'],
      ['applicant.age', 57, 'applicant.idNumber'],
      ['applicant.monthsToRetirement', 30, 'applicant.idNumber'],
    ]);
    expect(r.conditions.find((c) => c.id === 'not_near_retirement')).toMatchObject({
      value: 30,
      passed: true,
      derived: true,
    });
  });
  it('a typed value that agrees with the ID is accepted', () => {
    expect(evaluate('UNEMPLOYMENT_SUBSIDY', { ...ok, 'applicant.monthsToRetirement': 30 }).eligible).toBe(true);
  });
  it('"距退休不足1年": a man born 1961-09-01 has 9 months left on 2020-12-01, so not this subsidy (benefit continues)', () => {
    const r = evaluate('UNEMPLOYMENT_SUBSIDY', {
      ...ok,
      'applicant.idNumber': makeResidentId('610102', '1961-09-01', 21),
    });
    expect(failed(r)).toEqual(['not_near_retirement (十五)2']);
    expect(r.amount).toBeNull();
  });
  it('a man born 1961-03 with monthsToRetirement: 40 typed is a 400 naming the field (the ID gives 3: he turns 60 on 2021-03-01)', () => {
    const man1961 = makeResidentId('610102', '1961-03-01', 21);
    expect(
      problems({ ...ok, applicant: { idNumber: man1961, stillUnemployed: true, monthsToRetirement: 40 } }),
    ).toEqual([{ field: 'facts.applicant.monthsToRetirement', reason: expect.stringContaining('应为 3') }]);
  });
  it('a woman needs her category (worker 50 / cadre 55) with its source: otherwise a 400 naming the field', () => {
    const woman = makeResidentId('610102', '1971-04-01', 22);
    expect(problems({ ...ok, 'applicant.idNumber': woman })).toEqual([
      { field: 'facts.applicant.retirementCategory', reason: expect.stringContaining('女工人') },
    ]);
    expect(problems({ ...ok, 'applicant.idNumber': woman, 'applicant.retirementCategory': 'cadre' })).toEqual([
      { field: 'facts.applicant.retirementCategorySource', reason: expect.any(String) },
    ]);
  });
  it('a woman born 1971-04-01: as a worker (50) she is past retirement; as a cadre (55) 64 months remain, 738720 fen', () => {
    const woman = { ...ok, 'applicant.idNumber': makeResidentId('610102', '1971-04-01', 22) };
    const as = (category: string) =>
      evaluate('UNEMPLOYMENT_SUBSIDY', {
        ...woman,
        'applicant.retirementCategory': category,
        'applicant.retirementCategorySource': '人事档案',
      });
    expect(failed(as('worker'))).toEqual(['not_near_retirement (十五)2']);
    expect(as('cadre').conditions.find((c) => c.id === 'not_near_retirement')!.value).toBe(64);
    expect(as('cadre').amount!.totalFen).toBe(738720);
  });
  it('a category for a man contradicts the ID: 400 on retirementCategory', () => {
    expect(problems({ ...ok, 'applicant.retirementCategory': 'worker' })[0]?.field).toBe(
      'facts.applicant.retirementCategory',
    );
  });
  it('from 2025 the gradual reform counts: a man born 1965-03-10 retires at 60 years 1 month, on 2025-04-10', () => {
    const man = makeResidentId('610102', '1965-03-10', 21);
    const r = evaluateEligibility({
      programme: 'UNEMPLOYMENT_SUBSIDY',
      policyVersion: V2,
      applicationDate: '2025-01-10',
      facts: { ...ok, 'applicant.idNumber': man },
    });
    expect(r.derivedFacts!.find((d) => d.name === 'applicant.monthsToRetirement')!.value).toBe(3);
  });
  it('given insured but not entitled to the benefit, then eligible and the retirement rule does not apply', () => {
    const r = evaluate('UNEMPLOYMENT_SUBSIDY', {
      applicant: { idNumber: PERSON, stillUnemployed: true },
      unemployment: { situation: 'insured_not_entitled' },
    });
    expect(r.eligible).toBe(true);
    expect(r.conditions.find((c) => c.id === 'not_near_retirement')!.notApplicable).toBe(true);
  });
  it.each([
    ['unemployment.situation', 'receiving_benefit', 'situation (十五)2'],
    ['applicant.stillUnemployed', false, 'unemployed (十五)2'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    expect(failed(evaluate('UNEMPLOYMENT_SUBSIDY', { ...ok, [fact]: value }))).toEqual([expected]);
  });
});

describe('PUBLIC_WELFARE_POST (十五)3', () => {
  const ok = {
    unit: { creditCode: FIRM },
    worker: { idNumber: PERSON, category: 'registered_poor_labourer' },
    post: { kind: 'epidemic_prevention', months: 4 },
  };
  it('given a poor labourer on an epidemic post for 4 months, then 120% × district standard (example 1800) × 4', () => {
    expect(evaluate('PUBLIC_WELFARE_POST', ok).amount).toMatchObject({
      totalFen: 216000 * 4,
      formula: '120% × 1800 yuan = 2160 yuan/month × 4 months = 864000 fen',
      schedule: { kind: 'monthly', months: 4, monthlyFen: 216000 },
    });
  });
  it.each([
    ['post.months', 7, 'at_most_6_months (十五)3'],
    ['worker.category', 'other', 'eligible_group (十五)3'],
    ['post.kind', 'other', 'epidemic_post (十五)3'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    expect(failed(evaluate('PUBLIC_WELFARE_POST', { ...ok, [fact]: value }))).toEqual([expected]);
  });
});

describe('TRAINING_SUBSIDY (十)', () => {
  // Born 2001-03-04: 19 on the day the training was completed.
  const UNDER_20 = makeResidentId('610102', '2001-03-04', 13);
  const trainee = {
    training: { route: 'trainee', classId: 'XC-2020-017', completedDate: '2020-11-20', completed: true },
    applicant: { id: UNDER_20 },
    trainee: { category: 'registered_unemployed_under_20', hardshipFamily: true },
    course: { level: 'intermediate' },
  };
  const firm = {
    training: { route: 'enterprise', classId: 'XC-2021-003', completedDate: '2021-03-01', completed: true },
    applicant: { id: FIRM },
    enterprise: { trainingKind: 'pre_job_new_migrant_workers', trainees: 12 },
    course: { level: 'junior' },
  };
  it('given a trainee from a family in hardship, then catalogue rate + living allowance (examples)', () => {
    expect(evaluate('TRAINING_SUBSIDY', trainee).amount).toMatchObject({
      totalFen: 150000 + 30000,
      formula: '1500 yuan (intermediate course) + 300 yuan living allowance = 180000 fen',
    });
  });
  it('given an enterprise training 12 new migrant workers in 2021, then rate × trainees (the 2020 end date binds trainees only)', () => {
    const r = evaluate('TRAINING_SUBSIDY', firm, '2021-03-10');
    expect(r.eligible).toBe(true);
    expect(r.amount!.totalFen).toBe(100000 * 12);
  });
  it('"20岁以下登记失业人员": a 30-year-old recorded as registered_unemployed_under_20 is a 400 naming trainee.category', () => {
    const thirty = makeResidentId('610102', '1990-06-01', 13);
    let errors: unknown;
    try {
      evaluate('TRAINING_SUBSIDY', { ...trainee, 'applicant.id': thirty });
    } catch (e) {
      errors = (e as DomainError).details.errors;
    }
    expect(errors).toEqual([{ field: 'facts.trainee.category', reason: expect.stringContaining('已满30周岁') }]);
  });
  it('the age counts on the completion day: 19 then, so 180000 fen, with the age in the derived facts', () => {
    const r = evaluate('TRAINING_SUBSIDY', trainee, '2021-04-01');
    expect(r.derivedFacts!.find((d) => d.name === 'applicant.age')).toMatchObject({ value: 19 });
    expect(r.amount!.totalFen).toBe(180000);
  });
  it('when a trainee finished in 2021, then outside the trainee window', () => {
    expect(failed(evaluate('TRAINING_SUBSIDY', { ...trainee, 'training.completedDate': '2021-01-10' }))).toEqual([
      'window (十)',
    ]);
  });
  it('when the trainee is not in a listed group, or the enterprise training is of another kind, then it fails', () => {
    expect(failed(evaluate('TRAINING_SUBSIDY', { ...trainee, 'trainee.category': 'other' }))).toEqual([
      'trainee_group (十)',
    ]);
    expect(failed(evaluate('TRAINING_SUBSIDY', { ...firm, 'enterprise.trainingKind': 'other' }))).toEqual([
      'enterprise_training (十)',
    ]);
  });
});

describe('JOB_SEEKING_SUBSIDY (十三)1', () => {
  const ok = { graduate: { idNumber: PERSON, schoolKind: 'technical_school', graduatingYear: true, inHardship: true } };
  it('given a graduate in hardship of a technical school (extended scope), then the subsidy (example 1500 yuan)', () => {
    expect(evaluate('JOB_SEEKING_SUBSIDY', ok).amount!.totalFen).toBe(150000);
  });
  it.each([
    ['graduate.inHardship', false, 'hardship (十三)1'],
    ['graduate.schoolKind', 'other', 'school_kind (十三)1'],
    ['graduate.graduatingYear', false, 'graduating_year (十三)1'],
  ])('when %s is %p, then it fails %s', (fact, value, expected) => {
    expect(failed(evaluate('JOB_SEEKING_SUBSIDY', { ...ok, [fact]: value }))).toEqual([expected]);
  });
});

describe('SOCIAL_INSURANCE_DEFERRAL (四)', () => {
  const ok = {
    enterprise: { creditCode: FIRM, seriousEpidemicDifficulty: true },
    deferral: { fromMonth: '2020-07', months: 6 },
  };
  it('given July–December 2020, then approved with no payout', () => {
    const r = evaluate('SOCIAL_INSURANCE_DEFERRAL', ok, '2020-07-10');
    expect(r.eligible).toBe(true);
    expect(r.amount).toMatchObject({ totalFen: 0, schedule: { kind: 'none' } });
  });
  it('when the deferral would run into January 2021, then it fails', () => {
    expect(
      failed(evaluate('SOCIAL_INSURANCE_DEFERRAL', { ...ok, 'deferral.fromMonth': '2020-08' }, '2020-08-10')),
    ).toEqual(['ends_by_dec_2020 (四)']);
  });
  it('when longer than 6 months, or not in serious difficulty, then it fails', () => {
    expect(
      failed(evaluate('SOCIAL_INSURANCE_DEFERRAL', { ...ok, 'deferral.fromMonth': '2020-02', 'deferral.months': 7 })),
    ).toEqual(['at_most_6_months (四)']);
    expect(
      failed(evaluate('SOCIAL_INSURANCE_DEFERRAL', { ...ok, 'enterprise.seriousEpidemicDifficulty': false })),
    ).toEqual(['serious_difficulty (四)']);
  });
});
