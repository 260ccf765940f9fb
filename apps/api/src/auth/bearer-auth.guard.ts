import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { forbidden } from '@casework/kernel';
import { ROLES } from '@casework/domain';
import { UserDirectory } from '@casework/identity';
import { CLOCK, Clock, problem } from '@casework/platform';
import { ACTOR_KEY, AccessTokenClaims, USER_DIRECTORY } from './auth.tokens';
import { CHANGES_NOTHING } from './changes-nothing.decorator';
import { IS_PUBLIC } from './public.decorator';

// Served outside the guarded controllers' concerns: liveness probes and the API docs.
const OPEN_PATHS = [/^\/health(\/|$|\?)/, /^\/docs(\/|$|\?|-json|-yaml)/];

const unauthenticated = (detail: string) => new UnauthorizedException(problem(401, 'UNAUTHENTICATED', detail));

const READING = ['GET', 'HEAD', 'OPTIONS'];

/** How long the guard trusts its last look at a token's user (active, role, unit). */
export const USER_CHECK_TTL_MS = 30_000;

/**
 * Every route needs a valid bearer token unless it is @Public() or an open path. Discipline
 * inspectors change nothing (DESIGN §1): any other method is refused here, before the body is
 * even validated, unless the route is marked @ChangesNothing().
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  // userId -> the user's current role and unit (null when deactivated or gone) and when that was read; one process's memory.
  private readonly checked = new Map<string, { user: { role: string; unit: string } | null; at: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & Record<string, unknown>>();
    if (OPEN_PATHS.some((p) => p.test(req.path))) return true;
    const header = req.headers.authorization;
    if (!header)
      throw unauthenticated(
        'Sign in first: send the token from POST /api/auth/login as "Authorization: Bearer <token>".',
      );
    const token = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i.exec(header.trim())?.[1];
    if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>".');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (e) {
      const expired = (e as Error).name === 'TokenExpiredError';
      throw unauthenticated(
        expired ? 'Your session has expired: sign in again.' : 'The token is not valid: sign in again.',
      );
    }
    if (
      typeof claims.sub !== 'string' ||
      !(ROLES as readonly string[]).includes(claims.role) ||
      typeof claims.unit !== 'string'
    ) {
      throw unauthenticated('The token is not valid: sign in again.');
    }
    // A token outlives a deactivation, a change of role or a move to another unit: the user record,
    // read at most every USER_CHECK_TTL_MS, decides; the token only says who signed in.
    const user = await this.currentUser(claims.sub);
    if (!user) throw unauthenticated('This account is no longer active: ask an administrator.');
    req[ACTOR_KEY] = { userId: claims.sub, role: user.role, unit: user.unit };
    if (
      user.role === 'inspector' &&
      !READING.includes(req.method) &&
      !this.reflector.getAllAndOverride<boolean>(CHANGES_NOTHING, [ctx.getHandler(), ctx.getClass()])
    ) {
      throw forbidden(
        'INSPECTOR_READ_ONLY',
        'Discipline inspectors read, verify and export; they do not change anything.',
        { role: user.role },
      );
    }
    return true;
  }

  /** Read at most once per USER_CHECK_TTL_MS per user, so a request rarely costs a query. */
  private async currentUser(id: string): Promise<{ role: string; unit: string } | null> {
    const now = this.clock.now().getTime();
    const hit = this.checked.get(id);
    if (hit && now >= hit.at && now - hit.at < USER_CHECK_TTL_MS) return hit.user;
    // Entries only come from validly signed tokens, so the map is bounded by the number of users.
    const found = await this.users.findById(id);
    const user = found ? { role: found.role, unit: found.unit } : null;
    this.checked.set(id, { user, at: now });
    return user;
  }
}
