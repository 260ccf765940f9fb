import { MigrationInterface, QueryRunner } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as PostgresConnectionOptions).schema ?? 'public';
}

/**
 * What has been seeded into this database, once: the demo accounts are created the first time
 * and never again, so an account an administrator removed does not come back at the next start.
 * A database that already has users when this runs counts as seeded.
 */
export class CreateSeedLog1763100000000 implements MigrationInterface {
  name = 'CreateSeedLog1763100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`
      create table ${s}.seed_log (
        step varchar(64) primary key,
        done_at timestamptz not null default now()
      )`);
    await queryRunner.query(
      `insert into ${s}.seed_log (step) select 'demo-accounts' where exists (select 1 from ${s}.users)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table "${schemaOf(queryRunner)}".seed_log`);
  }
}
