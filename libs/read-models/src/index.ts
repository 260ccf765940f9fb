import { AuditEventEntity, AuditReadEntity } from './audit-trail/audit-trail.entity';
import { CaseQueueEntity } from './case-queue/case-queue.entity';
import { HouseholdBoard1764200000000, HouseholdBoardEntity } from './household-board';
import { ReadModels1764100000000 } from './migrations/1764100000000-read-models.migration';
import { ProjectionCheckpointEntity, ProjectionFailureEntity } from './runner/projection-tables.entity';
import { PayoutCaseEntity, PayoutEntryEntity } from './payouts-ledger/payouts-ledger.entity';
import {
  AccountabilityCaseEntity,
  AccountabilityFactEntity,
  AccountabilityHouseholdEntity,
  AccountabilityStepEntity,
  TargetFigureEntity,
} from './accountability/accountability.entity';
import { ReportReadModels1764300000000 } from './accountability/1764300000000-reports.migration';
import { AnomalyCaseEntity, AnomalyCases1764400000000 } from './anomalies';

export * from './runner/projection';
export * from './runner/checkpoints';
export * from './runner/projection-runner';
export * from './runner/projection-lag';
export * from './runner/rebuild-projection';
export * from './audit-trail/audit-trail.projection';
export * from './audit-trail/record-read';
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
export {
  PayoutEntryEntity,
  PayoutCaseEntity,
  AccountabilityCaseEntity,
  AccountabilityStepEntity,
  AccountabilityFactEntity,
  AccountabilityHouseholdEntity,
  TargetFigureEntity,
};
export * from './household-board';
export { AuditEventEntity, AuditReadEntity, CaseQueueEntity, ProjectionCheckpointEntity, ProjectionFailureEntity };

export const READ_MODEL_ENTITIES: Function[] = [
  ProjectionCheckpointEntity,
  ProjectionFailureEntity,
  AuditEventEntity,
  AuditReadEntity,
  CaseQueueEntity,
  HouseholdBoardEntity,
  PayoutEntryEntity,
  PayoutCaseEntity,
  AccountabilityCaseEntity,
  AccountabilityStepEntity,
  AccountabilityFactEntity,
  AccountabilityHouseholdEntity,
  TargetFigureEntity,
  AnomalyCaseEntity,
];
export const READ_MODEL_MIGRATIONS: Function[] = [
  ReadModels1764100000000,
  HouseholdBoard1764200000000,
  ReportReadModels1764300000000,
  AnomalyCases1764400000000,
];
export * from './testing/synthetic-workload';
export * from './grants';
export * from './anomalies';
