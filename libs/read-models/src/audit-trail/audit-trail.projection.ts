import type { CaseEventType, HouseholdEventType } from '@casework/domain';
import type { RecordedEvent } from '@casework/event-store';
import type { Projection, ProjectionContext } from '../runner/projection';

export const AUDIT_TRAIL_PROJECTION = 'audit-trail';

/**
 * Every event type of the deciders and the subject it is about. The audit trail records every
 * event (unknown types too, with the subject read from the stream id); this table is how the
 * compiler makes sure a new event type is looked at here.
 */
export const AUDITED_EVENT_TYPES: Readonly<Record<CaseEventType | HouseholdEventType, 'case' | 'household'>> = {
  CaseSubmitted: 'case',
  CaseAccepted: 'case',
  CaseReturnedForSupplement: 'case',
  CaseResubmitted: 'case',
  PreliminaryReviewPassed: 'case',
  DistrictReviewPassed: 'case',
  PublicNoticeStarted: 'case',
  ObjectionRaised: 'case',
  ObjectionResolved: 'case',
  PublicNoticeEnded: 'case',
  CaseApproved: 'case',
  CaseRejected: 'case',
  PayoutScheduled: 'case',
  InstalmentDisbursed: 'case',
  InstalmentPaymentFailed: 'case',
  InstalmentPaymentRetried: 'case',
  CaseSuspended: 'case',
  CaseResumed: 'case',
  FollowUpScheduled: 'case',
  FollowUpRecorded: 'case',
  CaseClosed: 'case',
  CaseWithdrawn: 'case',
  CaseReopened: 'case',
  RecoveryOpened: 'case',
  RepaymentRecorded: 'case',
  WriteOffRequested: 'case',
  WriteOffApproved: 'case',
  RecoverySettled: 'case',
  HouseholdRegistered: 'household',
  HouseholdStatusChanged: 'household',
  ResponsibleCadreAssigned: 'household',
  ResponsibleCadreReassigned: 'household',
  AssistancePlanAdopted: 'household',
  PlanMeasureAdded: 'household',
  PlanMeasureCompleted: 'household',
  HouseholdVisited: 'household',
  RiskFlagRaised: 'household',
  RiskEliminated: 'household',
  MemberPlacedInWork: 'household',
  MemberLeftWork: 'household',
  ZeroEmploymentDetected: 'household',
  ZeroEmploymentCleared: 'household',
  ThreeChecksRecorded: 'household',
  SubsidyCaseLinked: 'household',
};

/** One audit row, as the projection derives it from an event. */
export interface AuditRow {
  eventId: string;
  globalSeq: string;
  commit: string;
  prepare: string;
  streamId: string;
  streamVersion: number;
  caseId: string | null;
  householdId: string | null;
  eventType: string;
  actorUserId: string;
  actorRole: string;
  actorUnit: string;
  /** When the event was written: the database's clock (metadata.recordedAt). */
  recordedAt: string;
  /** The time the event speaks of: its data's `at`, else when it was written. */
  occurredAt: string;
  reason: string | null;
  clause: string | null;
  policyVersion: string | null;
  correlationId: string | null;
  commandId: string | null;
  hash: string;
}

/** The data's `at` when it is an instant (domain events carry one); recording time is not business time. */
function businessTimeOf(data: Record<string, unknown>): string | null {
  const at = data.at;
  return typeof at === 'string' && !Number.isNaN(Date.parse(at)) ? at : null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The "why" of an event: the first reason-like field its data carries. */
const REASON_FIELDS = ['reason', 'revisionReason', 'statusReason', 'resolution'] as const;

export function auditRowOf(e: RecordedEvent): AuditRow {
  const data = e.data ?? {};
  const fromStream = (prefix: string) => (e.streamId.startsWith(prefix) ? e.streamId.slice(prefix.length) : null);
  const caseId = fromStream('case-') ?? str(data.caseId);
  const householdId = fromStream('household-') ?? str(data.householdId);
  const reason = REASON_FIELDS.map((f) => str(data[f])).find((v) => v !== null) ?? null;
  return {
    eventId: e.metadata.eventId,
    globalSeq: e.globalSeq,
    commit: e.position.commit,
    prepare: e.position.prepare,
    streamId: e.streamId,
    streamVersion: e.version,
    caseId,
    householdId,
    eventType: e.type,
    actorUserId: e.metadata.actor.userId,
    actorRole: e.metadata.actor.role,
    actorUnit: e.metadata.actor.unit,
    recordedAt: e.metadata.recordedAt,
    occurredAt: businessTimeOf(data) ?? e.metadata.recordedAt,
    reason,
    clause: str(data.clause),
    policyVersion: e.metadata.policyVersion ?? str(data.policyVersion),
    correlationId: e.metadata.correlationId ?? null,
    commandId: e.metadata.commandId ?? null,
    hash: e.hash,
  };
}

/** The audit trail (DESIGN §1, §5): one row per event, in one multi-row insert per batch. */
export class AuditTrailProjection implements Projection {
  readonly name = AUDIT_TRAIL_PROJECTION;
  readonly tables = ['audit_events'] as const;
  readonly insertOnlyTables = ['audit_events'] as const;

  handles(): boolean {
    return true;
  }

  async apply(batch: RecordedEvent[], ctx: ProjectionContext): Promise<void> {
    // One JSON document for the batch: JSON.stringify is native, where 19 typed arrays are escaped
    // element by element in JS; this table takes a row for every event of the log.
    // No ON CONFLICT: an event applied twice is a bug that must surface, not be hidden.
    await ctx.client.query(
      `insert into ${ctx.table('audit_events')}
         (event_id, global_seq, commit, prepare, stream_id, stream_version, case_id, household_id, event_type,
          actor_user_id, actor_role, actor_unit, recorded_at, occurred_at, reason, clause, policy_version, correlation_id, command_id, hash)
       select "eventId", "globalSeq", "commit", "prepare", "streamId", "streamVersion", "caseId", "householdId", "eventType",
              "actorUserId", "actorRole", "actorUnit", "recordedAt", "occurredAt", "reason", "clause", "policyVersion", "correlationId", "commandId", "hash"
         from json_to_recordset($1::json) as r("eventId" text, "globalSeq" bigint, "commit" numeric, "prepare" numeric, "streamId" text,
              "streamVersion" int, "caseId" text, "householdId" text, "eventType" text, "actorUserId" text, "actorRole" text,
              "actorUnit" text, "recordedAt" timestamptz, "occurredAt" timestamptz, "reason" text, "clause" text, "policyVersion" text, "correlationId" text,
              "commandId" text, "hash" text)`,
      [JSON.stringify(batch.map(auditRowOf))],
    );
  }
}
