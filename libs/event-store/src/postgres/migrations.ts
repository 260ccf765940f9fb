import type { Pool } from 'pg';

/**
 * The event store's schema as ordered SQL, applied by migrateEventStore. Applied ids are kept in
 * `<schema>.schema_migrations`; a migration, once released, is never edited: add a new one.
 */
export interface EventStoreMigration {
  id: string;
  /** SQL for the given (already validated) schema name. */
  sql(schema: string): string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`${what} must be a lower-case SQL identifier, got "${name}"`);
  return name;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export const eventStoreMigrations: readonly EventStoreMigration[] = [
  {
    id: 'event-store-001-events',
    sql: (s) => `
create table ${s}.events (
  global_seq bigserial not null,
  -- The writing transaction: readAll orders by it and only returns what no open transaction can
  -- still precede (DESIGN §4.4).
  tx_id xid8 not null default pg_current_xact_id(),
  stream_id text not null,
  version integer not null check (version >= 1),
  type text not null,
  schema_version integer not null check (schema_version >= 1),
  data jsonb not null,
  metadata jsonb not null,
  -- Set on the first event of a command only, so the unique index below makes commands idempotent;
  -- every event's metadata carries the commandId.
  command_id uuid null,
  recorded_at timestamptz not null,
  content_hash text not null,
  prev_hash text not null,
  hash text not null,
  constraint events_pk primary key (stream_id, version),
  constraint events_global_seq_uq unique (global_seq)
);
create index events_tx_order_idx on ${s}.events (tx_id, global_seq);
create unique index events_command_uq on ${s}.events (command_id) where command_id is not null;

create function ${s}.events_refuse_change() returns trigger language plpgsql as $fn$
begin
  raise exception 'the event store is append-only: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
    using errcode = 'insufficient_privilege';
end
$fn$;
create trigger events_refuse_update_delete before update or delete on ${s}.events
  for each row execute function ${s}.events_refuse_change();
create trigger events_refuse_truncate before truncate on ${s}.events
  for each statement execute function ${s}.events_refuse_change();

-- One round trip per append. p_expected: >= 0 exact version, -1 any, -2 stream exists.
-- p_contents[i] is the canonical JSON of event i without its version (contentHashPrefix in
-- integrity/canonical.ts): the function appends the version, hashes it and stores the parsed document,
-- so the stored content is exactly what was hashed.
-- Returns status 'ok' | 'duplicate' | 'conflict' | 'retry' (see below); raises nothing for races it can resolve, so a
-- caller's transaction stays usable.
create function ${s}.append_events(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
declare
  v_current integer;
  v_prev text;
  v_prev_tx xid8;
  v_my_tx xid8;
  v_first integer;
  v_last integer;
  v_dup_stream text;
  v_text text;
  v_doc jsonb;
  v_content_hash text;
  v_hash text;
  v_n integer := coalesce(cardinality(p_contents), 0);
  v_attempt integer := 0;
begin
  if v_n = 0 then
    raise exception 'append_events: no events' using errcode = 'invalid_parameter_value';
  end if;
  loop
    v_attempt := v_attempt + 1;
    if p_command_id is not null then
      select e.stream_id, e.version into v_dup_stream, v_first from ${s}.events e where e.command_id = p_command_id;
      if found then
        select max(e.version) into v_last from ${s}.events e
          where e.stream_id = v_dup_stream and e.version >= v_first and e.metadata->>'commandId' = p_command_id::text;
        return query select 'duplicate'::text, v_dup_stream, v_first, v_last, v_last;
        return;
      end if;
    end if;

    select e.version, e.hash, e.tx_id into v_current, v_prev, v_prev_tx from ${s}.events e
      where e.stream_id = p_stream order by e.version desc limit 1;
    if not found then
      v_current := 0;
      v_prev := repeat('0', 64);
    end if;
    -- readAll orders by transaction id, so a stream's next event must come from a transaction
    -- whose id is not below its predecessor's. A transaction that got its id before the
    -- predecessor committed cannot append here: it must start again (a new id is always higher).
    v_my_tx := pg_current_xact_id_if_assigned();
    if v_my_tx is not null and v_prev_tx is not null and v_prev_tx > v_my_tx then
      return query select 'retry'::text, p_stream, null::integer, null::integer, v_current;
      return;
    end if;
    if (p_expected >= 0 and p_expected <> v_current) or (p_expected = -2 and v_current = 0) then
      return query select 'conflict'::text, p_stream, null::integer, null::integer, v_current;
      return;
    end if;

    begin
      for i in 1..v_n loop
        v_text := p_contents[i] || (v_current + i)::text || '}';
        v_doc := v_text::jsonb;
        if v_doc->>'streamId' is distinct from p_stream then
          raise exception 'append_events: event % belongs to stream %, not %', i, v_doc->>'streamId', p_stream
            using errcode = 'invalid_parameter_value';
        end if;
        v_content_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
        v_hash := encode(sha256(convert_to(v_prev || v_content_hash, 'UTF8')), 'hex');
        insert into ${s}.events (stream_id, version, type, schema_version, data, metadata, command_id, recorded_at, content_hash, prev_hash, hash)
        values (p_stream, v_current + i, v_doc->>'type', (v_doc->>'schemaVersion')::integer, v_doc->'data', v_doc->'metadata',
                case when i = 1 then p_command_id end, (v_doc->'metadata'->>'recordedAt')::timestamptz, v_content_hash, v_prev, v_hash);
        v_prev := v_hash;
      end loop;
      return query select 'ok'::text, p_stream, v_current + 1, v_current + v_n, v_current + v_n;
      return;
    exception when unique_violation then
      -- A racing writer took the version or the command id. Under READ COMMITTED the next read
      -- sees its commit: the loop answers duplicate or conflict, or retries for 'any' and
      -- 'stream_exists'. Under REPEATABLE READ it cannot see it: give up and let the caller map it.
      if v_attempt >= 20 then
        raise;
      end if;
    end;
  end loop;
end
$fn$;
`,
  },
  {
    // The same append without append_events' subtransaction (its exception block), for appends on
    // their own connection: a racing writer's unique violation is raised to the caller, who then
    // asks append_events, which answers duplicate or conflict. About one savepoint less per append.
    id: 'event-store-002-append-fast',
    sql: (s) => `
create function ${s}.append_events_fast(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
declare
  v_current integer;
  v_prev text;
  v_prev_tx xid8;
  v_my_tx xid8;
  v_first integer;
  v_last integer;
  v_dup_stream text;
  v_text text;
  v_doc jsonb;
  v_content_hash text;
  v_hash text;
  v_n integer := coalesce(cardinality(p_contents), 0);
begin
  if v_n = 0 then
    raise exception 'append_events: no events' using errcode = 'invalid_parameter_value';
  end if;
  if p_command_id is not null then
    select e.stream_id, e.version into v_dup_stream, v_first from ${s}.events e where e.command_id = p_command_id;
    if found then
      select max(e.version) into v_last from ${s}.events e
        where e.stream_id = v_dup_stream and e.version >= v_first and e.metadata->>'commandId' = p_command_id::text;
      return query select 'duplicate'::text, v_dup_stream, v_first, v_last, v_last;
      return;
    end if;
  end if;
  select e.version, e.hash, e.tx_id into v_current, v_prev, v_prev_tx from ${s}.events e
    where e.stream_id = p_stream order by e.version desc limit 1;
  if not found then
    v_current := 0;
    v_prev := repeat('0', 64);
  end if;
  v_my_tx := pg_current_xact_id_if_assigned();
  if v_my_tx is not null and v_prev_tx is not null and v_prev_tx > v_my_tx then
    return query select 'retry'::text, p_stream, null::integer, null::integer, v_current;
    return;
  end if;
  if (p_expected >= 0 and p_expected <> v_current) or (p_expected = -2 and v_current = 0) then
    return query select 'conflict'::text, p_stream, null::integer, null::integer, v_current;
    return;
  end if;
  for i in 1..v_n loop
    v_text := p_contents[i] || (v_current + i)::text || '}';
    v_doc := v_text::jsonb;
    if v_doc->>'streamId' is distinct from p_stream then
      raise exception 'append_events: event % belongs to stream %, not %', i, v_doc->>'streamId', p_stream
        using errcode = 'invalid_parameter_value';
    end if;
    v_content_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
    v_hash := encode(sha256(convert_to(v_prev || v_content_hash, 'UTF8')), 'hex');
    insert into ${s}.events (stream_id, version, type, schema_version, data, metadata, command_id, recorded_at, content_hash, prev_hash, hash)
    values (p_stream, v_current + i, v_doc->>'type', (v_doc->>'schemaVersion')::integer, v_doc->'data', v_doc->'metadata',
            case when i = 1 then p_command_id end, (v_doc->'metadata'->>'recordedAt')::timestamptz, v_content_hash, v_prev, v_hash);
    v_prev := v_hash;
  end loop;
  return query select 'ok'::text, p_stream, v_current + 1, v_current + v_n, v_current + v_n;
end
$fn$;
`,
  },
  {
    // Who may still append below the read horizon. readAll used to stop at the snapshot's xmin, so
    // any open transaction on the server (another database, a report, a forgotten psql session)
    // froze every projection. Now an appender registers before its transaction gets an id, by a
    // shared advisory lock that pg_locks shows; read_horizon() is held back only by registered
    // appenders' open transactions. A transaction that already wrote something else cannot
    // register: its id may already have been passed by a reader, so it is refused.
    id: 'event-store-003-appender-horizon',
    sql: (s) => `
create function ${s}.register_appender() returns void language plpgsql as $fn$
begin
  if current_setting('casework.appender_${s}', true) is distinct from 'on' then
    if pg_current_xact_id_if_assigned() is not null then
      raise exception 'append refused: this transaction wrote before its first append, so a reader may already have passed its id; append first, or in a transaction of its own'
        using errcode = 'object_not_in_prerequisite_state';
    end if;
    perform pg_advisory_xact_lock_shared(hashtext('casework.event-store.appender'), hashtext('${s}'));
    perform set_config('casework.appender_${s}', 'on', true);
  end if;
end
$fn$;

-- Every path that inserts events registers first: the two append functions through a wrapper (the
-- registration must precede append_events' exception block, whose rollback would drop a lock taken
-- inside it), and any other INSERT through a statement trigger.
alter function ${s}.append_events(text, bigint, uuid, text[]) rename to append_events_unregistered;
alter function ${s}.append_events_fast(text, bigint, uuid, text[]) rename to append_events_fast_unregistered;
create function ${s}.append_events(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
begin
  perform ${s}.register_appender();
  return query select * from ${s}.append_events_unregistered(p_stream, p_expected, p_command_id, p_contents);
end
$fn$;
create function ${s}.append_events_fast(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
begin
  perform ${s}.register_appender();
  return query select * from ${s}.append_events_fast_unregistered(p_stream, p_expected, p_command_id, p_contents);
end
$fn$;
create function ${s}.events_register_appender() returns trigger language plpgsql as $fn$
begin
  perform ${s}.register_appender();
  return null;
end
$fn$;
create trigger events_register_appender before insert on ${s}.events
  for each statement execute function ${s}.events_register_appender();

-- The position below which no transaction can still commit an event: the oldest transaction id of a
-- registered appender still open in this database, or the snapshot's xmax when there is none.
-- Call it in a statement of its own and read in the next one (a later snapshot): a transaction
-- that commits in between is then visible to the read.
create function ${s}.read_horizon() returns xid8 language sql volatile as $fn$
  with snap as (select pg_current_snapshot() as s),
  appenders as (
    select t.transactionid as xid
    from pg_locks a
    join pg_locks t on t.pid = a.pid and t.locktype = 'transactionid' and t.mode = 'ExclusiveLock' and t.granted
    where a.locktype = 'advisory'
      and a.database = (select oid from pg_database where datname = current_database())
      and a.classid = hashtext('casework.event-store.appender')::oid
      and a.objid = hashtext('${s}')::oid
      and a.objsubid = 2
  )
  select coalesce(
    (select min(x) from snap, pg_snapshot_xip(snap.s) as x where x::xid in (select xid from appenders)),
    (select pg_snapshot_xmax(snap.s) from snap))
$fn$;

-- Registered appenders with an open transaction, oldest first: what /health names when the read
-- models wait.
create function ${s}.open_appenders()
returns table (pid integer, application_name text, xact_start timestamptz, age_seconds double precision)
language sql volatile as $fn$
  select a.pid, coalesce(s.application_name, ''), s.xact_start, extract(epoch from clock_timestamp() - s.xact_start)
  from pg_locks a
  left join pg_stat_activity s on s.pid = a.pid
  where a.locktype = 'advisory'
    and a.database = (select oid from pg_database where datname = current_database())
    and a.classid = hashtext('casework.event-store.appender')::oid
    and a.objid = hashtext('${s}')::oid
    and a.objsubid = 2
    and a.pid is distinct from pg_backend_pid()
  order by s.xact_start nulls last
$fn$;
`,
  },
  {
    // Several streams in one transaction, all or nothing (EventStore.appendMany): each stream goes
    // through append_events, and the first answer that is not 'ok' undoes the streams written so
    // far (the block's subtransaction) and is returned alone. The command id is stored on the
    // first stream's first event, so a repeat answers with every stream the first write touched.
    // p_counts[i] events of p_contents belong to p_streams[i], in order.
    id: 'event-store-004-append-many',
    sql: (s) => `
create function ${s}.command_results(p_command_id uuid)
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language sql stable as $fn$
  select 'duplicate'::text, e.stream_id, min(e.version), max(e.version), max(e.version)
  from ${s}.events e
  where e.tx_id = (select c.tx_id from ${s}.events c where c.command_id = p_command_id)
    and e.metadata->>'commandId' = p_command_id::text
  group by e.stream_id
  order by min(e.global_seq)
$fn$;

create function ${s}.append_events_many(p_command_id uuid, p_streams text[], p_expected bigint[], p_counts integer[], p_contents text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
declare
  v_row record;
  v_failed record;
  v_offset integer := 0;
  v_streams text[] := '{}';
  v_first integer[] := '{}';
  v_last integer[] := '{}';
begin
  if coalesce(cardinality(p_streams), 0) = 0 then
    raise exception 'append_events_many: no streams' using errcode = 'invalid_parameter_value';
  end if;
  -- Registered before the block below: a lock taken inside it would go with its rollback (003).
  perform ${s}.register_appender();
  if p_command_id is not null and exists (select 1 from ${s}.events e where e.command_id = p_command_id) then
    return query select * from ${s}.command_results(p_command_id);
    return;
  end if;
  begin
    for i in 1..cardinality(p_streams) loop
      select * into v_row from ${s}.append_events(
        p_streams[i], p_expected[i], case when i = 1 then p_command_id end,
        p_contents[v_offset + 1 : v_offset + p_counts[i]]);
      if v_row.status <> 'ok' then
        v_failed := v_row;
        raise exception 'append_events_many: undo' using errcode = 'CWUND';
      end if;
      v_streams := v_streams || v_row.result_stream;
      v_first := v_first || v_row.first_version;
      v_last := v_last || v_row.last_version;
      v_offset := v_offset + p_counts[i];
    end loop;
  exception when sqlstate 'CWUND' then
    -- A racing copy of this command committed first: answer with all it wrote.
    if v_failed.status = 'duplicate' then
      return query select * from ${s}.command_results(p_command_id);
      return;
    end if;
    return query select v_failed.status, v_failed.result_stream, null::integer, null::integer, v_failed.actual_version;
    return;
  end;
  return query select 'ok'::text, u.s, u.f, u.l, u.l from unnest(v_streams, v_first, v_last) as u(s, f, l);
end
$fn$;
`,
  },
  {
    // Facts the database sets, and signed events (issue 8 items 2-3). metadata.recordedAt comes from
    // the database clock (the statement's time, to the millisecond), never from the caller: the
    // caller sends "recordedAt":"@store" (RECORDED_AT_BY_STORE) and the function writes its own time
    // into the text it hashes and into recorded_at. Each event may carry the API's Ed25519 signature
    // ('<key id>:<base64>' in p_signatures, stored in key_id and signature), and every row is sealed
    // by row_hash over the columns the content hash does not cover (integrity/row-seal.ts), so the
    // verifier sees a change to any single column. The unsigned four-argument functions are
    // dropped; the registration wrappers of 003 are kept for the new ones.
    id: 'event-store-005-store-facts-and-signatures',
    sql: (s) => `
alter table ${s}.events add column key_id text null, add column signature text null, add column row_hash text null;

drop function ${s}.append_events_many(uuid, text[], bigint[], integer[], text[]);
drop function ${s}.append_events(text, bigint, uuid, text[]);
drop function ${s}.append_events_fast(text, bigint, uuid, text[]);
drop function ${s}.append_events_unregistered(text, bigint, uuid, text[]);
drop function ${s}.append_events_fast_unregistered(text, bigint, uuid, text[]);

-- Writes p_contents after version p_current of p_stream (whose last hash is p_prev), in the caller's
-- transaction; the appenders below check versions and commands first.
create function ${s}.write_events(p_stream text, p_current integer, p_prev text, p_command_id uuid, p_contents text[], p_signatures text[])
returns void language plpgsql as $fn$
declare
  v_marker constant text := '"recordedAt":"@store"';
  v_at timestamptz := date_trunc('milliseconds', statement_timestamp());
  v_at_text text := to_char(v_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  v_tx xid8 := pg_current_xact_id();
  v_prev text := p_prev;
  v_seq bigint;
  v_text text;
  v_doc jsonb;
  v_content_hash text;
  v_hash text;
  v_sig text;
  v_key_id text;
  v_signature text;
  v_command uuid;
  v_schema_version integer;
begin
  for i in 1..cardinality(p_contents) loop
    if length(p_contents[i]) - length(replace(p_contents[i], v_marker, '')) <> length(v_marker) then
      raise exception 'append_events: event % must carry "recordedAt":"@store" once: the store sets the time', i
        using errcode = 'invalid_parameter_value';
    end if;
    v_text := replace(p_contents[i], v_marker, '"recordedAt":"' || v_at_text || '"') || (p_current + i)::text || '}';
    v_doc := v_text::jsonb;
    if v_doc->>'streamId' is distinct from p_stream then
      raise exception 'append_events: event % belongs to stream %, not %', i, v_doc->>'streamId', p_stream
        using errcode = 'invalid_parameter_value';
    end if;
    if v_doc->'metadata'->>'recordedAt' is distinct from v_at_text then
      raise exception 'append_events: event % sets metadata.recordedAt elsewhere than the store', i
        using errcode = 'invalid_parameter_value';
    end if;
    v_sig := p_signatures[i];
    v_key_id := nullif(split_part(coalesce(v_sig, ''), ':', 1), '');
    v_signature := nullif(split_part(coalesce(v_sig, ''), ':', 2), '');
    v_command := case when i = 1 then p_command_id end;
    v_schema_version := (v_doc->>'schemaVersion')::integer;
    v_seq := nextval('${s}.events_global_seq_seq');
    v_content_hash := encode(sha256(convert_to(v_text, 'UTF8')), 'hex');
    v_hash := encode(sha256(convert_to(v_prev || v_content_hash, 'UTF8')), 'hex');
    insert into ${s}.events (global_seq, tx_id, stream_id, version, type, schema_version, data, metadata, command_id,
                             recorded_at, content_hash, prev_hash, hash, key_id, signature, row_hash)
    values (v_seq, v_tx, p_stream, p_current + i, v_doc->>'type', v_schema_version, v_doc->'data', v_doc->'metadata',
            v_command, v_at, v_content_hash, v_prev, v_hash, v_key_id, v_signature,
            encode(sha256(convert_to(v_hash || '|' || v_tx::text || '|' || v_seq::text || '|' || v_at_text || '|' ||
              v_schema_version::text || '|' || coalesce(v_command::text, '') || '|' || coalesce(v_key_id, '') || '|' ||
              coalesce(v_signature, ''), 'UTF8')), 'hex'));
    v_prev := v_hash;
  end loop;
end
$fn$;

${appendFunction(s, 'append_events_unregistered', true)}
${appendFunction(s, 'append_events_fast_unregistered', false)}

create function ${s}.append_events(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[], p_signatures text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
begin
  perform ${s}.register_appender();
  return query select * from ${s}.append_events_unregistered(p_stream, p_expected, p_command_id, p_contents, p_signatures);
end
$fn$;
create function ${s}.append_events_fast(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[], p_signatures text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
begin
  perform ${s}.register_appender();
  return query select * from ${s}.append_events_fast_unregistered(p_stream, p_expected, p_command_id, p_contents, p_signatures);
end
$fn$;

-- As in 004, with the signatures beside the contents.
create function ${s}.append_events_many(p_command_id uuid, p_streams text[], p_expected bigint[], p_counts integer[], p_contents text[], p_signatures text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
declare
  v_row record;
  v_failed record;
  v_offset integer := 0;
  v_streams text[] := '{}';
  v_first integer[] := '{}';
  v_last integer[] := '{}';
begin
  if coalesce(cardinality(p_streams), 0) = 0 then
    raise exception 'append_events_many: no streams' using errcode = 'invalid_parameter_value';
  end if;
  perform ${s}.register_appender();
  if p_command_id is not null and exists (select 1 from ${s}.events e where e.command_id = p_command_id) then
    return query select * from ${s}.command_results(p_command_id);
    return;
  end if;
  begin
    for i in 1..cardinality(p_streams) loop
      select * into v_row from ${s}.append_events(
        p_streams[i], p_expected[i], case when i = 1 then p_command_id end,
        p_contents[v_offset + 1 : v_offset + p_counts[i]], p_signatures[v_offset + 1 : v_offset + p_counts[i]]);
      if v_row.status <> 'ok' then
        v_failed := v_row;
        raise exception 'append_events_many: undo' using errcode = 'CWUND';
      end if;
      v_streams := v_streams || v_row.result_stream;
      v_first := v_first || v_row.first_version;
      v_last := v_last || v_row.last_version;
      v_offset := v_offset + p_counts[i];
    end loop;
  exception when sqlstate 'CWUND' then
    if v_failed.status = 'duplicate' then
      return query select * from ${s}.command_results(p_command_id);
      return;
    end if;
    return query select v_failed.status, v_failed.result_stream, null::integer, null::integer, v_failed.actual_version;
    return;
  end;
  return query select 'ok'::text, u.s, u.f, u.l, u.l from unnest(v_streams, v_first, v_last) as u(s, f, l);
end
$fn$;
`,
  },
];

/**
 * An appender of migration 005: checks the command and the expected version as 001/002 did, then
 * write_events. `guarded` retries unique violations inside a subtransaction (append_events, safe in
 * a caller's transaction); without it they reach the caller (append_events_fast, own connection).
 */
function appendFunction(s: string, name: string, guarded: boolean): string {
  const body = `
    if p_command_id is not null then
      select e.stream_id, e.version into v_dup_stream, v_first from ${s}.events e where e.command_id = p_command_id;
      if found then
        select max(e.version) into v_last from ${s}.events e
          where e.stream_id = v_dup_stream and e.version >= v_first and e.metadata->>'commandId' = p_command_id::text;
        return query select 'duplicate'::text, v_dup_stream, v_first, v_last, v_last;
        return;
      end if;
    end if;
    select e.version, e.hash, e.tx_id into v_current, v_prev, v_prev_tx from ${s}.events e
      where e.stream_id = p_stream order by e.version desc limit 1;
    if not found then
      v_current := 0;
      v_prev := repeat('0', 64);
    end if;
    v_my_tx := pg_current_xact_id_if_assigned();
    if v_my_tx is not null and v_prev_tx is not null and v_prev_tx > v_my_tx then
      return query select 'retry'::text, p_stream, null::integer, null::integer, v_current;
      return;
    end if;
    if (p_expected >= 0 and p_expected <> v_current) or (p_expected = -2 and v_current = 0) then
      return query select 'conflict'::text, p_stream, null::integer, null::integer, v_current;
      return;
    end if;`;
  const write = `perform ${s}.write_events(p_stream, v_current, v_prev, p_command_id, p_contents, p_signatures);
      return query select 'ok'::text, p_stream, v_current + 1, v_current + v_n, v_current + v_n;
      return;`;
  const loop = guarded
    ? `loop
    v_attempt := v_attempt + 1;${body}
    begin
      ${write}
    exception when unique_violation then
      if v_attempt >= 20 then
        raise;
      end if;
    end;
  end loop;`
    : `${body}
  ${write}`;
  return `
create function ${s}.${name}(p_stream text, p_expected bigint, p_command_id uuid, p_contents text[], p_signatures text[])
returns table (status text, result_stream text, first_version integer, last_version integer, actual_version integer)
language plpgsql as $fn$
declare
  v_current integer;
  v_prev text;
  v_prev_tx xid8;
  v_my_tx xid8;
  v_first integer;
  v_last integer;
  v_dup_stream text;
  v_n integer := coalesce(cardinality(p_contents), 0);
  v_attempt integer := 0;
begin
  if v_n = 0 then
    raise exception 'append_events: no events' using errcode = 'invalid_parameter_value';
  end if;
  ${loop}
end
$fn$;`;
}

/**
 * Applies the migrations not yet applied, in one transaction under an advisory lock, so two
 * processes starting together do not collide. Returns the ids it applied.
 */
export async function migrateEventStore(pool: Pool, schema = 'public'): Promise<string[]> {
  const s = checkIdentifier(schema, 'schema');
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`casework.event-store.migrate:${s}`]);
    await client.query(`create schema if not exists ${s}`);
    await client.query(
      `create table if not exists ${s}.schema_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await client.query<{ id: string }>(`select id from ${s}.schema_migrations`)).rows.map((r) => r.id),
    );
    for (const m of eventStoreMigrations) {
      if (done.has(m.id)) continue;
      await client.query(m.sql(s));
      await client.query(`insert into ${s}.schema_migrations (id) values ($1)`, [m.id]);
      applied.push(m.id);
    }
    await client.query('commit');
    return applied;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Lets `role` read and append events, nothing more: UPDATE, DELETE and TRUNCATE stay revoked. */
export async function grantEventStoreAccess(pool: Pool, schema: string, role: string): Promise<void> {
  const s = checkIdentifier(schema, 'schema');
  const r = quoteIdent(role);
  await pool.query(`
    grant usage on schema ${s} to ${r};
    revoke all on ${s}.events from ${r};
    grant select, insert on ${s}.events to ${r};
    grant usage on sequence ${s}.events_global_seq_seq to ${r};
    grant execute on function ${s}.append_events(text, bigint, uuid, text[], text[]) to ${r};
    grant execute on function ${s}.append_events_fast(text, bigint, uuid, text[], text[]) to ${r};
    grant execute on function ${s}.append_events_many(uuid, text[], bigint[], integer[], text[], text[]) to ${r};
    grant execute on function ${s}.command_results(uuid) to ${r};
    grant select on ${s}.schema_migrations to ${r};
  `);
}
