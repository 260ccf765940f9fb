import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { chainHash, contentHash, recordedEventContent, ZERO_HASH, type AppendContext } from '@casework/event-store';
import {
  fromBase64,
  latestCheckpoint,
  leafHashOfHex,
  makeCheckpoint,
  parseCheckpoint,
  parseNote,
  readSigner,
  storedRoot,
  toBase64,
  treeTables,
  verifyConsistency,
  verifyInclusion,
  verifyNote,
  writeNewKeyFile,
  type Checkpoint,
  type EvidenceBundle,
} from '@casework/ledger';
import { ProjectionRunner, rebuildProjection, TransparencyLogProjection } from '@casework/read-models';
import { runWitness } from '../../apps/witness/src/witness';
import { startTestApp, type TestApp } from '../support/app';
import { nth } from '../support/defined';

/**
 * The transparency log wired into the running system (issue 8, items 4-7): the tree the
 * projection stores, checkpoints signed with the log key, proofs served from PostgreSQL, evidence
 * bundles checked by the offline verifier, and a witness that refuses a rewritten log even when
 * the forger holds the log key.
 */

const VERIFIER = join(__dirname, '../../packages/verify-evidence/cli.js');
const LOG_NAME = 'casework.test.example/ledger';
const WITNESS_NAME = 'inspector.example/w1';

let dir: string;
let t: TestApp;
let runner: ProjectionRunner;
let inspector: string;
let caseworker: string;
let logKey: string;
let witnessKey: string;
const caseId = randomUUID();
const caseStream = `case-${caseId}`;

const ctx = (): AppendContext => ({
  correlationId: randomUUID(),
  actor: { userId: 'u-test', role: 'caseworker', unit: 'district' },
});

async function appendEvents(count: number, prefix: string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const streamId = i % 3 === 0 ? caseStream : `household-${prefix}-${i % 5}`;
    await t.store.append(streamId, [{ type: 'Noted', data: { n: i, note: `${prefix} 事件 ${i}` } }], 'any', ctx());
  }
  await runner.catchUp();
}

async function api(path: string, token = inspector, init: RequestInit = {}): Promise<Response> {
  return fetch(`${t.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
}

async function checkpointNow(): Promise<Checkpoint & { note: string }> {
  const res = await api('/api/ledger/checkpoints', inspector, { method: 'POST' });
  expect(res.status).toBe(200);
  const note = ((await res.json()) as { checkpoint: string }).checkpoint;
  return { ...parseCheckpoint(parseNote(note).body), note };
}

function verifyBundleFile(bundle: unknown, withWitness = false): { status: number | null; out: string } {
  const file = join(dir, `bundle-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  const args = [VERIFIER, file, '--log-key', logKey];
  if (withWitness) args.push('--witness-key', `${WITNESS_NAME}=${witnessKey}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'transparency-'));
  const logKeyFile = join(dir, 'log.pem');
  const witnessKeyFile = join(dir, 'witness.pem');
  writeNewKeyFile(logKeyFile);
  writeNewKeyFile(witnessKeyFile);
  logKey = toBase64(readSigner(logKeyFile, LOG_NAME).publicKey);
  witnessKey = toBase64(readSigner(witnessKeyFile, WITNESS_NAME, 'cosignature/v1').publicKey);
  t = await startTestApp('evidence', {
    LEDGER_KEY_FILE: logKeyFile,
    LEDGER_LOG_NAME: LOG_NAME,
    LEDGER_WITNESS_KEYS: `${WITNESS_NAME}=${witnessKey}`,
  });
  runner = new ProjectionRunner({
    pool: t.db.adminPool,
    store: t.store,
    schema: t.db.schema,
    projections: [new TransparencyLogProjection()],
    logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
  });
  inspector = await t.login('inspector');
  caseworker = await t.login('caseworker');
  await appendEvents(40, 'a');
}, 60_000);

afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the transparency log', () => {
  it('serves the log key and signs checkpoints only inspectors may request', async () => {
    const keys = (await (await api('/api/ledger/keys', caseworker)).json()) as {
      log: { name: string; keyId: string; publicKey: string };
      witnesses: Array<{ name: string; publicKey: string }>;
    };
    expect(keys.log).toMatchObject({ name: LOG_NAME, publicKey: logKey });
    expect(keys.log.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(keys.witnesses).toEqual([expect.objectContaining({ name: WITNESS_NAME, publicKey: witnessKey })]);

    expect((await api('/api/ledger/checkpoints', caseworker, { method: 'POST' })).status).toBe(403);
    const cp = await checkpointNow();
    expect(cp.size).toBe(40);
    const res = await api('/api/ledger/checkpoint', caseworker);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toBe(cp.note);
    const publicKey = fromBase64(logKey, 'log key');
    expect(verifyNote(text, [{ name: LOG_NAME, kind: 'ed25519', publicKey }]).ok).toBe(true);
  });

  it('serves inclusion proofs from the stored nodes that verify against the checkpoint', async () => {
    const cp = await checkpointNow();
    const events = await t.store.readAll({ maxCount: 1000 });
    for (const [index, event] of events.entries()) {
      const res = await api(
        `/api/ledger/proofs/inclusion?eventId=${event.metadata.eventId}&size=${cp.size}`,
        caseworker,
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as { leafIndex: number; treeSize: number; proof: string[] };
      expect(body.leafIndex).toBe(index);
      expect(body.treeSize).toBe(cp.size);
      const proof = body.proof.map((p) => fromBase64(p, 'proof'));
      expect(verifyInclusion(index, cp.size, leafHashOfHex(event.hash), proof, cp.rootHash)).toBe(true);
      expect(
        verifyInclusion(
          index,
          cp.size,
          leafHashOfHex(nth(events, (index + 1) % events.length).hash),
          proof,
          cp.rootHash,
        ),
      ).toBe(false);
    }
  });

  it('serves consistency proofs between checkpoints that verify', async () => {
    const before = await checkpointNow();
    await appendEvents(13, 'b');
    const after = await checkpointNow();
    expect(after.size).toBe(before.size + 13);
    for (const from of [1, 7, 16, before.size]) {
      const res = await api(`/api/ledger/proofs/consistency?from=${from}&to=${after.size}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { from: number; to: number; proof: string[] };
      expect(body).toMatchObject({ from, to: after.size });
      const oldRoot = await storedRoot(t.db.adminPool, treeTables(t.db.schema), from);
      const proof = body.proof.map((p) => fromBase64(p, 'proof'));
      expect(verifyConsistency(from, after.size, oldRoot, after.rootHash, proof)).toBe(true);
      if (from === before.size)
        expect(verifyConsistency(from, after.size, after.rootHash, after.rootHash, proof)).toBe(false);
    }
  });

  it('answers bad parameters with a 400 naming the field', async () => {
    const field = async (path: string) => {
      const res = await api(path);
      expect(res.status).toBe(400);
      return JSON.stringify(await res.json());
    };
    expect(await field('/api/ledger/proofs/consistency?from=abc&to=3')).toContain('"from"');
    expect(await field('/api/ledger/proofs/consistency?from=5&to=3')).toContain('"from"');
    expect(await field('/api/ledger/proofs/consistency?from=1&to=999999')).toContain('"to"');
    expect(await field('/api/ledger/proofs/consistency?from=1')).toContain('"to"');
    expect(await field('/api/ledger/proofs/inclusion?size=3')).toContain('"eventId"');
    const [first] = await t.store.readAll({ maxCount: 1 });
    expect(await field(`/api/ledger/proofs/inclusion?eventId=${first?.metadata.eventId}&size=-1`)).toContain('"size"');
    expect(await field(`/api/ledger/proofs/inclusion?eventId=${first?.metadata.eventId}&size=0`)).toContain('"size"');
    expect((await api(`/api/ledger/proofs/inclusion?eventId=nope&size=3`)).status).toBe(404);
  });

  it('gives the same tree after a rebuild of the projection', async () => {
    const cp = await latestCheckpoint(t.db.adminPool, t.db.schema);
    if (!cp) throw new Error('expected a checkpoint');
    await rebuildProjection({
      pool: t.db.adminPool,
      store: t.store,
      schema: t.db.schema,
      projection: new TransparencyLogProjection(),
      batchSize: 7,
    });
    expect(toBase64(await storedRoot(t.db.adminPool, treeTables(t.db.schema), cp.size))).toBe(toBase64(cp.root));
  });

  it('serves evidence bundles that the offline verifier accepts, and refuses any changed byte', async () => {
    expect((await api(`/api/cases/${caseId}/evidence`, caseworker)).status).toBe(403);
    const res = await api(`/api/cases/${caseId}/evidence`);
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as EvidenceBundle;
    expect(bundle.events.length).toBeGreaterThan(10);
    const ok = verifyBundleFile(bundle);
    expect(ok.out).toContain('VERIFIED');
    expect(ok.status).toBe(0);

    const tampered: Array<(b: EvidenceBundle) => void> = [
      (b) => {
        const e = nth(b.events, 2);
        e.canonical = e.canonical.replace('事件', '事項');
      },
      (b) => {
        const e = nth(b.events, 0);
        e.canonical = e.canonical.replace('"n":0', '"n":1');
      },
      (b) => {
        const e = nth(b.events, 1);
        const p = nth(e.inclusionProof, 0);
        e.inclusionProof[0] = (p[0] === 'A' ? 'B' : 'A') + p.slice(1);
      },
      (b) => {
        nth(b.events, 3).leafIndex += 1;
      },
      (b) => {
        b.checkpoint = b.checkpoint.replace(/\n(\d+)\n/, (_m, n: string) => `\n${Number(n) + 1}\n`);
      },
      (b) => {
        const lines = b.checkpoint.split('\n');
        const root = nth(lines, 2);
        lines[2] = (root[0] === 'A' ? 'B' : 'A') + root.slice(1);
        b.checkpoint = lines.join('\n');
      },
    ];
    for (const change of tampered) {
      const copy = JSON.parse(JSON.stringify(bundle)) as EvidenceBundle;
      change(copy);
      expect(JSON.stringify(copy)).not.toBe(JSON.stringify(bundle));
      expect(verifyBundleFile(copy).status).not.toBe(0);
    }
  });

  it('makes a checkpoint on demand when the latest does not cover the case yet', async () => {
    await appendEvents(3, 'c');
    const before = await latestCheckpoint(t.db.adminPool, t.db.schema);
    const res = await api(`/api/cases/${caseId}/evidence`);
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as EvidenceBundle;
    const size = parseCheckpoint(parseNote(bundle.checkpoint).body).size;
    expect(size).toBe((before?.size ?? 0) + 3);
  });
});

describe('the witness', () => {
  let witnessKeyFile: string;
  let stateFile: string;
  const lines: string[] = [];
  const witness = () =>
    runWitness({
      log: t.baseUrl,
      keyFile: witnessKeyFile,
      stateFile,
      name: WITNESS_NAME,
      token: inspector,
      logKey,
      now: () => 1_700_000_000,
      out: (line) => lines.push(line),
    });

  beforeAll(() => {
    witnessKeyFile = join(dir, 'witness.pem');
    stateFile = join(dir, 'witness-state.json');
  });

  it('cosigns a growing log; the API stores the cosignature and bundles carry it', async () => {
    const first = await witness();
    expect(first).toMatchObject({ exitCode: 0, kind: 'cosigned' });
    await appendEvents(5, 'd');
    const cp = await checkpointNow();
    const second = await witness();
    expect(second).toMatchObject({ exitCode: 0, kind: 'cosigned', size: cp.size });
    const served = await (await api('/api/ledger/checkpoint')).text();
    expect(served).toContain(`— ${WITNESS_NAME} `);
    const bundle = await (await api(`/api/cases/${caseId}/evidence`)).json();
    const checked = verifyBundleFile(bundle, true);
    expect(checked.status).toBe(0);
    expect(checked.out).toContain(WITNESS_NAME);
  });

  it('refuses a cosignature that does not verify against a configured witness key', async () => {
    const cp = await latestCheckpoint(t.db.adminPool, t.db.schema);
    const post = (cosignature: string) =>
      fetch(`${t.baseUrl}/api/ledger/cosignatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ size: cp?.size, cosignature }),
      });
    const bad = await post(`— ${WITNESS_NAME} ${toBase64(Buffer.alloc(76, 7))}`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('cosignature');
    const stranger = join(dir, 'stranger.pem');
    writeNewKeyFile(stranger);
    const line = (await import('@casework/ledger')).cosign(
      parseNote(cp?.note ?? '').body,
      readSigner(stranger, WITNESS_NAME, 'cosignature/v1'),
      1_700_000_000,
    );
    expect((await post(line)).status).toBe(400);
  });

  it('refuses a tail rewritten by a superuser and re-signed with the stolen log key', async () => {
    const witnessed = JSON.parse(readFileSync(stateFile, 'utf8')) as { size: number; rootHash: string };
    // The superuser: triggers off, an early event of the case changed, every later hash of its stream recomputed.
    const client: PoolClient = await t.db.adminPool.connect();
    try {
      await client.query('begin');
      await client.query('set local session_replication_role = replica');
      await client.query(
        `update events set data = jsonb_set(data, '{note}', '"改写"') where stream_id = $1 and version = 2`,
        [caseStream],
      );
      const { rows } = await client.query<{
        version: number;
        type: string;
        data: unknown;
        metadata: { schemaVersion: number };
      }>(`select version, type, data, metadata from events where stream_id = $1 order by version`, [caseStream]);
      let prev = ZERO_HASH;
      for (const row of rows) {
        const ch = contentHash(recordedEventContent({ streamId: caseStream, ...row }));
        const hash = chainHash(prev, ch);
        await client.query(
          `update events set content_hash = $1, prev_hash = $2, hash = $3 where stream_id = $4 and version = $5`,
          [ch, prev, hash, caseStream, row.version],
        );
        prev = hash;
      }
      await client.query('commit');
    } finally {
      client.release();
    }
    // ... rebuilds the tree from the rewritten log, grows it, and signs with the stolen key.
    await rebuildProjection({
      pool: t.db.adminPool,
      store: t.store,
      schema: t.db.schema,
      projection: new TransparencyLogProjection(),
    });
    await appendEvents(2, 'e');
    const stolen = readSigner(join(dir, 'log.pem'), LOG_NAME);
    const forged = await makeCheckpoint(t.db.adminPool, t.db.schema, stolen, new Date('2020-12-01T00:00:00Z'));
    expect(forged?.created).toBe(true);
    expect(toBase64(await storedRoot(t.db.adminPool, treeTables(t.db.schema), witnessed.size))).not.toBe(
      witnessed.rootHash,
    );

    const outcome = await witness();
    expect(outcome).toMatchObject({ exitCode: 1, kind: 'refused' });
    expect(outcome.message).toMatch(/分叉|fork/);
    // The state is unchanged: the witness still stands by what it saw.
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject(witnessed);
    expect((await api('/api/ledger/checkpoint').then((r) => r.text())).includes(`— ${WITNESS_NAME} `)).toBe(false);
  });
});
