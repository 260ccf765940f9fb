import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@casework/event-store';
import { SessionStore } from '@casework/identity';
import { APP_CONFIG, AppConfig, CLOCK, Clock, PG_POOL } from '@casework/platform';
import { HEALTH_CHECKS, HealthCheck, HealthStatus, worse } from './health.checks';

/** Roles that see the details (projection lag, failures, migrations): they act on them. */
const DETAIL_ROLES = new Set(['inspector', 'admin']);

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  private readonly sessions: SessionStore;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(HEALTH_CHECKS) private readonly extraChecks: HealthCheck[],
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly jwt: JwtService,
  ) {
    this.sessions = new SessionStore(dataSource);
  }

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness: { status: up | degraded | down } (503 when down)',
    description:
      'Without a token only the status. With an inspector or admin token also the checks: database, migrations, projection lag and failures.',
  })
  @ApiHeader({ name: 'Authorization', required: false, description: 'Bearer token of an inspector or admin' })
  async health(@Headers('authorization') authorization: string | undefined, @Res() res: Response) {
    const checks: Record<string, unknown> = {};
    let status: HealthStatus = 'up';
    try {
      await this.pool.query('select 1');
      checks.database = { ok: true, embedded: !this.config.databaseUrl };
    } catch (e) {
      status = 'down';
      checks.database = { ok: false, error: (e as Error).message };
    }
    if (status !== 'down') {
      try {
        const { rows } = await this.pool.query<{ id: string }>(
          `select id from ${this.config.databaseSchema}.schema_migrations`,
        );
        const applied = new Set(rows.map((r) => r.id));
        const missing = eventStoreMigrations.map((m) => m.id).filter((id) => !applied.has(id));
        const readModelsPending = await this.dataSource.showMigrations();
        const ok = missing.length === 0 && !readModelsPending;
        checks.migrations = {
          ok,
          eventStore: { applied: applied.size, missing },
          readModels: { pending: readModelsPending },
        };
        if (!ok) status = 'down';
      } catch (e) {
        status = 'down';
        checks.migrations = { ok: false, error: (e as Error).message };
      }
    }
    for (const check of this.extraChecks) {
      try {
        const r = await check.run();
        checks[check.name] = r;
        status = worse(status, r.status ?? (r.ok ? 'up' : 'degraded'));
      } catch (e) {
        status = worse(status, 'degraded');
        checks[check.name] = { ok: false, error: (e as Error).message };
      }
    }
    res.status(status === 'down' ? 503 : 200);
    // Table, column and event ids of a failure are for the people who act on them, not for anyone.
    if (await this.maySeeDetails(authorization)) res.json({ status, checks });
    else res.json({ status });
  }

  /** A valid token of an active inspector or admin (the user record decides the role, as in the guard). */
  private async maySeeDetails(authorization: string | undefined): Promise<boolean> {
    const [, token] =
      /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(authorization?.trim() ?? '') ?? [];
    if (!token) return false;
    try {
      const claims = await this.jwt.verifyAsync<{ sub?: unknown; sid?: unknown }>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return false;
      // The session decides, as in the guard: a signed-out, revoked or idle token sees no details.
      const session = await this.sessions.check(claims.sid, claims.sub, this.clock.now());
      return session.ok && DETAIL_ROLES.has(session.user.role);
    } catch {
      return false;
    }
  }
}
