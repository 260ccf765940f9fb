import { type DomainErrorKind, DomainError } from '@casework/kernel';
import type { CaseCommand } from '../case.commands';
import { decide } from '../case.decide';
import type { CaseEvent } from '../case.events';
import { foldCase, type CaseState } from '../case.state';
import { CASE_TRANSITIONS } from '../case.transitions';

/** `status.command` pairs that a `then` in this test file has exercised successfully. */
export const exercised = new Set<string>();

export type ExpectedError = {
  kind: DomainErrorKind;
  code: string;
  details?: Record<string, unknown>;
  message?: RegExp | string;
};

/** given(events).when(command).then(events) | .thenError({ kind, code, details }). */
export function given(...history: CaseEvent[]) {
  const before = foldCase(history);
  return {
    when(command: CaseCommand) {
      const run = () => decide(command, before);
      return {
        /** Asserts the events; also that the new state is one the transition table says this command leads to. */
        then(expected: CaseEvent[] | ((events: CaseEvent[], after: CaseState) => void)): CaseState {
          const events = run();
          const after = foldCase(events, before);
          if (typeof expected === 'function') expected(events, after);
          else expect(events).toEqual(expected);
          const rule = CASE_TRANSITIONS[before.status][command.type];
          expect(rule?.to).toContain(after.status);
          exercised.add(`${before.status}.${command.type}`);
          return after;
        },
        thenError(expected: ExpectedError): DomainError {
          let caught: unknown;
          try {
            run();
          } catch (e) {
            caught = e;
          }
          expect(caught).toBeInstanceOf(DomainError);
          const error = caught as DomainError;
          expect({ kind: error.kind, code: error.code }).toEqual({ kind: expected.kind, code: expected.code });
          if (expected.details) expect(error.details).toMatchObject(expected.details);
          if (expected.message) expect(error.message).toMatch(expected.message);
          return error;
        },
      };
    },
  };
}
