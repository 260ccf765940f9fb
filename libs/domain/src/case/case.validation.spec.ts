import {
  at,
  CASE_ID,
  caseworker,
  command,
  CREDIT_CODE,
  eligibility,
  facts,
  historyFor,
  opener,
  PERSON_ID,
  reviewer,
  streetStaff,
} from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

const submitWith = (over: Record<string, unknown> = {}, by = opener, when = at('2020-09-01')) =>
  command(
    'submit',
    {
      caseId: CASE_ID,
      programme: 'UNEMPLOYMENT_SUBSIDY',
      beneficiary: { kind: 'person', idNumber: PERSON_ID, name: '张三 (synthetic)' },
      facts,
      period: { from: '2020-09-01', to: '2021-02-28' },
      eligibility: eligibility(),
      ...over,
    },
    by,
    when,
  );

const invalid = (errors: object[]) => ({ kind: 'validation' as const, code: 'VALIDATION_FAILED', details: { errors } });

describe('command validation inside decide', () => {
  describe('submit', () => {
    it('names a wrong check digit of the ID number in plain words', () => {
      given()
        .when(submitWith({ beneficiary: { kind: 'person', idNumber: '110105194912310023', name: '张三' } }))
        .thenError(invalid([{ field: 'beneficiary.idNumber', reason: 'check character should be X, not 3' }]));
    });
    it('a person needs an ID number, an enterprise a credit code', () => {
      given()
        .when(submitWith({ beneficiary: { kind: 'person', name: '张三' } }))
        .thenError(invalid([{ field: 'beneficiary.idNumber', reason: 'is required for a person' }]));
      given()
        .when(submitWith({ beneficiary: { kind: 'enterprise', name: '某公司' } }))
        .thenError(invalid([{ field: 'beneficiary.creditCode', reason: 'is required for an enterprise' }]));
    });
    it('names a malformed credit code', () => {
      given()
        .when(
          submitWith({
            beneficiary: { kind: 'enterprise', creditCode: '91350100M000100Y4Z', name: '某公司 (synthetic)' },
          }),
        )
        .thenError(invalid([{ field: 'beneficiary.creditCode', reason: 'check character should be 3, not Z' }]));
    });
    it('accepts an enterprise with a valid credit code and stores it upper-case', () => {
      given()
        .when(
          submitWith({
            beneficiary: { kind: 'enterprise', creditCode: CREDIT_CODE.toLowerCase(), name: ' 某公司 (synthetic) ' },
          }),
        )
        .then((events) =>
          expect(events[0]).toMatchObject({
            data: { beneficiary: { kind: 'enterprise', creditCode: CREDIT_CODE, name: '某公司 (synthetic)' } },
          }),
        );
    });
    it('rejects a period that ends before it starts', () => {
      given()
        .when(submitWith({ period: { from: '2020-09-01', to: '2020-08-31' } }))
        .thenError(
          invalid([{ field: 'period.to', reason: 'must not be before the start of the period (2020-09-01)' }]),
        );
    });
    it('rejects impossible dates and unknown fields, all at once', () => {
      given()
        .when(
          submitWith({
            period: { from: '2020-02-30', to: '2020-08-31' },
            channel: 'web',
            beneficiary: { kind: 'person', idNumber: PERSON_ID, name: 'x', phone: '1' },
          }),
        )
        .thenError(
          invalid([
            { field: 'channel', reason: 'is not a known field' },
            { field: 'beneficiary.phone', reason: 'is not a known field' },
            { field: 'period.from', reason: 'must be a date written YYYY-MM-DD' },
          ]),
        );
    });
    it('rejects an eligibility evaluated for another programme', () => {
      given()
        .when(submitWith({ eligibility: eligibility({ programme: 'STARTUP_ONE_OFF' }) }))
        .thenError(
          invalid([
            {
              field: 'eligibility.programme',
              reason: "was evaluated for STARTUP_ONE_OFF, not for the case's programme UNEMPLOYMENT_SUBSIDY",
            },
          ]),
        );
    });
    it('an ineligible application can still be submitted: the reviews reject it with a clause', () => {
      given()
        .when(submitWith({ eligibility: eligibility({ eligible: false, amount: null }) }))
        .then((events) => expect(events[0]?.type).toBe('CaseSubmitted'));
    });
  });

  describe('reasons and clauses', () => {
    it('a reason is required and not blank', () => {
      given(...historyFor('submitted'))
        .when(command('returnForSupplement', { reason: ' \n ' }, caseworker))
        .thenError(invalid([{ field: 'reason', reason: 'must not be blank' }]));
      given(...historyFor('submitted'))
        .when(command('withdraw', {} as never, caseworker))
        .thenError(invalid([{ field: 'reason', reason: 'is required' }]));
    });
    it('rejection requires the clause it rests on', () => {
      given(...historyFor('accepted'))
        .when(command('reject', { reason: 'Not unemployed' } as never, reviewer))
        .thenError(invalid([{ field: 'clause', reason: 'is required' }]));
    });
    it('approval requires the clause', () => {
      given(...historyFor('public_notice_ended'))
        .when(command('approve', { clause: '' }, { userId: 'u-app-x', role: 'approver', unit: 'DISTRICT_HRSS' }))
        .thenError(invalid([{ field: 'clause', reason: 'must not be blank' }]));
    });
    it('text has a maximum length', () => {
      given(...historyFor('submitted'))
        .when(command('withdraw', { reason: 'x'.repeat(1001) }, caseworker))
        .thenError(invalid([{ field: 'reason', reason: 'must be at most 1000 characters' }]));
    });
    it('an optional field sent as null counts as not given, as the catalogue reads it', () => {
      given(...historyFor('accepted'))
        .when(command('passPreliminaryReview', { opinion: null } as never, streetStaff))
        .then((events) =>
          expect(events).toEqual([
            expect.objectContaining({
              type: 'PreliminaryReviewPassed',
              data: expect.objectContaining({ opinion: null }),
            }),
          ]),
        );
      given(...historyFor('submitted'))
        .when(command('accept', { note: null } as never, caseworker))
        .then((events) => expect(events[0]?.type).toBe('CaseAccepted'));
    });
    it('a required field sent as null is missing', () => {
      given(...historyFor('submitted'))
        .when(command('withdraw', { reason: null } as never, caseworker))
        .thenError(invalid([{ field: 'reason', reason: 'is required' }]));
    });
    it('handler-supplied fields are required of the handler', () => {
      given(...historyFor('preliminary_review_passed'))
        .when(command('passDistrictReview', {} as never, reviewer))
        .thenError(invalid([{ field: 'eligibility', reason: 'is required (the handler evaluates it)' }]));
    });
  });

  describe('the envelope', () => {
    it('needs an ISO instant and a known role', () => {
      given(...historyFor('submitted'))
        .when({
          type: 'accept',
          data: {},
          at: '2020-09-02 10:00',
          actor: { userId: 'u-1', role: 'mayor' as never, unit: 'X' },
        })
        .thenError(
          invalid([
            {
              field: 'actor.role',
              reason: 'must be one of: caseworker, reviewer, approver, finance, street_staff, inspector, admin',
            },
            { field: 'at', reason: 'must be an ISO-8601 instant, e.g. 2020-09-30T02:00:00Z' },
          ]),
        );
    });
  });
});
