import type { Decider } from '../decider';
import { DomainError, type DomainErrorKind } from '@casework/kernel';

/** The error a `when` must end in: kind and code, and optionally details, message and named fields. */
export type ExpectedError = {
  kind: DomainErrorKind;
  code?: string;
  details?: Record<string, unknown>;
  message?: RegExp | string;
  /** Fields that must be named among the validation problems. */
  fields?: string[];
};

export interface DeciderSpecOptions<Command, State> {
  /** Checked after every successful `then`, e.g. that the case went where its transition table says. */
  afterThen?: (before: State, command: Command, after: State) => void;
}

/**
 * Given/when/then for any decider, one kit for every aggregate:
 * given(...events).when(command).then(events | check) or .thenError({ kind, code, ... }).
 */
export function deciderSpec<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  options: DeciderSpecOptions<Command, State> = {},
) {
  const fold = (events: readonly Event[], from: State) =>
    events.reduce((state, event) => decider.evolve(state, event), from);
  return function given(...history: Event[]) {
    const before = fold(history, decider.initialState());
    return {
      when(command: Command) {
        const run = () => decider.decide(command, before);
        return {
          /** The events, for specs that check some fields only. */
          events: run,
          /** One event (the first unless told), for specs that reuse it as history; a missing one fails the spec. */
          event(index = 0): Event {
            const events = run();
            const event = events[index];
            if (event === undefined) throw new Error(`expected an event at index ${index}, got ${events.length}`);
            return event;
          },
          /** The state after the command. */
          state: (): State => fold(run(), before),
          /** Asserts the events (or lets a function check them and the new state); returns the new state. */
          then(expected: Event[] | ((events: Event[], after: State) => void)): State {
            const events = run();
            const after = fold(events, before);
            if (typeof expected === 'function') expected(events, after);
            else expect(events).toEqual(expected);
            options.afterThen?.(before, command, after);
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
            expect(error.kind).toBe(expected.kind);
            if (expected.code) expect(error.code).toBe(expected.code);
            if (expected.details) expect(error.details).toMatchObject(expected.details);
            if (expected.message) expect(error.message).toMatch(expected.message);
            if (expected.fields)
              expect((error.details.errors ?? []).map((p) => p.field)).toEqual(expect.arrayContaining(expected.fields));
            return error;
          },
        };
      },
    };
  };
}
