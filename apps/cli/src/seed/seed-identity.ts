import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedIdentity } from '@casework/identity';

/**
 * CLI step: units, and the demo accounts the first time only (a removed demo account is never
 * re-created); prints the accounts and their one password.
 */
export async function runSeedIdentity(dataSource: DataSource): Promise<void> {
  const log = new Logger('seed');
  const result = await seedIdentity(dataSource);
  if (result.alreadySeeded) {
    log.log(
      `identity: ${result.unitsUpserted} units; 演示账号此前已创建过，不再重新创建（已删除的账号不会恢复）。demo accounts were seeded before: none is re-created`,
    );
    return;
  }
  log.log(
    `identity: ${result.unitsUpserted} units, ${result.usersCreated} new demo accounts (password for all: ${DEMO_PASSWORD})`,
  );
  for (const a of DEMO_ACCOUNTS)
    log.log(`  ${a.username.padEnd(22)} ${a.role.padEnd(13)} ${a.unit.padEnd(20)} ${a.purpose}`);
}
