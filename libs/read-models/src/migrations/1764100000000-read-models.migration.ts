import { MigrationInterface, QueryRunner } from 'typeorm';

/** Projection bookkeeping, the audit trail and the case queues (DESIGN §5). */
export class ReadModels1764100000000 implements MigrationInterface {
  name = 'ReadModels1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    // Where each projection is in the global order; moved in the same transaction as its read model.
    await q.query(`CREATE TABLE ${s}.projection_checkpoints (
      name text PRIMARY KEY,
      commit numeric(20,0) NOT NULL,
      prepare numeric(20,0) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // An event a projection could not apply; while unresolved it blocks that projection.
    await q.query(`CREATE TABLE ${s}.projection_failures (
      id bigserial PRIMARY KEY,
      projection text NOT NULL,
      event_id text NOT NULL,
      global_seq bigint NOT NULL,
      commit numeric(20,0) NOT NULL,
      prepare numeric(20,0) NOT NULL,
      stream_id text NOT NULL,
      event_type text NOT NULL,
      error text NOT NULL,
      stack text,
      failed_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz)`);
    await q.query(
      `CREATE INDEX projection_failures_open_idx ON ${s}.projection_failures (projection) WHERE resolved_at IS NULL`,
    );

    // The audit trail: one row per event, who/when/why/under which policy version, with its chain hash.
    await q.query(`CREATE TABLE ${s}.audit_events (
      event_id text NOT NULL,
      global_seq bigint NOT NULL,
      commit numeric(20,0) NOT NULL,
      prepare numeric(20,0) NOT NULL,
      stream_id text NOT NULL,
      stream_version integer NOT NULL,
      case_id text,
      household_id text,
      event_type text NOT NULL,
      actor_user_id text NOT NULL,
      actor_role text NOT NULL,
      actor_unit text NOT NULL,
      recorded_at timestamptz NOT NULL,
      reason text,
      clause text,
      policy_version text,
      correlation_id text,
      command_id text,
      hash char(64) NOT NULL,
      CONSTRAINT audit_events_pkey PRIMARY KEY (event_id))`);
    for (const [name, cols] of [
      ['audit_events_position_idx', 'commit, prepare'],
      ['audit_events_recorded_at_idx', 'recorded_at'],
      ['audit_events_actor_idx', 'actor_user_id'],
      ['audit_events_unit_idx', 'actor_unit'],
      ['audit_events_case_idx', 'case_id'],
      ['audit_events_household_idx', 'household_id'],
      ['audit_events_type_idx', 'event_type'],
    ]) {
      await q.query(`CREATE INDEX ${name} ON ${s}.audit_events (${cols})`);
    }
    // Reads of personal data by inspectors and across units (DESIGN §1): who, when, what, why.
    await q.query(`CREATE TABLE ${s}.audit_reads (
      id bigserial PRIMARY KEY,
      read_at timestamptz NOT NULL DEFAULT now(),
      user_id text NOT NULL,
      role text NOT NULL,
      unit text NOT NULL,
      subject_type text NOT NULL,
      subject_id text NOT NULL,
      purpose text NOT NULL,
      detail jsonb)`);
    await q.query(`CREATE INDEX audit_reads_read_at_idx ON ${s}.audit_reads (read_at)`);
    await q.query(`CREATE INDEX audit_reads_subject_idx ON ${s}.audit_reads (subject_type, subject_id)`);

    // Case queues: one row per case, as the work lists filter and sort it.
    await q.query(`CREATE TABLE ${s}.case_queue (
      case_id text NOT NULL,
      stream_id text NOT NULL,
      state text NOT NULL,
      programme text NOT NULL,
      unit text NOT NULL,
      beneficiary_name text NOT NULL,
      assignee_role text, -- holds the next step; null when nobody has to act (closed, withdrawn, ...)
      assignee_unit text,
      opened_at timestamptz NOT NULL,
      state_since timestamptz NOT NULL,
      last_event_at timestamptz NOT NULL,
      due_on date, -- the next step is due on this day (working days from state_since); null when no deadline runs
      version integer NOT NULL,
      memo jsonb NOT NULL, -- what the fold needs beyond the columns (e.g. the state before a suspension)
      CONSTRAINT case_queue_pkey PRIMARY KEY (case_id))`);
    for (const [name, cols] of [
      ['case_queue_state_idx', 'state'],
      ['case_queue_programme_idx', 'programme'],
      ['case_queue_unit_idx', 'unit'],
      ['case_queue_assignee_idx', 'assignee_role, assignee_unit'],
      ['case_queue_due_idx', 'due_on'],
    ]) {
      await q.query(`CREATE INDEX ${name} ON ${s}.case_queue (${cols})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema?: string }).schema ?? 'public'}"`;
    for (const table of [
      'case_queue',
      'audit_reads',
      'audit_events',
      'projection_failures',
      'projection_checkpoints',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${s}.${table}`);
    }
  }
}
