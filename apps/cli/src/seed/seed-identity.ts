import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIdentity } from '@casework/identity';

/** CLI step: units and demo accounts (idempotent); prints the accounts and their one password. */
export async function runSeedIdentity(dataSource: DataSource): Promise<void> {
  const log = new Logger('seed');
  const result = await seedIdentity(dataSource);
  log.log(
    `identity: ${result.unitsUpserted} units, ${result.usersCreated} new demo accounts (password for all: ${DEMO_PASSWORD})`,
  );
  for (const a of DEMO_ACCOUNTS)
    log.log(`  ${a.username.padEnd(22)} ${a.role.padEnd(13)} ${a.unit.padEnd(20)} ${a.purpose}`);
}
