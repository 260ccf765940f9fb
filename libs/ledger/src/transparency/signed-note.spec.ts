import { createHash, verify } from 'node:crypto';
import {
  NoteFormatError,
  addSignatures,
  cosign,
  cosignatureMessage,
  formatCheckpoint,
  generateNoteSigner,
  keyId,
  keyIdHex,
  noteSigner,
  parseCheckpoint,
  parseNote,
  privateKeyFromSeed,
  publicKeyObject,
  rawPublicKey,
  signNote,
  verifyNote,
  type NotePublicKey,
  type NoteSigner,
} from './signed-note';
import { nth } from '../../../../tests/support/defined';

const publicOf = (signer: NoteSigner): NotePublicKey => ({
  name: signer.name,
  kind: signer.kind,
  publicKey: signer.publicKey,
});

const root = createHash('sha256').update('a root').digest();
const log = generateNoteSigner('casework.example/ledger');
const witness = generateNoteSigner('inspector.example/w1', 'cosignature/v1');
const body = formatCheckpoint({ origin: 'casework.example/ledger', size: 20852163, rootHash: root });

/** Replaces the character at `at` with another one of the same class, so the text stays well-formed. */
function mutate(text: string, at: number): string {
  const c = text[at] ?? '';
  const replacement = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'A' ? 'B' : 'A';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

describe('Ed25519 keys', () => {
  it('round-trips a raw 32-byte public key', () => {
    const raw = log.publicKey;
    expect(raw).toHaveLength(32);
    expect(rawPublicKey(publicKeyObject(raw))).toEqual(raw);
    expect(() => publicKeyObject(raw.subarray(1))).toThrow(TypeError);
  });

  it('rebuilds a signer from its PEM private key', () => {
    const pem = log.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(noteSigner(log.name, pem).publicKey).toEqual(log.publicKey);
  });

  it('computes key IDs as SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4], type 0x01 for logs and 0x04 for cosigners', () => {
    const expected = (type: number) =>
      createHash('sha256')
        .update(Buffer.concat([Buffer.from(log.name), Buffer.from([0x0a, type]), log.publicKey]))
        .digest()
        .subarray(0, 4)
        .toString('hex');
    expect(Buffer.from(keyId(log.name, log.publicKey)).toString('hex')).toBe(expected(0x01));
    expect(Buffer.from(keyId(log.name, log.publicKey, 'cosignature/v1')).toString('hex')).toBe(expected(0x04));
  });

  it('reproduces the Go sumdb/note example note byte for byte', () => {
    // golang.org/x/mod/sumdb/note: skey PRIVATE+KEY+PeterNeumann+c74f20a3+AYEK… (0x01 ‖ seed).
    const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
    const peter = noteSigner('PeterNeumann', privateKeyFromSeed(seed));
    const vkey = Buffer.from('ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'base64').subarray(1);
    expect(Buffer.from(peter.publicKey)).toEqual(vkey);
    expect(keyIdHex(peter)).toBe('c74f20a3');
    const text =
      'If you think cryptography is the answer to your problem,\n' + "then you don't know what your problem is.\n";
    expect(signNote(text, peter)).toBe(
      `${text}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`,
    );
  });
});

describe('checkpoints', () => {
  it('formats origin, decimal size and base64 root, each line ending in a newline', () => {
    expect(body).toBe(`casework.example/ledger\n20852163\n${root.toString('base64')}\n`);
    expect(parseCheckpoint(body)).toEqual({ origin: 'casework.example/ledger', size: 20852163, rootHash: root });
  });

  it('keeps extension lines', () => {
    const withExtension = formatCheckpoint({ origin: 'o', size: 0, rootHash: root, extensions: ['x 1'] });
    expect(parseCheckpoint(withExtension).extensions).toEqual(['x 1']);
  });

  it.each([
    ['no final newline', body.slice(0, -1)],
    ['a leading zero in the size', body.replace('\n20852163\n', '\n020852163\n')],
    ['a negative size', body.replace('\n20852163\n', '\n-1\n')],
    ['a short root', `o\n1\n${root.subarray(1).toString('base64')}\n`],
    ['a root that is not base64', 'o\n1\nnot*base64\n'],
    ['an empty origin', `\n1\n${root.toString('base64')}\n`],
    ['two lines only', 'o\n1\n'],
  ])('refuses %s', (_label, text) => {
    expect(() => parseCheckpoint(text)).toThrow(NoteFormatError);
  });
});

describe('signed notes', () => {
  const note = signNote(body, log);

  it('round-trips: text, blank line, one signature line with the key ID', () => {
    const parsed = parseNote(note);
    expect(parsed.body).toBe(body);
    expect(parsed.signatures).toHaveLength(1);
    expect(nth(parsed.signatures, 0).name).toBe(log.name);
    expect(Buffer.from(nth(parsed.signatures, 0).keyId)).toEqual(Buffer.from(keyId(log.name, log.publicKey)));
    expect(note.startsWith(`${body}\n— ${log.name} `)).toBe(true);
    const verification = verifyNote(note, [publicOf(log)]);
    expect(verification).toMatchObject({ ok: true, body, failed: [], unknown: [] });
    expect(verification.verified).toEqual([{ name: log.name, kind: 'ed25519', keyId: keyIdHex(log) }]);
  });

  it('fails when the origin, size or root of the body is changed', () => {
    const lines = note.split('\n');
    for (const index of [0, 1, 2]) {
      for (const at of [0, 3, nth(lines, index).length - 2]) {
        const tampered = [...lines];
        tampered[index] = mutate(nth(lines, index), at);
        const verification = verifyNote(tampered.join('\n'), [publicOf(log)]);
        expect(verification.ok).toBe(false);
        expect(verification.failed.map((f) => f.name)).toEqual([log.name]);
      }
    }
  });

  it('fails when the signature is changed', () => {
    const signatureStart = note.lastIndexOf(' ') + 1;
    // Past the four key ID bytes (six base64 characters) the change hits the signature itself.
    for (const at of [signatureStart + 8, signatureStart + 40, note.length - 5]) {
      expect(verifyNote(mutate(note, at), [publicOf(log)]).ok).toBe(false);
    }
  });

  it('does not verify with another key of the same name, which counts as unknown', () => {
    const impostor = generateNoteSigner(log.name);
    const verification = verifyNote(note, [publicOf(impostor)]);
    expect(verification.ok).toBe(false);
    expect(verification.verified).toEqual([]);
    expect(verification.unknown).toEqual([{ name: log.name, keyId: keyIdHex(log) }]);
  });

  it('ignores but reports a signer it does not know', () => {
    const stranger = generateNoteSigner('stranger.example/key');
    const both = addSignatures(note, [signNote(body, stranger).trimEnd().split('\n').pop() as string]);
    const verification = verifyNote(both, [publicOf(log)]);
    expect(verification.ok).toBe(true);
    expect(verification.unknown).toEqual([{ name: stranger.name, keyId: keyIdHex(stranger) }]);
  });

  it.each([
    ['no blank line', note.replace('\n\n', '\n')],
    ['no signature', `${body}\n`],
    ['no final newline', note.slice(0, -1)],
    ['a control character', note.replace('casework', 'case\u0007work')],
    ['a signature line without the em dash', note.replace('— ', '- ')],
    ['a signature that is not base64', note.replace(/ [^ ]+\n$/, ' !!!!\n')],
  ])('refuses a note with %s', (_label, text) => {
    expect(() => parseNote(text)).toThrow(NoteFormatError);
  });
});

describe('cosignatures (cosignature/v1)', () => {
  const note = signNote(body, log);
  const time = 1679315147;
  const line = cosign(body, witness, time);
  const cosigned = addSignatures(note, [line]);

  it('signs "cosignature/v1\\ntime <t>\\n" + body, the bytes being key ID ‖ u64 time ‖ signature', () => {
    expect(cosignatureMessage(body, time).toString()).toBe(`cosignature/v1\ntime 1679315147\n${body}`);
    const bytes = Buffer.from(nth(line.split(' '), 2), 'base64');
    expect(bytes).toHaveLength(4 + 8 + 64);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from(keyId(witness.name, witness.publicKey, 'cosignature/v1')));
    expect(bytes.readBigUInt64BE(4)).toBe(BigInt(time));
    expect(verify(null, cosignatureMessage(body, time), publicKeyObject(witness.publicKey), bytes.subarray(12))).toBe(
      true,
    );
  });

  it('verifies alongside the log signature and reports the time', () => {
    const verification = verifyNote(cosigned, [publicOf(log), publicOf(witness)]);
    expect(verification.ok).toBe(true);
    expect(verification.verified).toEqual([
      { name: log.name, kind: 'ed25519', keyId: keyIdHex(log) },
      { name: witness.name, kind: 'cosignature/v1', keyId: keyIdHex(witness), timestamp: time },
    ]);
  });

  it('fails when the time or the signature is changed', () => {
    const bytes = Buffer.from(nth(line.split(' '), 2), 'base64');
    for (const at of [11, 12, 40, 75]) {
      const bad = Buffer.from(bytes);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const tampered = addSignatures(note, [`— ${witness.name} ${bad.toString('base64')}`]);
      const verification = verifyNote(tampered, [publicOf(log), publicOf(witness)]);
      expect(verification.ok).toBe(false);
      expect(verification.failed.map((f) => f.name)).toEqual([witness.name]);
    }
  });

  it('is not a log signature: the same key as kind ed25519 has another key ID', () => {
    const asLog: NotePublicKey = { ...publicOf(witness), kind: 'ed25519' };
    expect(verifyNote(cosigned, [asLog]).unknown.map((u) => u.name)).toContain(witness.name);
    expect(() => cosign(body, log, time)).toThrow(TypeError);
  });

  it('refuses a fractional or negative time', () => {
    expect(() => cosign(body, witness, 1.5)).toThrow(RangeError);
    expect(() => cosign(body, witness, -1)).toThrow(RangeError);
  });
});
