import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { forbidden } from '@casework/kernel';
import { ROLES } from '@casework/domain';
import { AccountEventLog, SessionStore } from '@casework/identity';
import { CLOCK, Clock, problem } from '@casework/platform';
import { ACCOUNT_EVENTS, ACTOR_KEY, AccessTokenClaims, SESSION_KEY, SESSION_STORE } from './auth.tokens';
import { CHANGES_NOTHING } from './changes-nothing.decorator';
import { OWN_ACCOUNT } from './own-account.decorator';
import { IS_PUBLIC } from './public.decorator';

// Served outside the guarded controllers' concerns: liveness probes and the API docs.
const OPEN_PATHS = [/^\/health(\/|$|\?)/, /^\/docs(\/|$|\?|-json|-yaml)/];

const unauthenticated = (detail: string) => new UnauthorizedException(problem(401, 'UNAUTHENTICATED', detail));

const READING = ['GET', 'HEAD', 'OPTIONS'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a session can no longer act, in the words the client reads. */
const ENDED: Record<string, string> = {
  idle: '30 分钟无操作，会话已结束，请重新登录。Your session ended after 30 minutes without activity: sign in again.',
  max_age: '会话已达 8 小时上限，请重新登录。Your session reached its 8-hour limit: sign in again.',
  signed_out: '您已退出登录，请重新登录。You have signed out: sign in again.',
  inactive: '此账号已停用，请联系管理员。This account is no longer active: ask an administrator.',
  deactivated: '此账号已停用，请联系管理员。This account is no longer active: ask an administrator.',
};
const ENDED_OTHERWISE = '会话已结束，请重新登录。Your session has ended: sign in again.';

@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(ACCOUNT_EVENTS) private readonly events: AccountEventLog,
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
      typeof claims.unit !== 'string' ||
      typeof claims.sid !== 'string' ||
      !UUID.test(claims.sid)
    ) {
      throw unauthenticated('The token is not valid: sign in again.');
    }
    const now = this.clock.now();
    const session = await this.sessions.check(claims.sid, claims.sub, now);
    if (!session.ok) {
      if (session.ended === 'now' && session.user) {
        // Recorded once, by the request that found the session idle or too old.
        await this.events.append({
          at: now,
          kind: 'session_expired',
          userId: session.user.id,
          username: session.user.username,
          sessionId: claims.sid,
          clientIp: req.ip ?? null,
          detail: { reason: session.reason },
        });
      }
      throw unauthenticated(ENDED[session.reason] ?? ENDED_OTHERWISE);
    }
    const user = session.user;
    req[ACTOR_KEY] = { userId: user.id, role: user.role, unit: user.unit };
    req[SESSION_KEY] = claims.sid;
    const ownAccount = this.reflector.getAllAndOverride<boolean>(OWN_ACCOUNT, [ctx.getHandler(), ctx.getClass()]);
    if (ownAccount) return true;
    if (user.mustChangePassword) {
      throw forbidden(
        'PASSWORD_CHANGE_REQUIRED',
        '请先修改一次性密码（POST /api/auth/password）。Change your one-time password first (POST /api/auth/password).',
      );
    }
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
}
