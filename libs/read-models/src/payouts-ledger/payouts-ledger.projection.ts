import type { RecordedEvent } from '@casework/event-store';
import { leadUnitOf } from '../accountability/lead-unit';
import { CASE_STREAM_PREFIX, caseEventOf, checkNextVersion, openingOf } from '../case-status/case-status.fold';
import type { Projection, ProjectionContext } from '../runner/projection';
import { payoutEntriesOf } from './payouts-ledger.rules';

export const PAYOUTS_LEDGER_PROJECTION = 'payouts-ledger';

interface CaseMemo {
  programme: string;
  unit: string;
  leadUnit: string;
  instalments: Record<string, number>;
  version: number;
}

/** The payouts ledger (DESIGN §5): money planned, paid, failed and recovered, entry by entry. */
export class PayoutsLedgerProjection implements Projection {
  readonly name = PAYOUTS_LEDGER_PROJECTION;
  readonly tables = ['payout_entries', 'payout_cases'] as const;
  readonly insertOnlyTables = ['payout_entries'] as const;

  handles(event: RecordedEvent): boolean {
    return event.streamId.startsWith(CASE_STREAM_PREFIX);
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    const ids = [...new Set(batch.map((e) => caseEventOf(e).caseId))];
    const { rows } = await ctx.client.query<{
      case_id: string;
      programme: string;
      unit: string;
      lead_unit: string;
      instalments: CaseMemo['instalments'];
      version: number;
    }>(
      `select case_id, programme, unit, lead_unit, instalments, version from ${ctx.table('payout_cases')} where case_id = any($1::text[])`,
      [ids],
    );
    const cases = new Map<string, CaseMemo>(
      rows.map((r) => [
        r.case_id,
        { programme: r.programme, unit: r.unit, leadUnit: r.lead_unit, instalments: r.instalments, version: r.version },
      ]),
    );
    const entries: {
      id: string;
      event: RecordedEvent;
      caseId: string;
      memo: CaseMemo;
      kind: string;
      onDate: string;
      amountFen: number;
      n: number | null;
    }[] = [];
    for (const recorded of batch) {
      const caseEvent = caseEventOf(recorded);
      const { caseId, event } = caseEvent;
      let memo = cases.get(caseId);
      if (!memo) {
        const { programme, unit, policyVersion } = openingOf(caseEvent);
        const leadUnit = leadUnitOf(programme, policyVersion);
        memo = { programme, unit, leadUnit, instalments: {}, version: recorded.version };
        cases.set(caseId, memo);
        continue;
      }
      checkNextVersion(caseEvent, memo.version);
      const out = payoutEntriesOf(memo.instalments, event);
      memo.instalments = out.instalments;
      memo.version = recorded.version;
      for (const e of out.entries) {
        const id = e.suffix === null ? recorded.metadata.eventId : `${recorded.metadata.eventId}:${e.suffix}`;
        entries.push({
          id,
          event: recorded,
          caseId,
          memo: { ...memo },
          kind: e.kind,
          onDate: e.onDate,
          amountFen: e.amountFen,
          n: e.instalmentNumber,
        });
      }
    }
    if (entries.length > 0) {
      // No ON CONFLICT: an entry written twice would double the money, which must fail loudly.
      await ctx.client.query(
        `insert into ${ctx.table('payout_entries')}
           (entry_id, event_id, global_seq, case_id, programme, unit, lead_unit, kind, on_date, month, amount_fen, instalment_number)
         select id, ev, seq, c, p, u, l, k, d, to_char(d, 'YYYY-MM'), a, n
           from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::date[], $10::bigint[], $11::int[]) as t(id, ev, seq, c, p, u, l, k, d, a, n)`,
        [
          entries.map((e) => e.id),
          entries.map((e) => e.event.metadata.eventId),
          entries.map((e) => e.event.globalSeq),
          entries.map((e) => e.caseId),
          entries.map((e) => e.memo.programme),
          entries.map((e) => e.memo.unit),
          entries.map((e) => e.memo.leadUnit),
          entries.map((e) => e.kind),
          entries.map((e) => e.onDate),
          entries.map((e) => e.amountFen),
          entries.map((e) => e.n),
        ],
      );
    }
    // Every id is a case of the batch, which the loop above has loaded or opened.
    const out = ids.map((id) => [id, cases.get(id)!] as const);
    await ctx.client.query(
      `insert into ${ctx.table('payout_cases')} (case_id, programme, unit, lead_unit, instalments, version)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::int[])
       on conflict (case_id) do update set instalments = excluded.instalments, version = excluded.version`,
      [
        out.map(([id]) => id),
        out.map(([, m]) => m.programme),
        out.map(([, m]) => m.unit),
        out.map(([, m]) => m.leadUnit),
        out.map(([, m]) => JSON.stringify(m.instalments)),
        out.map(([, m]) => m.version),
      ],
    );
  }
}
