import { chainHash, sha256Hex } from '@casework/event-store';
import { generateNoteSigner, toBase64 } from './signed-note';
import {
  verifyEvidenceBundle,
  type EvidenceBundle,
  type EvidenceTrust,
  type EvidenceVerification,
} from './evidence-bundle';
import { evidenceFixture } from './testing/evidence-fixture';
import { nth } from '../../../../tests/support/defined';

const fixture = evidenceFixture();
const trust: EvidenceTrust = {
  logKey: toBase64(fixture.log.publicKey),
  witnessKeys: [{ name: fixture.witness.name, publicKey: fixture.witness.publicKey }],
};

const copy = (): EvidenceBundle => JSON.parse(JSON.stringify(fixture.bundle)) as EvidenceBundle;

function failureOf(result: EvidenceVerification): { code: string; eventIndex?: number; witness?: string } {
  if (result.ok) throw new Error('expected a failure, the bundle verified');
  expect(result.failure.message).toMatch(/[\u4e00-\u9fff]/);
  expect(result.failure.messageEn).not.toBe('');
  const { code, eventIndex, witness } = result.failure;
  return { code, ...(eventIndex !== undefined ? { eventIndex } : {}), ...(witness ? { witness } : {}) };
}

function flipHexChar(hex: string, at: number): string {
  const c = hex[at];
  return hex.slice(0, at) + (c === '0' ? '1' : '0') + hex.slice(at + 1);
}

function flipBase64Byte(b64: string, at: number): string {
  const bytes = Buffer.from(b64, 'base64');
  bytes[at % bytes.length] = (bytes[at % bytes.length] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

describe('verifyEvidenceBundle', () => {
  it('accepts the bundle as built, naming the checkpoint and witness', () => {
    const result = verifyEvidenceBundle(fixture.bundle, trust);
    expect(result).toMatchObject({ ok: true, caseId: 'c-0001', treeSize: 13, events: 4 });
    expect(result.ok && result.witnesses).toEqual([{ name: 'inspector.example/w1', timestamp: 1_700_000_000 }]);
    expect(result.ok && result.message).toContain('证据包验证通过');
  });

  it('accepts it without witness keys, and finds a witness name from its key', () => {
    expect(verifyEvidenceBundle(fixture.bundle, { logKey: fixture.log.publicKey }).ok).toBe(true);
    const byKey = verifyEvidenceBundle(fixture.bundle, {
      logKey: fixture.log.publicKey,
      witnessKeys: [{ publicKey: toBase64(fixture.witness.publicKey) }],
    });
    expect(byKey.ok).toBe(true);
  });

  it('stores what the hash covers: the canonical text of each event', () => {
    const event = nth(fixture.bundle.events, 0);
    expect(JSON.parse(event.canonical)).toMatchObject({ streamId: 'case-c-0001', version: 1, type: 'CaseOpened' });
    expect(event.prevHash).toBe('0'.repeat(64));
    expect(fixture.bundle.events.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4]);
  });

  describe('names the first failure', () => {
    it('in the content of any event (a changed amount, name or date)', () => {
      for (const index of [0, 2, 3]) {
        for (const [from, to] of [
          ['"amountFen":5', '"amountFen":9'],
          ['张三', '李四'],
          ['2020-11-2', '2020-12-2'],
        ] as const) {
          const bundle = copy();
          const event = nth(bundle.events, index);
          event.canonical = event.canonical.replace(from, to);
          expect(failureOf(verifyEvidenceBundle(bundle, trust))).toEqual({ code: 'event_content', eventIndex: index });
        }
      }
    });

    it('in a content hash, previous hash or event hash, at any position', () => {
      for (const field of ['contentHash', 'prevHash', 'eventHash'] as const) {
        for (const at of [0, 31, 63]) {
          const bundle = copy();
          nth(bundle.events, 1)[field] = flipHexChar(nth(bundle.events, 1)[field], at);
          const expected = { contentHash: 'event_content', prevHash: 'event_hash', eventHash: 'event_hash' }[field];
          expect(failureOf(verifyEvidenceBundle(bundle, trust))).toEqual({ code: expected, eventIndex: 1 });
        }
      }
    });

    it('in an event rewritten with recomputed hashes, and in its successor', () => {
      // An insider who rewrites event 2 and recomputes its hashes: the tree the log signed has the old leaf.
      const bundle = copy();
      const event = nth(bundle.events, 2);
      event.canonical = event.canonical.replace('"amountFen":5', '"amountFen":9');
      event.contentHash = sha256Hex(event.canonical);
      event.eventHash = chainHash(event.prevHash, event.contentHash);
      expect(failureOf(verifyEvidenceBundle(bundle, trust))).toEqual({ code: 'event_inclusion', eventIndex: 2 });
      // With event 2 left alone, a successor that claims the rewritten hash as its predecessor breaks the chain.
      const successor = copy();
      nth(successor.events, 3).prevHash = event.eventHash;
      nth(successor.events, 3).eventHash = chainHash(event.eventHash, nth(successor.events, 3).contentHash);
      expect(failureOf(verifyEvidenceBundle(successor, trust))).toEqual({ code: 'event_chain', eventIndex: 3 });
    });

    it('in a dropped or reordered event', () => {
      const dropped = copy();
      dropped.events.splice(1, 1);
      expect(failureOf(verifyEvidenceBundle(dropped, trust))).toEqual({ code: 'event_chain', eventIndex: 1 });
      const reordered = copy();
      reordered.events.splice(1, 2, nth(reordered.events, 2), nth(reordered.events, 1));
      expect(failureOf(verifyEvidenceBundle(reordered, trust))).toEqual({ code: 'event_chain', eventIndex: 1 });
    });

    it('in the stated stream, version or type of an event', () => {
      const bundle = copy();
      nth(bundle.events, 2).type = 'CaseRejected';
      expect(failureOf(verifyEvidenceBundle(bundle, trust))).toEqual({ code: 'event_fields', eventIndex: 2 });
    });

    it('in any byte of any inclusion proof, or a moved leaf index', () => {
      for (const index of [0, 3]) {
        const proof = nth(fixture.bundle.events, index).inclusionProof;
        for (let element = 0; element < proof.length; element++) {
          for (const at of [0, 17, 31]) {
            const bundle = copy();
            nth(bundle.events, index).inclusionProof[element] = flipBase64Byte(nth(proof, element), at);
            expect(failureOf(verifyEvidenceBundle(bundle, trust))).toEqual({
              code: 'event_inclusion',
              eventIndex: index,
            });
          }
        }
      }
      const moved = copy();
      nth(moved.events, 1).leafIndex += 1;
      expect(failureOf(verifyEvidenceBundle(moved, trust))).toEqual({ code: 'event_inclusion', eventIndex: 1 });
      const shortened = copy();
      nth(shortened.events, 0).inclusionProof.pop();
      expect(failureOf(verifyEvidenceBundle(shortened, trust))).toEqual({ code: 'event_inclusion', eventIndex: 0 });
    });

    it('in the checkpoint size, root or log signature', () => {
      const lines = fixture.bundle.checkpoint.split('\n');
      const cases: Array<[number, (line: string) => string]> = [
        [1, (l) => String(Number(l) + 1)],
        [2, (l) => flipBase64Byte(l, 0)],
        [2, (l) => flipBase64Byte(l, 31)],
        [4, (l) => l.replace(/ (\S+)$/, (_m, sig: string) => ` ${flipBase64Byte(sig, 40)}`)],
      ];
      for (const [line, change] of cases) {
        const bundle = copy();
        const changed = [...lines];
        changed[line] = change(nth(lines, line));
        bundle.checkpoint = changed.join('\n');
        expect(failureOf(verifyEvidenceBundle(bundle, trust)).code).toBe('checkpoint_signature');
      }
    });

    it('in a witness cosignature, or a witness that did not cosign', () => {
      const bundle = copy();
      const lines = bundle.checkpoint.split('\n');
      lines[5] = nth(lines, 5).replace(/ (\S+)$/, (_m, sig: string) => ` ${flipBase64Byte(sig, 50)}`);
      bundle.checkpoint = lines.join('\n');
      expect(failureOf(verifyEvidenceBundle(bundle, trust))).toEqual({
        code: 'witness_cosignature',
        witness: 'inspector.example/w1',
      });
      const absent = generateNoteSigner('inspector.example/w2', 'cosignature/v1');
      const withAbsent = { ...trust, witnessKeys: [{ name: absent.name, publicKey: absent.publicKey }] };
      expect(failureOf(verifyEvidenceBundle(fixture.bundle, withAbsent)).code).toBe('witness_cosignature');
    });

    it('in a bundle made for another log key', () => {
      const other = generateNoteSigner('casework.example/ledger');
      expect(failureOf(verifyEvidenceBundle(fixture.bundle, { logKey: other.publicKey })).code).toBe(
        'log_key_mismatch',
      );
      const bundle = copy();
      bundle.keys.log.publicKey = toBase64(other.publicKey);
      expect(failureOf(verifyEvidenceBundle(bundle, { logKey: other.publicKey })).code).toBe('checkpoint_signature');
    });

    it('in a bundle that is not one', () => {
      for (const bad of [
        null,
        [],
        { ...copy(), format: 'other/1' },
        { ...copy(), events: [] },
        { ...copy(), events: [{}] },
      ]) {
        expect(failureOf(verifyEvidenceBundle(bad, trust)).code).toBe('bundle_malformed');
      }
      const text = copy();
      text.checkpoint = 'not a note';
      expect(failureOf(verifyEvidenceBundle(text, trust)).code).toBe('checkpoint_malformed');
    });
  });
});
