import { DomainError } from '@casework/kernel';
import { makeCreditCode, makeResidentId } from '../identifiers';
import {
  PROGRAMME_CODES,
  evaluateEligibility,
  getPolicyVersion,
  getProgramme,
  isProgrammeClause,
  policyVersionInForce,
  programmeEnd,
  programmeFacts,
  reservationClaims,
  validateApplication,
  validateFacts,
} from './catalogue';
import { LOCAL_END_DATE, POLICY_VERSIONS } from './policy-versions.data';

const catchError = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('the catalogue', () => {
  it('holds the 13 programmes of POLICY.md §1 in every version', () => {
    expect(PROGRAMME_CODES).toHaveLength(13);
    for (const v of POLICY_VERSIONS) expect(Object.keys(v.programmes).sort()).toEqual([...PROGRAMME_CODES].sort());
  });
  it('every parameter a programme reads exists in every version, and every condition/amount fact is declared', () => {
    for (const v of POLICY_VERSIONS) {
      for (const p of Object.values(v.programmes)) {
        for (const name of p.parameterNames)
          expect([v.id, p.code, name, v.parameters[p.code]?.[name] !== undefined]).toEqual([v.id, p.code, name, true]);
        const declared = new Set(p.facts.map((f) => f.name));
        for (const c of p.conditions) expect([p.code, c.fact, declared.has(c.fact)]).toEqual([p.code, c.fact, true]);
        expect(declared.has(p.beneficiaryFact)).toBe(true);
      }
    }
  });
  it('figures the document leaves to city or district standards are labelled example', () => {
    const v2 = getPolicyVersion('2020-xc-v2').parameters;
    expect(v2.UNEMPLOYMENT_SUBSIDY?.cityBenefitStandardFen?.example).toBe(true);
    expect(v2.PUBLIC_WELFARE_POST?.districtPostStandardFen?.example).toBe(true);
    expect(v2.SOCIAL_INSURANCE_EMPLOYER?.subsidyMonths?.example).toBe(true);
    expect(v2.INTERNSHIP_RETENTION?.retentionFen?.example).toBe(true);
    expect(v2.JOB_SEEKING_SUBSIDY?.amountFen?.example).toBe(true);
    expect(v2.STARTUP_LOAN_INTEREST?.interestSubsidyRateBasisPoints?.example).toBe(true);
    expect(v2.STARTUP_ONE_OFF?.subsidyFen).toMatchObject({ value: 500000, example: false });
    expect(v2.SOCIAL_INSURANCE_EMPLOYER?.monthlyGraduateFen).toMatchObject({ value: 60000, example: false });
  });
  it('money parameters are integer fen', () => {
    for (const v of POLICY_VERSIONS)
      for (const params of Object.values(v.parameters))
        for (const p of Object.values(params)) expect(Number.isSafeInteger(p.value)).toBe(true);
  });
});

describe('policy versions', () => {
  it("given 2020-11-12, v1 is in force; given 2020-11-13 (the document's date) and later, v2", () => {
    expect(policyVersionInForce('2020-11-12').id).toBe('2020-xc-v1');
    expect(policyVersionInForce('2020-11-13').id).toBe('2020-xc-v2');
    expect(policyVersionInForce('2021-06-30').id).toBe('2020-xc-v2');
  });
  it('before the catalogue starts there is no version: validation error on applicationDate', () => {
    expect(catchError(() => policyVersionInForce('2019-12-31')).details.errors).toEqual([
      { field: 'applicationDate', reason: expect.stringContaining('no policy version is in force on 2019-12-31') },
    ]);
  });
  it('an unknown version id is not found', () => {
    expect(catchError(() => getPolicyVersion('2019-x')).kind).toBe('not_found');
  });
  it('v2 records what changed', () => {
    expect(getPolicyVersion('2020-xc-v2').changes).toContain('3000 to 5000');
  });
});

describe('evaluateEligibility: bad input', () => {
  it('given an unknown programme, then a validation error with field "programme"', () => {
    const e = catchError(() =>
      evaluateEligibility({
        programme: 'FREE_MONEY',
        policyVersion: '2020-xc-v2',
        applicationDate: '2020-12-01',
        facts: {},
      }),
    );
    expect(e.kind).toBe('validation');
    expect(e.details.errors).toEqual([
      { field: 'programme', reason: expect.stringContaining('unknown programme "FREE_MONEY"') },
    ]);
  });
  it('given an unknown version, then a validation error with field "policyVersion"', () => {
    const e = catchError(() => getProgramme('STARTUP_ONE_OFF', 'nope'));
    expect(e.details.errors).toEqual([
      { field: 'policyVersion', reason: expect.stringContaining('unknown policy version') },
    ]);
  });
  it('given a wrong check digit in a fact, then the field and the reason in plain words', () => {
    const e = catchError(() =>
      evaluateEligibility({
        programme: 'STARTUP_ONE_OFF',
        policyVersion: '2020-xc-v2',
        applicationDate: '2020-12-01',
        facts: {
          founder: { idNumber: '110105194912310023', group: 'veteran' },
          business: { creditCode: '91350100M000100Y4Z' },
        },
      }),
    );
    expect(e.details.errors).toEqual([
      { field: 'facts.founder.idNumber', reason: 'is not a valid ID number: check character should be X, not 3' },
      {
        field: 'facts.business.creditCode',
        reason: 'is not a valid unified social credit code: check character should be 3, not Z',
      },
    ]);
  });
  it('given a malformed application date, then field "applicationDate"', () => {
    const e = catchError(() =>
      evaluateEligibility({
        programme: 'STARTUP_ONE_OFF',
        policyVersion: '2020-xc-v2',
        applicationDate: '2020-13-01',
        facts: {
          founder: { idNumber: makeResidentId('610102', '1990-01-01', 1), group: 'veteran' },
          business: { creditCode: makeCreditCode('91610102MA0000001') },
        },
      }),
    );
    expect(e.details.errors).toEqual([
      { field: 'applicationDate', reason: 'must be a real date in the form YYYY-MM-DD' },
    ]);
  });
});

describe('programmeFacts and validateFacts', () => {
  it('describe each fact with type, required and allowed values', () => {
    expect(programmeFacts('STARTUP_ONE_OFF')).toEqual([
      expect.objectContaining({ name: 'founder.idNumber', type: 'residentId', required: true }),
      expect.objectContaining({
        name: 'founder.group',
        type: 'enum',
        required: true,
        allowedValues: expect.arrayContaining(['veteran', 'migrant_worker']),
      }),
      expect.objectContaining({ name: 'business.creditCode', type: 'creditCode', required: true }),
    ]);
  });
  it('report missing, negative, out-of-list and conditionally required facts, naming each field', () => {
    const problems = validateFacts('JOB_RETENTION_REFUND', {
      enterprise: {
        creditCode: makeCreditCode('91610102MA0000001'),
        insured: 'yes',
        route: 'sme_no_layoffs',
        size: 'huge',
        layoffs: 'none',
      },
      premiums: { lastYearFen: -5 },
    });
    expect(problems).toEqual([
      { field: 'facts.enterprise.insured', reason: 'must be true or false' },
      { field: 'facts.enterprise.size', reason: 'must be one of: micro, small, medium, large' },
      { field: 'facts.premiums.lastYearFen', reason: 'must be an amount in whole fen, not negative' },
    ]);
    expect(
      validateFacts('JOB_RETENTION_REFUND', { enterprise: { route: 'temporary_difficulty' } }).map((p) => p.field),
    ).toEqual([
      'facts.enterprise.creditCode',
      'facts.enterprise.insured',
      'facts.enterprise.size',
      'facts.enterprise.layoffs',
      'facts.enterprise.recoveryLikely',
      'facts.staff.insuredEnd2019',
    ]);
    expect(validateFacts('JOB_RETENTION_REFUND', { enterprise: { route: 'temporary_difficulty' } })[4]?.reason).toMatch(
      /^is required when enterprise.route is temporary_difficulty/,
    );
  });
  it('accept flat dotted keys as well as nested objects', () => {
    expect(
      validateFacts('SOCIAL_INSURANCE_FLEXIBLE', {
        'applicant.idNumber': '11010519491231002X',
        'applicant.category': 'employment_difficulty',
        'socialInsurance.paidAsFlexible': true,
      }),
    ).toEqual([]);
  });
  it('a party id may be an ID number or a credit code', () => {
    const base = {
      borrower: { kind: 'founder', previousSubsidisedLoans: 0 },
      loan: { isStartupGuaranteeLoan: true, principalFen: 1, termMonths: 1, purpose: 'business' },
      repayment: { active: true },
      assessment: { createsJobs: true, goodProject: true },
    };
    expect(validateFacts('STARTUP_LOAN_INTEREST', { ...base, 'borrower.id': '91512081MA62K0260E' })).toEqual([]);
    expect(validateFacts('STARTUP_LOAN_INTEREST', { ...base, 'borrower.id': '440524188001010015' })).toEqual([
      { field: 'facts.borrower.id', reason: 'is not a valid ID number: check character should be 4, not 5' },
    ]);
  });
  it('validateApplication lists programme, version and date problems together', () => {
    expect(
      validateApplication({ programme: 'X', policyVersion: 'v9', applicationDate: 'soon', facts: {} }).map(
        (p) => p.field,
      ),
    ).toEqual(['policyVersion', 'applicationDate', 'programme']);
  });
  it('unknown programme → validation error with field "programme"', () => {
    expect(catchError(() => validateFacts('X', {})).details.errors?.[0]?.field).toBe('programme');
  });
});

describe('reservationClaims: cross-case limits', () => {
  const Y2020 = { from: '2020-01-01', to: '2020-12-31' };
  const claimKeys = (code: string, period: { from: string; to: string }, facts?: Record<string, unknown>) =>
    reservationClaims(code, { beneficiaryKey: 'P1', period, facts }).map((c) => c.key);

  it("STARTUP_LOAN_INTEREST: one claim with 3 slots over the borrower's lifetime (八)", () => {
    expect(reservationClaims('STARTUP_LOAN_INTEREST', { beneficiaryKey: '11010519491231002x', period: Y2020 })).toEqual(
      [
        {
          key: 'programme:STARTUP_LOAN_INTEREST:11010519491231002X',
          slots: 3,
          reason: expect.stringContaining('at most 3'),
          clause: '(八)',
        },
      ],
    );
  });
  it('STARTUP_ONE_OFF: once per person, whatever the period', () => {
    expect(reservationClaims('STARTUP_ONE_OFF', { beneficiaryKey: 'P1', period: Y2020 })).toEqual([
      { key: 'programme:STARTUP_ONE_OFF:P1', slots: 1, reason: expect.any(String), clause: '(八)' },
    ]);
  });
  it('(七)/(十六): employer 2020-07 → 2021-06 and flexible 2021 collide on 2021-01 … 06, not on other months', () => {
    const employer = claimKeys('SOCIAL_INSURANCE_EMPLOYER', { from: '2020-07-01', to: '2021-06-30' });
    const flexible = claimKeys('SOCIAL_INSURANCE_FLEXIBLE', { from: '2021-01-01', to: '2021-12-31' });
    expect(employer).toHaveLength(24); // 12 months × (programme key + group key)
    expect(employer).toContain('programme:SOCIAL_INSURANCE_EMPLOYER:P1:2020-07');
    const shared = employer.filter((k) => flexible.includes(k));
    expect(shared).toEqual(
      ['2021-01', '2021-02', '2021-03', '2021-04', '2021-05', '2021-06'].map(
        (m) => `group:SOCIAL_INSURANCE_SUBSIDY:P1:${m}`,
      ),
    );
    // Employer 2020-07 → 12 and flexible 2021: back to back, no month shared.
    const before = claimKeys('SOCIAL_INSURANCE_EMPLOYER', { from: '2020-07-01', to: '2020-12-31' });
    expect(before.filter((k) => flexible.includes(k))).toEqual([]);
  });
  it('(十五)2: two unemployment subsidies for the same person collide on shared months only', () => {
    const first = claimKeys('UNEMPLOYMENT_SUBSIDY', { from: '2020-07-01', to: '2020-12-31' });
    const overlapping = claimKeys('UNEMPLOYMENT_SUBSIDY', { from: '2020-12-01', to: '2021-05-31' });
    expect(first.filter((k) => overlapping.includes(k))).toEqual(['programme:UNEMPLOYMENT_SUBSIDY:P1:2020-12']);
  });
  it('(五): the job-retention refund is once per enterprise and calendar year', () => {
    expect(claimKeys('JOB_RETENTION_REFUND', { from: '2020-03-01', to: '2021-02-28' })).toEqual([
      'programme:JOB_RETENTION_REFUND:P1:2020',
    ]);
  });
  it('(十): training is keyed per class, so an enterprise may claim two classes in one year but not one class twice', () => {
    const a = claimKeys('TRAINING_SUBSIDY', Y2020, { training: { classId: 'XC-2020-017' } });
    const b = claimKeys('TRAINING_SUBSIDY', Y2020, { 'training.classId': 'XC-2020-018' });
    expect(a).toEqual(['programme:TRAINING_SUBSIDY:P1:training.classId=XC-2020-017']);
    expect(b).not.toEqual(a);
    expect(claimKeys('TRAINING_SUBSIDY', Y2020, { training: { classId: ' xc-2020-017 ' } })).toEqual(a);
    expect(catchError(() => claimKeys('TRAINING_SUBSIDY', Y2020, {})).details.errors).toEqual([
      { field: 'facts.training.classId', reason: expect.stringContaining('class') },
    ]);
  });
  it('a bad period or beneficiary is a validation error naming the field', () => {
    const field = (fn: () => unknown) => catchError(fn).details.errors?.[0]?.field;
    expect(field(() => claimKeys('UNEMPLOYMENT_SUBSIDY', { from: '2020-13-01', to: '2020-12-31' }))).toBe(
      'period.from',
    );
    expect(field(() => claimKeys('UNEMPLOYMENT_SUBSIDY', { from: '2020-12-01', to: '2020-11-30' }))).toBe('period.to');
    expect(field(() => claimKeys('UNEMPLOYMENT_SUBSIDY', { from: '2020-01-01', to: '2031-01-01' }))).toBe('period.to');
    expect(field(() => reservationClaims('STARTUP_ONE_OFF', { beneficiaryKey: ' ', period: Y2020 }))).toBe(
      'beneficiaryKey',
    );
  });
  it('every programme yields at least one claim, and every period limit says what a period is', () => {
    for (const code of PROGRAMME_CODES) {
      const facts = { training: { classId: 'C1' } };
      expect(reservationClaims(code, { beneficiaryKey: 'B', period: Y2020, facts }).length).toBeGreaterThan(0);
      const { limits } = getProgramme(code, '2020-xc-v2');
      if (limits.oncePerPeriod || limits.exclusiveGroup) expect(limits.per).toBeDefined();
    }
  });
});

describe('end dates: every programme version has one', () => {
  it('each programme of each version ends on a date, from the document or labelled 本区规则（示例）', () => {
    for (const v of POLICY_VERSIONS)
      for (const code of PROGRAMME_CODES) {
        const end = programmeEnd(code, v.id);
        expect(end.validTo).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (end.source === 'local') expect(end).toMatchObject({ example: true, label: '本区规则（示例）' });
      }
    // (五) "失业保险稳岗返还政策实施期限至2020年12月31日": the document's own date.
    expect(programmeEnd('JOB_RETENTION_REFUND', '2020-xc-v2')).toMatchObject({
      validTo: '2020-12-31',
      source: 'document',
      clause: '(五)',
    });
    expect(programmeEnd('STARTUP_ONE_OFF', '2020-xc-v2')).toMatchObject({
      validTo: LOCAL_END_DATE,
      source: 'local',
      clause: '(八)',
    });
  });
  const founder = { founder: { idNumber: makeResidentId('610102', '1990-02-03', 31), group: 'veteran' } };
  const startup = (applicationDate: string) =>
    evaluateEligibility({
      programme: 'STARTUP_ONE_OFF',
      policyVersion: '2020-xc-v2',
      applicationDate,
      facts: { ...founder, business: { creditCode: makeCreditCode('91610102MA0000009') } },
    });
  it('(八) start-up subsidy, v2: 500000 fen on the local end date; an application dated 2025 is outside the window', () => {
    expect(startup(LOCAL_END_DATE)).toMatchObject({ eligible: true, amount: { totalFen: 500000 } });
    const late = startup('2025-03-01');
    expect(late.eligible).toBe(false);
    expect(late.amount).toBeNull();
    expect(late.conditions.filter((c) => !c.passed)).toEqual([
      expect.objectContaining({ id: 'window_end', clause: '(八)', fact: 'applicationDate', value: '2025-03-01' }),
    ]);
    expect(late.conditions.find((c) => c.id === 'window_end')!.description).toContain('本区规则（示例）');
  });
  it('(十五)3 epidemic public-welfare post: 120% × 1800 yuan × 3 = 648000 fen in 2020, refused when dated 2025', () => {
    const post = (applicationDate: string) =>
      evaluateEligibility({
        programme: 'PUBLIC_WELFARE_POST',
        policyVersion: '2020-xc-v2',
        applicationDate,
        facts: {
          unit: { creditCode: makeCreditCode('91610102MA0000009') },
          worker: { idNumber: makeResidentId('610102', '1980-02-03', 31), category: 'employment_difficulty' },
          post: { kind: 'epidemic_prevention', months: 3 },
        },
      });
    expect(post('2020-12-01').amount!.totalFen).toBe(648000);
    expect(
      post('2025-01-02')
        .conditions.filter((c) => !c.passed)
        .map((c) => `${c.id} ${c.clause}`),
    ).toEqual(['window_end (十五)3']);
  });
});

describe('isProgrammeClause: what an approval may cite', () => {
  it('accepts the programme’s own clauses, in half- or full-width brackets, and nothing else', () => {
    expect(isProgrammeClause('HIRING_GRADUATE_ONE_OFF', '2020-xc-v2', '(七)')).toBe(true);
    expect(isProgrammeClause('HIRING_GRADUATE_ONE_OFF', '2020-xc-v2', '（十三）1')).toBe(true);
    expect(isProgrammeClause('HIRING_GRADUATE_ONE_OFF', '2020-xc-v2', '(八)')).toBe(false);
    expect(isProgrammeClause('UNEMPLOYMENT_SUBSIDY', '2020-xc-v2', '(十五)')).toBe(false);
    expect(isProgrammeClause('UNEMPLOYMENT_SUBSIDY', '2020-xc-v2', '')).toBe(false);
  });
  it("every clause a programme's conditions, windows and limits cite is one of its clauses", () => {
    for (const v of POLICY_VERSIONS)
      for (const p of Object.values(v.programmes)) {
        const cited = [...p.conditions.map((c) => c.clause), ...p.windows.map((w) => w.clause), p.limits.clause];
        for (const clause of cited) expect([p.code, isProgrammeClause(p.code, v.id, clause)]).toEqual([p.code, true]);
      }
  });
});
