// Users, roles, units, authentication, authorisation scopes.
import { CreateIdentity1763000000000 } from './migrations/1763000000000-create-identity.migration';
import { CreateSeedLog1763100000000 } from './migrations/1763100000000-create-seed-log.migration';
import { UnitRecord } from './units/unit.entity';
import { User } from './users/user.entity';

export * from './units/units';
export { UnitRecord } from './units/unit.entity';
export { User, type UserView, toUserView } from './users/user.entity';
export { UserDirectory } from './users/user-directory';
export { hashPassword, verifyPassword } from './password/password-hash';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount, type DemoAccount } from './seed/demo-accounts';
export { DEMO_ACCOUNTS_SEED_STEP, seedIdentity, type SeedIdentityResult } from './seed/seed-identity';
export { CreateIdentity1763000000000 } from './migrations/1763000000000-create-identity.migration';

/** A class TypeORM instantiates (an entity or a migration). */
type TypeOrmClass = new () => object;
export const IDENTITY_ENTITIES: TypeOrmClass[] = [UnitRecord, User];
export const IDENTITY_MIGRATIONS: TypeOrmClass[] = [CreateIdentity1763000000000, CreateSeedLog1763100000000];
