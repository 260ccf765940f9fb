import { deciderSpec } from '../../shared/testing/decider-spec';
import { caseDecider } from '../index';
import { CASE_TRANSITIONS } from '../case.transitions';

export type { ExpectedError } from '../../shared/testing/decider-spec';

/** `status.command` pairs that a `then` in this test file has exercised successfully. */
export const exercised = new Set<string>();

/**
 * given(...events).when(command).then(events) | .thenError({ kind, code, details }): the shared
 * decider kit, plus the case's own check that every `then` lands where the transition table says
 * the command leads, recording the pair so a table row without a spec fails.
 */
export const given = deciderSpec(caseDecider, {
  afterThen: (before, command, after) => {
    const rule = CASE_TRANSITIONS[before.status][command.type];
    expect(rule?.to).toContain(after.status);
    exercised.add(`${before.status}.${command.type}`);
  },
});
