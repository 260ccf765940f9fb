import { Body, Controller, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { DomainError } from '@casework/kernel';
import { AccountEventLog, SessionStore, UserAdministration } from '@casework/identity';
import { CLOCK, Clock } from '@casework/platform';
import { ACCOUNT_EVENTS, SESSION_STORE, USER_ADMINISTRATION } from '../auth.tokens';
import { CurrentActor } from '../current-actor.decorator';
import { CurrentSession } from '../current-session.decorator';
import { LoginThrottle } from '../log-in/login-throttle';
import { OwnAccount } from '../own-account.decorator';
import { ChangePasswordRequestDto } from './own-account.request.dto';

/** The caller's own session and password: open to every role. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class OwnAccountHttpController {
  constructor(
    @Inject(SESSION_STORE) private readonly sessions: SessionStore,
    @Inject(ACCOUNT_EVENTS) private readonly events: AccountEventLog,
    @Inject(USER_ADMINISTRATION) private readonly admin: UserAdministration,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly throttle: LoginThrottle,
  ) {}

  @OwnAccount()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends this session; its token is refused from the next request' })
  @ApiNoContentResponse()
  async logOut(
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string,
    @Ip() ip: string | undefined,
  ): Promise<void> {
    const now = this.clock.now();
    if (!(await this.sessions.end(sessionId, 'signed_out', now))) return;
    const { username } = await this.admin.get(actor.userId);
    await this.events.append({
      at: now,
      kind: 'signed_out',
      userId: actor.userId,
      username,
      sessionId,
      clientIp: ip ?? null,
    });
  }

  @OwnAccount()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Change your own password',
    description:
      'Needs the current password. The new one: at least 12 characters, not the username, not a published demo ' +
      'password, not the current one (400 naming newPassword). Your other sessions end; this one stays.',
  })
  @ApiNoContentResponse()
  async changePassword(
    @Body() body: ChangePasswordRequestDto,
    @CurrentActor() actor: Actor,
    @CurrentSession() sessionId: string,
    @Ip() ip: string | undefined,
  ): Promise<void> {
    const clientIp = ip ?? 'unknown';
    const { username } = await this.admin.get(actor.userId);
    // A wrong current password counts as a failed sign-in: a stolen token cannot guess its way on.
    const attempt = this.throttle.begin(username, clientIp);
    try {
      await this.admin.changeOwnPassword(body.currentPassword, body.newPassword, {
        userId: actor.userId,
        at: this.clock.now(),
        clientIp,
        sessionId,
      });
    } catch (e) {
      // Left open, the attempt counts as a failure; any other refusal does not.
      const wrongCurrent = e instanceof DomainError && !!e.details.errors?.some((p) => p.field === 'currentPassword');
      if (!wrongCurrent) attempt.cancelled();
      throw e;
    }
    attempt.succeeded();
  }
}
