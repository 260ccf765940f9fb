import { Actor, forbidden } from '@casework/domain';

/** Integrity checks are for those who audit (DESIGN §1): inspectors first, and administrators. */
export const LEDGER_READERS: readonly string[] = ['inspector', 'admin', 'approver'];

export function assertLedgerReader(actor: Actor): void {
  if (!LEDGER_READERS.includes(actor.role)) {
    throw forbidden('LEDGER_READ_FORBIDDEN', `Ledger digests and verification are open to inspectors, approvers and administrators, not to the ${actor.role} role.`, {
      role: actor.role,
    });
  }
}
