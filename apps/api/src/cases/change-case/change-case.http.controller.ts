import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, Param, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { validationError } from '@casework/kernel';
import { validateCommandBody, type Actor, type CaseCommandName } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { CaseIdPipe } from '../shared/case-id.pipe';
import { correlationIdOf, etagOf, idempotencyKeyOf, parseIfMatch } from '../../shared/command-context';
import { nameBasedUuid } from '../../shared/name-based-uuid';
import { CaseCommandRoute } from './case-command-route.decorator';
import { ChangeCaseCommand } from './change-case.command';
import * as Dto from './change-case.request.dto';

interface CommandHeaders {
  'if-match'?: string;
  'x-correlation-id'?: string;
  'idempotency-key'?: string;
}

/** One route per workflow command (DESIGN §6); each needs If-Match and answers with the new ETag. */
@ApiTags('case workflow')
@ApiBearerAuth()
@Controller('api/cases')
export class ChangeCaseHttpController {
  constructor(private readonly commands: CommandBus) {}

  private async run(
    name: Exclude<CaseCommandName, 'submit'>,
    caseId: string,
    body: object,
    actor: Actor,
    headers: CommandHeaders,
    res: Response,
  ) {
    const expectedVersion = parseIfMatch(headers['if-match']);
    const key = idempotencyKeyOf(headers['idempotency-key']);
    const commandId = key ? nameBasedUuid(name, actor.userId, caseId, key) : randomUUID();
    // DTO instances carry declared-but-absent fields as undefined: drop them so the body is what was sent.
    const data = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    // Malformed input is a 400 naming the field whatever the case's state or the caller's role; decide checks again.
    const problems = validateCommandBody(name, data);
    if (problems.length) throw validationError(problems);
    const result = await this.commands.execute(
      new ChangeCaseCommand(name, caseId, data, {
        actor,
        expectedVersion,
        commandId,
        correlationId: correlationIdOf(headers['x-correlation-id']),
      }),
    );
    res.setHeader('ETag', etagOf(result.version));
    return result.view;
  }

  @CaseCommandRoute('accept')
  accept(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.AcceptCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('accept', id, body, actor, h, res);
  }

  @CaseCommandRoute('returnForSupplement')
  returnForSupplement(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ReturnForSupplementCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('returnForSupplement', id, body, actor, h, res);
  }

  @CaseCommandRoute('resubmit')
  resubmit(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ResubmitCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('resubmit', id, body, actor, h, res);
  }

  @CaseCommandRoute('passPreliminaryReview')
  passPreliminaryReview(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.PassPreliminaryReviewCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('passPreliminaryReview', id, body, actor, h, res);
  }

  @CaseCommandRoute('passDistrictReview')
  passDistrictReview(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.PassDistrictReviewCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('passDistrictReview', id, body, actor, h, res);
  }

  @CaseCommandRoute('startPublicNotice')
  startPublicNotice(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.StartPublicNoticeCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('startPublicNotice', id, body, actor, h, res);
  }

  @CaseCommandRoute('raiseObjection')
  raiseObjection(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RaiseObjectionCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('raiseObjection', id, body, actor, h, res);
  }

  @CaseCommandRoute('resolveObjection')
  resolveObjection(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ResolveObjectionCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('resolveObjection', id, body, actor, h, res);
  }

  @CaseCommandRoute('endPublicNotice')
  endPublicNotice(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.EndPublicNoticeCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('endPublicNotice', id, body, actor, h, res);
  }

  @CaseCommandRoute('approve')
  approve(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ApproveCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('approve', id, body, actor, h, res);
  }

  @CaseCommandRoute('reject')
  reject(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RejectCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('reject', id, body, actor, h, res);
  }

  @CaseCommandRoute('schedulePayout')
  schedulePayout(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.SchedulePayoutCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('schedulePayout', id, body, actor, h, res);
  }

  @CaseCommandRoute('recordDisbursement')
  recordDisbursement(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RecordDisbursementCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('recordDisbursement', id, body, actor, h, res);
  }

  @CaseCommandRoute('recordPaymentFailure')
  recordPaymentFailure(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RecordPaymentFailureCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('recordPaymentFailure', id, body, actor, h, res);
  }

  @CaseCommandRoute('retryPayment')
  retryPayment(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RetryPaymentCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('retryPayment', id, body, actor, h, res);
  }

  @CaseCommandRoute('suspend')
  suspend(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.SuspendCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('suspend', id, body, actor, h, res);
  }

  @CaseCommandRoute('resume')
  resume(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ResumeCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('resume', id, body, actor, h, res);
  }

  @CaseCommandRoute('scheduleFollowUp')
  scheduleFollowUp(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ScheduleFollowUpCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('scheduleFollowUp', id, body, actor, h, res);
  }

  @CaseCommandRoute('recordFollowUp')
  recordFollowUp(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RecordFollowUpCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('recordFollowUp', id, body, actor, h, res);
  }

  @CaseCommandRoute('close')
  close(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.CloseCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('close', id, body, actor, h, res);
  }

  @CaseCommandRoute('withdraw')
  withdraw(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.WithdrawCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('withdraw', id, body, actor, h, res);
  }

  @CaseCommandRoute('reopen')
  reopen(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ReopenCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('reopen', id, body, actor, h, res);
  }

  @CaseCommandRoute('openRecovery')
  openRecovery(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.OpenRecoveryCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('openRecovery', id, body, actor, h, res);
  }

  @CaseCommandRoute('recordRepayment')
  recordRepayment(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RecordRepaymentCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('recordRepayment', id, body, actor, h, res);
  }

  @CaseCommandRoute('requestWriteOff')
  requestWriteOff(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.RequestWriteOffCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('requestWriteOff', id, body, actor, h, res);
  }

  @CaseCommandRoute('approveWriteOff')
  approveWriteOff(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.ApproveWriteOffCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('approveWriteOff', id, body, actor, h, res);
  }

  @CaseCommandRoute('settleRecovery')
  settleRecovery(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: Dto.SettleRecoveryCaseRequestDto,
    @CurrentActor() actor: Actor,
    @Headers() h: CommandHeaders,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run('settleRecovery', id, body, actor, h, res);
  }
}
