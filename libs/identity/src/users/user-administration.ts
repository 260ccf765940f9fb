import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@casework/domain';
import { DomainError, validationError } from '@casework/kernel';
import { AccountEventLog } from '../account-events/account-event-log';
import { hashPassword, verifyPassword } from '../password/password-hash';
import { oneTimePassword, passwordProblem } from '../password/password-policy';
import { SessionStore } from '../sessions/session-store';
import { findUnit, type UnitKind } from '../units/units';
import { User } from './user.entity';

/** What an administrator sees of a user: names, role, unit, state; never a hash or personal data. */
export interface AdminUserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unit: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

/** Who acts and when (the app's clock); `sessionId` is the actor's own session. */
export interface AccountActor {
  userId: string;
  at: Date;
  clientIp?: string | null;
  sessionId?: string | null;
}

/** The kinds of unit each role works in (DESIGN §1): a street officer sits in a street office, and so on. */
const UNIT_KINDS_OF_ROLE: Record<Role, readonly UnitKind[]> = {
  caseworker: ['district', 'street_office'],
  reviewer: ['district'],
  approver: ['district'],
  finance: ['finance'],
  street_staff: ['street_office'],
  inspector: ['discipline'],
  admin: ['district'],
};

const toAdminView = (u: User): AdminUserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  unit: u.unit,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
});

const notFound = (id: string) =>
  new DomainError('not_found', 'USER_NOT_FOUND', `没有这个用户。No user ${id}.`, { userId: id });

function checkRoleAndUnit(role: Role, unit: string): void {
  const found = findUnit(unit);
  if (!found) throw validationError([{ field: 'unit', reason: `没有这个单位。is not a known unit code` }]);
  const kinds = UNIT_KINDS_OF_ROLE[role];
  if (!kinds.includes(found.kind))
    throw validationError([
      {
        field: 'unit',
        reason: `角色 ${role} 不属于此类单位（${found.kind}）。a ${role} works in a unit of kind ${kinds.join(' or ')}`,
      },
    ]);
}

/**
 * Creating users, changing role and unit, deactivating, resetting and changing passwords. Every
 * change is written with its account_events entry in one transaction, and whatever takes a right
 * away (deactivation, reset, revocation) ends the user's sessions in that same transaction.
 */
export class UserAdministration {
  private readonly events: AccountEventLog;
  private readonly sessions: SessionStore;

  constructor(private readonly dataSource: DataSource) {
    this.events = new AccountEventLog(dataSource);
    this.sessions = new SessionStore(dataSource);
  }

  async list(): Promise<AdminUserView[]> {
    const users = await this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
    return users.map(toAdminView);
  }

  async get(id: string): Promise<AdminUserView> {
    const u = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!u) throw notFound(id);
    return toAdminView(u);
  }

  /** A new account with a one-time password, shown once here and changed at the first sign-in. */
  async create(input: NewUser, actor: AccountActor): Promise<{ user: AdminUserView; oneTimePassword: string }> {
    checkRoleAndUnit(input.role, input.unit);
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    const id = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const taken: unknown[] = await tx.query(
        `select 1 from ${this.schema}.users where lower(username) = lower($1) for update`,
        [input.username],
      );
      if (taken.length > 0)
        throw new DomainError(
          'conflict',
          'USERNAME_TAKEN',
          `用户名已被使用。The username "${input.username}" is taken.`,
          {
            field: 'username',
          },
        );
      await tx.getRepository(User).insert({
        id,
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unit: input.unit,
        passwordHash: hash,
        active: true,
        mustChangePassword: true,
        passwordChangedAt: null,
        createdAt: actor.at,
      });
      await this.record(
        tx,
        actor,
        'user_created',
        { id, username: input.username },
        {
          role: input.role,
          unit: input.unit,
        },
      );
    });
    return { user: await this.get(id), oneTimePassword: password };
  }

  /** Moves a user to another role and/or unit; each change is its own record. */
  async update(id: string, change: { role?: Role; unit?: string }, actor: AccountActor): Promise<AdminUserView> {
    await this.dataSource.transaction(async (tx) => {
      const u = await this.lock(tx, id);
      const role = change.role ?? u.role;
      const unit = change.unit ?? u.unit;
      checkRoleAndUnit(role, unit);
      if (role === u.role && unit === u.unit) return;
      await tx.getRepository(User).update({ id }, { role, unit });
      if (role !== u.role) await this.record(tx, actor, 'role_changed', u, { from: u.role, to: role });
      if (unit !== u.unit) await this.record(tx, actor, 'unit_changed', u, { from: u.unit, to: unit });
    });
    return this.get(id);
  }

  /** The account can no longer sign in, and every token it holds is refused from the next request. */
  async deactivate(id: string, actor: AccountActor): Promise<AdminUserView> {
    if (id === actor.userId)
      throw new DomainError(
        'illegal_state',
        'CANNOT_DEACTIVATE_SELF',
        '不能停用自己的账号。You cannot deactivate your own account.',
      );
    await this.dataSource.transaction(async (tx) => {
      const u = await this.lock(tx, id);
      if (!u.active) return;
      await tx.getRepository(User).update({ id }, { active: false });
      const ended = await this.sessions.endAllOf(id, 'deactivated', actor.at, null, tx);
      await this.record(tx, actor, 'user_deactivated', u, { sessionsEnded: ended });
    });
    return this.get(id);
  }

  /** A new one-time password, returned once; the user's sessions end and the next sign-in must change it. */
  async resetPassword(id: string, actor: AccountActor): Promise<{ user: AdminUserView; oneTimePassword: string }> {
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      const u = await this.lock(tx, id);
      await tx
        .getRepository(User)
        .update({ id }, { passwordHash: hash, mustChangePassword: true, passwordChangedAt: actor.at });
      const ended = await this.sessions.endAllOf(id, 'password_reset', actor.at, null, tx);
      await this.record(tx, actor, 'password_reset', u, { sessionsEnded: ended });
    });
    return { user: await this.get(id), oneTimePassword: password };
  }

  /** Ends every session of a user (their tokens are refused from the next request). */
  async revokeSessions(id: string, actor: AccountActor): Promise<{ sessionsEnded: number }> {
    return this.dataSource.transaction(async (tx) => {
      const u = await this.lock(tx, id);
      const ended = await this.sessions.endAllOf(id, 'revoked', actor.at, null, tx);
      await this.record(tx, actor, 'sessions_revoked', u, { sessionsEnded: ended });
      return { sessionsEnded: ended };
    });
  }

  /**
   * The user's own change: the current password must be right (a stolen token alone cannot take
   * the account) and the new one must pass the policy; the user's other sessions end.
   */
  async changeOwnPassword(currentPassword: string, newPassword: string, actor: AccountActor): Promise<void> {
    const u = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!u) throw notFound(actor.userId);
    if (!(await verifyPassword(currentPassword, u.passwordHash)))
      throw validationError([{ field: 'currentPassword', reason: '当前密码不正确。is not your current password' }]);
    const problem = passwordProblem(newPassword, u.username);
    if (problem) throw validationError([{ field: 'newPassword', reason: problem }]);
    if (await verifyPassword(newPassword, u.passwordHash))
      throw validationError([
        { field: 'newPassword', reason: '新密码不得与当前密码相同。must differ from the current password' },
      ]);
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await this.lock(tx, u.id);
      await tx
        .getRepository(User)
        .update({ id: u.id }, { passwordHash: hash, mustChangePassword: false, passwordChangedAt: actor.at });
      const ended = await this.sessions.endAllOf(u.id, 'password_changed', actor.at, actor.sessionId ?? null, tx);
      await this.record(tx, actor, 'password_changed', u, { otherSessionsEnded: ended });
    });
  }

  private get schema(): string {
    return `"${(this.dataSource.options as { schema?: string }).schema ?? 'public'}"`;
  }

  private async lock(tx: EntityManager, id: string): Promise<User> {
    const u = await tx.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!u) throw notFound(id);
    return u;
  }

  private record(
    tx: EntityManager,
    actor: AccountActor,
    kind: Parameters<AccountEventLog['append']>[0]['kind'],
    user: { id: string; username: string },
    detail: Record<string, unknown>,
  ): Promise<void> {
    return this.events.append(
      {
        at: actor.at,
        kind,
        userId: user.id,
        username: user.username,
        actorId: actor.userId === user.id ? null : actor.userId,
        sessionId: actor.sessionId ?? null,
        clientIp: actor.clientIp ?? null,
        detail,
      },
      tx,
    );
  }
}
