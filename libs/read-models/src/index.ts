import type { MigrationInterface } from 'typeorm';
import { HouseholdBoard1764200000000 } from './household-board';
import { ReadModels1764100000000 } from './migrations/1764100000000-read-models.migration';
import { ReportReadModels1764300000000 } from './accountability/1764300000000-reports.migration';
import { AnomalyCases1764400000000 } from './anomalies';
import { AuditOccurredAt1765100000000 } from './audit-trail/1765100000000-audit-occurred-at.migration';
import { TransparencyLog1764900000000 } from './transparency-log/1764900000000-transparency-log.migration';

export * from './runner/projection';
export * from './runner/checkpoints';
export * from './runner/projection-runner';
export * from './runner/projection-lag';
export * from './runner/rebuild-projection';
export * from './audit-trail/audit-trail.projection';
export * from './audit-trail/record-read';
export * from './case-status/case-status.fold';
export * from './case-queue/case-queue.projection';
export * from './case-queue/case-queue.rules';
export * from './projections';
export * from './payouts-ledger/payouts-ledger.rules';
export * from './payouts-ledger/payouts-ledger.projection';
export * from './payouts-ledger/payouts-ledger.query';
export * from './accountability/lead-unit';
export * from './accountability/accountability.rules';
export * from './accountability/accountability.projection';
export * from './accountability/accountability.query';
export * from './accountability/targets';
export * from './accountability/sql-reader';
export * from './weekly-report/weekly-report.query';
export * from './household-board';
export * from './transparency-log/transparency-log.projection';

/** The read-model tables: these migrations are their one description (no TypeORM entities). */
export const READ_MODEL_MIGRATIONS: (new () => MigrationInterface)[] = [
  ReadModels1764100000000,
  HouseholdBoard1764200000000,
  ReportReadModels1764300000000,
  AnomalyCases1764400000000,
  TransparencyLog1764900000000,
  AuditOccurredAt1765100000000,
];
export * from './testing/synthetic-workload';
export * from './grants';
export * from './anomalies';
