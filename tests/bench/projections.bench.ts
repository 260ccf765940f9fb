import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore, migrateEventStore, ZERO_HASH, chainHash, contentHash } from '@casework/event-store';
import {
  RebuildProgress,
  READ_MODEL_MIGRATIONS,
  SyntheticStream,
  allProjections,
  rebuildProjection,
  rebuildProjections,
  seededRandom,
  syntheticCase,
  syntheticHousehold,
} from '@casework/read-models';
import { nth } from '../support/defined';

/**
 * Projection rebuild throughput (DESIGN §5): generates BENCH_EVENTS (default 1,000,000) events of
 * realistic cases and households with a valid hash chain into a fresh schema (bulk INSERT, not
 * through append: generation is not what is measured), rebuilds every projection, and compares
 * with a raw baseline: the same number of rows bulk-inserted into one table, 100 rows per
 * statement, one client. `npm run bench:projections`; BENCH_DATABASE_URL picks the server.
 * BENCH_BATCH sets the events per batch (default: the rebuild's); BENCH_CONNECTIONS (default 2) sets the connections applying projections side by side.
 * BENCH_SCHEMA=<name> keeps the generated events in that schema and reuses them on the next run
 * (drop it by hand when done); BENCH_EACH=1 also rebuilds each projection on its own first.
 */

const URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/casework_test';
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const KEEP_SCHEMA = process.env.BENCH_SCHEMA;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 2);
const BATCH = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
const CHUNK_STREAMS = 1500;

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function generate(pool: Pool, schema: string): Promise<number> {
  const rnd = seededRandom(2020);
  const start = Date.parse('2020-06-01T01:00:00Z');
  let written = 0;
  const t0 = now();
  const client = await pool.connect();
  try {
    while (written < EVENTS) {
      const streams: SyntheticStream[] = [];
      for (let i = 0; i < CHUNK_STREAMS; i++) {
        const at = start + Math.floor(rnd() * 180) * 86_400_000;
        streams.push(rnd() < 0.75 ? syntheticCase(rnd, at) : syntheticHousehold(rnd, at));
      }
      // Interleave the chunk's streams in time, as commands arrive in a real district.
      const rows = streams.flatMap((s) => s.events.map((e, i) => ({ stream: s.streamId, version: i + 1, e })));
      rows.sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : 0));
      const take = rows.slice(0, EVENTS - written);
      const prev = new Map<string, string>();
      const cols: unknown[][] = Array.from({ length: 9 }, () => []);
      for (const r of take) {
        const metadata = {
          eventId: randomUUID(),
          commandId: randomUUID(),
          correlationId: randomUUID(),
          causationId: null,
          actor: r.e.actor,
          recordedAt: r.e.at,
          schemaVersion: 1,
          policyVersion: r.e.policyVersion,
        };
        const ch = contentHash({
          streamId: r.stream,
          version: r.version,
          type: r.e.type,
          schemaVersion: 1,
          data: r.e.data,
          metadata,
        });
        const hash = chainHash(prev.get(r.stream) ?? ZERO_HASH, ch);
        const values = [
          r.stream,
          r.version,
          r.e.type,
          JSON.stringify(r.e.data),
          JSON.stringify(metadata),
          r.e.at,
          ch,
          prev.get(r.stream) ?? ZERO_HASH,
          hash,
        ];
        values.forEach((v, i) => nth(cols, i).push(v));
        prev.set(r.stream, hash);
      }
      await client.query('begin');
      for (let off = 0; off < take.length; off += 5000) {
        await client.query(
          `insert into ${schema}.events (stream_id, version, type, schema_version, data, metadata, recorded_at, content_hash, prev_hash, hash)
           select s, v, t, 1, d, m, r, c, p, h from unnest($1::text[], $2::int[], $3::text[], $4::jsonb[], $5::jsonb[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
             as x(s, v, t, d, m, r, c, p, h)`,
          cols.map((c) => c.slice(off, off + 5000)),
        );
      }
      await client.query('commit');
      written += take.length;
      const s = (now() - t0) / 1000;
      process.stderr.write(
        `\r  generating: ${written.toLocaleString('en-US')}/${EVENTS.toLocaleString('en-US')} events (${Math.round(written / s)}/s)   `,
      );
    }
  } finally {
    client.release();
  }
  process.stderr.write('\n');
  return written;
}

async function rawBaseline(pool: Pool, schema: string, rows: number): Promise<number> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query(
      `create table ${schema}.raw_rows (id bigint primary key, stream_id text not null, event_type text not null, actor text not null, recorded_at timestamptz not null, hash text not null)`,
    );
    const t0 = now();
    const hash = 'f'.repeat(64);
    for (let base = 0; base < rows; base += 100) {
      const n = Math.min(100, rows - base);
      const params: unknown[] = [];
      const tuples: string[] = [];
      for (let i = 0; i < n; i++) {
        const k = params.length;
        tuples.push(`($${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}, $${k + 5}, $${k + 6})`);
        params.push(base + i, `case-${base + i}`, 'CaseAccepted', 'caseworker-1', '2020-07-01T02:00:00Z', hash);
      }
      await client.query(
        `insert into ${schema}.raw_rows (id, stream_id, event_type, actor, recorded_at, hash) values ${tuples.join(',')}`,
        params,
      );
      if (base % 50_000 === 0)
        process.stderr.write(
          `\r  raw baseline: ${base.toLocaleString('en-US')}/${rows.toLocaleString('en-US')} rows   `,
        );
    }
    process.stderr.write('\n');
    return rows / ((now() - t0) / 1000);
  } finally {
    client.release();
  }
}

/** Events a kept schema already holds, 0 when it has none. */
async function keptEvents(pool: Pool, schema: string): Promise<number> {
  const { rows } = await pool.query<{ n: string | null }>(
    `select case when to_regclass($1) is null then null else 1 end as n`,
    [`${schema}.events`],
  );
  if (nth(rows, 0).n === null) return 0;
  const count = await pool.query<{ n: string }>(`select count(*)::text as n from ${schema}.events`);
  return Number(nth(count.rows, 0).n);
}

async function main(): Promise<void> {
  const schema = KEEP_SCHEMA ?? `bench_proj_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: URL, max: 6, options: `-c search_path=${schema}` });
  try {
    const kept = KEEP_SCHEMA ? await keptEvents(pool, schema) : 0;
    let events: number;
    const migrateReadModels = async () => {
      const ds = new DataSource({
        type: 'postgres',
        url: URL,
        schema,
        migrations: READ_MODEL_MIGRATIONS,
        migrationsTableName: 'typeorm_migrations',
      });
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
    };
    if (kept === EVENTS) {
      events = kept;
      await pool.query(`drop table if exists ${schema}.raw_rows`);
      await migrateReadModels();
      console.log(`projections bench: ${EVENTS.toLocaleString('en-US')} events kept in schema ${schema}`);
    } else {
      await pool.query(`drop schema if exists ${schema} cascade`);
      await pool.query(`create schema ${schema}`);
      await migrateEventStore(pool, schema);
      await migrateReadModels();
      console.log(`projections bench: ${EVENTS.toLocaleString('en-US')} events in schema ${schema}`);
      events = await generate(pool, schema);
      await pool.query(`analyze ${schema}.events`);
    }

    const store = new PostgresEventStore({ pool, schema });
    const phases = new Map<string, number>();
    const progress = () => {
      let last = 0;
      phases.clear();
      return (p: RebuildProgress) => {
        if (!phases.has(p.phase)) phases.set(p.phase, p.elapsedMs);
        if (now() - last < 1000 && p.phase === 'replaying') return;
        last = now();
        const s = p.elapsedMs / 1000;
        process.stderr.write(
          `\r  rebuild ${p.projection}: ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')} ${p.phase} ${Math.round(p.done / Math.max(s, 0.001))} ev/s   `,
        );
      };
    };
    if (process.env.BENCH_EACH === '1') {
      for (const projection of allProjections()) {
        const p0 = now();
        await rebuildProjection({
          pool,
          store,
          schema,
          projection,
          batchSize: BATCH,
          connections: CONNECTIONS,
          onProgress: progress(),
        });
        const s = (now() - p0) / 1000;
        process.stderr.write('\n');
        console.log(
          `rebuilt ${projection.name} alone: ${events} events in ${s.toFixed(1)} s (${Math.round(events / s)} events/s)`,
        );
      }
    }
    // What `projections rebuild` does: every projection in one pass over the log.
    const t0 = now();
    const results = await rebuildProjections({
      pool,
      store,
      schema,
      projections: allProjections(),
      batchSize: BATCH,
      connections: CONNECTIONS,
      onProgress: progress(),
    });
    const rebuildSeconds = (now() - t0) / 1000;
    process.stderr.write('\n');
    for (const r of results) {
      const s = r.busyMs / 1000;
      console.log(
        `rebuilt ${r.projection}: ${events} events in ${s.toFixed(1)} s of its own work in the one pass (${Math.round(events / s)} events/s)`,
      );
    }
    const at = (phase: string) => ((phases.get(phase) ?? 0) / 1000).toFixed(1);
    console.log(
      `phases: replaying until ${at('indexing')} s, indexing until ${at('swapping')} s, swapped by ${at('done')} s`,
    );
    console.log(`rebuilt all projections in ${rebuildSeconds.toFixed(1)} s (one pass, ${CONNECTIONS} connections)`);
    const raw = await rawBaseline(pool, schema, events);
    const rebuildRate = events / rebuildSeconds;
    console.log(
      `rebuild_events_per_s=${Math.round(rebuildRate)} raw_bulk_rows_per_s=${Math.round(raw)} ratio=${(rebuildRate / raw).toFixed(2)}`,
    );
  } finally {
    if (!KEEP_SCHEMA) await pool.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await pool.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
