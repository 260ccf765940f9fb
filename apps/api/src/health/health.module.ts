import { DynamicModule, Module } from '@nestjs/common';
import { HEALTH_CHECKS, HealthCheck } from './health.checks';
import { HealthHttpController } from './health.http.controller';

@Module({})
export class HealthModule {
  static register(checks: HealthCheck[] = []): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthHttpController],
      providers: [{ provide: HEALTH_CHECKS, useValue: checks }],
    };
  }
}
