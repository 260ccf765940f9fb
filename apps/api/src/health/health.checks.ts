/** Extra readiness checks other modules contribute (e.g. projection lag from the worker). */
export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');

export interface HealthCheck {
  name: string;
  run(): Promise<{ ok: boolean; [detail: string]: unknown }>;
}
