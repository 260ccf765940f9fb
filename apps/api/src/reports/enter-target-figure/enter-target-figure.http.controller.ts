import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { EnterTargetFigureHandler } from './enter-target-figure.handler';
import { EnterTargetFigureRequestDto } from './enter-target-figure.request.dto';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class EnterTargetFigureHttpController {
  constructor(private readonly handler: EnterTargetFigureHandler) {}

  @Post('targets')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Enter a figure for a month against a target of POLICY.md §4 (new urban jobs, registered unemployment rate); admin or district bureau',
  })
  @ApiCreatedResponse({
    description: 'The stored figure; a later figure for the same month and unit replaces it in the reports',
  })
  enter(@Body() body: EnterTargetFigureRequestDto, @CurrentActor() actor: Actor) {
    return this.handler.execute(body, actor);
  }
}
