import type { RecordedEvent } from '@casework/event-store';
import {
  CASE_STREAM_PREFIX,
  CaseStatusFacts,
  caseEventOf,
  foldCaseStatus,
  openingOf,
} from '../case-status/case-status.fold';
import type { Projection, ProjectionContext } from '../runner/projection';
import { assigneeOf, dueOn } from './case-queue.rules';

export const CASE_QUEUE_PROJECTION = 'case-queue';

interface QueueRow extends CaseStatusFacts {
  caseId: string;
  streamId: string;
  programme: string;
  unit: string;
  beneficiaryName: string;
  openedAt: string;
  lastEventAt: string;
}

/** Case queues (DESIGN §5): one row per case with its state, who holds the next step and when it is due. */
export class CaseQueueProjection implements Projection {
  readonly name = CASE_QUEUE_PROJECTION;
  readonly tables = ['case_queue'] as const;

  handles(event: RecordedEvent): boolean {
    return event.streamId.startsWith(CASE_STREAM_PREFIX);
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    const table = ctx.table('case_queue');
    const ids = [...new Set(batch.map((e) => caseEventOf(e).caseId))];
    const { rows } = await ctx.client.query<{
      case_id: string;
      stream_id: string;
      state: CaseStatusFacts['state'];
      programme: string;
      unit: string;
      beneficiary_name: string;
      opened_at: Date;
      state_since: Date;
      last_event_at: Date;
      version: number;
      memo: CaseStatusFacts['memo'];
    }>(
      `select case_id, stream_id, state, programme, unit, beneficiary_name, opened_at, state_since, last_event_at, version, memo
         from ${table} where case_id = any($1::text[])`,
      [ids],
    );
    const cases = new Map<string, QueueRow>(
      rows.map((r) => [
        r.case_id,
        {
          caseId: r.case_id,
          streamId: r.stream_id,
          state: r.state,
          programme: r.programme,
          unit: r.unit,
          beneficiaryName: r.beneficiary_name,
          openedAt: r.opened_at.toISOString(),
          stateSince: r.state_since.toISOString(),
          lastEventAt: r.last_event_at.toISOString(),
          version: r.version,
          memo: r.memo,
        },
      ]),
    );
    for (const recorded of batch) {
      const e = caseEventOf(recorded);
      const row = cases.get(e.caseId);
      if (row) {
        Object.assign(row, foldCaseStatus(row, e).status, { lastEventAt: e.at });
        continue;
      }
      const { programme, unit, beneficiary } = openingOf(e);
      cases.set(e.caseId, {
        caseId: e.caseId,
        streamId: recorded.streamId,
        programme,
        unit,
        beneficiaryName: beneficiary.name,
        openedAt: e.at,
        lastEventAt: e.at,
        ...foldCaseStatus(undefined, e).status,
      });
    }
    // Every id is a case of the batch, which the loop above has loaded or opened.
    const out = ids.map((id) => cases.get(id)!);
    const assignees = out.map((r) => assigneeOf(r.state, r.unit));
    await ctx.client.query(
      `insert into ${table} as q (case_id, stream_id, state, programme, unit, beneficiary_name, assignee_role, assignee_unit,
                                  opened_at, state_since, last_event_at, due_on, version, memo)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                            $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::date[], $13::int[], $14::jsonb[])
       on conflict (case_id) do update set
         state = excluded.state, assignee_role = excluded.assignee_role, assignee_unit = excluded.assignee_unit,
         state_since = excluded.state_since, last_event_at = excluded.last_event_at, due_on = excluded.due_on,
         version = excluded.version, memo = excluded.memo`,
      [
        out.map((r) => r.caseId),
        out.map((r) => r.streamId),
        out.map((r) => r.state),
        out.map((r) => r.programme),
        out.map((r) => r.unit),
        out.map((r) => r.beneficiaryName),
        assignees.map((a) => a?.role ?? null),
        assignees.map((a) => a?.unit ?? null),
        out.map((r) => r.openedAt),
        out.map((r) => r.stateSince),
        out.map((r) => r.lastEventAt),
        out.map((r) => dueOn(r.state, r.stateSince, r.memo)),
        out.map((r) => r.version),
        out.map((r) => JSON.stringify(r.memo)),
      ],
    );
  }
}
