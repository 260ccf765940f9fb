import type { CaseEvent } from '@casework/domain';
import type { RecordedEvent } from '@casework/event-store';
import { getProgramme, readFact } from '@casework/policy';
import { CASE_STREAM_PREFIX, caseEventOf } from '../case-status/case-status.fold';
import type { Projection, ProjectionContext } from '../runner/projection';

export const ANOMALY_CASES_PROJECTION = 'anomaly-cases';

export interface AnomalyCaseRow {
  caseId: string;
  programme: string;
  unit: string;
  beneficiaryKey: string | null;
  beneficiaryName: string;
  periodKey: string;
  approvedFen: number | null;
  approvedEventId: string | null;
  version: number;
}

/**
 * The key the open-case handler reserves on: the programme's beneficiary fact (e.g. the hired
 * graduate's ID number for a hiring subsidy), else the applicant's ID number or credit code.
 */
export function beneficiaryKeyOf(
  programme: string,
  policyVersion: string,
  facts: Record<string, unknown>,
  beneficiary: unknown,
): string | null {
  let fromFact: unknown;
  try {
    fromFact = readFact(facts ?? {}, getProgramme(programme, policyVersion).beneficiaryFact);
  } catch {
    fromFact = undefined; // an unknown programme or version: fall back to the applicant
  }
  const b = (beneficiary ?? {}) as { idNumber?: unknown; creditCode?: unknown };
  const key = [fromFact, b.idNumber, b.creditCode].find((v) => typeof v === 'string' && v.trim() !== '') as
    string | undefined;
  return key ? key.trim().toUpperCase() : null;
}

/** Folds one case event into the row (pure); events that change nothing here return the row as is. */
export function nextAnomalyCase(
  row: AnomalyCaseRow | undefined,
  caseId: string,
  event: CaseEvent,
  eventId: string,
  version: number,
): AnomalyCaseRow | undefined {
  if (event.type === 'CaseSubmitted') {
    const d = event.data;
    return {
      caseId,
      programme: d.programme,
      unit: d.unit,
      beneficiaryKey: beneficiaryKeyOf(d.programme, d.policyVersion, d.facts, d.beneficiary),
      beneficiaryName: String(d.beneficiary?.name ?? ''),
      periodKey: String(d.period?.from ?? '').slice(0, 4),
      approvedFen: null,
      approvedEventId: null,
      version,
    };
  }
  if (!row) return undefined;
  if (event.type === 'CaseResubmitted') {
    return {
      ...row,
      beneficiaryKey:
        beneficiaryKeyOf(row.programme, event.data.policyVersion, event.data.facts, null) ?? row.beneficiaryKey,
      version,
    };
  }
  if (event.type === 'CaseApproved')
    return { ...row, approvedFen: event.data.amountFen, approvedEventId: eventId, version };
  return { ...row, version };
}

/** Case facts for the anomaly rules (DESIGN §5): beneficiary key, period key, approved amount. */
export class AnomalyCasesProjection implements Projection {
  readonly name = ANOMALY_CASES_PROJECTION;
  readonly tables = ['anomaly_cases'] as const;

  handles(event: RecordedEvent): boolean {
    return event.streamId.startsWith(CASE_STREAM_PREFIX);
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    const ids = [...new Set(batch.map((e) => caseEventOf(e).caseId))];
    const { rows } = await ctx.client.query<{
      case_id: string;
      programme: string;
      unit: string;
      beneficiary_key: string | null;
      beneficiary_name: string;
      period_key: string;
      approved_fen: string | null;
      approved_event_id: string | null;
      version: number;
    }>(
      `select case_id, programme, unit, beneficiary_key, beneficiary_name, period_key, approved_fen::text as approved_fen, approved_event_id, version
         from ${ctx.table('anomaly_cases')} where case_id = any($1::text[])`,
      [ids],
    );
    const cases = new Map<string, AnomalyCaseRow>(
      rows.map((r) => [
        r.case_id,
        {
          caseId: r.case_id,
          programme: r.programme,
          unit: r.unit,
          beneficiaryKey: r.beneficiary_key,
          beneficiaryName: r.beneficiary_name,
          periodKey: r.period_key,
          approvedFen: r.approved_fen === null ? null : Number(r.approved_fen),
          approvedEventId: r.approved_event_id,
          version: r.version,
        },
      ]),
    );
    const changed = new Set<string>();
    for (const recorded of batch) {
      const { caseId, event } = caseEventOf(recorded);
      const row = cases.get(caseId);
      if (row && recorded.version <= row.version) continue;
      const next = nextAnomalyCase(row, caseId, event, recorded.metadata.eventId, recorded.version);
      if (!next) continue;
      cases.set(caseId, next);
      changed.add(caseId);
    }
    // `changed` holds only ids the loop has just set in `cases`.
    const out = [...changed].map((id) => cases.get(id)!);
    if (out.length === 0) return;
    const col = <K extends keyof AnomalyCaseRow>(k: K) => out.map((r) => r[k]);
    await ctx.client.query(
      `insert into ${ctx.table('anomaly_cases')}
         (case_id, programme, unit, beneficiary_key, beneficiary_name, period_key, approved_fen, approved_event_id, version)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::text[], $9::int[])
       on conflict (case_id) do update set beneficiary_key = excluded.beneficiary_key, approved_fen = excluded.approved_fen,
         approved_event_id = excluded.approved_event_id, version = excluded.version`,
      [
        col('caseId'),
        col('programme'),
        col('unit'),
        col('beneficiaryKey'),
        col('beneficiaryName'),
        col('periodKey'),
        col('approvedFen'),
        col('approvedEventId'),
        col('version'),
      ],
    );
  }
}
