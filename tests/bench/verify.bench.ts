import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, eventKeyring, eventSigner, migrateEventStore } from '@casework/event-store';
import { verifyLedger } from '@casework/ledger';

/**
 * Verification throughput (issue 8 item 10): appends BENCH_VERIFY_EVENTS signed events (default
 * 100,000) over 1,000 streams in batches of 100 through the store, then times verifyLedger over the
 * whole log with the keyring (chains, columns, row seals, signatures, global order and streams).
 * Prints `verify_events=<n> verify_seconds=<s> verify_events_per_s=<n>` and the extrapolation to
 * 1,000,000 events. Run with `npm run bench:verify`; BENCH_DATABASE_URL picks the server.
 */

const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_test';
const EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 100_000);
const STREAMS = 1_000;
const BATCH = 100;

async function main(): Promise<void> {
  const schema = `bench_verify_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: URL, max: 8 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const store = new PostgresEventStore({ pool, schema, signer: eventSigner('bench/log', privateKey) });
  try {
    await migrateEventStore(pool, schema);
    const versions = new Array<number>(STREAMS).fill(0);
    const ctx = { correlationId: 'bench', actor: { userId: 'bench', role: 'caseworker', unit: 'STREET_XIYI' } };
    for (let written = 0, i = 0; written < EVENTS; i++) {
      const s = i % STREAMS;
      const n = Math.min(BATCH, EVENTS - written);
      const events = Array.from({ length: n }, (_, k) => ({
        type: 'PayoutRecorded',
        data: { amountFen: 50_000 + k, householdId: `household-${s}`, round: (versions[s] ?? 0) + k + 1 },
      }));
      await store.append(`bench-${s}`, events, versions[s] ?? 0, ctx);
      versions[s] = (versions[s] ?? 0) + n;
      written += n;
      if (i % 50 === 0) process.stderr.write(`\r  appended ${written}/${EVENTS}   `);
    }
    process.stderr.write('\n');
    const started = process.hrtime.bigint();
    const result = await verifyLedger(store, {
      keyring: eventKeyring('bench/log', [privateKey]),
      onProgress: (p) => process.stderr.write(`\r  verify [${p.phase}] ${p.events}   `),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write('\n');
    if (!result.ok || result.checkedEvents !== EVENTS)
      throw new Error(`verification failed: ${JSON.stringify(result.firstProblem)}`);
    const rate = Math.round(EVENTS / seconds);
    process.stdout.write(`verify_events=${EVENTS} verify_seconds=${seconds.toFixed(2)} verify_events_per_s=${rate}\n`);
    process.stdout.write(`verify_1m_extrapolated_seconds=${(1_000_000 / rate).toFixed(1)} target_seconds=30\n`);
  } finally {
    await pool.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await pool.end();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
