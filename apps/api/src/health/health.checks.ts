/** Extra readiness checks other modules contribute (e.g. projection lag from the worker). */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

/** up: all well; degraded: serving, but something needs a person (e.g. a blocked projection); down: not serving. */
export type HealthStatus = 'up' | 'degraded' | 'down';

export interface HealthCheck {
  name: string;
  /** `ok: false` without a `status` counts as degraded: the API still answers. */
  run(): Promise<{ ok: boolean; status?: HealthStatus; [detail: string]: unknown }>;
}

const RANK: Record<HealthStatus, number> = { up: 0, degraded: 1, down: 2 };

/** The worse of two statuses. */
export const worse = (a: HealthStatus, b: HealthStatus): HealthStatus => (RANK[b] > RANK[a] ? b : a);
