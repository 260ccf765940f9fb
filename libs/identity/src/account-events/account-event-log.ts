import { DataSource } from 'typeorm';
import { ACCOUNT_EVENT_LABELS, AccountEventKind } from './account-event-kinds';

/** One entry to append. `at` comes from the caller's clock. */
export interface NewAccountEvent {
  at: Date;
  kind: AccountEventKind;
  /** The account concerned; null when a sign-in names no known account. */
  userId: string | null;
  /** The username concerned (as typed, for failed sign-ins). */
  username: string;
  /** Who did it when it is not the user themself (the administrator). */
  actorId?: string | null;
  sessionId?: string | null;
  clientIp?: string | null;
  detail?: Record<string, unknown>;
}

export interface AccountEventView {
  seq: number;
  at: string;
  kind: AccountEventKind;
  label: string;
  userId: string | null;
  username: string;
  actorId: string | null;
  actorUsername: string | null;
  sessionId: string | null;
  clientIp: string | null;
  detail: Record<string, unknown>;
}

export interface AccountEventQuery {
  userId?: string;
  username?: string;
  from?: Date;
  to?: Date;
  /** Only entries with a smaller seq (the next page). */
  before?: number;
  limit: number;
}

interface Row {
  seq: string;
  at: Date;
  kind: AccountEventKind;
  user_id: string | null;
  username: string;
  actor_id: string | null;
  actor_username: string | null;
  session_id: string | null;
  client_ip: string | null;
  detail: Record<string, unknown>;
}

/**
 * The append-only record of sign-ins and account changes (table account_events: no UPDATE,
 * DELETE or TRUNCATE, by trigger). Newest first when read.
 */
export class AccountEventLog {
  constructor(private readonly dataSource: DataSource) {}

  private get table(): string {
    return `"${(this.dataSource.options as { schema?: string }).schema ?? 'public'}"`;
  }

  async append(e: NewAccountEvent, runner: { query: DataSource['query'] } = this.dataSource): Promise<void> {
    await runner.query(
      `insert into ${this.table}.account_events (at, kind, user_id, username, actor_id, session_id, client_ip, detail)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        e.at,
        e.kind,
        e.userId,
        e.username.slice(0, 64),
        e.actorId ?? null,
        e.sessionId ?? null,
        e.clientIp?.slice(0, 64) ?? null,
        JSON.stringify(e.detail ?? {}),
      ],
    );
  }

  async list(q: AccountEventQuery): Promise<AccountEventView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.userId) add('e.user_id = ?', q.userId);
    if (q.username) add('lower(e.username) = lower(?)', q.username);
    if (q.from) add('e.at >= ?', q.from);
    if (q.to) add('e.at < ?', q.to);
    if (q.before !== undefined) add('e.seq < ?', q.before);
    params.push(q.limit);
    const rows: Row[] = await this.dataSource.query(
      `select e.seq, e.at, e.kind, e.user_id, e.username, e.actor_id, a.username as actor_username,
              e.session_id, e.client_ip, e.detail
         from ${this.table}.account_events e left join ${this.table}.users a on a.id = e.actor_id
        ${where.length ? `where ${where.join(' and ')}` : ''}
        order by e.seq desc limit $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at.toISOString(),
      kind: r.kind,
      label: ACCOUNT_EVENT_LABELS[r.kind],
      userId: r.user_id,
      username: r.username,
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      sessionId: r.session_id,
      clientIp: r.client_ip,
      detail: r.detail,
    }));
  }
}
