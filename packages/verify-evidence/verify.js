'use strict';
/**
 * Offline verification of a casework-evidence/1 bundle, with node:crypto and nothing else.
 *
 * This file deliberately repeats the few rules it needs from libs/ledger (canonical JSON, the
 * event chain hash, RFC 9162 inclusion proofs, C2SP signed notes and cosignatures) instead of
 * importing them: an inspector must be able to read all of it and run it on a machine that has
 * only Node.js. tests/evidence/offline-verifier.test.ts runs it and libs/ledger's
 * verifyEvidenceBundle on the same bundles and expects the same verdicts; change both together.
 */
const { createHash, createPublicKey, verify } = require('node:crypto');

const FORMAT = 'casework-evidence/1';
const ZERO_HASH = '0'.repeat(64);
const HEX64 = /^[0-9a-f]{64}$/;
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const MAX_SIGNATURES = 64;

// --- hashing (libs/ledger/src/canonical.ts, merkle.ts) ---------------------------------------

function sha256Hex(text) {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Canonical JSON: keys sorted by UTF-16 code units, no whitespace, JSON types only. */
function canonicalJson(value) {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('not JSON');
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value))
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      return `{${Object.keys(value)
        .sort()
        .filter((key) => value[key] !== undefined)
        .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
        .join(',')}}`;
    default:
      throw new TypeError('not JSON');
  }
}

function leafHash(eventHashHex) {
  return createHash('sha256')
    .update(Buffer.from([0x00]))
    .update(Buffer.from(eventHashHex, 'hex'))
    .digest();
}

function nodeHash(left, right) {
  return createHash('sha256')
    .update(Buffer.from([0x01]))
    .update(left)
    .update(right)
    .digest();
}

/** RFC 9162 §2.1.3.2. */
function verifyInclusion(leafIndex, treeSize, leaf, proof, root) {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

// --- signed notes (libs/ledger/src/transparency/signed-note.ts) ------------------------------

class NoteFormatError extends Error {}

/** Standard base64 that round-trips (Buffer alone accepts anything). */
function fromBase64(text, what) {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new NoteFormatError(`${what} is not base64`);
  return bytes;
}

/** SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4]: type 0x01 for the log, 0x04 for cosignatures. */
function keyId(name, publicKey, type) {
  return createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, type]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

function parseNote(text) {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(text)) throw new NoteFormatError('a note contains no control characters');
  if (!text.endsWith('\n')) throw new NoteFormatError('a note ends with a newline');
  const split = text.lastIndexOf('\n\n');
  if (split < 0) throw new NoteFormatError('a note has a blank line before its signatures');
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  if (lines.length === 1 && lines[0] === '') throw new NoteFormatError('a note has at least one signature');
  if (lines.length > MAX_SIGNATURES) throw new NoteFormatError(`a note has at most ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!match) throw new NoteFormatError('a signature line is "— <name> <base64 signature>"');
    const [, name, encoded] = match;
    if (/[\s+]/u.test(name)) throw new NoteFormatError('a key name is non-empty, without spaces or "+"');
    const bytes = fromBase64(encoded, `the signature of ${name}`);
    if (bytes.length < 5) throw new NoteFormatError(`the signature of ${name} is too short`);
    return { name, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { body, signatures };
}

function parseCheckpoint(body) {
  if (!body.endsWith('\n')) throw new NoteFormatError('a checkpoint ends with a newline');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new NoteFormatError('a checkpoint has an origin, a size and a root hash line');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin === '') throw new NoteFormatError('the checkpoint origin is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new NoteFormatError('the checkpoint size is not a decimal number');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new NoteFormatError('the checkpoint size is too large');
  const rootHash = fromBase64(rootText, 'the checkpoint root hash');
  if (rootHash.length !== 32) throw new NoteFormatError('the checkpoint root hash is not 32 bytes');
  if (extensions.some((line) => line === '')) throw new NoteFormatError('a checkpoint has no empty lines');
  return { origin, size, rootHash };
}

function publicKeyObject(raw) {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/**
 * For each known key: verified (with the cosignature time), failed, or absent. A signature line
 * counts for a key when both its name and key ID match; others are ignored.
 */
function checkNoteSignatures(note, keys) {
  return keys.map((key) => {
    const type = key.kind === 'ed25519' ? 0x01 : 0x04;
    const id = keyId(key.name, key.publicKey, type);
    const lines = note.signatures.filter((s) => s.name === key.name && s.keyId.equals(id));
    if (lines.length === 0) return { key, status: 'absent' };
    let timestamp;
    for (const line of lines) {
      let ok;
      if (key.kind === 'ed25519') {
        ok =
          line.signature.length === 64 &&
          verify(null, Buffer.from(note.body, 'utf8'), publicKeyObject(key.publicKey), line.signature);
      } else {
        ok = false;
        if (line.signature.length === 72) {
          const time = line.signature.readBigUInt64BE(0);
          if (time <= BigInt(Number.MAX_SAFE_INTEGER)) {
            timestamp = Number(time);
            const message = Buffer.from(`cosignature/v1\ntime ${timestamp}\n${note.body}`, 'utf8');
            ok = verify(null, message, publicKeyObject(key.publicKey), line.signature.subarray(8));
          }
        }
      }
      if (!ok) return { key, status: 'failed' };
    }
    return { key, status: 'verified', timestamp };
  });
}

// --- the bundle (libs/ledger/src/transparency/evidence-bundle.ts) ----------------------------

function bundleShapeProblem(value) {
  const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(value)) return { zh: '不是 JSON 对象', en: 'not a JSON object' };
  if (value.format !== FORMAT) return { zh: `format 不是 ${FORMAT}`, en: `format is not ${FORMAT}` };
  if (typeof value.caseId !== 'string') return { zh: '缺少 caseId', en: 'caseId is missing' };
  if (typeof value.checkpoint !== 'string') return { zh: '缺少 checkpoint', en: 'checkpoint is missing' };
  const keys = value.keys;
  const isKey = (k) =>
    isRecord(k) && typeof k.name === 'string' && typeof k.keyId === 'string' && typeof k.publicKey === 'string';
  if (!isRecord(keys) || !isKey(keys.log) || !Array.isArray(keys.witnesses) || !keys.witnesses.every(isKey)) {
    return { zh: 'keys 应为 { log, witnesses }', en: 'keys must be { log, witnesses }' };
  }
  if (!Array.isArray(value.events) || value.events.length === 0) return { zh: 'events 为空', en: 'events is empty' };
  const leaves = new Set();
  for (const [index, event] of value.events.entries()) {
    const bad = (field) => ({ zh: `events[${index}].${field} 不正确`, en: `events[${index}].${field} is wrong` });
    if (!isRecord(event)) return bad('');
    if (!Number.isSafeInteger(event.leafIndex) || event.leafIndex < 0 || leaves.has(event.leafIndex))
      return bad('leafIndex');
    leaves.add(event.leafIndex);
    if (typeof event.streamId !== 'string') return bad('streamId');
    if (!Number.isSafeInteger(event.streamVersion) || event.streamVersion < 1) return bad('streamVersion');
    if (typeof event.type !== 'string') return bad('type');
    if (typeof event.canonical !== 'string') return bad('canonical');
    for (const field of ['contentHash', 'prevHash', 'eventHash']) {
      if (typeof event[field] !== 'string' || !HEX64.test(event[field])) return bad(field);
    }
    if (!Array.isArray(event.inclusionProof) || !event.inclusionProof.every((p) => typeof p === 'string')) {
      return bad('inclusionProof');
    }
  }
  return null;
}

function canonicalFieldsProblem(event) {
  let parsed;
  try {
    parsed = JSON.parse(event.canonical);
  } catch {
    return { zh: 'canonical 不是 JSON', en: 'canonical is not JSON' };
  }
  if (canonicalJson(parsed) !== event.canonical) {
    return { zh: 'canonical 不是规范 JSON（键序或空白不同）', en: 'canonical is not in canonical JSON form' };
  }
  const content = parsed !== null && typeof parsed === 'object' ? parsed : {};
  if (content.streamId !== event.streamId || content.version !== event.streamVersion || content.type !== event.type) {
    return {
      zh: 'canonical 中的流、版本或类型与事件所述不同',
      en: 'the stream, version or type in canonical differ from the event’s',
    };
  }
  return null;
}

function keyBytes(text) {
  try {
    const bytes = fromBase64(text, 'a public key');
    return bytes.length === 32 ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Verifies a parsed bundle against the log key (base64 of its raw 32 bytes) and witness keys
 * ({ name?, publicKey: base64 }). Returns { ok: true, … } or { ok: false, failure } with the
 * first failure: { code, eventIndex?, witness?, message (Chinese), messageEn }.
 */
function verifyBundle(bundle, { logKey, witnessKeys = [] }) {
  const fail = (failure) => ({ ok: false, failure });

  const shape = bundleShapeProblem(bundle);
  if (shape)
    return fail({
      code: 'bundle_malformed',
      message: `证据包格式不正确：${shape.zh}`,
      messageEn: `the bundle is malformed: ${shape.en}`,
    });

  const logBytes = keyBytes(logKey);
  if (!logBytes || bundle.keys.log.publicKey !== logBytes.toString('base64')) {
    return fail({
      code: 'log_key_mismatch',
      message: '证据包中的日志公钥与给定的日志公钥不同',
      messageEn: 'the log public key in the bundle is not the one given',
    });
  }
  const log = { name: bundle.keys.log.name, kind: 'ed25519', publicKey: logBytes };

  const witnesses = [];
  for (const given of witnessKeys) {
    const publicKey = keyBytes(given.publicKey);
    const name =
      given.name ?? bundle.keys.witnesses.find((w) => publicKey && w.publicKey === publicKey.toString('base64'))?.name;
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

  let note;
  let checkpoint;
  try {
    note = parseNote(bundle.checkpoint);
    checkpoint = parseCheckpoint(note.body);
  } catch (error) {
    if (!(error instanceof NoteFormatError)) throw error;
    return fail({
      code: 'checkpoint_malformed',
      message: `检查点格式不正确：${error.message}`,
      messageEn: `the checkpoint is malformed: ${error.message}`,
    });
  }
  const [logResult, ...witnessResults] = checkNoteSignatures(note, [log, ...witnesses]);
  if (logResult.status !== 'verified') {
    return fail({
      code: 'checkpoint_signature',
      message: `检查点没有日志 ${log.name} 的有效签名`,
      messageEn: `the checkpoint has no valid signature by the log ${log.name}`,
    });
  }
  const cosigned = [];
  for (const result of witnessResults) {
    if (result.status !== 'verified') {
      return fail({
        code: 'witness_cosignature',
        witness: result.key.name,
        message: `检查点没有见证人 ${result.key.name} 的有效副署`,
        messageEn: `the checkpoint has no valid cosignature by the witness ${result.key.name}`,
      });
    }
    cosigned.push({ name: result.key.name, timestamp: result.timestamp });
  }

  const previous = new Map();
  for (const [index, event] of bundle.events.entries()) {
    const at = `第 ${index + 1} 个事件（events[${index}]，${event.streamId}@${event.streamVersion}）`;
    const atEn = `event ${index + 1} (events[${index}], ${event.streamId}@${event.streamVersion})`;
    const eventFail = (code, zh, en) =>
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
    if (sha256Hex(event.prevHash + event.contentHash) !== event.eventHash) {
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
      (p, i) => proof[i].length === 32 && proof[i].toString('base64') === p,
    );
    if (
      !wellFormed ||
      !verifyInclusion(event.leafIndex, checkpoint.size, leafHash(event.eventHash), proof, checkpoint.rootHash)
    ) {
      return eventFail(
        'event_inclusion',
        `包含证明不能从叶子 ${event.leafIndex} 导出检查点（大小 ${checkpoint.size}）的根哈希`,
        `the inclusion proof does not lead from leaf ${event.leafIndex} to the root of the checkpoint (size ${checkpoint.size})`,
      );
    }
  }

  const names = cosigned.map((w) => w.name);
  return {
    ok: true,
    caseId: bundle.caseId,
    treeSize: checkpoint.size,
    events: bundle.events.length,
    witnesses: cosigned,
    message: `证据包验证通过：${bundle.events.length} 个事件均包含在日志 ${log.name} 大小为 ${checkpoint.size} 的已签名检查点中${names.length > 0 ? `，并经见证人 ${names.join('、')} 副署` : ''}`,
    messageEn: `the bundle verifies: all ${bundle.events.length} events are in the signed checkpoint of ${log.name} at size ${checkpoint.size}${names.length > 0 ? `, cosigned by ${names.join(', ')}` : ''}`,
  };
}

module.exports = { verifyBundle, canonicalJson, verifyInclusion, parseNote, parseCheckpoint, FORMAT };
