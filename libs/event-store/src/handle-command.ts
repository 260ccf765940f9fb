import { CommandReusedError, ConcurrencyError } from './errors';
import { canonicalJson } from './integrity/canonical';
import type { AppendContext, EventStore, NewEvent, RecordedEvent, StreamWrite } from './event-store.port';

/**
 * An aggregate as one value (Emmett's Decider): `decide(command, state) -> events` and
 * `evolve(state, event) -> state`, pure, from `initialState()`. Structural, so the store needs
 * nothing from the domain library.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** What a command did to its stream: the version after it and the state it left. */
export interface CommandResult<Event, State> {
  /** Version of the stream after the command (its ETag). */
  version: number;
  state: State;
  /** The events the command appended (or, for a repeat, had appended). */
  events: Event[];
  /** True when the command id had been applied already and nothing new was written. */
  duplicate: boolean;
}

export interface HandleCommandOptions<Command, Event extends NewEvent, State> {
  streamId: string;
  /**
   * The version the client read: 0 for a command that creates the stream; null when the caller
   * has nothing to compare (then the version read is used). A function is asked after `guard`,
   * for a header that is checked only once the caller may act on the stream.
   */
  expectedVersion: number | null | (() => number | null);
  /**
   * Append metadata; its commandId makes the command idempotent on this stream. With a
   * requestHash, a repeat of the command id is answered only when the hash is the one stored with
   * the command's first event; another hash is `requestReused` (a key used for another request).
   */
  context: AppendContext;
  /** A stored event as the decider's event (events are upcast on read already). */
  toEvent: (recorded: RecordedEvent) => Event;
  /**
   * Runs on the folded stream before anything else is answered: not found, not in the caller's
   * scope. A repeated command is answered only to whoever may still send it.
   */
  guard?: (state: State, version: number) => void;
  /** The error for a command id repeated with another request (409); default CommandReusedError. */
  requestReused?: () => Error;
  /** The error for a client that read an older version than the stream's (412). */
  staleVersion: (expected: number, actual: number) => Error;
  /** The command, made once the state is known (the handler's enrichment: ids, policy evaluation). */
  command: Command | ((state: State, version: number) => Command);
  /** Metadata that depends on the decision, e.g. the policy version it was decided under. */
  metadata?: (command: Command, state: State) => Partial<Pick<AppendContext, 'policyVersion' | 'causationId'>>;
  /**
   * Writes to other streams that go with the decision (benefit reservations): appended in the
   * same atomic append as the events. Read what they need afresh on every call.
   */
  alsoWrite?: (decision: { events: Event[]; before: State; after: State }) => Promise<StreamWrite[]>;
  /** How often a lost race on one of the other streams is retried from the top. Default 5. */
  maxAttempts?: number;
}

/**
 * Emmett's CommandHandler(decider): read the stream, fold it, answer a command id already applied
 * with its first result, check the client's version, decide, append with that version (and the
 * other streams of the decision, all in one append). A racing writer on this stream makes the
 * append fail with ConcurrencyError, never a lost update; a race on another stream (someone took
 * the last reservation slot) is retried from the read.
 */
export async function handleCommand<Command, Event extends NewEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  options: HandleCommandOptions<Command, Event, State>,
): Promise<CommandResult<Event, State>> {
  const { streamId, context } = options;
  const maxAttempts = options.maxAttempts ?? 5;
  const evolve = (state: State, event: Event): State => decider.evolve(state, event);
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamId);
    const fold = (events: readonly RecordedEvent[]) =>
      events.map(options.toEvent).reduce(evolve, decider.initialState());
    const state = fold(recorded);
    const version = recorded.at(-1)?.version ?? 0;
    options.guard?.(state, version);

    const earlier = answerRepeat(recorded, fold, decider, options);
    if (earlier) return earlier;

    const sent = typeof options.expectedVersion === 'function' ? options.expectedVersion() : options.expectedVersion;
    const expected = sent ?? version;
    if (expected !== version) throw options.staleVersion(expected, version);

    const command =
      typeof options.command === 'function'
        ? (options.command as (s: State, v: number) => Command)(state, version)
        : options.command;
    const events = decider.decide(command, state);
    if (events.length === 0) return { version, state, events, duplicate: false };
    // The command's own events in canonical key order, as a repeat will fold them: the first answer
    // and every repeat are then the same bytes, whatever key order the store keeps (jsonb does not).
    const after = events.map(withCanonicalData).reduce(evolve, state);
    const others = options.alsoWrite ? await options.alsoWrite({ events, before: state, after }) : [];
    try {
      const metadata = options.metadata ? { ...context, ...options.metadata(command, state) } : context;
      const [result] = await store.appendMany([{ streamId, events, expectedVersion: expected }, ...others], metadata);
      if (!result) throw new Error(`appendMany returned no result for stream ${streamId}`);
      if (!result.duplicate) return { version: result.nextExpectedVersion, state: after, events, duplicate: false };
    } catch (e) {
      if (!(e instanceof ConcurrencyError) || e.streamId === streamId || attempt >= maxAttempts) throw e;
      continue;
    }
    // A racing copy of this command was stored first: answer as a repeat is answered.
    const again = await store.readStream(streamId);
    const first = answerRepeat(again, fold, decider, options);
    if (first) return first;
    throw new Error(`command ${context.commandId} was applied, but not to stream ${streamId}`);
  }
}

/**
 * The first result of a command already applied to this stream: the state right after its events,
 * at the version (ETag) it produced, however far the stream has moved on since. The same command id
 * with another request hash is refused, not answered.
 */
function answerRepeat<Command, Event extends NewEvent, State>(
  recorded: readonly RecordedEvent[],
  fold: (events: readonly RecordedEvent[]) => State,
  decider: Decider<Command, Event, State>,
  options: HandleCommandOptions<Command, Event, State>,
): CommandResult<Event, State> | null {
  const { commandId, requestHash } = options.context;
  if (!commandId) return null;
  const id = commandId.toLowerCase();
  const mine = recorded.filter((e) => e.metadata.commandId === id);
  const [firstOfMine] = mine;
  const lastOfMine = mine.at(-1);
  if (!firstOfMine || !lastOfMine) return null;
  // Events stored before request hashes were kept carry none: they are answered as before.
  const stored = firstOfMine.metadata.requestHash;
  if (requestHash !== undefined && stored !== undefined && stored !== requestHash) {
    throw options.requestReused?.() ?? new CommandReusedError(options.streamId, id);
  }
  const last = lastOfMine.version;
  return {
    version: last,
    state: mine
      .map((e) => withCanonicalData(options.toEvent(e)))
      .reduce(
        (s: State, e: Event) => decider.evolve(s, e),
        fold(recorded.filter((e) => e.version < firstOfMine.version)),
      ),
    events: mine.map(options.toEvent),
    duplicate: true,
  };
}

/** The event with its data as JSON with the keys in canonical order (see integrity/canonical.ts). */
function withCanonicalData<Event extends NewEvent>(event: Event): Event {
  const json: unknown = JSON.parse(JSON.stringify(event.data));
  return { ...event, data: JSON.parse(canonicalJson(json)) as Event['data'] };
}
