import type { Role } from '@casework/domain';

/** Integrity checks are for those who audit (DESIGN §1): inspectors first, and approvers and administrators. */
export const LEDGER_READERS: readonly Role[] = ['inspector', 'approver', 'admin'];
