// Users, roles, units, authentication, sessions, the account record, authorisation scopes.
import { CreateIdentity1763000000000 } from './migrations/1763000000000-create-identity.migration';
import { CreateSeedLog1763100000000 } from './migrations/1763100000000-create-seed-log.migration';
import { CreateSessionsAndAccountEvents1764800000000 } from './migrations/1764800000000-create-sessions-and-account-events.migration';
import { UnitRecord } from './units/unit.entity';
import { User } from './users/user.entity';

export * from './units/units';
export { UnitRecord } from './units/unit.entity';
export { User, type UserView, toUserView } from './users/user.entity';
export { UserDirectory, type SignInResult } from './users/user-directory';
export { UserAdministration, type AccountActor, type AdminUserView, type NewUser } from './users/user-administration';
export {
  SessionStore,
  IDLE_TIMEOUT_MS,
  MAX_SESSION_MS,
  TOUCH_EVERY_MS,
  SESSION_END_REASONS,
  type SessionCheck,
  type SessionEndReason,
  type SessionUser,
} from './sessions/session-store';
export { ACCOUNT_EVENT_KINDS, ACCOUNT_EVENT_LABELS, type AccountEventKind } from './account-events/account-event-kinds';
export {
  AccountEventLog,
  type AccountEventQuery,
  type AccountEventView,
  type NewAccountEvent,
} from './account-events/account-event-log';
export { hashPassword, verifyPassword } from './password/password-hash';
export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, oneTimePassword, passwordProblem } from './password/password-policy';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccount, type DemoAccount } from './seed/demo-accounts';
export { DEMO_ACCOUNTS_SEED_STEP, seedIdentity, type SeedIdentityResult } from './seed/seed-identity';
export { CreateIdentity1763000000000 } from './migrations/1763000000000-create-identity.migration';

/** A class TypeORM instantiates (an entity or a migration). */
type TypeOrmClass = new () => object;
export const IDENTITY_ENTITIES: TypeOrmClass[] = [UnitRecord, User];
export const IDENTITY_MIGRATIONS: TypeOrmClass[] = [
  CreateIdentity1763000000000,
  CreateSeedLog1763100000000,
  CreateSessionsAndAccountEvents1764800000000,
];
