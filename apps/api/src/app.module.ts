import { DynamicModule, Module } from '@nestjs/common';
import { Infrastructure, PlatformModule } from '@casework/platform';
import { HealthCheck } from './health/health.checks';
import { HealthModule } from './health/health.module';

export interface AppModuleOptions {
  infra: Pick<Infrastructure, 'config' | 'pool' | 'store'>;
  healthChecks?: HealthCheck[];
}

/** The HTTP shell: each feature module is one folder of use cases. */
@Module({})
export class AppModule {
  static register(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options.infra), HealthModule.register(options.healthChecks)],
    };
  }
}
