import { DataSource } from 'typeorm';
import { hashPassword } from '../password/password-hash';
import { UnitRecord } from '../units/unit.entity';
import { UNITS } from '../units/units';
import { User } from '../users/user.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

export interface SeedIdentityResult {
  unitsUpserted: number;
  usersCreated: number;
}

/**
 * Units and the demo accounts. Idempotent: units are upserted; an account that exists already is
 * left as it is (its password may have been changed).
 */
export async function seedIdentity(dataSource: DataSource, password = DEMO_PASSWORD): Promise<SeedIdentityResult> {
  await dataSource.getRepository(UnitRecord).upsert(
    UNITS.map((u) => ({ code: u.code, nameZh: u.nameZh, nameEn: u.nameEn, kind: u.kind })),
    ['code'],
  );
  const users = dataSource.getRepository(User);
  let usersCreated = 0;
  for (const a of DEMO_ACCOUNTS) {
    if (await users.existsBy({ username: a.username })) continue;
    const passwordHash = await hashPassword(password);
    const result = await users
      .createQueryBuilder()
      .insert()
      .values({
        id: a.id,
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        unit: a.unit,
        passwordHash,
        active: true,
      })
      .orIgnore()
      .execute();
    // ON CONFLICT DO NOTHING returns no row when a concurrent seed inserted it first.
    usersCreated += Array.isArray(result.raw) ? result.raw.length : 0;
  }
  return { unitsUpserted: UNITS.length, usersCreated };
}
