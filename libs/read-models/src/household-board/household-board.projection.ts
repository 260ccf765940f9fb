import {
  evolveHousehold,
  isRegistered,
  nextVisitDue,
  openRisks,
  type HouseholdEvent,
  type HouseholdState,
  type RegisteredHousehold,
} from '@casework/domain';
import type { RecordedEvent } from '@casework/event-store';
import type { Projection, ProjectionContext } from '../runner/projection';

export const HOUSEHOLD_BOARD_PROJECTION = 'household-board';
const HOUSEHOLD_PREFIX = 'household-';

/** One board row, as derived from the folded household. */
export interface HouseholdBoardRow {
  householdId: string;
  streamId: string;
  village: string;
  streetOffice: string;
  address: string;
  headName: string;
  status: string;
  memberCount: number;
  cadreUserId: string | null;
  cadreName: string | null;
  planId: string | null;
  planDueBy: string | null;
  lastVisitOn: string | null;
  nextVisitDue: string | null;
  openMeasures: number;
  nextMeasureDue: string | null;
  openRisks: number;
  zeroEmployment: boolean;
  registeredAt: string;
  lastEventAt: string;
  version: number;
}

const minDate = (dates: string[]): string | null =>
  dates.reduce<string | null>((min, d) => (min === null || d < min ? d : min), null);
const maxDate = (dates: string[]): string | null =>
  dates.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null);

/** The board's columns for a household; the schedule rules are the domain's (nextVisitDue). */
export function boardRowOf(
  h: RegisteredHousehold,
  streamId: string,
  version: number,
  lastEventAt: string,
): HouseholdBoardRow {
  const open = h.plan ? h.plan.measures.filter((m) => !m.done) : [];
  return {
    householdId: h.householdId,
    streamId,
    village: h.village,
    streetOffice: h.streetOffice,
    address: h.address,
    headName: h.members.find((m) => m.memberId === h.headMemberId)?.name ?? '',
    status: h.status,
    memberCount: h.members.length,
    cadreUserId: h.cadre?.userId ?? null,
    cadreName: h.cadre?.name ?? null,
    planId: h.plan?.planId ?? null,
    planDueBy: h.planRequired ? h.planDueBy : null,
    lastVisitOn: maxDate(h.visits.map((v) => v.date)),
    nextVisitDue: nextVisitDue(h),
    openMeasures: open.length,
    nextMeasureDue: minDate(open.map((m) => m.targetDate)),
    openRisks: openRisks(h).length,
    zeroEmployment: h.zeroEmployment,
    registeredAt: h.registeredAt,
    lastEventAt,
    version,
  };
}

interface Folded {
  streamId: string;
  state: HouseholdState;
  version: number;
  lastEventAt: string;
}

/**
 * The household board (DESIGN §5). Keeps the folded household in the row, so a batch reads the
 * rows it touches once, folds its events with the domain's evolve, and writes them back in one
 * multi-row upsert.
 */
export class HouseholdBoardProjection implements Projection {
  readonly name = HOUSEHOLD_BOARD_PROJECTION;
  readonly tables = ['household_board'] as const;

  handles(event: RecordedEvent): boolean {
    return event.streamId.startsWith(HOUSEHOLD_PREFIX);
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    const table = ctx.table('household_board');
    const ids = [...new Set(batch.map((e) => e.streamId.slice(HOUSEHOLD_PREFIX.length)))];
    const { rows } = await ctx.client.query<{
      household_id: string;
      stream_id: string;
      version: number;
      last_event_at: Date;
      state: HouseholdState;
    }>(
      `select household_id, stream_id, version, last_event_at, state from ${table} where household_id = any($1::text[])`,
      [ids],
    );
    const households = new Map<string, Folded>(
      rows.map((r) => [
        r.household_id,
        { streamId: r.stream_id, state: r.state, version: r.version, lastEventAt: r.last_event_at.toISOString() },
      ]),
    );
    for (const recorded of batch) {
      const id = recorded.streamId.slice(HOUSEHOLD_PREFIX.length);
      const current = households.get(id) ?? {
        streamId: recorded.streamId,
        state: { status: 'unregistered' } as HouseholdState,
        version: 0,
        lastEventAt: recorded.metadata.recordedAt,
      };
      if (recorded.version !== current.version + 1) {
        throw new Error(`household ${id}: event version ${recorded.version} after ${current.version} (gap or repeat)`);
      }
      const event = { type: recorded.type, data: recorded.data } as HouseholdEvent;
      if (current.version === 0 && event.type !== 'HouseholdRegistered')
        throw new Error(`household ${id}: ${event.type} before HouseholdRegistered`);
      const at =
        typeof (recorded.data as { at?: unknown }).at === 'string'
          ? (recorded.data as { at: string }).at
          : recorded.metadata.recordedAt;
      households.set(id, {
        streamId: current.streamId,
        state: evolveHousehold(current.state, event),
        version: recorded.version,
        lastEventAt: at,
      });
    }
    const out = ids.map((id) => {
      const f = households.get(id)!;
      if (!isRegistered(f.state)) throw new Error(`household ${id}: not registered after its events`);
      return { row: boardRowOf(f.state, f.streamId, f.version, f.lastEventAt), state: f.state };
    });
    const col = <K extends keyof HouseholdBoardRow>(k: K) => out.map((o) => o.row[k]);
    await ctx.client.query(
      `insert into ${table} as b (household_id, stream_id, village, street_office, address, head_name, status, member_count,
                                  cadre_user_id, cadre_name, plan_id, plan_due_by, last_visit_on, next_visit_due, open_measures,
                                  next_measure_due, open_risks, zero_employment, registered_at, last_event_at, version, state)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
                            $9::text[], $10::text[], $11::text[], $12::date[], $13::date[], $14::date[], $15::int[],
                            $16::date[], $17::int[], $18::boolean[], $19::timestamptz[], $20::timestamptz[], $21::int[], $22::jsonb[])
       on conflict (household_id) do update set
         village = excluded.village, street_office = excluded.street_office, address = excluded.address, head_name = excluded.head_name,
         status = excluded.status, member_count = excluded.member_count, cadre_user_id = excluded.cadre_user_id,
         cadre_name = excluded.cadre_name, plan_id = excluded.plan_id, plan_due_by = excluded.plan_due_by,
         last_visit_on = excluded.last_visit_on, next_visit_due = excluded.next_visit_due, open_measures = excluded.open_measures,
         next_measure_due = excluded.next_measure_due, open_risks = excluded.open_risks, zero_employment = excluded.zero_employment,
         last_event_at = excluded.last_event_at, version = excluded.version, state = excluded.state`,
      [
        col('householdId'),
        col('streamId'),
        col('village'),
        col('streetOffice'),
        col('address'),
        col('headName'),
        col('status'),
        col('memberCount'),
        col('cadreUserId'),
        col('cadreName'),
        col('planId'),
        col('planDueBy'),
        col('lastVisitOn'),
        col('nextVisitDue'),
        col('openMeasures'),
        col('nextMeasureDue'),
        col('openRisks'),
        col('zeroEmployment'),
        col('registeredAt'),
        col('lastEventAt'),
        col('version'),
        out.map((o) => JSON.stringify(o.state)),
      ],
    );
  }
}
