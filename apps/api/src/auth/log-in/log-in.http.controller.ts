import { Body, Controller, HttpCode, Inject, Ip, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@casework/kernel';
import { AccountEventLog, MAX_SESSION_MS, SessionStore, UserDirectory, type SignInResult } from '@casework/identity';
import { APP_CONFIG, AppConfig, CLOCK, Clock, problem } from '@casework/platform';
import { ACCOUNT_EVENTS, AccessTokenClaims, SESSION_STORE, USER_DIRECTORY } from '../auth.tokens';
import { Public } from '../public.decorator';
import { LogInRequestDto, LogInResponseDto } from './log-in.request.dto';
import { LoginThrottle } from './login-throttle';

@ApiTags('auth')
@Controller('api/auth')
export class LogInHttpController {
  constructor(
    @Inject(USER_DIRECTORY) private readonly users: UserDirectory,
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(ACCOUNT_EVENTS) private readonly events: AccountEventLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with username and password; returns a bearer token for a new session',
    description:
      'The session ends after 30 minutes without a request, 8 hours after sign-in, at POST /api/auth/logout, ' +
      'or when an administrator deactivates the account, resets its password or revokes its sessions. ' +
      'With mustChangePassword the token reaches only POST /api/auth/password and /logout.',
  })
  @ApiOkResponse({ type: LogInResponseDto })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this username or from this address; see Retry-After',
  })
  async logIn(@Body() body: LogInRequestDto, @Ip() ip: string | undefined): Promise<LogInResponseDto> {
    const clientIp = ip ?? 'unknown';
    const now = this.clock.now();
    // Checked even when the password is right, so guessing past the limit learns nothing.
    let attempt: ReturnType<LoginThrottle['begin']>;
    try {
      attempt = this.throttle.begin(body.username, clientIp);
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'too_many_requests')
        await this.events.append({
          at: now,
          kind: 'locked_out',
          userId: null,
          username: body.username,
          clientIp,
          detail: { retryAfterSeconds: e.details.retryAfterSeconds },
        });
      throw e;
    }
    let result: SignInResult;
    try {
      result = await this.users.signIn(body.username, body.password);
    } catch (e) {
      attempt.cancelled();
      throw e;
    }
    if (!result.ok) {
      await this.events.append({
        at: now,
        kind: 'sign_in_failed',
        userId: result.userId,
        username: body.username,
        clientIp,
        detail: { reason: result.reason },
      });
      throw new UnauthorizedException(problem(401, 'INVALID_CREDENTIALS', 'The username or the password is wrong.'));
    }
    attempt.succeeded();
    const { user } = result;
    const maxAgeMs = this.config.jwtTtlSeconds * 1000;
    const session = await this.sessions.open(user.id, now, clientIp, maxAgeMs);
    await this.events.append({
      at: now,
      kind: 'signed_in',
      userId: user.id,
      username: user.username,
      sessionId: session.id,
      clientIp,
      detail: result.mustChangePassword ? { mustChangePassword: true } : {},
    });
    const claims: AccessTokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      unit: user.unit,
      sid: session.id,
    };
    const accessToken = await this.jwt.signAsync(claims);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: Math.min(this.config.jwtTtlSeconds, MAX_SESSION_MS / 1000),
      mustChangePassword: result.mustChangePassword,
      user,
    };
  }
}
