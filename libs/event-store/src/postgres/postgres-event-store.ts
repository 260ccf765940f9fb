import type { ClientBase, Pool } from 'pg';
import { commandIdOf, normaliseExpected, prepareEvents, prepareWrites } from '../append-input';
import { ConcurrencyError, TransactionOrderError } from '../errors';
import { START } from '../event-store.port';
import type {
  AppendContext,
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamWrite,
  SubscribeOptions,
  Subscription,
  Upcaster,
} from '../event-store.port';
import { OpenSubscriptions } from '../subscription';
import { UpcasterChain } from '../upcasting';
import type { EventSigner } from '../integrity/event-signing';
import { checkIdentifier } from './migrations';

export interface PostgresEventStoreOptions {
  pool: Pool;
  /** Schema holding the events table (see migrateEventStore). Default 'public'. */
  schema?: string;
  upcasters?: Upcaster[];
  /**
   * Named (server-side prepared) statements; default true. Turn off for PGlite behind its socket
   * server: all its connections share one backend, so a name prepared by one collides in another.
   */
  preparedStatements?: boolean;
  /**
   * Signs every appended event with the API's Ed25519 key (integrity/event-signing.ts). Without
   * it events are stored unsigned, and a verifier given the keyring reports them.
   */
  signer?: EventSigner;
}

export interface PostgresAppendOptions {
  /**
   * Append on this connection instead of one from the pool, e.g. inside the caller's
   * transaction so the events and the caller's own rows commit or roll back together:
   *
   *   const client = await pool.connect();
   *   await client.query('begin');
   *   await store.append(streamId, events, expected, ctx, { client });
   *   await client.query('insert into ...');
   *   await client.query('commit');
   *
   * The transaction must run at READ COMMITTED (the default): a racing writer's commit is then
   * seen and answered as duplicate or ConcurrencyError without aborting the transaction.
   * If the transaction wrote anything before the stream's current last event was committed,
   * the append throws TransactionOrderError: roll back and retry the transaction (appending
   * first, before other writes, avoids it).
   * With TypeORM, `await queryRunner.connect()` resolves to the QueryRunner's pg client.
   */
  client?: ClientBase;
}

interface EventRow {
  stream_id: string;
  version: number;
  out_global_seq: string;
  out_tx_id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
  content_hash: string;
  prev_hash: string;
  hash: string;
  key_id: string | null;
  signature: string | null;
  row_hash: string | null;
  schema_version: number;
  out_command_id: string | null;
  out_recorded_at: string;
}

interface AppendRow {
  status: 'ok' | 'duplicate' | 'conflict' | 'retry';
  result_stream: string;
  first_version: number | null;
  last_version: number | null;
  actual_version: number;
}

// Aliases are prefixed: ORDER BY a plain name would pick the text output column over the table's.
// Every column is read, so a verifier sees each one (row_hash, integrity/row-seal.ts).
const COLUMNS =
  'e.stream_id, e.version, e.global_seq::text as out_global_seq, e.tx_id::text as out_tx_id, e.type, e.data, e.metadata, ' +
  `e.content_hash, e.prev_hash, e.hash, e.key_id, e.signature, e.row_hash, e.schema_version, e.command_id::text as out_command_id, ` +
  `to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as out_recorded_at`;
// As-of reads filter on the hashed metadata.recordedAt, not on the recorded_at column.
const AS_OF = `($4::timestamptz is null or (e.metadata->>'recordedAt')::timestamptz <= $4::timestamptz)`;

/**
 * The EventStore on PostgreSQL (DESIGN §4). One round trip per append (the append_events
 * function); readAll orders by (transaction id, sequence) and hides what an open transaction
 * could still precede, so positions never go backwards for a subscriber.
 */
/** The row of a statement that always answers exactly one; none is a bug in the SQL, not a state to handle. */
function onlyRow<T>(rows: readonly T[], statement: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`${statement} returned no row`);
  return row;
}

export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly upcasters: UpcasterChain;
  private readonly subscriptions = new OpenSubscriptions((o) => this.readAll(o));
  private readonly sql: {
    append: string;
    appendFast: string;
    appendMany: string;
    readAll: string;
    horizon: string;
    forwards: string;
    backwards: string;
    version: string;
  };

  private readonly prepared: boolean;
  private readonly signer: EventSigner | undefined;

  /** A statement name when prepared statements are on, none otherwise. */
  private named(name: string): { name?: string } {
    return this.prepared ? { name: `${name}-${this.schema}` } : {};
  }

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.schema = checkIdentifier(options.schema ?? 'public', 'schema');
    this.upcasters = new UpcasterChain(options.upcasters);
    this.prepared = options.preparedStatements ?? true;
    this.signer = options.signer;
    const s = this.schema;
    this.sql = {
      append: `select status, result_stream, first_version, last_version, actual_version from ${s}.append_events($1, $2, $3, $4, $5)`,
      appendMany: `select status, result_stream, first_version, last_version, actual_version from ${s}.append_events_many($1, $2, $3, $4, $5, $6)`,
      appendFast: `select status, result_stream, first_version, last_version, actual_version from ${s}.append_events_fast($1, $2, $3, $4, $5)`,
      readAll: `select ${COLUMNS} from ${s}.events e
        where tx_id < $4::xid8 and (tx_id, global_seq) > ($1::xid8, $2::bigint)
        order by e.tx_id, e.global_seq limit $3`,
      horizon: `select ${s}.read_horizon()::text as horizon`,
      forwards: `select ${COLUMNS} from ${s}.events e
        where stream_id = $1 and version >= $2 and version <= $3 and ${AS_OF}
        order by e.version limit $5`,
      backwards: `select ${COLUMNS} from ${s}.events e
        where stream_id = $1 and version <= $2 and version >= $3 and ${AS_OF}
        order by e.version desc limit $5`,
      version: `select coalesce(max(version), 0)::integer as version from ${s}.events where stream_id = $1`,
    };
  }

  async append(
    streamId: string,
    events: NewEvent[],
    expectedVersion: ExpectedVersion,
    context: AppendContext,
    options: PostgresAppendOptions = {},
  ): Promise<AppendResult> {
    const expected = normaliseExpected(expectedVersion);
    const prepared = prepareEvents(streamId, events, context, { recordedAt: 'store', signer: this.signer });
    const code = expected === 'any' ? -1 : expected === 'stream_exists' ? -2 : expected;
    const params = [
      streamId,
      code,
      commandIdOf(context),
      prepared.map((p) => p.hashPrefix),
      prepared.map(signatureParam),
    ];
    const query = { ...this.named('casework-append'), text: this.sql.append, values: params };
    const fast = { ...this.named('casework-append-fast'), text: this.sql.appendFast, values: params };
    let row: AppendRow;
    for (let attempt = 1; ; attempt++) {
      try {
        if (options.client) {
          row = onlyRow((await options.client.query<AppendRow>(query)).rows, 'append_events');
        } else {
          // On its own connection nothing else is in the transaction: try without a savepoint and
          // let append_events answer only when a racing writer got there first.
          row = await this.pool.query<AppendRow>(fast).then(
            (r) => onlyRow(r.rows, 'append_events'),
            async (err: { code?: string }) => {
              if (err.code !== '23505') throw err;
              return onlyRow((await this.pool.query<AppendRow>(query)).rows, 'append_events');
            },
          );
        }
      } catch (err) {
        // A caller's transaction that wrote before its first append (register_appender, migration 003):
        // a reader may already have passed its id, so it must start again, as for a too old one.
        if ((err as { code?: string }).code === '55000') throw new TransactionOrderError(streamId);
        // Only when append_events gave up (REPEATABLE READ caller, see PostgresAppendOptions).
        if ((err as { code?: string }).code === '23505') {
          throw new ConcurrencyError(streamId, expectedVersion, await this.streamVersion(streamId));
        }
        throw err;
      }
      // 'retry': our own statement ran in a transaction that is now older than the stream's
      // head; a new statement is a new transaction with a higher id.
      if (row.status !== 'retry' || options.client || attempt >= 10) break;
    }
    switch (row.status) {
      case 'ok':
      case 'duplicate':
        return {
          streamId: row.result_stream,
          nextExpectedVersion: row.last_version!,
          firstVersion: row.first_version!,
          lastVersion: row.last_version!,
          duplicate: row.status === 'duplicate',
        };
      case 'conflict':
        throw new ConcurrencyError(streamId, expectedVersion, row.actual_version);
      case 'retry':
        throw new TransactionOrderError(streamId);
      default: {
        const _exhaustive: never = row.status;
        throw new Error(`append_events returned status ${String(_exhaustive)}`);
      }
    }
  }

  /**
   * One statement, so one transaction: append_events_many writes the streams in order and undoes
   * them all when one answers conflict, duplicate or retry.
   */
  async appendMany(writes: readonly StreamWrite[], context: AppendContext): Promise<AppendResult[]> {
    const prepared = prepareWrites(writes, context, { recordedAt: 'store', signer: this.signer });
    const code = (e: number | 'any' | 'stream_exists') => (e === 'any' ? -1 : e === 'stream_exists' ? -2 : e);
    const query = {
      ...this.named('casework-append-many'),
      text: this.sql.appendMany,
      values: [
        commandIdOf(context),
        prepared.map((w) => w.streamId),
        prepared.map((w) => code(w.expected)),
        prepared.map((w) => w.prepared.length),
        prepared.flatMap((w) => w.prepared.map((p) => p.hashPrefix)),
        prepared.flatMap((w) => w.prepared.map(signatureParam)),
      ],
    };
    let rows: AppendRow[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      try {
        rows = (await this.pool.query<AppendRow>(query)).rows;
      } catch (err) {
        // Only when append_events gave up on a run of unique violations.
        if ((err as { code?: string }).code !== '23505' || attempt === 10) throw err;
        continue;
      }
      if (rows[0]?.status !== 'retry') break;
    }
    const commandId = commandIdOf(context);
    if (rows[0]?.status === 'conflict' && commandId) {
      // A racing copy of this command may have committed between append_events' command check
      // and its version check: then the answer is that copy's result, not a conflict.
      const earlier = await this.pool.query<AppendRow>(
        `select status, result_stream, first_version, last_version, actual_version from ${this.schema}.command_results($1)`,
        [commandId],
      );
      if (earlier.rows.length > 0) rows = earlier.rows;
    }
    const first = rows[0];
    switch (first?.status) {
      case 'ok':
      case 'duplicate':
        return rows.map((row) => ({
          streamId: row.result_stream,
          nextExpectedVersion: row.last_version!,
          firstVersion: row.first_version!,
          lastVersion: row.last_version!,
          duplicate: row.status === 'duplicate',
        }));
      case 'conflict': {
        const failed = prepared.find((w) => w.streamId === first.result_stream)!;
        throw new ConcurrencyError(failed.streamId, failed.expectedVersion, first.actual_version);
      }
      case 'retry':
        throw new TransactionOrderError(first.result_stream);
      default:
        throw new Error(`append_events_many returned status ${String(first?.status)}`);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.fromVersion ?? (backwards ? 2147483647 : 1);
    const to = options.toVersion ?? (backwards ? 1 : 2147483647);
    const asOf = options.asOf === undefined ? null : new Date(Date.parse(options.asOf)).toISOString();
    const { rows } = await this.pool.query<EventRow>({
      ...this.named(`casework-read-${backwards ? 'b' : 'f'}`),
      text: backwards ? this.sql.backwards : this.sql.forwards,
      values: [streamId, from, to, asOf, options.maxCount ?? null],
    });
    return rows.map((r) => this.toEvent(r, options.raw));
  }

  async streamVersion(streamId: string): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>({
      ...this.named('casework-version'),
      text: this.sql.version,
      values: [streamId],
    });
    return onlyRow(rows, 'the stream version query').version;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const horizon = await this.readHorizon();
    const { rows } = await this.pool.query<EventRow>({
      ...this.named('casework-read-all'),
      text: this.sql.readAll,
      values: [after.commit, after.prepare, options.maxCount ?? null, horizon],
    });
    return rows.map((r) => this.toEvent(r, options.raw));
  }

  /**
   * The transaction id below which every event is committed and none can still appear: only open
   * transactions of registered appenders hold it back (migration 003), not a transaction in another
   * database or one that appends nothing. Its own statement, so the read after it sees a later snapshot.
   */
  async readHorizon(): Promise<string> {
    const { rows } = await this.pool.query<{ horizon: string }>({
      ...this.named('casework-horizon'),
      text: this.sql.horizon,
    });
    return onlyRow(rows, 'read_horizon()').horizon;
  }

  /** Registered appenders with an open transaction, oldest first: what holds the read models back. */
  async openAppenders(): Promise<{ pid: number; applicationName: string; ageSeconds: number }[]> {
    const { rows } = await this.pool.query<{ pid: number; application_name: string; age_seconds: number | null }>(
      `select pid, application_name, age_seconds from ${this.schema}.open_appenders()`,
    );
    return rows.map((r) => ({ pid: r.pid, applicationName: r.application_name, ageSeconds: r.age_seconds ?? 0 }));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.subscriptions.subscribe(options);
  }

  /** Stops the subscriptions. The pool belongs to the caller, who ends it. */
  async close(): Promise<void> {
    await this.subscriptions.stopAll();
  }

  private toEvent(r: EventRow, raw?: boolean): RecordedEvent {
    const event: RecordedEvent = {
      streamId: r.stream_id,
      version: r.version,
      globalSeq: r.out_global_seq,
      position: { commit: r.out_tx_id, prepare: r.out_global_seq },
      type: r.type,
      data: r.data,
      metadata: r.metadata,
      contentHash: r.content_hash,
      hash: r.hash,
      prevHash: r.prev_hash,
      signature: r.key_id !== null || r.signature !== null ? { keyId: r.key_id ?? '', value: r.signature ?? '' } : null,
    };
    if (!raw) return this.upcasters.apply(event);
    event.stored = {
      recordedAt: r.out_recorded_at,
      schemaVersion: r.schema_version,
      commandId: r.out_command_id,
      rowHash: r.row_hash,
    };
    return event;
  }
}

/** '<key id>:<base64>' as the append functions take it (migration 005), null when unsigned. */
function signatureParam(p: { signature: { keyId: string; value: string } | null }): string | null {
  return p.signature ? `${p.signature.keyId}:${p.signature.value}` : null;
}
