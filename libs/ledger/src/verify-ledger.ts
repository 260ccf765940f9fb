import {
  START,
  comparePositions,
  type EventStore,
  type GlobalPosition,
  type RecordedEvent,
  ZERO_HASH,
  chainHash,
  contentHash,
  recordedEventContent,
  rowSeal,
  verifyEventSignature,
  type EventKeyring,
} from '@casework/event-store';
import { DIGEST_PAGE_SIZE, DigestBuilder, type Digest } from './digest';

export type LedgerProblemKind =
  /** The stored fields no longer hash to the stored content hash. */
  | 'content_modified'
  /** prevHash is not the predecessor's hash, or hash is not chainHash(prevHash, contentHash). */
  | 'chain_broken'
  /** Versions of a stream are not contiguous from 1: events were deleted. */
  | 'version_gap'
  /** An event sits at another version or global position than it was written at. */
  | 'reordered'
  /** Fewer events up to the digest's position than the digest counted (deleted, truncated). */
  | 'missing_events'
  /** More events up to the digest's position than the digest counted (inserted). */
  | 'extra_events'
  /** Same count, different content or order in the global order than the digest recorded. */
  | 'digest_mismatch'
  /** An event read from its stream that the global order does not return. */
  | 'not_in_global_order'
  /** A column the store keeps beside the content (recorded_at, schema_version, command_id) disagrees with it. */
  | 'column_mismatch'
  /** The row's seal does not match its columns (positions, signature columns, the seal itself), or it has none. */
  | 'row_modified'
  /** No signature, while the verifier holds the log's keyring. */
  | 'unsigned'
  /** Signed with a key id the keyring does not list. */
  | 'unknown_key'
  /** The signature does not verify over the event's content. */
  | 'bad_signature';

export interface LedgerProblem {
  kind: LedgerProblemKind;
  streamId?: string;
  version?: number;
  /**
   * The global position of the first bad event. For problems found only against a digest
   * (nothing in the log itself shows where), the digest's position: the fault is at or before it.
   */
  position?: GlobalPosition;
  message: string;
}

export interface LedgerVerification {
  ok: boolean;
  /** Distinct events examined (global order and streams). */
  checkedEvents: number;
  checkedStreams: number;
  /** The problem at the earliest global position. */
  firstProblem?: LedgerProblem;
  /** Every problem found (the first one per stream), earliest position first; at most maxProblems. */
  problems: LedgerProblem[];
  /** The digest of the whole log as read now: what an inspector keeps for the next check. */
  digest: Digest;
  /** Whether each event's signature was checked (a keyring was given). */
  signaturesChecked: boolean;
}

export interface VerifyProgress {
  /** 'global': walking the global order; 'streams': walking each stream by version. */
  phase: 'global' | 'streams';
  /** Events read so far in this phase. */
  events: number;
  /** In 'streams': streams done and streams to do. */
  streams?: { done: number; total: number };
}

export interface VerifyLedgerOptions {
  /** Only walk these streams (the global order is always walked). Default: every stream. */
  streams?: string[];
  /** An earlier digest the log must still match up to its position. */
  againstDigest?: Digest;
  maxProblems?: number;
  /**
   * The log's public keys by key id (current and earlier ones): every event must carry a valid
   * signature by one of them. Without it signatures are not checked (signaturesChecked: false).
   */
  keyring?: EventKeyring;
  /** Called after each page read. */
  onProgress?: (progress: VerifyProgress) => void;
}

const STREAM_PAGE_SIZE = 1000;
/** Bound on the versions tried when looking for the version a moved event was written at. */
const MAX_MOVED_PROBES = 5000;

/**
 * Verifies the log (DESIGN §4.7): each stream's hash chain from the stored fields, contiguous
 * versions, global positions growing with the version; the global order itself; and, given an
 * earlier digest, that everything up to its position is still there, unchanged and in order.
 */
export async function verifyLedger(store: EventStore, options: VerifyLedgerOptions = {}): Promise<LedgerVerification> {
  const problems: LedgerProblem[] = [];
  const against = options.againstDigest;

  // The global order: its digest (whole and at the earlier digest's position) and where each event sits.
  const builder = new DigestBuilder();
  let atDigest: Digest | null = against && against.eventCount === 0 ? builder.digest() : null;
  let eventAtDigestPosition = false;
  let lastBeforeDigest: GlobalPosition | null = null;
  const globalPositions = new Map<string, GlobalPosition>();
  const streamOrder: string[] = [];
  const seenStreams = new Set<string>();
  let after = START;
  walk: for (;;) {
    const page = await store.readAll({ after, maxCount: DIGEST_PAGE_SIZE, raw: true });
    for (const event of page) {
      if (comparePositions(event.position, after) <= 0) {
        problems.push({
          kind: 'reordered',
          streamId: event.streamId,
          version: event.version,
          position: event.position,
          message: `the global order goes back from ${fmt(after)} to ${fmt(event.position)} at ${event.streamId}@${event.version}`,
        });
        break walk;
      }
      after = event.position;
      if (against && !atDigest) {
        const cmp = comparePositions(event.position, against.position);
        if (cmp > 0) atDigest = builder.digest();
        else {
          if (cmp === 0) eventAtDigestPosition = true;
          lastBeforeDigest = event.position;
        }
      }
      builder.add(event);
      globalPositions.set(key(event.streamId, event.version), event.position);
      if (!seenStreams.has(event.streamId)) {
        seenStreams.add(event.streamId);
        streamOrder.push(event.streamId);
      }
    }
    options.onProgress?.({ phase: 'global', events: builder.eventCount });
    if (page.length < DIGEST_PAGE_SIZE) break;
  }
  if (against && !atDigest) atDigest = builder.digest();
  let checkedEvents = builder.eventCount;

  if (against && atDigest) {
    const problem = compareWithDigest(against, atDigest, eventAtDigestPosition, lastBeforeDigest);
    if (problem) problems.push(problem);
  }

  // Each stream, by version, exactly as stored.
  const streams = options.streams ?? streamOrder;
  let streamEvents = 0;
  for (const [done, streamId] of streams.entries()) {
    const events = await readWholeStream(store, streamId);
    const problem = checkStream(streamId, events, options.keyring);
    streamEvents += events.length;
    options.onProgress?.({
      phase: 'streams',
      events: streamEvents,
      streams: { done: done + 1, total: streams.length },
    });
    if (problem) problems.push(problem);
    for (const event of events) {
      const inGlobal = globalPositions.get(key(event.streamId, event.version));
      if (!inGlobal) checkedEvents += 1;
      if (!inGlobal || comparePositions(inGlobal, event.position) !== 0) {
        problems.push({
          kind: 'not_in_global_order',
          streamId,
          version: event.version,
          position: event.position,
          message: `${streamId}@${event.version} is in its stream but not in the global order at ${fmt(event.position)}`,
        });
        break;
      }
    }
  }

  problems.sort(byPosition);
  const limited = problems.slice(0, options.maxProblems ?? 100);
  return {
    ok: problems.length === 0,
    checkedEvents,
    checkedStreams: streams.length,
    ...(limited.length > 0 ? { firstProblem: limited[0] } : {}),
    problems: limited,
    digest: builder.digest(),
    signaturesChecked: options.keyring !== undefined,
  };
}

/**
 * The first problem of one stream, read in version order; later events would only repeat it.
 * Given the keyring, each event's signature too.
 */
export function checkStream(streamId: string, events: RecordedEvent[], keyring?: EventKeyring): LedgerProblem | null {
  let prev: RecordedEvent | null = null;
  for (const event of events) {
    const at = { streamId, version: event.version, position: event.position };
    const expectedVersion = prev ? prev.version + 1 : 1;
    if (event.version > expectedVersion) {
      const missing =
        event.version - 1 === expectedVersion ? `${expectedVersion}` : `${expectedVersion}-${event.version - 1}`;
      return {
        kind: 'version_gap',
        ...at,
        message: `${streamId}: version ${missing} missing before version ${event.version}`,
      };
    }
    if (event.version < expectedVersion) {
      return {
        kind: 'reordered',
        ...at,
        message: `${streamId}: version ${event.version} appears again after version ${prev?.version}`,
      };
    }
    if (prev && comparePositions(event.position, prev.position) <= 0) {
      return {
        kind: 'reordered',
        ...at,
        message: `${streamId}: version ${event.version} is at global position ${fmt(event.position)}, not after version ${prev.version} at ${fmt(prev.position)}`,
      };
    }
    const recomputed = safeContentHash(event);
    if (recomputed !== event.contentHash) {
      const writtenAt = versionWrittenAt(event, events.length + 1);
      if (writtenAt !== null) {
        return {
          kind: 'reordered',
          ...at,
          message: `${streamId}: the event stored as version ${event.version} was written as version ${writtenAt}`,
        };
      }
      return {
        kind: 'content_modified',
        ...at,
        message: `${streamId}@${event.version}: the stored fields do not hash to the stored content hash`,
      };
    }
    const expectedPrev = prev ? prev.hash : ZERO_HASH;
    if (event.prevHash !== expectedPrev) {
      return {
        kind: 'chain_broken',
        ...at,
        message: `${streamId}@${event.version}: prevHash does not match the hash of ${prev ? `version ${prev.version}` : 'the stream start'}`,
      };
    }
    if (event.hash !== chainHash(event.prevHash, event.contentHash)) {
      return {
        kind: 'chain_broken',
        ...at,
        message: `${streamId}@${event.version}: hash is not the chain hash of prevHash and contentHash`,
      };
    }
    const columns = checkColumns(event);
    if (columns) return { ...columns, ...at, message: `${streamId}@${event.version}: ${columns.message}` };
    if (keyring) {
      const { version: _version, ...content } = recordedEventContent(event);
      const check = verifyEventSignature(keyring, content, event.signature);
      if (!check.ok) {
        const why = {
          unsigned: 'carries no signature: it was not appended by the API with the log key',
          unknown_key: `is signed with key ${check.keyId ?? '?'}, which the keyring does not list`,
          bad_signature: `has a signature by key ${check.keyId ?? '?'} that does not verify over its content`,
        }[check.reason];
        return { kind: check.reason, ...at, message: `${streamId}@${event.version} ${why}` };
      }
    }
    prev = event;
  }
  return null;
}

/** The columns a store keeps beside the content (RecordedEvent.stored), against the content and the row seal. */
function checkColumns(event: RecordedEvent): { kind: LedgerProblemKind; message: string } | null {
  const stored = event.stored;
  if (!stored) return null;
  const metadata = event.metadata;
  if (Date.parse(stored.recordedAt) !== Date.parse(metadata.recordedAt)) {
    return {
      kind: 'column_mismatch',
      message: `recorded_at is ${stored.recordedAt}, the hashed metadata.recordedAt ${metadata.recordedAt}`,
    };
  }
  if (stored.schemaVersion !== metadata.schemaVersion) {
    return {
      kind: 'column_mismatch',
      message: `schema_version is ${stored.schemaVersion}, the hashed metadata.schemaVersion ${metadata.schemaVersion}`,
    };
  }
  if (stored.commandId !== null && stored.commandId !== metadata.commandId) {
    return {
      kind: 'column_mismatch',
      message: `command_id is ${stored.commandId}, the hashed metadata.commandId ${String(metadata.commandId)}`,
    };
  }
  if (stored.rowHash === null) {
    return {
      kind: 'row_modified',
      message: 'the row has no seal (row_hash): it was not written by the append function',
    };
  }
  const seal = rowSeal({
    hash: event.hash,
    txId: event.position.commit,
    globalSeq: event.globalSeq,
    recordedAt: stored.recordedAt,
    schemaVersion: stored.schemaVersion,
    commandId: stored.commandId,
    keyId: event.signature?.keyId ?? null,
    signature: event.signature?.value ?? null,
  });
  if (seal !== stored.rowHash) {
    return {
      kind: 'row_modified',
      message:
        'the row seal (row_hash) does not match its columns: global_seq, tx_id, command_id, key_id, signature or row_hash was changed',
    };
  }
  return null;
}

function compareWithDigest(
  against: Digest,
  now: Digest,
  eventAtPosition: boolean,
  lastBefore: GlobalPosition | null,
): LedgerProblem | null {
  if (now.eventCount === against.eventCount && now.root === against.root) return null;
  const position = against.position;
  const upTo = `up to ${fmt(position)}`;
  if (now.eventCount < against.eventCount) {
    const gone = against.eventCount - now.eventCount;
    const tail = eventAtPosition
      ? ''
      : `; the digest's last event is gone, the last one left ${lastBefore ? `is at ${fmt(lastBefore)}` : 'does not exist (the log is empty up to there)'}`;
    return {
      kind: 'missing_events',
      position,
      message: `${gone} of ${against.eventCount} events ${upTo} are missing${tail}`,
    };
  }
  if (now.eventCount > against.eventCount) {
    return {
      kind: 'extra_events',
      position,
      message: `${now.eventCount - against.eventCount} events ${upTo} were not there when the digest was taken`,
    };
  }
  if (against.setRoot && now.setRoot === against.setRoot) {
    return {
      kind: 'reordered',
      position,
      message: `the same ${now.eventCount} events ${upTo} are in another global order than when the digest was taken`,
    };
  }
  return {
    kind: 'digest_mismatch',
    position,
    message: `the ${now.eventCount} events ${upTo} no longer match the digest (root ${now.root} instead of ${against.root})`,
  };
}

async function readWholeStream(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let from = 1;
  for (;;) {
    const page = await store.readStream(streamId, { fromVersion: from, maxCount: STREAM_PAGE_SIZE, raw: true });
    events.push(...page);
    const lastOfPage = page.at(-1);
    if (page.length < STREAM_PAGE_SIZE || !lastOfPage) return events;
    from = lastOfPage.version + 1;
  }
}

function safeContentHash(event: RecordedEvent): string | null {
  try {
    return contentHash(recordedEventContent(event));
  } catch {
    return null;
  }
}

/** The version whose content hash the event's stored contentHash is, when it is not its own. */
function versionWrittenAt(event: RecordedEvent, maxVersion: number): number | null {
  const limit = Math.min(maxVersion, MAX_MOVED_PROBES);
  for (let v = 1; v <= limit; v++) {
    if (v === event.version) continue;
    try {
      if (contentHash(recordedEventContent({ ...event, version: v })) === event.contentHash) return v;
    } catch {
      return null;
    }
  }
  return null;
}

function byPosition(a: LedgerProblem, b: LedgerProblem): number {
  if (a.position && b.position) return comparePositions(a.position, b.position);
  return a.position ? -1 : b.position ? 1 : 0;
}

function key(streamId: string, version: number): string {
  return `${streamId}\u0000${version}`;
}

function fmt(p: GlobalPosition): string {
  return `${p.commit}/${p.prepare}`;
}
