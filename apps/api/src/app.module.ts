import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Infrastructure, PlatformModule } from '@casework/platform';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { HealthCheck } from './health/health.checks';
import { HealthModule } from './health/health.module';

export interface AppModuleOptions {
  infra: Pick<Infrastructure, 'config' | 'pool' | 'store' | 'dataSource'>;
  healthChecks?: HealthCheck[];
}

/** The HTTP shell: each feature module is one folder of use cases. */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options.infra),
        CqrsModule.forRoot(),
        HealthModule.register(options.healthChecks),
        AuthModule.register(options.infra.dataSource),
        CasesModule,
      ],
    };
  }
}
