import { Body, Controller, Get, HttpCode, Inject, Ip, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { forbidden, validationError } from '@casework/kernel';
import { CLOCK, Clock } from '@casework/platform';
import type { AccountActor, AdminUserView, UserAdministration } from '@casework/identity';
import { USER_ADMINISTRATION } from '../auth/auth.tokens';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CurrentSession } from '../auth/current-session.decorator';
import {
  AdminUserDto,
  CreateUserRequestDto,
  UpdateUserRequestDto,
  UserWithOneTimePasswordDto,
} from './users.request.dto';

const uuid = new ParseUUIDPipe({
  exceptionFactory: () => validationError([{ field: 'id', reason: '不是有效的用户 ID。must be a UUID' }]),
});

/**
 * User administration, for administrators only (every other role 403). An administrator
 * administers and decides nothing: these routes touch accounts, never cases or households.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersHttpController {
  constructor(
    @Inject(USER_ADMINISTRATION) private readonly users: UserAdministration,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'All users: names, role, unit, state' })
  @ApiOkResponse({ type: [AdminUserDto] })
  list(@CurrentActor() actor: Actor): Promise<AdminUserView[]> {
    adminOnly(actor);
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a user; the one-time password is returned once and must be changed at sign-in' })
  @ApiCreatedResponse({ type: UserWithOneTimePasswordDto })
  create(
    @Body() body: CreateUserRequestDto,
    @CurrentActor() actor: Actor,
    @CurrentSession() session: string,
    @Ip() ip: string | undefined,
  ): Promise<{ user: AdminUserView; oneTimePassword: string }> {
    adminOnly(actor);
    return this.users.create(body, this.by(actor, session, ip));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Set role and/or unit (takes effect at the user’s next request)' })
  @ApiOkResponse({ type: AdminUserDto })
  update(
    @Param('id', uuid) id: string,
    @Body() body: UpdateUserRequestDto,
    @CurrentActor() actor: Actor,
    @CurrentSession() session: string,
    @Ip() ip: string | undefined,
  ): Promise<AdminUserView> {
    adminOnly(actor);
    return this.users.update(id, body, this.by(actor, session, ip));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate: no more sign-ins, and every token of the user is refused at once' })
  @ApiOkResponse({ type: AdminUserDto })
  deactivate(
    @Param('id', uuid) id: string,
    @CurrentActor() actor: Actor,
    @CurrentSession() session: string,
    @Ip() ip: string | undefined,
  ): Promise<AdminUserView> {
    adminOnly(actor);
    return this.users.deactivate(id, this.by(actor, session, ip));
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reset the password: a one-time password, returned once; the user’s sessions end' })
  @ApiOkResponse({ type: UserWithOneTimePasswordDto })
  resetPassword(
    @Param('id', uuid) id: string,
    @CurrentActor() actor: Actor,
    @CurrentSession() session: string,
    @Ip() ip: string | undefined,
  ): Promise<{ user: AdminUserView; oneTimePassword: string }> {
    adminOnly(actor);
    return this.users.resetPassword(id, this.by(actor, session, ip));
  }

  @Post(':id/revoke-sessions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke every session of the user: their tokens are refused at once' })
  revokeSessions(
    @Param('id', uuid) id: string,
    @CurrentActor() actor: Actor,
    @CurrentSession() session: string,
    @Ip() ip: string | undefined,
  ): Promise<{ sessionsEnded: number }> {
    adminOnly(actor);
    return this.users.revokeSessions(id, this.by(actor, session, ip));
  }

  private by(actor: Actor, sessionId: string, ip: string | undefined): AccountActor {
    return { userId: actor.userId, at: this.clock.now(), sessionId, clientIp: ip ?? null };
  }
}

function adminOnly(actor: Actor): void {
  if (actor.role !== 'admin')
    throw forbidden('USER_ADMIN_FORBIDDEN', '用户管理仅限系统管理员。User administration is for administrators only.', {
      role: actor.role,
      allowedRoles: ['admin'],
    });
}
