import type { Pool } from 'pg';
import type { Actor, OpenCaseState } from '@casework/domain';
import { recordRead } from '@casework/read-models';

/**
 * Reads of a case's personal data by an inspector, or by someone outside the case's unit, are
 * recorded in the audit trail's read records (DESIGN §1). The read fails if recording fails.
 */
export async function recordCaseRead(
  pool: Pool,
  actor: Actor,
  state: OpenCaseState,
  caseId: string,
  purpose: string,
  at: string,
): Promise<void> {
  if (actor.role !== 'inspector' && actor.unit === state.unit) return;
  await recordRead(pool, {
    userId: actor.userId,
    role: actor.role,
    unit: actor.unit,
    subjectType: 'case',
    subjectId: caseId,
    purpose,
    detail: { caseUnit: state.unit, programme: state.programme },
    at,
  });
}
