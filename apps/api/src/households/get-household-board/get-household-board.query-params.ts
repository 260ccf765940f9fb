import { isIsoDate, validationError, type FieldProblem } from '@casework/kernel';
import { POVERTY_STATUSES, isDistrictUnit, type Actor } from '@casework/domain';
import { BOARD_OVERDUE_KINDS, type BoardOverdueKind, type HouseholdBoardFilter } from '@casework/read-models';

export const BOARD_PARAMS = [
  'village',
  'streetOffice',
  'status',
  'overdue',
  'zeroEmployment',
  'cadre',
  'openRisks',
  'on',
  'page',
  'pageSize',
  'reason',
] as const;
export const MAX_PAGE_SIZE = 200;

export interface BoardRequest {
  filter: HouseholdBoardFilter;
  /** The day overdue is judged on; defaults to today. */
  on: string | null;
  page: number;
  pageSize: number;
}

const bool = (field: string, v: string, p: FieldProblem[]): boolean | undefined => {
  if (v === 'true') return true;
  if (v === 'false') return false;
  p.push({ field, reason: 'must be true or false' });
  return undefined;
};

const whole = (
  field: string,
  v: string | undefined,
  dflt: number,
  min: number,
  max: number,
  p: FieldProblem[],
): number => {
  if (v === undefined) return dflt;
  if (!/^\d{1,6}$/.test(v) || Number(v) < min || Number(v) > max) {
    p.push({ field, reason: `must be a whole number from ${min} to ${max}` });
    return dflt;
  }
  return Number(v);
};

/**
 * The board's filters from the query string, every problem named at once, and the scope:
 * street-office users see their own office only (asking for another is a 403 from the caller),
 * district staff and inspectors see every office.
 */
export function parseBoardQuery(query: Record<string, unknown>): BoardRequest & { streetOffice?: string } {
  const p: FieldProblem[] = [];
  const q: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (!(BOARD_PARAMS as readonly string[]).includes(key))
      p.push({ field: key, reason: `is not a filter of the board; known: ${BOARD_PARAMS.join(', ')}` });
    else if (typeof value !== 'string') p.push({ field: key, reason: 'must be given once, as text' });
    else if (value.length > 200) p.push({ field: key, reason: 'must be at most 200 characters' });
    else q[key] = value;
  }
  const filter: HouseholdBoardFilter = { limit: 0, offset: 0 };
  if (q.village) filter.village = q.village;
  if (q.status !== undefined) {
    if ((POVERTY_STATUSES as readonly string[]).includes(q.status)) filter.status = q.status;
    else p.push({ field: 'status', reason: `must be one of: ${POVERTY_STATUSES.join(', ')}` });
  }
  if (q.overdue !== undefined) {
    const kind = q.overdue === 'true' ? 'any' : q.overdue;
    if ((BOARD_OVERDUE_KINDS as readonly string[]).includes(kind)) filter.overdue = kind as BoardOverdueKind;
    else p.push({ field: 'overdue', reason: `must be one of: true, ${BOARD_OVERDUE_KINDS.join(', ')}` });
  }
  if (q.zeroEmployment !== undefined) filter.zeroEmployment = bool('zeroEmployment', q.zeroEmployment, p);
  if (q.openRisks !== undefined) filter.openRisks = bool('openRisks', q.openRisks, p);
  if (q.cadre) filter.cadreUserId = q.cadre;
  if (q.on !== undefined && !isIsoDate(q.on)) p.push({ field: 'on', reason: 'must be a date written YYYY-MM-DD' });
  const page = whole('page', q.page, 1, 1, 100_000, p);
  const pageSize = whole('pageSize', q.pageSize, 50, 1, MAX_PAGE_SIZE, p);
  if (p.length) throw validationError(p);
  filter.limit = pageSize;
  filter.offset = (page - 1) * pageSize;
  return { filter, on: q.on ?? null, page, pageSize, streetOffice: q.streetOffice || undefined };
}

/** The street offices the actor may list: null for all, or the actor's own office; undefined when none. */
export function boardScopeOf(actor: Actor): { all: true } | { all: false; office: string } | null {
  if (actor.role === 'inspector' || isDistrictUnit(actor.unit)) return { all: true };
  if (actor.unit.startsWith('STREET_')) return { all: false, office: actor.unit };
  return null;
}
