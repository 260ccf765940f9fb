import type { HouseholdEvent, PovertyStatus } from '@casework/domain';
import type { RecordedEvent } from '@casework/event-store';
import { localDateOf } from '@casework/kernel';
import { assigneeOf, dueOn, workingDaysBetweenCached } from '../case-queue/case-queue.rules';
import {
  CASE_STREAM_PREFIX,
  CaseStatusFacts,
  TERMINAL_STATUSES,
  caseEventOf,
  foldCaseStatus,
  openingOf,
} from '../case-status/case-status.fold';
import type { Projection, ProjectionContext } from '../runner/projection';
import {
  HOUSEHOLD_LEAD_UNIT,
  HouseholdRow,
  caseFactOf,
  evolveHousehold,
  nextVisitDueOf,
  type FactKind,
} from './accountability.rules';
import { leadUnitOf } from './lead-unit';

export const ACCOUNTABILITY_PROJECTION = 'accountability';
const HOUSEHOLD_PREFIX = 'household-';

interface CaseRow extends CaseStatusFacts {
  caseId: string;
  programme: string;
  unit: string;
  leadUnit: string;
  openStep: number | null;
  stepCount: number;
  receivedAt: string;
  decision: string | null;
  decidedAt: string | null;
  objections: number;
}

interface StepRow {
  caseId: string;
  seq: number;
  step: string;
  programme: string;
  unit: string;
  leadUnit: string;
  holderRole: string | null;
  holderUnit: string | null;
  enteredAt: string;
  leftAt: string | null;
  dueOn: string | null;
  workingDays: number | null;
}

interface FactRow {
  factId: string;
  kind: FactKind;
  onDate: string;
  caseId: string | null;
  householdId: string | null;
  programme: string | null;
  unit: string;
  leadUnit: string;
}

const iso = (v: Date | null): string | null => (v ? v.toISOString() : null);

/** The step a case is in now, as its row describes it. */
function openStepOf(c: CaseRow): StepRow | null {
  if (c.openStep === null) return null;
  const holder = assigneeOf(c.state, c.unit);
  return {
    caseId: c.caseId,
    seq: c.openStep,
    step: c.state,
    programme: c.programme,
    unit: c.unit,
    leadUnit: c.leadUnit,
    holderRole: holder?.role ?? null,
    holderUnit: holder?.unit ?? null,
    enteredAt: c.stateSince,
    leftAt: null,
    dueOn: dueOn(c.state, c.stateSince, c.memo),
    workingDays: null,
  };
}

/**
 * Accountability (DESIGN §5, POLICY.md §4): per case the steps it went through with their holders,
 * due days and working days taken; countable facts (received, decided, objections, visits, risks)
 * with their day; per household when its next follow-up visit is due.
 */
export class AccountabilityProjection implements Projection {
  readonly name = ACCOUNTABILITY_PROJECTION;
  readonly tables = [
    'accountability_cases',
    'accountability_steps',
    'accountability_facts',
    'accountability_households',
  ] as const;
  readonly insertOnlyTables = ['accountability_facts'] as const;

  handles(event: RecordedEvent): boolean {
    return event.streamId.startsWith(CASE_STREAM_PREFIX) || event.streamId.startsWith(HOUSEHOLD_PREFIX);
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    const facts: FactRow[] = [];
    const caseEvents = batch.filter((e) => e.streamId.startsWith(CASE_STREAM_PREFIX));
    const householdEvents = batch.filter((e) => e.streamId.startsWith(HOUSEHOLD_PREFIX));
    if (caseEvents.length > 0) await this.applyCases(caseEvents, ctx, facts);
    if (householdEvents.length > 0) await this.applyHouseholds(householdEvents, ctx, facts);
    if (facts.length === 0) return;
    // No ON CONFLICT: a fact counted twice is a bug that must surface.
    await ctx.client.query(
      `insert into ${ctx.table('accountability_facts')} (fact_id, kind, on_date, case_id, household_id, programme, unit, lead_unit)
       select * from unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        facts.map((f) => f.factId),
        facts.map((f) => f.kind),
        facts.map((f) => f.onDate),
        facts.map((f) => f.caseId),
        facts.map((f) => f.householdId),
        facts.map((f) => f.programme),
        facts.map((f) => f.unit),
        facts.map((f) => f.leadUnit),
      ],
    );
  }

  private async applyCases(batch: RecordedEvent[], ctx: ProjectionContext, facts: FactRow[]): Promise<void> {
    const table = ctx.table('accountability_cases');
    const ids = [...new Set(batch.map((e) => caseEventOf(e).caseId))];
    const { rows } = await ctx.client.query<{
      case_id: string;
      programme: string;
      unit: string;
      lead_unit: string;
      state: CaseRow['state'];
      state_since: Date;
      open_step: number | null;
      step_count: number;
      received_at: Date;
      decision: string | null;
      decided_at: Date | null;
      objections: number;
      memo: CaseRow['memo'];
      version: number;
    }>(`select * from ${table} where case_id = any($1::text[])`, [ids]);
    const cases = new Map<string, CaseRow>(
      rows.map((r) => [
        r.case_id,
        {
          caseId: r.case_id,
          programme: r.programme,
          unit: r.unit,
          leadUnit: r.lead_unit,
          state: r.state,
          stateSince: r.state_since.toISOString(),
          openStep: r.open_step,
          stepCount: r.step_count,
          receivedAt: r.received_at.toISOString(),
          decision: r.decision,
          decidedAt: iso(r.decided_at),
          objections: r.objections,
          memo: r.memo,
          version: r.version,
        },
      ]),
    );
    const steps = new Map<string, StepRow>();
    const touch = (s: StepRow | null) => s && steps.set(`${s.caseId}:${s.seq}`, s);

    for (const recorded of batch) {
      const e = caseEventOf(recorded);
      const { caseId, event, at } = e;
      let c = cases.get(caseId);
      if (!c) {
        const { programme, unit, policyVersion } = openingOf(e);
        c = {
          caseId,
          programme,
          unit,
          leadUnit: leadUnitOf(programme, policyVersion),
          openStep: 1,
          stepCount: 1,
          receivedAt: at,
          decision: null,
          decidedAt: null,
          objections: 0,
          ...foldCaseStatus(undefined, e).status,
        };
        cases.set(caseId, c);
      } else {
        const { status, newStep } = foldCaseStatus(c, e);
        if (newStep) {
          // The step left keeps the due day of the memo after this event, as it always has.
          const leaving = openStepOf({ ...c, memo: status.memo });
          if (leaving) {
            leaving.leftAt = at;
            leaving.workingDays = workingDaysBetweenCached(localDateOf(leaving.enteredAt), localDateOf(at));
            touch(leaving);
          }
          if (TERMINAL_STATUSES.has(status.state)) {
            c.openStep = null;
          } else {
            c.stepCount += 1;
            c.openStep = c.stepCount;
          }
        }
        Object.assign(c, status);
        if (event.type === 'CaseApproved' || event.type === 'CaseRejected') {
          c.decision = event.type === 'CaseApproved' ? 'approved' : 'rejected';
          c.decidedAt = at;
        }
        if (event.type === 'ObjectionRaised') c.objections += 1;
      }
      // The open step's due day moves with the memo (e.g. the next instalment), so it is rewritten each time.
      touch(openStepOf(c));
      const fact = caseFactOf(event);
      if (fact) {
        facts.push({
          factId: recorded.metadata.eventId,
          ...fact,
          caseId,
          householdId: null,
          programme: c.programme,
          unit: c.unit,
          leadUnit: c.leadUnit,
        });
      }
    }

    // Every id is a case of the batch, which the loop above has loaded or opened.
    const out = ids.map((id) => cases.get(id)!);
    await ctx.client.query(
      `insert into ${table} (case_id, programme, unit, lead_unit, state, state_since, open_step, step_count, received_at, decision,
                             decided_at, objections, memo, version)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[], $8::int[],
                            $9::timestamptz[], $10::text[], $11::timestamptz[], $12::int[], $13::jsonb[], $14::int[])
       on conflict (case_id) do update set
         state = excluded.state, state_since = excluded.state_since, open_step = excluded.open_step, step_count = excluded.step_count,
         decision = excluded.decision, decided_at = excluded.decided_at, objections = excluded.objections, memo = excluded.memo,
         version = excluded.version`,
      [
        out.map((c) => c.caseId),
        out.map((c) => c.programme),
        out.map((c) => c.unit),
        out.map((c) => c.leadUnit),
        out.map((c) => c.state),
        out.map((c) => c.stateSince),
        out.map((c) => c.openStep),
        out.map((c) => c.stepCount),
        out.map((c) => c.receivedAt),
        out.map((c) => c.decision),
        out.map((c) => c.decidedAt),
        out.map((c) => c.objections),
        out.map((c) => JSON.stringify(c.memo)),
        out.map((c) => c.version),
      ],
    );
    const s = [...steps.values()];
    await ctx.client.query(
      `insert into ${ctx.table('accountability_steps')} (case_id, seq, step, programme, unit, lead_unit, holder_role, holder_unit,
                                                         entered_at, left_at, left_on, due_on, working_days)
       select c, n, st, p, u, l, hr, hu, ea, la, (la at time zone 'Asia/Shanghai')::date, d, w
         from unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::timestamptz[], $10::timestamptz[], $11::date[], $12::int[]) as t(c, n, st, p, u, l, hr, hu, ea, la, d, w)
       on conflict (case_id, seq) do update set
         holder_role = excluded.holder_role, holder_unit = excluded.holder_unit, left_at = excluded.left_at,
         left_on = excluded.left_on, due_on = excluded.due_on, working_days = excluded.working_days`,
      [
        s.map((r) => r.caseId),
        s.map((r) => r.seq),
        s.map((r) => r.step),
        s.map((r) => r.programme),
        s.map((r) => r.unit),
        s.map((r) => r.leadUnit),
        s.map((r) => r.holderRole),
        s.map((r) => r.holderUnit),
        s.map((r) => r.enteredAt),
        s.map((r) => r.leftAt),
        s.map((r) => r.dueOn),
        s.map((r) => r.workingDays),
      ],
    );
  }

  private async applyHouseholds(batch: RecordedEvent[], ctx: ProjectionContext, facts: FactRow[]): Promise<void> {
    const table = ctx.table('accountability_households');
    const ids = [...new Set(batch.map((e) => e.streamId.slice(HOUSEHOLD_PREFIX.length)))];
    // Days as text: pg would parse a date column into a Date at local midnight, a day early east of UTC.
    const { rows } = await ctx.client.query<{
      household_id: string;
      street_office: string;
      village: string;
      status: PovertyStatus;
      registered_on: string;
      last_visit_on: string | null;
      last_visit_next_due: string | null;
      zero_employment: boolean;
      open_risks: number;
      version: number;
    }>(
      `select household_id, street_office, village, status, to_char(registered_on, 'YYYY-MM-DD') as registered_on,
              to_char(last_visit_on, 'YYYY-MM-DD') as last_visit_on,
              to_char(last_visit_next_due, 'YYYY-MM-DD') as last_visit_next_due, zero_employment, open_risks, version
         from ${table} where household_id = any($1::text[])`,
      [ids],
    );
    const households = new Map<string, HouseholdRow>(
      rows.map((r) => [
        r.household_id,
        {
          householdId: r.household_id,
          streetOffice: r.street_office,
          village: r.village,
          status: r.status,
          registeredOn: r.registered_on,
          lastVisitOn: r.last_visit_on,
          lastVisitNextDue: r.last_visit_next_due,
          zeroEmployment: r.zero_employment,
          openRisks: r.open_risks,
          version: r.version,
        },
      ]),
    );
    for (const recorded of batch) {
      const householdId = recorded.streamId.slice(HOUSEHOLD_PREFIX.length);
      const event = { type: recorded.type, data: recorded.data } as HouseholdEvent;
      let h = households.get(householdId);
      if (!h) {
        if (event.type !== 'HouseholdRegistered')
          throw new Error(
            `household ${householdId}: ${event.type} (version ${recorded.version}) before HouseholdRegistered`,
          );
        h = {
          householdId,
          streetOffice: event.data.streetOffice,
          village: event.data.village,
          status: event.data.status,
          registeredOn: localDateOf(event.data.at),
          lastVisitOn: null,
          lastVisitNextDue: null,
          zeroEmployment: false,
          openRisks: 0,
          version: recorded.version,
        };
        households.set(householdId, h);
      } else if (recorded.version !== h.version + 1) {
        throw new Error(
          `household ${householdId}: event version ${recorded.version} after ${h.version} (gap or repeat)`,
        );
      }
      h.version = recorded.version;
      const fact = evolveHousehold(h, event);
      if (fact) {
        facts.push({
          factId: recorded.metadata.eventId,
          ...fact,
          caseId: null,
          householdId,
          programme: null,
          unit: h.streetOffice,
          leadUnit: HOUSEHOLD_LEAD_UNIT,
        });
      }
    }
    // Every id is a household of the batch, which the loop above has loaded or registered (or thrown).
    const out = ids.map((id) => households.get(id)!);
    await ctx.client.query(
      `insert into ${table} (household_id, street_office, village, status, registered_on, last_visit_on, last_visit_next_due,
                             next_visit_due, zero_employment, open_risks, version)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[], $8::date[],
                            $9::boolean[], $10::int[], $11::int[])
       on conflict (household_id) do update set
         status = excluded.status, last_visit_on = excluded.last_visit_on, last_visit_next_due = excluded.last_visit_next_due,
         next_visit_due = excluded.next_visit_due, zero_employment = excluded.zero_employment, open_risks = excluded.open_risks,
         version = excluded.version`,
      [
        out.map((h) => h.householdId),
        out.map((h) => h.streetOffice),
        out.map((h) => h.village),
        out.map((h) => h.status),
        out.map((h) => h.registeredOn),
        out.map((h) => h.lastVisitOn),
        out.map((h) => h.lastVisitNextDue),
        out.map((h) => nextVisitDueOf(h)),
        out.map((h) => h.zeroEmployment),
        out.map((h) => h.openRisks),
        out.map((h) => h.version),
      ],
    );
  }
}
