import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { Actor } from '@casework/domain';
import { forbidden, localDateOf } from '@casework/kernel';
import { isStreetOffice } from '@casework/identity';
import { CLOCK, Clock } from '@casework/platform';
import type { ListCasesRequest } from './list-cases.request.dto';

export interface CaseQueueItem {
  caseId: string;
  state: string;
  programme: string;
  unit: string;
  beneficiaryName: string;
  assignee: { role: string; unit: string } | null;
  openedAt: string;
  stateSince: string;
  lastEventAt: string;
  dueOn: string | null;
  overdue: boolean;
  version: number;
}

const COLUMN: Record<string, string> = {
  openedAt: 'opened_at',
  lastEventAt: 'last_event_at',
  dueOn: 'due_on',
  state: 'state',
  programme: 'programme',
  unit: 'unit',
};

/** A row of the select below, as pg returns it: timestamptz parsed to a Date, due_on formatted as text. */
interface CaseQueueRow {
  case_id: string;
  state: string;
  programme: string;
  unit: string;
  beneficiary_name: string;
  /** The projection writes both assignee columns or neither. */
  assignee_role: string | null;
  assignee_unit: string | null;
  opened_at: Date;
  state_since: Date;
  last_event_at: Date;
  due_on: string | null;
  overdue: boolean;
  version: number;
}

export interface CaseQueuePage {
  items: CaseQueueItem[];
  total: number;
  page: number;
  pageSize: number;
}

export class ListCasesQuery extends Query<CaseQueuePage> {
  constructor(
    readonly filters: ListCasesRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * Reads the case_queue read model. A street office works its own cases only; the district sees
 * the whole district. "Overdue" depends on today, so it is computed here against the injected
 * clock's date (China time), not stored.
 */
@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filters, actor }: ListCasesQuery): Promise<CaseQueuePage> {
    const q = { ...filters };
    if (isStreetOffice(actor.unit)) {
      if (q.unit && q.unit !== actor.unit) {
        throw forbidden('CASE_UNIT_FORBIDDEN', `Staff of ${actor.unit} see only their own unit's cases.`, {
          unit: q.unit,
        });
      }
      q.unit = actor.unit;
    }
    const today = localDateOf(this.clock.now().toISOString());
    const db = this.db;
    // TypeORM qualifies entities by the configured schema but leaves raw SQL to the search_path.
    const table = `"${(db.options as { schema?: string }).schema ?? 'public'}".case_queue`;
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.state) add('state = ?', q.state);
    if (q.programme) add('programme = ?', q.programme);
    if (q.unit) add('unit = ?', q.unit);
    if (q.assignee) add('assignee_role = ?', q.assignee);
    if (q.overdue === true) add('due_on < ?::date', today);
    if (q.overdue === false) add('(due_on is null or due_on >= ?::date)', today);
    const filter = where.length ? `where ${where.join(' and ')}` : '';
    const sort = q.sort ?? '-lastEventAt';
    const desc = sort.startsWith('-');
    const column = COLUMN[desc ? sort.slice(1) : sort];
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const [count] = await db.query<{ n: number }[]>(`select count(*)::int as n from ${table} ${filter}`, params);
    if (!count) throw new Error('select count(*) returned no row');
    const rows = await db.query<CaseQueueRow[]>(
      `select case_id, state, programme, unit, beneficiary_name, assignee_role, assignee_unit, opened_at, state_since, last_event_at,
            to_char(due_on, 'YYYY-MM-DD') as due_on, coalesce(due_on < $${params.length + 1}::date, false) as overdue, version
       from ${table} ${filter}
      order by ${column} ${desc ? 'desc' : 'asc'} nulls last, case_id
      limit $${params.length + 2} offset $${params.length + 3}`,
      [...params, today, pageSize, (page - 1) * pageSize],
    );
    return {
      total: count.n,
      page,
      pageSize,
      items: rows.map((r) => ({
        caseId: r.case_id,
        state: r.state,
        programme: r.programme,
        unit: r.unit,
        beneficiaryName: r.beneficiary_name,
        assignee: r.assignee_role && r.assignee_unit !== null ? { role: r.assignee_role, unit: r.assignee_unit } : null,
        openedAt: r.opened_at.toISOString(),
        stateSince: r.state_since.toISOString(),
        lastEventAt: r.last_event_at.toISOString(),
        dueOn: r.due_on,
        overdue: r.overdue,
        version: r.version,
      })),
    };
  }
}
