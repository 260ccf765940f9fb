import { DynamicModule, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ListAuditEventsHttpController } from './list-audit-events/list-audit-events.http.controller';
import { ListAuditEventsHandler } from './list-audit-events/list-audit-events.query';

/** The audit trail for inspectors (reads the audit_events read model). */
@Module({})
export class AuditModule {
  static register(dataSource: DataSource): DynamicModule {
    return {
      module: AuditModule,
      controllers: [ListAuditEventsHttpController],
      providers: [{ provide: DataSource, useValue: dataSource }, ListAuditEventsHandler],
    };
  }
}
