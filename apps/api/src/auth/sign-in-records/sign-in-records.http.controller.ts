import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { forbidden, validationError } from '@casework/kernel';
import { AccountEventLog, type AccountEventView } from '@casework/identity';
import { ACCOUNT_EVENTS } from '../auth.tokens';
import { CurrentActor } from '../current-actor.decorator';
import { SignInRecordsQueryDto } from './sign-in-records.request.dto';

/**
 * The append-only account record for discipline inspectors: sign-ins, failures, lockouts,
 * sign-outs, expired sessions, password changes and resets, and every account change with the
 * administrator who made it. Newest first; page with `before`.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/sign-ins')
export class SignInRecordsHttpController {
  constructor(@Inject(ACCOUNT_EVENTS) private readonly events: AccountEventLog) {}

  @Get()
  @ApiOperation({ summary: 'Sign-in and account records (inspectors only), filtered by user and time' })
  async list(
    @Query() q: SignInRecordsQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: AccountEventView[]; nextBefore: number | null }> {
    if (actor.role !== 'inspector')
      throw forbidden(
        'SIGN_IN_RECORDS_FORBIDDEN',
        '登录与账号记录仅供纪检监察人员查阅。Sign-in and account records are open to inspectors only.',
        { role: actor.role, allowedRoles: ['inspector'] },
      );
    const from = q.from ? new Date(q.from) : undefined;
    const to = q.to ? new Date(q.to) : undefined;
    if (from && to && from > to)
      throw validationError([{ field: 'to', reason: '结束时间早于开始时间。must not be before from' }]);
    const limit = q.limit ?? 100;
    const items = await this.events.list({ userId: q.userId, username: q.username, from, to, before: q.before, limit });
    const last = items[items.length - 1];
    return { items, nextBefore: items.length === limit && last ? last.seq : null };
  }
}
