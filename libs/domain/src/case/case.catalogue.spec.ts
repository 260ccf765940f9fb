import { CASE_COMMANDS, commandForRoute, validateCommandBody } from './case.catalogue';
import type { CaseCommandName } from './case.commands';
import { CASE_STATUSES } from './case.state';
import { CASE_TRANSITIONS } from './case.transitions';

const NAMES = Object.keys(CASE_COMMANDS) as CaseCommandName[];

describe('CASE_COMMANDS, the catalogue for the API', () => {
  it('has one kebab-case route per command, all different, each found back by commandForRoute', () => {
    for (const name of NAMES) {
      const { route } = CASE_COMMANDS[name];
      expect(route).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(route).toBe(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
      expect(commandForRoute(route)).toBe(name);
    }
    expect(new Set(NAMES.map((n) => CASE_COMMANDS[n].route)).size).toBe(NAMES.length);
    expect(commandForRoute('delete-everything')).toBeUndefined();
  });

  it('every command in the transition table is in the catalogue, and every catalogued command is used', () => {
    const inTable = new Set(CASE_STATUSES.flatMap((s) => Object.keys(CASE_TRANSITIONS[s])));
    expect([...inTable].sort()).toEqual([...NAMES].sort());
  });

  it('only submit opens a case; the handler supplies eligibility where rules are evaluated', () => {
    expect(NAMES.filter((n) => CASE_COMMANDS[n].opensCase)).toEqual(['submit']);
    expect(NAMES.filter((n) => CASE_COMMANDS[n].handlerSupplies.includes('eligibility'))).toEqual([
      'submit',
      'resubmit',
      'passDistrictReview',
    ]);
  });

  describe('validateCommandBody', () => {
    it('accepts a good body', () => {
      expect(validateCommandBody('recordRepayment', { amountFen: 100, reference: 'R-1' })).toEqual([]);
    });
    it('rejects unknown fields, including the ones only the handler may set', () => {
      expect(validateCommandBody('approve', { clause: '(十五)2', amountFen: 1 })).toEqual([
        { field: 'amountFen', reason: 'is not a known field' },
      ]);
      expect(validateCommandBody('passDistrictReview', { eligibility: {} })).toEqual([
        { field: 'eligibility', reason: 'is not a known field' },
      ]);
      expect(validateCommandBody('passDistrictReview', { eligibility: {} }, { allowHandlerFields: true })).toEqual([]);
    });
    it('checks types, ranges and enumerations in plain words', () => {
      expect(
        validateCommandBody('resolveObjection', { objectionNumber: '1', outcome: 'maybe', resolution: 'x' }),
      ).toEqual([
        { field: 'objectionNumber', reason: 'must be a whole number' },
        { field: 'outcome', reason: 'must be one of: upheld, dismissed' },
      ]);
      expect(
        validateCommandBody('recordFollowUp', { followUpNumber: 1, finding: 'ok', contractInForce: 'yes' }),
      ).toEqual([{ field: 'contractInForce', reason: 'must be true or false' }]);
      expect(
        validateCommandBody('submit', {
          programme: 'X',
          beneficiary: [],
          facts: 'none',
          period: { from: '2020-01-01', to: '2020-01-02' },
        }),
      ).toEqual([
        { field: 'beneficiary', reason: 'must be an object' },
        { field: 'facts', reason: 'must be an object' },
      ]);
    });
    it('needs a JSON object', () => {
      expect(validateCommandBody('accept', null)).toEqual([{ field: 'body', reason: 'must be a JSON object' }]);
    });
  });
});
