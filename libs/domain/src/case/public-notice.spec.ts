import { isWorkingDay } from '@casework/kernel';
import { foldCase } from './case.state';
import {
  approver,
  at,
  caseworker,
  command,
  districtPassed,
  eligibility,
  historyFor,
  objectionRaised,
  reviewer,
  ineligible,
} from './testing/case.fixtures';
import { given } from './testing/case.given-when-then';

describe('public notice (公示)', () => {
  describe('its end is counted in working days, with holidays and 调休 from the calendar', () => {
    it('a 5-working-day notice posted on 2020-09-30 runs over National Day and Mid-Autumn to 2020-10-14', () => {
      // Oct 1-8 are holidays; Sat Oct 10 is an adjusted working day: Oct 9, 10, 12, 13, 14.
      expect(isWorkingDay('2020-10-08')).toBe(false);
      expect(isWorkingDay('2020-10-10')).toBe(true);
      const after = given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', {}, caseworker, at('2020-09-30', 9)))
        .then((events) =>
          expect(events[0]).toMatchObject({ data: { startsOn: '2020-09-30', workingDays: 5, endsOn: '2020-10-14' } }),
        );
      expect(after).toMatchObject({ status: 'in_public_notice', due: { noticeEndsOn: '2020-10-14' } });
    });
    it('the number of working days is a parameter: 7 from 2020-09-30 ends on 2020-10-16', () => {
      given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', { workingDays: 7 }, reviewer, at('2020-09-30')))
        .then((events) => expect(events[0]).toMatchObject({ data: { workingDays: 7, endsOn: '2020-10-16' } }));
    });
    it("the notice starts on the China date of the command: 2020-09-29T17:00Z is already 2020-09-30 in Xi'an", () => {
      given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', {}, caseworker, '2020-09-29T17:00:00Z'))
        .then((events) => expect(events[0]).toMatchObject({ data: { startsOn: '2020-09-30', endsOn: '2020-10-14' } }));
    });
    it('a later start date may be set, not a past one', () => {
      given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', { startsOn: '2020-10-09' }, caseworker, at('2020-09-30')))
        .then((events) => expect(events[0]).toMatchObject({ data: { startsOn: '2020-10-09', endsOn: '2020-10-15' } }));
      given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', { startsOn: '2020-09-29' }, caseworker, at('2020-09-30')))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'startsOn', reason: 'cannot be in the past (today is 2020-09-30)' }] },
        });
    });
    it('zero working days is invalid', () => {
      given(...historyFor('district_review_passed'))
        .when(command('startPublicNotice', { workingDays: 0 }, caseworker))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'workingDays', reason: 'must be at least 1' }] },
        });
    });
  });

  describe('ending it', () => {
    it('cannot end on its last day: 2020-10-14 still belongs to the notice', () => {
      given(...historyFor('in_public_notice'))
        .when(command('endPublicNotice', {}, caseworker, at('2020-10-14', 23)))
        .thenError({
          kind: 'illegal_state',
          code: 'PUBLIC_NOTICE_RUNNING',
          details: { endsOn: '2020-10-14', today: '2020-10-14' },
          message: /runs until 2020-10-14/,
        });
    });
    it('can end at 00:30 China time on the next day (16:30 UTC the day before)', () => {
      given(...historyFor('in_public_notice'))
        .when(command('endPublicNotice', {}, caseworker, '2020-10-14T16:30:00Z'))
        .then((events) => expect(events[0]?.type).toBe('PublicNoticeEnded'));
    });
    it('cannot end while an objection is open', () => {
      given(...historyFor('in_public_notice'), objectionRaised())
        .when(command('endPublicNotice', {}, caseworker, at('2020-10-20')))
        .thenError({
          kind: 'illegal_state',
          code: 'OBJECTIONS_OPEN',
          details: { openObjections: [1] },
        });
    });
  });

  describe('objections', () => {
    const withObjection = () => [...historyFor('in_public_notice'), objectionRaised()];
    const resolve = (data: object) =>
      command('resolveObjection', { objectionNumber: 1, resolution: 'Checked', ...data } as never, reviewer);

    it('an upheld objection needs to say where the case goes', () => {
      given(...withObjection())
        .when(resolve({ outcome: 'upheld' }))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: { errors: [{ field: 'next', reason: expect.stringContaining('is required') }] },
        });
    });
    it('rejecting through an objection requires the clause', () => {
      given(...withObjection())
        .when(resolve({ outcome: 'upheld', next: 'reject' }))
        .thenError({ kind: 'validation', code: 'VALIDATION_FAILED', details: { errors: [{ field: 'clause' }] } });
    });
    it('a dismissed objection sends the case nowhere', () => {
      given(...withObjection())
        .when(resolve({ outcome: 'dismissed', next: 'review' }))
        .thenError({ kind: 'validation', code: 'VALIDATION_FAILED', details: { errors: [{ field: 'next' }] } });
    });
    it('an unknown objection number is named', () => {
      given(...withObjection())
        .when(command('resolveObjection', { objectionNumber: 4, outcome: 'dismissed', resolution: 'x' }, reviewer))
        .thenError({
          kind: 'validation',
          code: 'VALIDATION_FAILED',
          details: {
            errors: [{ field: 'objectionNumber', reason: 'there is no objection 4 on the current public notice' }],
          },
        });
    });
    it('an objection is resolved once', () => {
      const dismissed = {
        type: 'ObjectionResolved' as const,
        data: {
          by: reviewer,
          at: at('2020-10-12'),
          objectionNumber: 1,
          outcome: 'dismissed' as const,
          resolution: 'Unfounded',
          next: null,
        },
      };
      given(...withObjection(), dismissed)
        .when(resolve({ outcome: 'upheld', next: 'review' }))
        .thenError({ kind: 'conflict', code: 'OBJECTION_ALREADY_RESOLVED' });
    });
    it('after an objection sends the case back, the district review re-evaluates and a second notice is numbered 2', () => {
      const sentBack = {
        type: 'ObjectionResolved' as const,
        data: {
          by: reviewer,
          at: at('2020-10-12'),
          objectionNumber: 1,
          outcome: 'upheld' as const,
          resolution: 'Works part-time',
          next: 'review' as const,
        },
      };
      const e2 = eligibility({ policyVersion: 'v2' });
      const history = [...withObjection(), sentBack, districtPassed(e2, reviewer, at('2020-10-19'))];
      expect(foldCase(history)).toMatchObject({ status: 'district_review_passed', policyVersion: 'v2' });
      given(...history)
        .when(command('startPublicNotice', {}, caseworker, at('2020-10-20')))
        .then((events, after) => {
          expect(events[0]).toMatchObject({ data: { noticeNumber: 2, startsOn: '2020-10-20', endsOn: '2020-10-27' } });
          expect(after).toMatchObject({ notices: [{ outcome: 'interrupted' }, { outcome: 'running' }] });
        });
    });
    it('the district review refuses an application the rules find ineligible: reject it instead', () => {
      given(...historyFor('preliminary_review_passed'))
        .when(command('passDistrictReview', { eligibility: ineligible() }, reviewer))
        .thenError({
          kind: 'illegal_state',
          code: 'NOT_ELIGIBLE',
          details: { failedConditions: ['unemployed'] },
          message: /Still unemployed \(十五\)2/,
        });
    });
    it('approval rests on the last evaluation: refused when it found the application ineligible', () => {
      const history = historyFor('public_notice_ended').map((e) =>
        e.type === 'DistrictReviewPassed' ? districtPassed(ineligible()) : e,
      );
      given(...history)
        .when(command('approve', { clause: '(十五)2' }, approver))
        .thenError({ kind: 'illegal_state', code: 'NOT_ELIGIBLE' });
    });
  });
});
