import { ProjectionRunner, allProjections, rebuildProjections, resolveFailures } from '@casework/read-models';
import type { Infrastructure } from '@casework/platform';
import type { CliCommand } from '../cli-command';
import { stderrProgress } from './progress-bar';

const USAGE = `usage:
  npm run cli -- projections status              checkpoints, lag and failures
  npm run cli -- projections rebuild [name]      rebuild one or all projections from zero, swapped in atomically
  npm run cli -- projections retry <name>        resolve a projection's failures so the worker tries the event again
`;

async function status(infra: Infrastructure): Promise<number> {
  const runner = new ProjectionRunner({
    pool: infra.pool,
    store: infra.store,
    schema: infra.config.databaseSchema,
    projections: allProjections(),
  });
  const rows = await runner.status();
  const out = process.stdout;
  const w = Math.max(12, ...rows.map((s) => s.name.length)) + 2;
  out.write(
    `${'projection'.padEnd(w)}${'checkpoint (commit/prepare)'.padEnd(30)}${'lag events'.padStart(12)}${'lag s'.padStart(10)}  state\n`,
  );
  for (const s of rows) {
    const lag = `${s.lagEvents}${s.lagEventsCapped ? '+' : ''}`;
    out.write(
      `${s.name.padEnd(w)}${`${s.position.commit}/${s.position.prepare}`.padEnd(30)}${lag.padStart(12)}${String(s.lagSeconds).padStart(10)}  ${s.blocked ? 'BLOCKED' : 'ok'}\n`,
    );
    for (const f of s.failures) {
      out.write(
        `    failed at event ${f.eventId} (${f.eventType}, seq ${f.globalSeq}, stream ${f.streamId}) ${f.failedAt}: ${f.error}\n`,
      );
    }
  }
  return rows.some((s) => s.blocked) ? 1 : 0;
}

async function rebuild(infra: Infrastructure, name: string | undefined): Promise<number> {
  const all = allProjections();
  const chosen = name ? all.filter((p) => p.name === name) : all;
  if (chosen.length === 0) {
    process.stderr.write(`unknown projection "${name}"; known: ${all.map((p) => p.name).join(', ')}\n`);
    return 2;
  }
  // One pass over the log for all of them; PGlite has one backend, so one connection there.
  const results = await rebuildProjections({
    pool: infra.pool,
    store: infra.store,
    schema: infra.config.databaseSchema,
    projections: chosen,
    connections: infra.embedded ? 1 : 2,
    onProgress: stderrProgress(),
  });
  for (const result of results) {
    process.stdout.write(
      `${result.projection}: rebuilt from ${result.events} events (${(result.busyMs / 1000).toFixed(1)} s of its own work)\n`,
    );
  }
  // One pass: every result carries the same event count and elapsed time.
  const [first] = results;
  if (!first) throw new Error('rebuildProjections returned no result for a non-empty list of projections');
  const seconds = first.elapsedMs / 1000;
  process.stdout.write(
    `rebuilt ${results.length} projection(s) in one pass over ${first.events} events in ${seconds.toFixed(1)} s (${Math.round(first.events / Math.max(seconds, 0.001))} events/s)\n`,
  );
  return 0;
}

/** `projections status | rebuild [name] | retry <name>` */
export const projectionsCommand: CliCommand = {
  summary: 'projections status | rebuild [name] | retry <name>',
  async run(infra, args) {
    const [sub, name] = args;
    switch (sub) {
      case 'status':
        return status(infra);
      case 'rebuild':
        return rebuild(infra, name);
      case 'retry': {
        if (!name) break;
        const n = await resolveFailures(infra.pool, infra.config.databaseSchema, name);
        process.stdout.write(`${name}: ${n} failure(s) resolved; the worker will try again\n`);
        return 0;
      }
    }
    process.stderr.write(USAGE);
    return 2;
  },
};
