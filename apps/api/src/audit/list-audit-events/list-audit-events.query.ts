import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@casework/domain';
import { requireRole } from '../../shared/require-role';
import type { ListAuditEventsRequest } from './list-audit-events.request.dto';

/** Roles that may read the whole audit trail (DESIGN §1). */
export const AUDIT_READERS: readonly Role[] = ['inspector', 'approver', 'reviewer', 'admin'];

export interface AuditEventView {
  eventId: string;
  globalSeq: string;
  position: { commit: string; prepare: string };
  streamId: string;
  streamVersion: number;
  caseId: string | null;
  householdId: string | null;
  type: string;
  actor: { userId: string; role: string; unit: string };
  recordedAt: string;
  reason: string | null;
  clause: string | null;
  policyVersion: string | null;
  correlationId: string | null;
  hash: string;
}

export const EXPORT_LIMIT = 100_000;

/** A row of the select below, as pg returns it: bigint and numeric cast to text, timestamptz parsed to a Date. */
interface AuditEventRow {
  event_id: string;
  global_seq: string;
  commit_pos: string;
  prepare_pos: string;
  stream_id: string;
  stream_version: number;
  case_id: string | null;
  household_id: string | null;
  event_type: string;
  actor_user_id: string;
  actor_role: string;
  actor_unit: string;
  recorded_at: Date;
  reason: string | null;
  clause: string | null;
  policy_version: string | null;
  correlation_id: string | null;
  hash: string;
}

export class ListAuditEventsQuery extends Query<{ items: AuditEventView[]; total: number }> {
  constructor(
    readonly filters: ListAuditEventsRequest,
    readonly paging: { limit: number; offset: number },
    readonly actor: Actor,
  ) {
    super();
  }
}

/** Reads the audit trail read model (queries skip the domain, STYLE §3). */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({
    filters: q,
    paging,
    actor,
  }: ListAuditEventsQuery): Promise<{ items: AuditEventView[]; total: number }> {
    requireRole(actor, AUDIT_READERS, 'AUDIT_READ_FORBIDDEN', 'The audit trail');
    const db = this.db;
    // TypeORM qualifies entities by the configured schema but leaves raw SQL to the search_path.
    const table = `"${(db.options as { schema?: string }).schema ?? 'public'}".audit_events`;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.actor) add('actor_user_id = ?', q.actor);
    if (q.unit) add('actor_unit = ?', q.unit);
    if (q.case) add('case_id = ?', q.case);
    if (q.household) add('household_id = ?', q.household);
    if (q.type) add('event_type = ?', q.type);
    if (q.from) add('recorded_at >= ?::timestamptz', q.from);
    if (q.to) add('recorded_at < ?::timestamptz', q.to);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const dir = q.order === 'desc' ? 'desc' : 'asc';
    const [count] = await db.query<{ n: number }[]>(`select count(*)::int as n from ${table} ${filter}`, params);
    if (!count) throw new Error('select count(*) returned no row');
    const rows = await db.query<AuditEventRow[]>(
      `select event_id, global_seq::text as global_seq, commit::text as commit_pos, prepare::text as prepare_pos, stream_id, stream_version,
            case_id, household_id, event_type, actor_user_id, actor_role, actor_unit, recorded_at, reason, clause,
            policy_version, correlation_id, hash
       from ${table} ${filter}
      order by commit ${dir}, prepare ${dir}
      limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, paging.limit, paging.offset],
    );
    return {
      total: count.n,
      items: rows.map((r) => ({
        eventId: r.event_id,
        globalSeq: r.global_seq,
        position: { commit: r.commit_pos, prepare: r.prepare_pos },
        streamId: r.stream_id,
        streamVersion: r.stream_version,
        caseId: r.case_id,
        householdId: r.household_id,
        type: r.event_type,
        actor: { userId: r.actor_user_id, role: r.actor_role, unit: r.actor_unit },
        recordedAt: r.recorded_at.toISOString(),
        reason: r.reason,
        clause: r.clause,
        policyVersion: r.policy_version,
        correlationId: r.correlation_id,
        hash: r.hash,
      })),
    };
  }
}
