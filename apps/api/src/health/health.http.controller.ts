import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@casework/event-store';
import { APP_CONFIG, AppConfig, PG_POOL } from '@casework/platform';
import { HEALTH_CHECKS, HealthCheck } from './health.checks';

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(HEALTH_CHECKS) private readonly extraChecks: HealthCheck[],
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: database, migrations, projection lag' })
  async health(@Res() res: Response) {
    const checks: Record<string, unknown> = {};
    let ok = true;
    try {
      await this.pool.query('select 1');
      checks.database = { ok: true, embedded: !this.config.databaseUrl };
    } catch (e) {
      ok = false;
      checks.database = { ok: false, error: (e as Error).message };
    }
    if (ok) {
      try {
        const { rows } = await this.pool.query<{ id: string }>(
          `select id from ${this.config.databaseSchema}.schema_migrations`,
        );
        const applied = new Set(rows.map((r) => r.id));
        const missing = eventStoreMigrations.map((m) => m.id).filter((id) => !applied.has(id));
        const readModelsPending = await this.dataSource.showMigrations();
        checks.migrations = {
          ok: missing.length === 0 && !readModelsPending,
          eventStore: { applied: applied.size, missing },
          readModels: { pending: readModelsPending },
        };
        ok &&= missing.length === 0 && !readModelsPending;
      } catch (e) {
        ok = false;
        checks.migrations = { ok: false, error: (e as Error).message };
      }
    }
    for (const check of this.extraChecks) {
      try {
        const r = await check.run();
        checks[check.name] = r;
        ok &&= r.ok;
      } catch (e) {
        ok = false;
        checks[check.name] = { ok: false, error: (e as Error).message };
      }
    }
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks });
  }
}
