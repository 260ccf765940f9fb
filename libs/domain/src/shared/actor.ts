/** Roles of DESIGN §1. */
export const ROLES = ['caseworker', 'reviewer', 'approver', 'finance', 'street_staff', 'inspector', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: comes in with every command (domain code never looks it up). */
export interface Actor {
  userId: string;
  role: Role;
  /** Unit code, e.g. `DISTRICT_HRSS`, `STREET_XIYI`, `FINANCE`, `DISCIPLINE`. */
  unit: string;
}

/** Every command carries who and when; the handler fills these from the request and the clock. */
export interface CommandEnvelope {
  actor: Actor;
  /** ISO-8601 UTC instant of the command. */
  at: string;
}
