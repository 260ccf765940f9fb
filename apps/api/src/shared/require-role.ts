import { forbidden } from '@casework/kernel';
import type { Actor, Role } from '@casework/domain';

const ROLE_PLURALS: Record<Role, string> = {
  caseworker: 'caseworkers',
  reviewer: 'reviewers',
  approver: 'approvers',
  finance: 'finance officers',
  street_staff: 'street office staff',
  inspector: 'inspectors',
  admin: 'administrators',
};

const listed = (roles: readonly Role[]): string => {
  const names = roles.map((r) => ROLE_PLURALS[r]);
  return names.length <= 1 ? (names[0] ?? 'nobody') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
};

/**
 * Refuses an actor whose role is not among `roles` with a 403 naming what is guarded and who may
 * use it, e.g. requireRole(actor, ['inspector', 'admin'], 'LEDGER_READ_FORBIDDEN', 'Ledger digests and verification').
 */
export function requireRole(actor: Actor, roles: readonly Role[], code: string, what: string): void {
  if (roles.includes(actor.role)) return;
  throw forbidden(code, `${what}: open to ${listed(roles)}, not to the ${actor.role} role.`, {
    role: actor.role,
    allowedRoles: [...roles],
  });
}
