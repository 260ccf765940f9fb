import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@casework/domain';

/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** A session ends this long after sign-in, however busy. */
export const MAX_SESSION_MS = 8 * 3600_000;
/** last_seen_at is written at most this often per session, so most requests only read. */
export const TOUCH_EVERY_MS = 60_000;

export const SESSION_END_REASONS = [
  'signed_out',
  'revoked',
  'deactivated',
  'password_changed',
  'password_reset',
  'idle',
  'max_age',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Who a live session acts for, read from the user record at this request. */
export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  unit: string;
  mustChangePassword: boolean;
}

export type SessionCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: 'unknown' | 'inactive' | SessionEndReason; ended: 'now' | 'before'; user?: SessionUser };

interface Row {
  user_id: string;
  username: string;
  role: Role;
  unit: string;
  active: boolean;
  must_change_password: boolean;
  last_seen_at: Date;
  expires_at: Date;
  end_reason: SessionEndReason | null;
}

/**
 * Server-side sessions. A bearer token only names its session (claim `sid`); every request reads
 * the session and its user, so signing out, revocation and deactivation take effect at the next
 * request in every process, and the idle timeout and maximum age are judged by the app's clock.
 */
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  private get s(): string {
    return `"${(this.dataSource.options as { schema?: string }).schema ?? 'public'}"`;
  }

  async open(
    userId: string,
    now: Date,
    clientIp: string | null,
    maxAgeMs = MAX_SESSION_MS,
  ): Promise<{ id: string; expiresAt: Date }> {
    const id = randomUUID();
    const expiresAt = new Date(now.getTime() + Math.min(maxAgeMs, MAX_SESSION_MS));
    await this.dataSource.query(
      `insert into ${this.s}.user_sessions (id, user_id, created_at, last_seen_at, expires_at, client_ip)
       values ($1, $2, $3, $3, $4, $5)`,
      [id, userId, now, expiresAt, clientIp?.slice(0, 64) ?? null],
    );
    return { id, expiresAt };
  }

  /** Whether the session may act now; an idle or too old session is ended here (ended: 'now'). */
  async check(sessionId: string, userId: string, now: Date): Promise<SessionCheck> {
    const rows: Row[] = await this.dataSource.query(
      `select s.user_id, u.username, u.role, u.unit, u.active, u.must_change_password,
              s.last_seen_at, s.expires_at, s.end_reason
         from ${this.s}.user_sessions s join ${this.s}.users u on u.id = s.user_id
        where s.id = $1`,
      [sessionId],
    );
    const r = rows[0];
    if (!r || r.user_id !== userId) return { ok: false, reason: 'unknown', ended: 'before' };
    const user: SessionUser = {
      id: r.user_id,
      username: r.username,
      role: r.role,
      unit: r.unit,
      mustChangePassword: r.must_change_password,
    };
    if (r.end_reason) return { ok: false, reason: r.end_reason, ended: 'before', user };
    if (!r.active) return { ok: false, reason: 'inactive', ended: 'before', user };
    const t = now.getTime();
    const expired: SessionEndReason | null =
      t >= r.expires_at.getTime() ? 'max_age' : t - r.last_seen_at.getTime() >= IDLE_TIMEOUT_MS ? 'idle' : null;
    if (expired) {
      const ended = await this.end(sessionId, expired, now);
      return { ok: false, reason: expired, ended: ended ? 'now' : 'before', user };
    }
    if (t - r.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await this.dataSource.query(
        `update ${this.s}.user_sessions set last_seen_at = $2 where id = $1 and ended_at is null and last_seen_at < $2`,
        [sessionId, now],
      );
    }
    return { ok: true, user };
  }

  /** Ends one session; true when it was open. */
  async end(sessionId: string, reason: SessionEndReason, now: Date): Promise<boolean> {
    // Wrapped in a select: TypeORM answers a bare UPDATE with [rows, count] rather than rows.
    const rows: { n: number }[] = await this.dataSource.query(
      `with ended as (
         update ${this.s}.user_sessions set ended_at = $2, end_reason = $3 where id = $1 and ended_at is null returning id
       ) select count(*)::int as n from ended`,
      [sessionId, now, reason],
    );
    return (rows[0]?.n ?? 0) > 0;
  }

  /** Ends every open session of a user (but `except`); returns how many were open. */
  async endAllOf(
    userId: string,
    reason: SessionEndReason,
    now: Date,
    except: string | null = null,
    runner: { query: DataSource['query'] } = this.dataSource,
  ): Promise<number> {
    const rows: { n: number }[] = await runner.query(
      `with ended as (
         update ${this.s}.user_sessions set ended_at = $2, end_reason = $3
          where user_id = $1 and ended_at is null and ($4::uuid is null or id <> $4::uuid) returning id
       ) select count(*)::int as n from ended`,
      [userId, now, reason, except],
    );
    return rows[0]?.n ?? 0;
  }
}
