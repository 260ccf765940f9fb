import { AuditTrailProjection } from './audit-trail/audit-trail.projection';
import { CaseQueueProjection } from './case-queue/case-queue.projection';
import { PayoutsLedgerProjection } from './payouts-ledger/payouts-ledger.projection';
import { AccountabilityProjection } from './accountability/accountability.projection';
import { HouseholdBoardProjection } from './household-board/household-board.projection';
import { AnomalyCasesProjection } from './anomalies/anomaly-cases.projection';
import { TransparencyLogProjection } from './transparency-log/transparency-log.projection';
import type { Projection } from './runner/projection';

/** Every projection the worker runs and the CLI can rebuild. */
export function allProjections(): Projection[] {
  return [
    new AuditTrailProjection(),
    new CaseQueueProjection(),
    new HouseholdBoardProjection(),
    new PayoutsLedgerProjection(),
    new AccountabilityProjection(),
    new AnomalyCasesProjection(),
    new TransparencyLogProjection(),
  ];
}
