import { ZERO_HASH, canonicalJson, chainHash, recordedEventContent, sha256Hex } from '@casework/event-store';
import { inclusionProof, leafHashOfHex, verifyInclusion, type NodeSource } from './merkle';
import {
  NoteFormatError,
  fromBase64,
  keyIdHex,
  parseCheckpoint,
  parseNote,
  toBase64,
  verifyNote,
  type Checkpoint,
  type NotePublicKey,
} from './signed-note';

/**
 * The evidence bundle of a case (issue 8, item 7): one JSON file an inspector verifies offline
 * with the log's public key (and the witnesses' keys) and nothing else.
 *
 * The event hash is a chain hash (libs/ledger/src/canonical.ts): contentHash = SHA-256 hex of the
 * canonical JSON of the event's content, hash = SHA-256 hex of the string prevHash + contentHash,
 * prevHash being the hash of the previous event of the same stream (64 zeros for version 1). So
 * each event carries `canonical` (the exact text contentHash covers), `contentHash`, `prevHash`
 * and `eventHash`; the verifier recomputes both hashes, checks the chain between the bundle's
 * events of each stream (contiguous versions from 1), and checks that each event hash is the leaf
 * (SHA-256(0x00 ‖ 32 hash bytes)) at `leafIndex` of the tree the signed checkpoint commits to.
 *
 * packages/verify-evidence/ repeats this check in plain JavaScript on purpose (see its README):
 * keep the two in step; tests/evidence/offline-verifier.test.ts runs both on the same bundles.
 */

export const EVIDENCE_FORMAT = 'casework-evidence/1';

export interface EvidenceEvent {
  /** Position of the event in the global order: its leaf in the Merkle tree. */
  leafIndex: number;
  streamId: string;
  streamVersion: number;
  type: string;
  /** canonicalJson({ streamId, version, type, schemaVersion, data, metadata }): what contentHash covers. */
  canonical: string;
  contentHash: string;
  prevHash: string;
  eventHash: string;
  /** RFC 9162 inclusion proof of the event's leaf in the checkpoint's tree, base64 hashes. */
  inclusionProof: string[];
}

export interface EvidenceKey {
  name: string;
  /** Key ID as 8 hex digits (type 0x01 for the log, 0x04 for witnesses). */
  keyId: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
}

export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  caseId: string;
  events: EvidenceEvent[];
  /** The signed checkpoint note, with any cosignatures. */
  checkpoint: string;
  keys: { log: EvidenceKey; witnesses: EvidenceKey[] };
}

/** An event as the store holds it (read raw): what the bundle is built from. */
export interface StoredEventForEvidence {
  leafIndex: number;
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: { schemaVersion: number };
  contentHash: string;
  prevHash: string;
  hash: string;
}

export function evidenceKey(key: NotePublicKey): EvidenceKey {
  return { name: key.name, keyId: keyIdHex(key), publicKey: toBase64(key.publicKey) };
}

/**
 * Builds a bundle from stored events (as stored, hashes not recomputed, so a bundle shows the
 * store as it is), a signed checkpoint, and the stored tree nodes at least up to its size.
 */
export function buildEvidenceBundle(input: {
  caseId: string;
  events: readonly StoredEventForEvidence[];
  checkpoint: string;
  nodes: NodeSource;
  logKey: NotePublicKey;
  witnessKeys?: readonly NotePublicKey[];
}): EvidenceBundle {
  const { size } = parseCheckpoint(parseNote(input.checkpoint).body);
  return {
    format: EVIDENCE_FORMAT,
    caseId: input.caseId,
    events: input.events.map((event) => ({
      leafIndex: event.leafIndex,
      streamId: event.streamId,
      streamVersion: event.version,
      type: event.type,
      canonical: canonicalJson(recordedEventContent(event)),
      contentHash: event.contentHash,
      prevHash: event.prevHash,
      eventHash: event.hash,
      inclusionProof: inclusionProof(event.leafIndex, size, input.nodes).map(toBase64),
    })),
    checkpoint: input.checkpoint,
    keys: { log: evidenceKey(input.logKey), witnesses: (input.witnessKeys ?? []).map(evidenceKey) },
  };
}

// ---------------------------------------------------------------------------------------------
// Verification

export type EvidenceFailureCode =
  /** Not a casework-evidence/1 bundle, or a field of the wrong shape. */
  | 'bundle_malformed'
  /** The bundle names another log key than the one the inspector trusts. */
  | 'log_key_mismatch'
  /** The checkpoint is not a signed checkpoint note. */
  | 'checkpoint_malformed'
  /** The trusted log key's signature on the checkpoint is missing or does not verify. */
  | 'checkpoint_signature'
  /** A trusted witness's cosignature is missing or does not verify. */
  | 'witness_cosignature'
  /** SHA-256 of `canonical` is not `contentHash`: the event's content was changed. */
  | 'event_content'
  /** `canonical` is not canonical JSON of an event, or disagrees with streamId, streamVersion or type. */
  | 'event_fields'
  /** SHA-256 of prevHash + contentHash is not `eventHash`. */
  | 'event_hash'
  /** An event's prevHash is not its stream predecessor's hash, or versions are not contiguous from 1. */
  | 'event_chain'
  /** The inclusion proof does not lead from the event's leaf to the checkpoint's root. */
  | 'event_inclusion';

export interface EvidenceFailure {
  code: EvidenceFailureCode;
  /** Index into `events` of the failing event. */
  eventIndex?: number;
  /** Name of the failing witness. */
  witness?: string;
  message: string;
  messageEn: string;
}

export type EvidenceVerification =
  | {
      ok: true;
      caseId: string;
      treeSize: number;
      events: number;
      witnesses: Array<{ name: string; timestamp: number }>;
      message: string;
      messageEn: string;
    }
  | { ok: false; failure: EvidenceFailure };

export interface EvidenceTrust {
  /** The log's raw 32-byte Ed25519 public key (bytes or base64), obtained out of band. */
  logKey: Uint8Array | string;
  /** Witnesses whose cosignature must be present and valid; a missing name is looked up in the bundle by key. */
  witnessKeys?: ReadonlyArray<{ name?: string; publicKey: Uint8Array | string }>;
}

/** Verifies a bundle (parsed JSON of any shape) and returns ok or the first failure. */
export function verifyEvidenceBundle(bundle: unknown, trust: EvidenceTrust): EvidenceVerification {
  const fail = (failure: EvidenceFailure): EvidenceVerification => ({ ok: false, failure });

  const shape = bundleShapeProblem(bundle);
  if (shape)
    return fail({
      code: 'bundle_malformed',
      message: `证据包格式不正确：${shape.zh}`,
      messageEn: `the bundle is malformed: ${shape.en}`,
    });
  const b = bundle as EvidenceBundle;

  const logKey = asKeyBytes(trust.logKey);
  if (!logKey || b.keys.log.publicKey !== toBase64(logKey)) {
    return fail({
      code: 'log_key_mismatch',
      message: '证据包中的日志公钥与给定的日志公钥不同',
      messageEn: 'the log public key in the bundle is not the one given',
    });
  }
  const log: NotePublicKey = { name: b.keys.log.name, kind: 'ed25519', publicKey: logKey };

  const witnesses: NotePublicKey[] = [];
  for (const given of trust.witnessKeys ?? []) {
    const publicKey = asKeyBytes(given.publicKey);
    const name = given.name ?? b.keys.witnesses.find((w) => publicKey && w.publicKey === toBase64(publicKey))?.name;
    if (!publicKey || !name) {
      return fail({
        code: 'witness_cosignature',
        witness: given.name ?? String(given.publicKey),
        message: '给定的见证人公钥不在证据包中，无法确定其名称',
        messageEn: 'a given witness key is not listed in the bundle, so its name is unknown',
      });
    }
    witnesses.push({ name, kind: 'cosignature/v1', publicKey });
  }

  let checkpoint: Checkpoint;
  let verification: ReturnType<typeof verifyNote>;
  try {
    verification = verifyNote(b.checkpoint, [log, ...witnesses]);
    checkpoint = parseCheckpoint(verification.body);
  } catch (error) {
    if (!(error instanceof NoteFormatError)) throw error;
    return fail({
      code: 'checkpoint_malformed',
      message: `检查点格式不正确：${error.message}`,
      messageEn: `the checkpoint is malformed: ${error.message}`,
    });
  }
  const logSigned = verification.verified.some((v) => v.name === log.name && v.kind === 'ed25519');
  const logFailed = verification.failed.some((v) => v.name === log.name && v.kind === 'ed25519');
  if (!logSigned || logFailed) {
    return fail({
      code: 'checkpoint_signature',
      message: `检查点没有日志 ${log.name} 的有效签名`,
      messageEn: `the checkpoint has no valid signature by the log ${log.name}`,
    });
  }
  const cosigned: Array<{ name: string; timestamp: number }> = [];
  for (const witness of witnesses) {
    const ok = verification.verified.find((v) => v.name === witness.name && v.kind === 'cosignature/v1');
    const bad = verification.failed.some((v) => v.name === witness.name && v.kind === 'cosignature/v1');
    if (!ok || bad) {
      return fail({
        code: 'witness_cosignature',
        witness: witness.name,
        message: `检查点没有见证人 ${witness.name} 的有效副署`,
        messageEn: `the checkpoint has no valid cosignature by the witness ${witness.name}`,
      });
    }
    cosigned.push({ name: witness.name, timestamp: ok.timestamp as number });
  }

  const previous = new Map<string, EvidenceEvent>();
  for (const [index, event] of b.events.entries()) {
    const at = `第 ${index + 1} 个事件（events[${index}]，${event.streamId}@${event.streamVersion}）`;
    const atEn = `event ${index + 1} (events[${index}], ${event.streamId}@${event.streamVersion})`;
    const eventFail = (code: EvidenceFailureCode, zh: string, en: string) =>
      fail({ code, eventIndex: index, message: `${at}：${zh}`, messageEn: `${atEn}: ${en}` });

    if (sha256Hex(event.canonical) !== event.contentHash) {
      return eventFail(
        'event_content',
        '内容与其内容哈希不符，内容被改动',
        'its content does not hash to its content hash; the content was changed',
      );
    }
    const fields = canonicalFieldsProblem(event);
    if (fields) return eventFail('event_fields', fields.zh, fields.en);
    if (chainHash(event.prevHash, event.contentHash) !== event.eventHash) {
      return eventFail(
        'event_hash',
        '事件哈希不是前一哈希与内容哈希的链式哈希',
        'its event hash is not the chain hash of prevHash and contentHash',
      );
    }
    const before = previous.get(event.streamId);
    const expectedVersion = before ? before.streamVersion + 1 : 1;
    const expectedPrev = before ? before.eventHash : ZERO_HASH;
    if (event.streamVersion !== expectedVersion || event.prevHash !== expectedPrev) {
      return eventFail(
        'event_chain',
        `与同一流的前一事件不相连（应为版本 ${expectedVersion}，前一哈希应为 ${expectedPrev.slice(0, 12)}…）`,
        `it does not link to the previous event of its stream (expected version ${expectedVersion}, prevHash ${expectedPrev.slice(0, 12)}…)`,
      );
    }
    previous.set(event.streamId, event);
    const proof = event.inclusionProof.map((p) => Buffer.from(p, 'base64'));
    const wellFormed = event.inclusionProof.every(
      (p, i) => proof[i]?.length === 32 && toBase64(proof[i] ?? new Uint8Array()) === p,
    );
    if (
      !wellFormed ||
      !verifyInclusion(event.leafIndex, checkpoint.size, leafHashOfHex(event.eventHash), proof, checkpoint.rootHash)
    ) {
      return eventFail(
        'event_inclusion',
        `包含证明不能从叶子 ${event.leafIndex} 导出检查点（大小 ${checkpoint.size}）的根哈希`,
        `the inclusion proof does not lead from leaf ${event.leafIndex} to the root of the checkpoint (size ${checkpoint.size})`,
      );
    }
  }

  const witnessText = cosigned.length > 0 ? cosigned.map((w) => w.name).join('、') : '';
  return {
    ok: true,
    caseId: b.caseId,
    treeSize: checkpoint.size,
    events: b.events.length,
    witnesses: cosigned,
    message: `证据包验证通过：${b.events.length} 个事件均包含在日志 ${log.name} 大小为 ${checkpoint.size} 的已签名检查点中${witnessText ? `，并经见证人 ${witnessText} 副署` : ''}`,
    messageEn: `the bundle verifies: all ${b.events.length} events are in the signed checkpoint of ${log.name} at size ${checkpoint.size}${witnessText ? `, cosigned by ${cosigned.map((w) => w.name).join(', ')}` : ''}`,
  };
}

function asKeyBytes(key: Uint8Array | string): Uint8Array | null {
  try {
    const bytes = typeof key === 'string' ? fromBase64(key, 'a public key') : key;
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

interface Problem {
  zh: string;
  en: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

function bundleShapeProblem(value: unknown): Problem | null {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(value)) return { zh: '不是 JSON 对象', en: 'not a JSON object' };
  if (value.format !== EVIDENCE_FORMAT)
    return { zh: `format 不是 ${EVIDENCE_FORMAT}`, en: `format is not ${EVIDENCE_FORMAT}` };
  if (typeof value.caseId !== 'string') return { zh: '缺少 caseId', en: 'caseId is missing' };
  if (typeof value.checkpoint !== 'string') return { zh: '缺少 checkpoint', en: 'checkpoint is missing' };
  const keys = value.keys;
  const isKey = (k: unknown) =>
    isRecord(k) && typeof k.name === 'string' && typeof k.keyId === 'string' && typeof k.publicKey === 'string';
  if (!isRecord(keys) || !isKey(keys.log) || !Array.isArray(keys.witnesses) || !keys.witnesses.every(isKey)) {
    return { zh: 'keys 应为 { log, witnesses }', en: 'keys must be { log, witnesses }' };
  }
  if (!Array.isArray(value.events) || value.events.length === 0) return { zh: 'events 为空', en: 'events is empty' };
  const leaves = new Set<number>();
  for (const [index, event] of value.events.entries()) {
    const bad = (field: string): Problem => ({
      zh: `events[${index}].${field} 不正确`,
      en: `events[${index}].${field} is wrong`,
    });
    if (!isRecord(event)) return bad('');
    if (!Number.isSafeInteger(event.leafIndex) || (event.leafIndex as number) < 0) return bad('leafIndex');
    if (leaves.has(event.leafIndex as number)) return bad('leafIndex');
    leaves.add(event.leafIndex as number);
    if (typeof event.streamId !== 'string') return bad('streamId');
    if (!Number.isSafeInteger(event.streamVersion) || (event.streamVersion as number) < 1) return bad('streamVersion');
    if (typeof event.type !== 'string') return bad('type');
    if (typeof event.canonical !== 'string') return bad('canonical');
    for (const field of ['contentHash', 'prevHash', 'eventHash'] as const) {
      if (typeof event[field] !== 'string' || !HEX64.test(event[field])) return bad(field);
    }
    if (!Array.isArray(event.inclusionProof) || !event.inclusionProof.every((p) => typeof p === 'string')) {
      return bad('inclusionProof');
    }
  }
  return null;
}

/** `canonical` must be the canonical form of an event whose stream, version and type the bundle states. */
function canonicalFieldsProblem(event: EvidenceEvent): Problem | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(event.canonical);
  } catch {
    return { zh: 'canonical 不是 JSON', en: 'canonical is not JSON' };
  }
  if (canonicalJson(parsed) !== event.canonical) {
    return { zh: 'canonical 不是规范 JSON（键序或空白不同）', en: 'canonical is not in canonical JSON form' };
  }
  const content = parsed as Record<string, unknown>;
  if (content.streamId !== event.streamId || content.version !== event.streamVersion || content.type !== event.type) {
    return {
      zh: 'canonical 中的流、版本或类型与事件所述不同',
      en: 'the stream, version or type in canonical differ from the event’s',
    };
  }
  return null;
}
