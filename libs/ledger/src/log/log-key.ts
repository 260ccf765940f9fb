import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { eventKeyring, eventSigner, type EventKeyring, type EventSigner } from '@casework/event-store';
import {
  fromBase64,
  keyIdHex,
  noteSigner,
  privateKeyFromSeed,
  toBase64,
  type NoteKeyKind,
  type NotePublicKey,
  type NoteSigner,
} from '../transparency/signed-note';

/**
 * The log's signing key (issue 8): an Ed25519 private key that lives outside the database, in
 * LEDGER_KEY_FILE, or generated on first start into DATA_DIR. A key file holds a PKCS#8 PEM
 * (what `npm run cli -- keys generate` writes) or the raw 32-byte seed (binary, base64 or hex).
 */

export const GENERATED_KEY_FILE = 'ledger-log-key.pem';

export class LogKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogKeyError';
  }
}

/** Reads a private key from the bytes of a key file. */
export function parsePrivateKey(content: Buffer, file: string): KeyObject {
  const text = content.toString('utf8').trim();
  try {
    if (text.includes('-----BEGIN')) return createPrivateKey(text);
    if (content.length === 32) return privateKeyFromSeed(content);
    if (/^[0-9a-fA-F]{64}$/.test(text)) return privateKeyFromSeed(Buffer.from(text, 'hex'));
    const seed = fromBase64(text, 'the seed');
    if (seed.length === 32) return privateKeyFromSeed(seed);
  } catch (e) {
    throw new LogKeyError(`密钥文件 ${file} 无法读取：${(e as Error).message}. The key file ${file} cannot be read`);
  }
  throw new LogKeyError(
    `密钥文件 ${file} 不是 Ed25519 私钥（PKCS#8 PEM 或 32 字节种子）。The key file ${file} is not an Ed25519 private key (PKCS#8 PEM or a 32-byte seed)`,
  );
}

export function readSigner(file: string, name: string, kind: NoteKeyKind = 'ed25519'): NoteSigner {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (e) {
    throw new LogKeyError(`无法读取密钥文件 ${file}：${(e as Error).message}. Cannot read the key file ${file}`);
  }
  const key = parsePrivateKey(content, file);
  if (key.asymmetricKeyType !== 'ed25519') throw new LogKeyError(`密钥文件 ${file} 不是 Ed25519 私钥`);
  return noteSigner(name, key, kind);
}

/** A new Ed25519 private key as PKCS#8 PEM. */
export function generatePrivateKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** Writes a new key file (mode 0600); refuses to overwrite one. */
export function writeNewKeyFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, generatePrivateKeyPem(), { mode: 0o600, flag: 'wx' });
}

export interface LogKeySettings {
  /** LEDGER_KEY_FILE, or null to use (and on first start create) DATA_DIR/ledger-log-key.pem. */
  keyFile: string | null;
  dataDir: string;
  /** The log's name: the checkpoint origin and the key name of its signatures. */
  name: string;
}

/**
 * The log's signer: from the configured key file, else from DATA_DIR, generating it there the
 * first time (`onGenerated` gets the file for a log line). Several processes may race to create
 * it: the file is created exclusively and whoever loses reads the winner's.
 */
export function loadOrCreateLogSigner(
  settings: LogKeySettings,
  onGenerated?: (file: string, signer: NoteSigner) => void,
): NoteSigner {
  if (settings.keyFile) return readSigner(settings.keyFile, settings.name);
  const file = join(settings.dataDir, GENERATED_KEY_FILE);
  let generated = false;
  try {
    writeNewKeyFile(file);
    generated = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const signer = readSigner(file, settings.name);
  if (generated) onGenerated?.(file, signer);
  return signer;
}

/** How keys are shown: name, key ID (C2SP key hint, 8 hex digits) and the raw public key in base64. */
export function describeKey(key: NotePublicKey): { name: string; keyId: string; publicKey: string } {
  return { name: key.name, keyId: keyIdHex(key), publicKey: toBase64(key.publicKey) };
}

export function publicPart(signer: NoteSigner): NotePublicKey {
  return { name: signer.name, kind: signer.kind, publicKey: signer.publicKey };
}

/**
 * The same key signs the events the API appends (issue 8 item 3): under the log's name, so an
 * event signature's key id is the checkpoints' key id.
 */
export function eventSignerOf(signer: NoteSigner): EventSigner {
  return eventSigner(signer.name, signer.privateKey);
}

/** The keyring verifyLedger checks event signatures with: the log's current key. */
export function eventKeyringOf(signer: NoteSigner): EventKeyring {
  return eventKeyring(signer.name, [signer.privateKey]);
}
