import { MigrationInterface, QueryRunner } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { ROLES } from '@casework/domain';

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as PostgresConnectionOptions).schema ?? 'public';
}

/** Units and users. Qualified by the DataSource's schema: TypeORM does not set search_path. */
export class CreateIdentity1763000000000 implements MigrationInterface {
  name = 'CreateIdentity1763000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      create table ${s}.units (
        code varchar(64) primary key,
        name_zh varchar(100) not null,
        name_en varchar(150) not null,
        kind varchar(32) not null check (kind in ('district', 'street_office', 'finance', 'discipline'))
      )`);
    await queryRunner.query(`
      create table ${s}.users (
        id uuid primary key,
        username varchar(64) not null,
        display_name varchar(100) not null,
        role varchar(32) not null check (role in (${ROLES.map((r) => `'${r}'`).join(', ')})),
        unit varchar(64) not null references ${s}.units(code),
        password_hash varchar(255) not null,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        constraint users_username_unique unique (username)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`drop table ${s}.users`);
    await queryRunner.query(`drop table ${s}.units`);
  }
}
