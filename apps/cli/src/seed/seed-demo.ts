import { Logger } from '@nestjs/common';
import type { Infrastructure } from '@casework/platform';
import { localDateOf } from '@casework/kernel';
import { seedCases } from './seed-cases';
import { seedHouseholds } from './seed-households';
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
  // Households follow up in the present: their visits and plans are dated relative to today.
  const households = await seedHouseholds(infra.store, { today: localDateOf(new Date().toISOString()) });
  log.log(
    `households: ${households.created} created, ${households.skipped} already there (14 villages, 124 lifted, 33 not yet lifted; synthetic, labelled 【示例】)`,
  );
  log.log(`demo district ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
