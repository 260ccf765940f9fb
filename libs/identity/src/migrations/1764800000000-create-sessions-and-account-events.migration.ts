import { MigrationInterface, QueryRunner } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ACCOUNT_EVENT_KINDS } from '../account-events/account-event-kinds';
import { SESSION_END_REASONS } from '../sessions/session-store';

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as PostgresConnectionOptions).schema ?? 'public';
}

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Server-side sessions (a signed token names its session; signing out, revocation, the idle
 * timeout and the maximum age end it) and the append-only record of sign-ins and account changes.
 * account_events refuses UPDATE, DELETE and TRUNCATE by trigger, for every role including the
 * owner, as the event store does: the only way to change it is to drop the trigger, which needs
 * the owner and is itself visible in the schema.
 */
export class CreateSessionsAndAccountEvents1764800000000 implements MigrationInterface {
  name = 'CreateSessionsAndAccountEvents1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`alter table ${s}.users add column must_change_password boolean not null default false`);
    await queryRunner.query(`alter table ${s}.users add column password_changed_at timestamptz`);
    await queryRunner.query(`
      create table ${s}.user_sessions (
        id uuid primary key,
        user_id uuid not null references ${s}.users(id) on delete cascade,
        created_at timestamptz not null,
        last_seen_at timestamptz not null,
        expires_at timestamptz not null,
        ended_at timestamptz,
        end_reason varchar(32) check (end_reason in (${list(SESSION_END_REASONS)})),
        client_ip varchar(64),
        check ((ended_at is null) = (end_reason is null))
      )`);
    await queryRunner.query(`create index user_sessions_open on ${s}.user_sessions (user_id) where ended_at is null`);
    await queryRunner.query(`
      create table ${s}.account_events (
        seq bigint generated always as identity primary key,
        at timestamptz not null,
        kind varchar(32) not null check (kind in (${list(ACCOUNT_EVENT_KINDS)})),
        user_id uuid,
        username varchar(64) not null,
        actor_id uuid,
        session_id uuid,
        client_ip varchar(64),
        detail jsonb not null default '{}'
      )`);
    await queryRunner.query(`create index account_events_user_at on ${s}.account_events (user_id, at)`);
    await queryRunner.query(`create index account_events_at on ${s}.account_events (at)`);
    await queryRunner.query(`
      create function ${s}.account_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'account_events is append-only: % refused', tg_op using errcode = '42501';
      end $$`);
    await queryRunner.query(`
      create trigger account_events_no_change before update or delete on ${s}.account_events
      for each row execute function ${s}.account_events_append_only()`);
    await queryRunner.query(`
      create trigger account_events_no_truncate before truncate on ${s}.account_events
      for each statement execute function ${s}.account_events_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`drop table ${s}.account_events`);
    await queryRunner.query(`drop function ${s}.account_events_append_only()`);
    await queryRunner.query(`drop table ${s}.user_sessions`);
    await queryRunner.query(`alter table ${s}.users drop column password_changed_at`);
    await queryRunner.query(`alter table ${s}.users drop column must_change_password`);
  }
}
