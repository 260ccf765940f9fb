import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  PostgresEventStore,
  buildMetadata,
  migrateEventStore,
  type AppendContext,
  type NewEvent,
} from '@casework/event-store';
import { nth } from '../support/defined';

/**
 * Append throughput of the PostgreSQL event store against a baseline of plain INSERTs of the same
 * rows (same columns, same payload), with the same concurrency and batch size, into a plain table
 * in the same database. Run with `npm run bench:append`; BENCH_DATABASE_URL picks the server.
 */

const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_test';
const STREAMS = 1_000;
const WRITERS = 8;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);

interface Run {
  label: string;
  batch: number;
  eventsPerSecond: number;
}

const actor = { userId: 'bench-user', role: 'caseworker', unit: 'STREET_XIYI' };
const note = 'x'.repeat(120);

function eventData(stream: number, version: number): Record<string, unknown> {
  return {
    amountFen: 50_000 + version,
    householdId: `household-${stream}`,
    programme: 'one-off-subsidy',
    round: version,
    note,
  };
}

/** Appends `total` events over STREAMS streams with WRITERS concurrent writers, `batch` events per append. */
async function drive(
  label: string,
  batch: number,
  total: number,
  appendOne: (streamIndex: number, fromVersion: number, count: number) => Promise<void>,
): Promise<Run> {
  const appends = Math.ceil(total / batch);
  const versions = new Array<number>(STREAMS).fill(0);
  let next = 0;
  let done = 0;
  // Stream i is only ever written by writer i % WRITERS, so the expected versions stay exact
  // without coordination (as a command handler would see them).
  const started = process.hrtime.bigint();
  const progress = setInterval(() => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    process.stderr.write(
      `\r  ${label}: ${done * batch}/${appends * batch} events, ${Math.round((done * batch) / seconds)} events/s   `,
    );
  }, 250);
  const writer = async (w: number) => {
    for (let k = 0; next < appends; k++) {
      next += 1;
      const stream = w + WRITERS * (k % (STREAMS / WRITERS));
      const version = nth(versions, stream);
      await appendOne(stream, version + 1, batch);
      versions[stream] = version + batch;
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  clearInterval(progress);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const eventsPerSecond = (appends * batch) / seconds;
  process.stderr.write(`\r  ${label}: ${appends * batch} events in ${seconds.toFixed(2)} s${' '.repeat(30)}\n`);
  return { label, batch, eventsPerSecond };
}

async function main(): Promise<void> {
  const schema = `bench_append_${randomBytes(4).toString('hex')}`;
  const admin = new Pool({ connectionString: URL, max: 2 });
  await migrateEventStore(admin, schema);
  await admin.query(`
    create table ${schema}.raw_events (
      id bigserial primary key,
      stream_id text not null,
      version integer not null,
      type text not null,
      schema_version integer not null,
      data jsonb not null,
      metadata jsonb not null,
      command_id uuid null,
      recorded_at timestamptz not null,
      content_hash text not null,
      prev_hash text not null,
      hash text not null
    )`);
  const pool = new Pool({ connectionString: URL, max: WRITERS, options: `-c search_path=${schema}` });
  const store = new PostgresEventStore({ pool, schema });
  const ctx = (): AppendContext => ({ correlationId: randomUUID(), actor });
  const fakeHash = () => randomBytes(32).toString('hex');

  const storeAppend = (prefix: string) => async (stream: number, fromVersion: number, count: number) => {
    const events: NewEvent[] = Array.from({ length: count }, (_, i) => ({
      type: 'PayoutRecorded',
      data: eventData(stream, fromVersion + i),
    }));
    await store.append(`${prefix}-${stream}`, events, fromVersion - 1, ctx());
  };

  const rawInsert = (prefix: string) => async (stream: number, fromVersion: number, count: number) => {
    const context = ctx();
    const recordedAt = new Date().toISOString();
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = 0; i < count; i++) {
      const metadata = buildMetadata(context, 1, recordedAt);
      const b = values.length;
      rows.push(
        `($${b + 1}, $${b + 2}, 'PayoutRecorded', 1, $${b + 3}, $${b + 4}, null, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`,
      );
      values.push(
        `${prefix}-${stream}`,
        fromVersion + i,
        JSON.stringify(eventData(stream, fromVersion + i)),
        JSON.stringify(metadata),
        recordedAt,
        fakeHash(),
        fakeHash(),
        fakeHash(),
      );
    }
    await pool.query(
      `insert into raw_events (stream_id, version, type, schema_version, data, metadata, command_id, recorded_at, content_hash, prev_hash, hash) values ${rows.join(', ')}`,
      values,
    );
  };

  console.log(
    `append benchmark: ${EVENTS} events per run over ${STREAMS} streams, ${WRITERS} concurrent writers, schema ${schema}`,
  );
  const runs: Run[] = [];
  try {
    // Warm-up: connections, prepared statements, plpgsql plan cache.
    await drive('warm-up', 1, 800, storeAppend('warm'));
    await drive('warm-up raw', 1, 800, rawInsert('warm'));
    runs.push(await drive('event store, 1 event per append', 1, EVENTS, storeAppend('one')));
    runs.push(await drive('raw INSERT, 1 row per transaction', 1, EVENTS, rawInsert('one')));
    runs.push(await drive('event store, 10 events per append', 10, EVENTS, storeAppend('ten')));
    runs.push(await drive('raw INSERT, 10 rows per transaction', 10, EVENTS, rawInsert('ten')));
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::integer as n from ${schema}.events where stream_id like 'one-%' or stream_id like 'ten-%'`,
    );
    const stored = nth(rows, 0).n;
    if (stored !== 2 * EVENTS) throw new Error(`expected ${2 * EVENTS} stored events, found ${stored}`);
  } finally {
    await store.close();
    await pool.end();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }

  for (const r of runs)
    console.log(`${r.label.padEnd(40)} ${Math.round(r.eventsPerSecond).toString().padStart(8)} events/s`);
  const [one, rawOne, ten, rawTen] = [nth(runs, 0), nth(runs, 1), nth(runs, 2), nth(runs, 3)];
  console.log(
    `ratio event store / raw INSERT: 1 per append ${(one.eventsPerSecond / rawOne.eventsPerSecond).toFixed(2)}, 10 per append ${(ten.eventsPerSecond / rawTen.eventsPerSecond).toFixed(2)}`,
  );
  console.log(
    `append_events_per_s=${Math.round(one.eventsPerSecond)} raw_insert_events_per_s=${Math.round(rawOne.eventsPerSecond)} ratio=${(one.eventsPerSecond / rawOne.eventsPerSecond).toFixed(2)}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
