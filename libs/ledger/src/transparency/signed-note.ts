import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { HASH_SIZE } from './merkle';

/**
 * C2SP signed notes (c2sp.org/signed-note), checkpoints (c2sp.org/tlog-checkpoint) and Ed25519
 * cosignatures (c2sp.org/tlog-cosignature, cosignature/v1), with Ed25519 from node:crypto only.
 *
 * A note is a text ending in a newline, a blank line, then signature lines
 * `— <key name> <base64(4-byte key ID ‖ signature)>`. The key ID is
 * SHA-256(name ‖ 0x0A ‖ type ‖ 32-byte public key)[:4], type 0x01 for a plain Ed25519 signature
 * (the log's) and 0x04 for a timestamped cosignature (a witness's). A cosignature's bytes are
 * key ID ‖ u64 big-endian POSIX seconds ‖ Ed25519 signature over
 * "cosignature/v1\ntime <seconds>\n" followed by the note text.
 */

export const SIGNATURE_TYPE_ED25519 = 0x01;
export const SIGNATURE_TYPE_COSIGNATURE_V1 = 0x04;

/** How a key signs: a plain note signature (a log) or a timestamped cosignature (a witness). */
export type NoteKeyKind = 'ed25519' | 'cosignature/v1';

export interface NotePublicKey {
  name: string;
  kind: NoteKeyKind;
  /** The raw 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

export interface NoteSigner extends NotePublicKey {
  privateKey: KeyObject;
}

export class NoteFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoteFormatError';
  }
}

// SubjectPublicKeyInfo DER of an Ed25519 key, before its 32 raw bytes (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const MAX_SIGNATURES = 64;
const EM_DASH = '\u2014';

export function generateNoteSigner(name: string, kind: NoteKeyKind = 'ed25519'): NoteSigner {
  const { privateKey } = generateKeyPairSync('ed25519');
  return noteSigner(name, privateKey, kind);
}

/** A signer from a stored private key (PKCS#8 PEM or a KeyObject). */
export function noteSigner(name: string, privateKey: KeyObject | string, kind: NoteKeyKind = 'ed25519'): NoteSigner {
  checkKeyName(name);
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  if (key.asymmetricKeyType !== 'ed25519' || key.type !== 'private') {
    throw new TypeError('noteSigner: an Ed25519 private key is needed');
  }
  return { name, kind, privateKey: key, publicKey: rawPublicKey(createPublicKey(key)) };
}

/** The private key of a 32-byte Ed25519 seed (RFC 8032's private key), as PKCS#8 wraps it. */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new TypeError('an Ed25519 seed is 32 bytes');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function rawPublicKey(key: KeyObject): Uint8Array {
  const der = key.export({ type: 'spki', format: 'der' });
  if (der.length !== 44 || !der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) {
    throw new TypeError('rawPublicKey: not an Ed25519 public key');
  }
  return new Uint8Array(der.subarray(12));
}

export function publicKeyObject(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new TypeError('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** SHA-256(name ‖ 0x0A ‖ type ‖ public key)[:4]. */
export function keyId(name: string, publicKey: Uint8Array, kind: NoteKeyKind = 'ed25519'): Uint8Array {
  const type = kind === 'ed25519' ? SIGNATURE_TYPE_ED25519 : SIGNATURE_TYPE_COSIGNATURE_V1;
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, type]))
    .update(publicKey)
    .digest();
  return new Uint8Array(digest.subarray(0, 4));
}

/** The key ID as 8 hex digits, the form the keys route and messages show. */
export function keyIdHex(key: NotePublicKey): string {
  return Buffer.from(keyId(key.name, key.publicKey, key.kind)).toString('hex');
}

// ---------------------------------------------------------------------------------------------
// Checkpoints

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Optional extension lines (the format discourages them). */
  extensions?: string[];
}

/** The note text of a checkpoint: origin, size in decimal, base64 root, each line ending in \n. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  checkOrigin(checkpoint.origin);
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) throw new RangeError('tree size must be ≥ 0');
  if (checkpoint.rootHash.length !== HASH_SIZE) throw new RangeError('a root hash is 32 bytes');
  const extensions = checkpoint.extensions ?? [];
  for (const line of extensions) {
    if (line === '' || hasControl(line, false)) throw new NoteFormatError('extension lines are non-empty text');
  }
  const lines = [checkpoint.origin, String(checkpoint.size), toBase64(checkpoint.rootHash), ...extensions];
  return lines.map((line) => `${line}\n`).join('');
}

export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) throw new NoteFormatError('a checkpoint ends with a newline');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new NoteFormatError('a checkpoint has an origin, a size and a root hash line');
  const [origin = '', sizeText = '', rootText = '', ...extensions] = lines;
  if (origin === '') throw new NoteFormatError('the checkpoint origin is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new NoteFormatError('the checkpoint size is not a decimal number');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new NoteFormatError('the checkpoint size is too large');
  const rootHash = fromBase64(rootText, 'the checkpoint root hash');
  if (rootHash.length !== HASH_SIZE) throw new NoteFormatError('the checkpoint root hash is not 32 bytes');
  if (extensions.some((line) => line === '')) throw new NoteFormatError('a checkpoint has no empty lines');
  return { origin, size, rootHash, ...(extensions.length > 0 ? { extensions } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Notes

export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  /** The bytes after the key ID: an Ed25519 signature, or a timestamp and one for a cosignature. */
  signature: Uint8Array;
  /** The line as it appears in the note, without its newline. */
  line: string;
}

export interface Note {
  /** The signed text, with its final newline, without the blank line. */
  body: string;
  signatures: NoteSignature[];
}

/** The note: the text, a blank line, one signature line by `signer` (a log key, kind ed25519). */
export function signNote(body: string, signer: NoteSigner): string {
  return `${body}\n${signatureLine(body, signer)}\n`;
}

/** One signature line for `body`, without its newline. */
export function signatureLine(body: string, signer: NoteSigner): string {
  if (signer.kind !== 'ed25519') throw new TypeError('signatureLine: a cosigner signs with cosign()');
  checkBody(body);
  const signature = sign(null, Buffer.from(body, 'utf8'), signer.privateKey);
  return formatSignatureLine(signer, signature);
}

/** Appends signature lines (for example cosignatures) to a signed note. */
export function addSignatures(note: string, lines: readonly string[]): string {
  const parsed = parseNote(note);
  for (const line of lines) parseSignatureLine(line);
  return `${parsed.body}\n${[...parsed.signatures.map((s) => s.line), ...lines].map((l) => `${l}\n`).join('')}`;
}

export function parseNote(text: string): Note {
  if (hasControl(text, true)) throw new NoteFormatError('a note contains no control characters');
  if (!text.endsWith('\n')) throw new NoteFormatError('a note ends with a newline');
  const split = text.lastIndexOf('\n\n');
  if (split < 0) throw new NoteFormatError('a note has a blank line before its signatures');
  const body = text.slice(0, split + 1);
  const lines = text.slice(split + 2, -1).split('\n');
  if (lines.length === 1 && lines[0] === '') throw new NoteFormatError('a note has at least one signature');
  if (lines.length > MAX_SIGNATURES) throw new NoteFormatError(`a note has at most ${MAX_SIGNATURES} signatures`);
  return { body, signatures: lines.map(parseSignatureLine) };
}

export function parseSignatureLine(line: string): NoteSignature {
  const match = /^\u2014 (\S+) (\S+)$/u.exec(line);
  if (!match) throw new NoteFormatError('a signature line is "— <name> <base64 signature>"');
  const [, name = '', encoded = ''] = match;
  checkKeyName(name);
  const bytes = fromBase64(encoded, `the signature of ${name}`);
  if (bytes.length < 5) throw new NoteFormatError(`the signature of ${name} is too short`);
  return { name, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4), line };
}

// ---------------------------------------------------------------------------------------------
// Cosignatures (tlog-cosignature, Ed25519 cosignature/v1)

/** The message a cosigner signs: "cosignature/v1\ntime <seconds>\n" and the note text. */
export function cosignatureMessage(body: string, timestamp: number): Buffer {
  checkTimestamp(timestamp);
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`, 'utf8');
}

/** A cosignature line by `witness` (kind cosignature/v1) over `body` at `timestamp` (POSIX seconds). */
export function cosign(body: string, witness: NoteSigner, timestamp: number): string {
  if (witness.kind !== 'cosignature/v1') throw new TypeError('cosign: the key is not a cosigner key');
  checkBody(body);
  const signature = sign(null, cosignatureMessage(body, timestamp), witness.privateKey);
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  return formatSignatureLine(witness, Buffer.concat([time, signature]));
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface VerifiedSignature {
  name: string;
  kind: NoteKeyKind;
  keyId: string;
  /** For a cosignature, the POSIX seconds it carries. */
  timestamp?: number;
}

export interface NoteVerification {
  /** True when no known key's signature failed and at least one verified. */
  ok: boolean;
  body: string;
  verified: VerifiedSignature[];
  /** Signatures that match a known key by name and key ID, and do not verify. */
  failed: VerifiedSignature[];
  /** Signatures from keys not given (ignored, as the format requires, but reported). */
  unknown: Array<{ name: string; keyId: string }>;
}

/**
 * Verifies a note against known keys. Signatures of unknown keys are ignored (and reported);
 * a known key's signature that does not verify makes the note fail, as does having no verified
 * signature at all. Throws NoteFormatError for text that is not a note.
 */
export function verifyNote(text: string, keys: readonly NotePublicKey[]): NoteVerification {
  const note = parseNote(text);
  const known = keys.map((key) => ({ key, id: Buffer.from(keyId(key.name, key.publicKey, key.kind)) }));
  const result: NoteVerification = { ok: false, body: note.body, verified: [], failed: [], unknown: [] };
  for (const signature of note.signatures) {
    const match = known.find((k) => k.key.name === signature.name && k.id.equals(signature.keyId));
    const id = Buffer.from(signature.keyId).toString('hex');
    if (!match) {
      result.unknown.push({ name: signature.name, keyId: id });
      continue;
    }
    const checked = checkSignature(note.body, signature, match.key);
    const entry: VerifiedSignature = { name: signature.name, kind: match.key.kind, keyId: id };
    if (checked.timestamp !== undefined) entry.timestamp = checked.timestamp;
    (checked.ok ? result.verified : result.failed).push(entry);
  }
  result.ok = result.failed.length === 0 && result.verified.length > 0;
  return result;
}

function checkSignature(
  body: string,
  signature: NoteSignature,
  key: NotePublicKey,
): { ok: boolean; timestamp?: number } {
  const publicKey = publicKeyObject(key.publicKey);
  if (key.kind === 'ed25519') {
    return {
      ok: signature.signature.length === 64 && verify(null, Buffer.from(body, 'utf8'), publicKey, signature.signature),
    };
  }
  if (signature.signature.length !== 8 + 64) return { ok: false };
  const time = Buffer.from(signature.signature.subarray(0, 8)).readBigUInt64BE();
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false };
  const timestamp = Number(time);
  const ok = verify(null, cosignatureMessage(body, timestamp), publicKey, signature.signature.subarray(8));
  return { ok, timestamp };
}

// ---------------------------------------------------------------------------------------------

function formatSignatureLine(key: NotePublicKey, signature: Uint8Array): string {
  return `${EM_DASH} ${key.name} ${toBase64(Buffer.concat([keyId(key.name, key.publicKey, key.kind), signature]))}`;
}

/** Whether the text holds a control character (below U+0020), a newline allowed when `newlines` says so. */
function hasControl(text: string, newlines: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !(newlines && code === 0x0a)) return true;
  }
  return false;
}

function checkKeyName(name: string): void {
  if (name === '' || /[\s+]/u.test(name)) throw new NoteFormatError('a key name is non-empty, without spaces or "+"');
}

function checkOrigin(origin: string): void {
  if (origin === '' || hasControl(origin, false))
    throw new NoteFormatError('a checkpoint origin is one non-empty line');
}

function checkBody(body: string): void {
  if (!body.endsWith('\n') || hasControl(body, true)) {
    throw new NoteFormatError('a note text ends with a newline and holds no control characters');
  }
}

function checkTimestamp(timestamp: number): void {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new RangeError('a timestamp is whole POSIX seconds');
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** Standard base64 with padding, refusing anything that does not round-trip (Buffer is lenient). */
export function fromBase64(text: string, what: string): Uint8Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new NoteFormatError(`${what} is not base64`);
  return new Uint8Array(bytes);
}
