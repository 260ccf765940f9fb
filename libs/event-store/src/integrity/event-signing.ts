import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { contentHashPrefix, type EventContent } from './canonical';

/**
 * Signatures of events (issue 8 item 3): the API signs what it appends with an Ed25519 key kept
 * outside the database, so whoever holds only database credentials cannot add an event that
 * verifies. Pure functions over node:crypto KeyObjects; loading the key is the caller's business.
 *
 * The store, not the caller, fixes an event's version and its `metadata.recordedAt` (the database
 * clock, inside the append function), so the signature covers everything else: the canonical
 * content without the version and with `metadata.recordedAt` replaced by RECORDED_AT_BY_STORE,
 * which is exactly the text the PostgreSQL adapter sends to the append function. Message:
 * "casework-event/v1\n" + sha-256 hex of that text.
 *
 * Key ids are C2SP signed-note key hints, lower-case hex: the first 4 bytes of
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ raw 32-byte public key), so one Ed25519 key (LEDGER_KEY_FILE) has
 * the same id for event signatures and for the log's checkpoints. Rotation: a keyring lists every
 * key id still accepted.
 */

/** What the caller puts in metadata.recordedAt; the append function replaces it with its own clock. */
export const RECORDED_AT_BY_STORE = '@store';

const MESSAGE_PREFIX = 'casework-event/v1\n';
// SubjectPublicKeyInfo DER of an Ed25519 key, before its 32 raw bytes (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const KEY_ID = /^[0-9a-f]{8}$/;

export interface EventSignature {
  /** C2SP key hint of the signing key, 8 lower-case hex digits. */
  keyId: string;
  /** base64 of the 64-byte Ed25519 signature. */
  value: string;
}

export interface EventSigner {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** Public keys by key id: every key whose signatures verify still accepts. */
export type EventKeyring = ReadonlyMap<string, KeyObject>;

function rawEd25519PublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  if (der.length !== 44 || !der.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) {
    throw new TypeError('event signing needs an Ed25519 key');
  }
  return der.subarray(12);
}

/** The C2SP key hint of `name` and an Ed25519 public (or private) key, as hex. */
export function eventKeyId(name: string, key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Buffer.from([0x0a, 0x01]))
    .update(rawEd25519PublicKey(publicKey))
    .digest()
    .subarray(0, 4)
    .toString('hex');
}

/** A signer for the log named `name` (the C2SP key name, the same as its checkpoints'). */
export function eventSigner(name: string, privateKey: KeyObject): EventSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('eventSigner: an Ed25519 private key is needed');
  }
  return { keyId: eventKeyId(name, privateKey), privateKey };
}

/** A keyring of the log's current and earlier public keys (private keys are reduced to public ones). */
export function eventKeyring(name: string, keys: readonly KeyObject[]): EventKeyring {
  return new Map(keys.map((k) => [eventKeyId(name, k), k.type === 'private' ? createPublicKey(k) : k]));
}

/** The text the signature covers, from the caller's side: the hash prefix as sent to the store. */
export function signingMessage(signedPrefix: string): Buffer {
  return Buffer.from(MESSAGE_PREFIX + createHash('sha256').update(signedPrefix, 'utf8').digest('hex'), 'utf8');
}

/** Signs the hash prefix of an event whose metadata.recordedAt is still RECORDED_AT_BY_STORE. */
export function signPrefix(signer: EventSigner, signedPrefix: string): EventSignature {
  return { keyId: signer.keyId, value: sign(null, signingMessage(signedPrefix), signer.privateKey).toString('base64') };
}

/** The prefix a stored event was signed over: its content without version, recordedAt back to the placeholder. */
export function signedPrefixOf(content: Omit<EventContent, 'version'>): string {
  const metadata = content.metadata;
  const unset =
    metadata !== null && typeof metadata === 'object' && !Array.isArray(metadata)
      ? { ...(metadata as Record<string, unknown>), recordedAt: RECORDED_AT_BY_STORE }
      : metadata;
  return contentHashPrefix({ ...content, metadata: unset });
}

export type SignatureCheck =
  { ok: true; keyId: string } | { ok: false; reason: 'unsigned' | 'unknown_key' | 'bad_signature'; keyId?: string };

/** Whether `signature` is a valid signature of the stored event's content by a key of the keyring. */
export function verifyEventSignature(
  keyring: EventKeyring,
  content: Omit<EventContent, 'version'>,
  signature: EventSignature | null | undefined,
): SignatureCheck {
  if (!signature || !signature.keyId || !signature.value) return { ok: false, reason: 'unsigned' };
  const key = KEY_ID.test(signature.keyId) ? keyring.get(signature.keyId) : undefined;
  if (!key) return { ok: false, reason: 'unknown_key', keyId: signature.keyId };
  return signatureVerifies(key, content, signature.value)
    ? { ok: true, keyId: signature.keyId }
    : { ok: false, reason: 'bad_signature', keyId: signature.keyId };
}

function signatureVerifies(key: KeyObject, content: Omit<EventContent, 'version'>, value: string): boolean {
  try {
    const bytes = Buffer.from(value, 'base64');
    return bytes.length === 64 && verify(null, signingMessage(signedPrefixOf(content)), key, bytes);
  } catch {
    return false;
  }
}
