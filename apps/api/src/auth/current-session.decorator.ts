import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { SESSION_KEY } from './auth.tokens';

/** The caller's session id (user_sessions.id); set by BearerAuthGuard. */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Record<string, unknown>>();
  const id = req[SESSION_KEY];
  if (typeof id !== 'string') throw new Error('CurrentSession used on a route without authentication');
  return id;
});
