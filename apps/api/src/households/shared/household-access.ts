import type { Pool } from 'pg';
import { forbidden, validationError } from '@casework/kernel';
import { canReadHousehold, type Actor, type HouseholdScope } from '@casework/domain';
import { recordRead } from '@casework/read-models';

/** Why someone outside the household's street office reads it: `?reason=` or `X-Access-Reason`. */
export interface AccessReasonInput {
  query?: unknown;
  header?: string;
}

const MIN_REASON = 4;
const MAX_REASON = 500;

/** The stated reason, checked; null when none was given. */
export function accessReasonOf(input: AccessReasonInput): string | null {
  const { query, header } = input;
  if (Array.isArray(query)) throw validationError([{ field: 'reason', reason: 'must be given once' }]);
  const raw =
    typeof query === 'string' && query.trim() !== ''
      ? query
      : header !== undefined && header.trim() !== ''
        ? safeDecode(header)
        : null;
  if (raw === null) return null;
  const reason = raw.trim();
  if (reason.length < MIN_REASON || reason.length > MAX_REASON) {
    throw validationError([
      { field: 'reason', reason: `must say why you read this household, in ${MIN_REASON} to ${MAX_REASON} characters` },
    ]);
  }
  return reason;
}

// Headers are Latin-1; a Chinese reason arrives percent-encoded.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const reasonRequired = () =>
  validationError(
    [
      {
        field: 'reason',
        reason:
          'is required: this household belongs to another unit, so say why you read it (query parameter reason or header X-Access-Reason); the read is recorded',
      },
    ],
    'reason: is required for reading a household outside your street office; the read is recorded',
  );

/**
 * May the actor read this household, and must the read be recorded? 403 outside the actor's
 * scope; 400 naming `reason` when the read must be recorded and no reason was given.
 */
export function checkReadAccess(
  actor: Actor,
  household: HouseholdScope,
  reason: string | null,
): { record: boolean; reason: string | null } {
  const access = canReadHousehold(actor, household);
  if (!access.allowed) {
    throw forbidden('HOUSEHOLD_OUT_OF_SCOPE', `You may not see this household: ${access.reason}.`, {
      streetOffice: household.streetOffice,
      unit: actor.unit,
    });
  }
  if (access.mustRecordAccess && reason === null) throw reasonRequired();
  return { record: access.mustRecordAccess, reason };
}

/** Records reads of households' personal data in one transaction: all of them or none (then the read fails). */
export async function recordHouseholdReads(
  pool: Pool,
  actor: Actor,
  householdIds: readonly string[],
  purpose: string,
  at: string,
  detail: Record<string, unknown>,
): Promise<void> {
  if (householdIds.length === 0) return;
  const client = await pool.connect();
  try {
    await client.query('begin');
    for (const subjectId of householdIds) {
      await recordRead(client, {
        userId: actor.userId,
        role: actor.role,
        unit: actor.unit,
        subjectType: 'household',
        subjectId,
        purpose,
        detail,
        at,
      });
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
