import { DomainError } from '@casework/kernel';
import { makeCreditCode, makeResidentId } from '../identifiers';
import {
  PROGRAMME_CODES,
  evaluateEligibility,
  getPolicyVersion,
  getProgramme,
  policyVersionInForce,
  programmeFacts,
  reservationClaims,
  validateApplication,
  validateFacts,
} from './catalogue';
import { POLICY_VERSIONS } from './policy-versions.data';

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
    expect(v2.UNEMPLOYMENT_SUBSIDY.cityBenefitStandardFen.example).toBe(true);
    expect(v2.PUBLIC_WELFARE_POST.districtPostStandardFen.example).toBe(true);
    expect(v2.SOCIAL_INSURANCE_EMPLOYER.subsidyMonths.example).toBe(true);
    expect(v2.INTERNSHIP_RETENTION.retentionFen.example).toBe(true);
    expect(v2.JOB_SEEKING_SUBSIDY.amountFen.example).toBe(true);
    expect(v2.STARTUP_LOAN_INTEREST.interestSubsidyRateBasisPoints.example).toBe(true);
    expect(v2.STARTUP_ONE_OFF.subsidyFen).toMatchObject({ value: 500000, example: false });
    expect(v2.SOCIAL_INSURANCE_EMPLOYER.monthlyGraduateFen).toMatchObject({ value: 60000, example: false });
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
    expect(validateFacts('JOB_RETENTION_REFUND', { enterprise: { route: 'temporary_difficulty' } })[4].reason).toMatch(
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
    expect(catchError(() => validateFacts('X', {})).details.errors![0].field).toBe('programme');
  });
});

describe('reservationClaims: cross-case limits', () => {
  it("STARTUP_LOAN_INTEREST: one claim with 3 slots over the borrower's lifetime (八)", () => {
    expect(reservationClaims('STARTUP_LOAN_INTEREST', '11010519491231002x')).toEqual([
      {
        key: 'programme:STARTUP_LOAN_INTEREST:11010519491231002X',
        slots: 3,
        reason: expect.stringContaining('at most 3'),
        clause: '(八)',
      },
    ]);
  });
  it('STARTUP_ONE_OFF: once per person, no period', () => {
    expect(reservationClaims('STARTUP_ONE_OFF', 'P1', '2020')).toEqual([
      { key: 'programme:STARTUP_ONE_OFF:P1', slots: 1, reason: expect.any(String), clause: '(八)' },
    ]);
  });
  it('employer and flexible social-insurance subsidies share a group key per person and period', () => {
    const employer = reservationClaims('SOCIAL_INSURANCE_EMPLOYER', 'P1', '2020');
    const flexible = reservationClaims('SOCIAL_INSURANCE_FLEXIBLE', 'P1', '2020');
    const groupKey = 'group:SOCIAL_INSURANCE_SUBSIDY:P1:2020';
    expect(employer.map((c) => c.key)).toEqual(['programme:SOCIAL_INSURANCE_EMPLOYER:P1:2020', groupKey]);
    expect(flexible.map((c) => c.key)).toEqual(['programme:SOCIAL_INSURANCE_FLEXIBLE:P1:2020', groupKey]);
    expect(reservationClaims('SOCIAL_INSURANCE_FLEXIBLE', 'P1', '2021').map((c) => c.key)).not.toContain(groupKey);
  });
  it('a period limit without a period key is a validation error on periodKey', () => {
    expect(catchError(() => reservationClaims('UNEMPLOYMENT_SUBSIDY', 'P1')).details.errors![0].field).toBe(
      'periodKey',
    );
    expect(catchError(() => reservationClaims('STARTUP_ONE_OFF', ' ')).details.errors![0].field).toBe('beneficiaryKey');
  });
  it('every programme yields at least one claim', () => {
    for (const code of PROGRAMME_CODES) expect(reservationClaims(code, 'B', '2020').length).toBeGreaterThan(0);
  });
});
