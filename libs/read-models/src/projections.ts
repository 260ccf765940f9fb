import { AuditTrailProjection } from './audit-trail/audit-trail.projection';
import { CaseQueueProjection } from './case-queue/case-queue.projection';
import type { Projection } from './runner/projection';

/** Every projection the worker runs and the CLI can rebuild. */
export function allProjections(): Projection[] {
  return [new AuditTrailProjection(), new CaseQueueProjection()];
}
