import { Logger } from '@nestjs/common';
import type { Infrastructure } from '@casework/platform';
import { seedCases } from './seed-cases';
import { runSeedIdentity } from './seed-identity';

/**
 * The synthetic demo district (DESIGN §7): demo accounts, cases of every programme in every state,
 * and the monitored households. Every step is idempotent, so a restart seeds nothing twice.
 */
export async function seedDemo(infra: Pick<Infrastructure, 'dataSource' | 'store'>): Promise<void> {
  const log = new Logger('seed');
  const started = Date.now();
  await runSeedIdentity(infra.dataSource);
  const cases = await seedCases(infra.store);
  log.log(`cases: ${cases.created} created, ${cases.skipped} already there (synthetic applicants, labelled 【示例】)`);
  log.log(`demo district ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
