import { DomainError } from '@casework/kernel';
import { ROLES, type Actor } from '@casework/domain';
import { requireRole } from './require-role';

const actor = (role: Actor['role']): Actor => ({ userId: 'u1', role, unit: 'DISTRICT_HRSS' });

describe('requireRole', () => {
  it('lets the listed roles through', () => {
    expect(() => requireRole(actor('inspector'), ['inspector', 'admin'], 'X_FORBIDDEN', 'The thing')).not.toThrow();
    expect(() => requireRole(actor('admin'), ['inspector', 'admin'], 'X_FORBIDDEN', 'The thing')).not.toThrow();
  });

  it('refuses every other role with a forbidden error naming what and who may', () => {
    for (const role of ROLES.filter((r) => r !== 'inspector' && r !== 'approver' && r !== 'admin')) {
      let err: unknown;
      try {
        requireRole(
          actor(role),
          ['inspector', 'approver', 'admin'],
          'LEDGER_READ_FORBIDDEN',
          'Ledger digests and verification',
        );
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect(err).toMatchObject({
        kind: 'forbidden',
        code: 'LEDGER_READ_FORBIDDEN',
        details: { role, allowedRoles: ['inspector', 'approver', 'admin'] },
      });
      expect((err as Error).message).toBe(
        `Ledger digests and verification: open to inspectors, approvers and administrators, not to the ${role} role.`,
      );
    }
  });

  it('refuses everyone when no role is listed', () => {
    expect(() => requireRole(actor('admin'), [], 'X_FORBIDDEN', 'The thing')).toThrow('open to nobody');
  });
});
