import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Express } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ProblemDetailsFilter, createValidationPipe, rejectControlCharactersInHeaders } from '@casework/platform';
import { AppModule, AppModuleOptions } from './app.module';
import { CASE_COMMAND_ROUTES } from './cases/change-case/change-case.routes';
import { HOUSEHOLD_COMMAND_ROUTES } from './households/change-household/change-household.routes';
import { addCommandPaths } from './shared/command-openapi';

/** Builds the Nest application; used by main.ts and by the end-to-end tests. */
export async function createApp(
  options: AppModuleOptions,
  logger: false | undefined = undefined,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    logger,
    bodyParser: true,
  });
  app.disable('x-powered-by');
  // Security headers on every answer (issue 12). The console is plain files and ES modules with no
  // inline script or style, so 'self' is enough; Swagger UI's page at /docs has an inline <style>.
  const directives = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // Served over plain HTTP on a LAN as well: no forced upgrade.
    upgradeInsecureRequests: null,
  };
  const secure = (styleSrc: string[]) =>
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: { ...directives, styleSrc } },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // HSTS belongs to the TLS-terminating proxy in front, not to an app that may run on plain HTTP.
      strictTransportSecurity: false,
    });
  const forDocs = secure(["'self'", "'unsafe-inline'"]);
  const forRest = secure(["'self'"]);
  app.use((req: { path: string }, res: unknown, next: () => void) =>
    (/^\/docs(\/|$)/.test(req.path) ? forDocs : forRest)(req as never, res as never, next),
  );
  // Headers the app reads are refused with control characters before any controller sees them.
  app.use(rejectControlCharactersInHeaders(['X-Access-Reason', 'Idempotency-Key', 'X-Correlation-Id', 'If-Match']));
  // Liveness only: the process answers, nothing else is asked (no database, no token). Container
  // probes use it, and `npm run bench:http` takes it as the baseline of the app's own HTTP stack.
  const express: Express = app.getHttpAdapter().getInstance();
  express.get('/health/live', (_req, res) => {
    res.json({ status: 'up' });
  });
  // The browser console: plain files served by express before Nest's routes, so the bearer guard never sees them.
  const web = webRoot();
  if (web) app.useStaticAssets(web, { index: 'index.html', fallthrough: true });
  // API answers depend on who asks and carry personal data: no shared or browser cache may keep them.
  app.use(
    '/api',
    (_req: unknown, res: { setHeader(n: string, v: string): void; vary(f: string): void }, next: () => void) => {
      res.setHeader('Cache-Control', 'private, no-store');
      res.vary('Authorization');
      next();
    },
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  const doc = new DocumentBuilder()
    .setTitle('Casework API')
    .setDescription(
      'Event-sourced case management for the Xincheng District employment-stabilisation policy (新政发〔2020〕28号)',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  // Command routes are one pattern per aggregate; each command's own path is written from its catalogue.
  SwaggerModule.setup('docs', app, () =>
    addCommandPaths(SwaggerModule.createDocument(app, doc), [CASE_COMMAND_ROUTES, HOUSEHOLD_COMMAND_ROUTES]),
  );
  return app;
}

/** apps/web/public, from the sources (apps/api/src) or from the swc build (dist/apps/api/src). */
function webRoot(): string | null {
  const candidates = [
    join(__dirname, '../../web/public'),
    join(__dirname, '../../../../apps/web/public'),
    join(process.cwd(), 'apps/web/public'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}
