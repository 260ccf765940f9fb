import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Clock, Infrastructure, PlatformModule } from '@casework/platform';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CaseQueueModule } from './case-queue/case-queue.module';
import { CasesModule } from './cases/cases.module';
import { HealthCheck } from './health/health.checks';
import { HealthModule } from './health/health.module';
import { HouseholdsModule } from './households/households.module';
import { InspectionsModule } from './inspections/inspections.module';
import { LedgerModule } from './ledger/ledger.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';

export interface AppModuleOptions {
  infra: Pick<Infrastructure, 'config' | 'pool' | 'store' | 'dataSource'>;
  healthChecks?: HealthCheck[];
  /** Tests pass a controllable clock; the system clock otherwise. */
  clock?: Clock;
}

/** The HTTP shell: each feature module is one folder of use cases. */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options.infra, options.clock),
        CqrsModule.forRoot(),
        HealthModule.register(options.healthChecks),
        AuthModule.register(options.infra.dataSource),
        CaseQueueModule.register(options.infra.dataSource),
        CasesModule,
        HouseholdsModule,
        AuditModule.register(options.infra.dataSource),
        LedgerModule,
        ReportsModule.register(options.infra.dataSource),
        InspectionsModule.register(options.infra.dataSource),
        UsersModule.register(options.infra.dataSource),
      ],
    };
  }
}
