import { DynamicModule, Global, Module } from '@nestjs/common';
import { Infrastructure } from './database/infrastructure';
import { APP_CONFIG, CLOCK, Clock, EVENT_STORE, PG_POOL, systemClock } from './platform.tokens';

/** Shares the configuration, the pg pool, the event store and the clock with every module. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(infra: Pick<Infrastructure, 'config' | 'pool' | 'store'>, clock: Clock = systemClock): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: infra.config },
      { provide: PG_POOL, useValue: infra.pool },
      { provide: EVENT_STORE, useValue: infra.store },
      { provide: CLOCK, useValue: clock },
    ];
    return { module: PlatformModule, providers, exports: providers.map((p) => p.provide) };
  }
}
