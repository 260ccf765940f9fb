import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { JsonBodyInterceptor } from './http/json-body.interceptor';
import { DataSource } from 'typeorm';
import { Infrastructure } from './database/infrastructure';
import { APP_CONFIG, CLOCK, Clock, EVENT_STORE, PG_POOL, systemClock } from './platform.tokens';

/** Shares the configuration, the pg pool, the TypeORM DataSource, the event store and the clock with every module. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(
    infra: Pick<Infrastructure, 'config' | 'pool' | 'store' | 'dataSource'>,
    clock: Clock = systemClock,
  ): DynamicModule {
    const providers = [
      { provide: DataSource, useValue: infra.dataSource },
      { provide: APP_CONFIG, useValue: infra.config },
      { provide: PG_POOL, useValue: infra.pool },
      { provide: EVENT_STORE, useValue: infra.store },
      { provide: CLOCK, useValue: clock },
    ];
    // Every HTTP route of the app takes JSON bodies only (see JsonBodyInterceptor).
    return {
      module: PlatformModule,
      providers: [...providers, { provide: APP_INTERCEPTOR, useClass: JsonBodyInterceptor }],
      exports: providers.map((p) => p.provide),
    };
  }
}
