import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  toBase64,
  verifyEvidenceBundle,
  type EvidenceBundle,
  type EvidenceVerification,
} from '../../libs/ledger/src/transparency';
import { evidenceFixture } from '../../libs/ledger/src/transparency/testing/evidence-fixture';
import { nth } from '../support/defined';

/**
 * The offline verifier (packages/verify-evidence) run as an inspector runs it: `node cli.js`, in
 * a child process, on bundles built with libs/ledger. Every tampered bundle must exit non-zero
 * with the same first failure that libs/ledger's verifyEvidenceBundle names, so the two
 * deliberately separate implementations cannot drift apart unnoticed.
 */

const CLI = join(__dirname, '../../packages/verify-evidence/cli.js');
const fixture = evidenceFixture({ caseEvents: 5, otherEvents: 20 });
const logKey = toBase64(fixture.log.publicKey);
const witnessArg = `${fixture.witness.name}=${toBase64(fixture.witness.publicKey)}`;
const trust = { logKey, witnessKeys: [{ name: fixture.witness.name, publicKey: fixture.witness.publicKey }] };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'verify-evidence-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
function runCli(
  bundle: unknown,
  extra: string[] = ['--json'],
): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `bundle-${(files += 1)}.json`);
  writeFileSync(file, JSON.stringify(bundle, null, 2));
  const result = spawnSync(process.execPath, [CLI, file, '--log-key', logKey, '--witness-key', witnessArg, ...extra], {
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and the library on the same bundle; they must agree, and the bundle must fail. */
function expectRefused(bundle: EvidenceBundle, code: string, eventIndex?: number): void {
  const cli = runCli(bundle);
  const fromCli = JSON.parse(cli.stdout) as EvidenceVerification;
  const fromLib = verifyEvidenceBundle(bundle, trust);
  expect(cli.status).toBe(1);
  expect(fromCli).toEqual(JSON.parse(JSON.stringify(fromLib)));
  if (fromLib.ok) throw new Error('expected a failure');
  expect(fromLib.failure.code).toBe(code);
  if (eventIndex !== undefined) expect(fromLib.failure.eventIndex).toBe(eventIndex);
}

const copy = (): EvidenceBundle => JSON.parse(JSON.stringify(fixture.bundle)) as EvidenceBundle;

/** Replaces the character at `at` with another of the same kind (digit, base64 letter, hex digit). */
function changeChar(text: string, at: number): string {
  const c = text[at] ?? '';
  const replacement = /[0-9]/.test(c) ? String((Number(c) + 1) % 10) : c === 'a' ? 'b' : c === 'A' ? 'B' : 'a';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}

describe('the offline verifier (node packages/verify-evidence/cli.js)', () => {
  it('exits 0 on the bundle as built, with a verdict in Chinese and English', () => {
    const result = runCli(fixture.bundle, []);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '验证通过：5 个事件均包含在日志 casework.example/ledger 大小为 25 的已签名检查点中',
    );
    expect(result.stdout).toContain('VERIFIED: all 5 events are in the signed checkpoint');
    expect(result.stdout).toContain('inspector.example/w1');
  });

  it('agrees with the library on the verified result', () => {
    const cli = runCli(fixture.bundle);
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(verifyEvidenceBundle(fixture.bundle, trust))));
  });

  it('prints the first failure in Chinese and English and exits 1', () => {
    const bundle = copy();
    nth(bundle.events, 2).canonical = nth(bundle.events, 2).canonical.replace('"amountFen":5', '"amountFen":9');
    const result = runCli(bundle, []);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      '验证失败（event_content）：第 3 个事件（events[2]，case-c-0001@3）：内容与其内容哈希不符',
    );
    expect(result.stdout).toContain('NOT VERIFIED (event_content): event 3 (events[2], case-c-0001@3)');
  });

  it('refuses a changed byte anywhere in an event', () => {
    for (const index of [0, 2, 4]) {
      const canonical = nth(fixture.bundle.events, index).canonical;
      for (const at of [1, Math.floor(canonical.length / 3), Math.floor(canonical.length / 2), canonical.length - 2]) {
        const bundle = copy();
        nth(bundle.events, index).canonical = changeChar(canonical, at);
        expectRefused(bundle, 'event_content', index);
      }
    }
    for (const [field, code] of [
      ['contentHash', 'event_content'],
      ['prevHash', 'event_hash'],
      ['eventHash', 'event_hash'],
    ] as const) {
      for (const at of [0, 40]) {
        const bundle = copy();
        nth(bundle.events, 3)[field] = changeChar(nth(bundle.events, 3)[field], at);
        expectRefused(bundle, code, 3);
      }
    }
    const version = copy();
    nth(version.events, 1).streamVersion = 3;
    expectRefused(version, 'event_fields', 1);
    const leaf = copy();
    nth(leaf.events, 4).leafIndex -= 1;
    expectRefused(leaf, 'event_inclusion', 4);
  });

  it('refuses a changed byte anywhere in an inclusion proof', () => {
    for (const index of [0, 4]) {
      const proof = nth(fixture.bundle.events, index).inclusionProof;
      for (const element of [0, Math.floor(proof.length / 2), proof.length - 1]) {
        for (const at of [0, 42]) {
          const bundle = copy();
          nth(bundle.events, index).inclusionProof[element] = changeChar(nth(proof, element), at);
          expectRefused(bundle, 'event_inclusion', index);
        }
      }
    }
  });

  it('refuses a changed byte anywhere in the checkpoint', () => {
    const text = fixture.bundle.checkpoint;
    const lines = text.split('\n');
    const offsetOf = (line: number) => lines.slice(0, line).join('\n').length + (line > 0 ? 1 : 0);
    const positions: Array<[number, string]> = [
      [offsetOf(0) + 3, 'checkpoint_signature'], // origin
      [offsetOf(1), 'checkpoint_signature'], // size
      [offsetOf(2) + 5, 'checkpoint_signature'], // root
      [offsetOf(2) + 30, 'checkpoint_signature'],
      [offsetOf(4) + nth(lines, 4).lastIndexOf(' ') + 3, 'checkpoint_signature'], // log signature: key ID
      [offsetOf(4) + nth(lines, 4).lastIndexOf(' ') + 50, 'checkpoint_signature'], // log signature
      [offsetOf(5) + nth(lines, 5).lastIndexOf(' ') + 12, 'witness_cosignature'], // cosignature: time
      [offsetOf(5) + nth(lines, 5).lastIndexOf(' ') + 60, 'witness_cosignature'], // cosignature
    ];
    for (const [at, code] of positions) {
      const bundle = copy();
      bundle.checkpoint = changeChar(text, at);
      expectRefused(bundle, code);
    }
    const unsigned = copy();
    unsigned.checkpoint = `${lines.slice(0, 3).join('\n')}\n`;
    expectRefused(unsigned, 'checkpoint_malformed');
  });

  it('refuses a bundle for another log key, and a bad command line with exit 2', () => {
    const other = copy();
    other.keys.log.publicKey = toBase64(fixture.witness.publicKey);
    expectRefused(other, 'log_key_mismatch');
    const usage = spawnSync(process.execPath, [CLI, join(dir, 'missing.json')], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--log-key');
  });
});
