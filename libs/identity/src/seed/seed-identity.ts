import { DataSource } from 'typeorm';
import { hashPassword } from '../password/password-hash';
import { UnitRecord } from '../units/unit.entity';
import { UNITS } from '../units/units';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export interface SeedIdentityResult {
  unitsUpserted: number;
  usersCreated: number;
  /** True when the demo accounts had been seeded into this database before: none was (re)created. */
  alreadySeeded: boolean;
}

/** The seed_log step that records that the demo accounts were created (libs/identity migrations). */
export const DEMO_ACCOUNTS_SEED_STEP = 'demo-accounts';

/**
 * Units and the demo accounts. Units are upserted every time. The demo accounts are created once
 * per database: the first run records the step in seed_log in the same transaction, and later
 * runs create no user, so an account an administrator removed never comes back.
 */
export async function seedIdentity(dataSource: DataSource, password = DEMO_PASSWORD): Promise<SeedIdentityResult> {
  await dataSource.getRepository(UnitRecord).upsert(
    UNITS.map((u) => ({ code: u.code, nameZh: u.nameZh, nameEn: u.nameEn, kind: u.kind })),
    ['code'],
  );
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  // Hashed before the transaction (it is slow), one salt per account.
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password)));
  return dataSource.transaction(async (tx) => {
    // The claim decides: of two concurrent first runs, one inserts the step and creates the users.
    const claimed: unknown[] = await tx.query(
      `insert into "${schema}".seed_log (step) values ($1) on conflict (step) do nothing returning step`,
      [DEMO_ACCOUNTS_SEED_STEP],
    );
    if (claimed.length === 0) return { unitsUpserted: UNITS.length, usersCreated: 0, alreadySeeded: true };
    let usersCreated = 0;
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const result = await tx
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({
          id: a.id,
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          unit: a.unit,
          passwordHash: hashes[i],
          active: true,
        })
        .orIgnore()
        .execute();
      usersCreated += Array.isArray(result.raw) ? result.raw.length : 0;
    }
    return { unitsUpserted: UNITS.length, usersCreated, alreadySeeded: false };
  });
}
