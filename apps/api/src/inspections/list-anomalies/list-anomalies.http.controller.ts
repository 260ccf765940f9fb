import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { anomaliesCsv, anomaliesXlsx } from './anomalies-export';
import { ListAnomaliesQuery } from './list-anomalies.query';
import { ListAnomaliesRequestDto } from './list-anomalies.request.dto';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('api/inspections')
export class ListAnomaliesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('anomalies')
  @ApiOperation({
    summary:
      'Rule hits for inspectors: each with its rule, subject, evidence (event ids, global sequence, amounts, dates) and a plain explanation; JSON, CSV or XLSX',
  })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  async list(@CurrentActor() actor: Actor, @Query() q: ListAnomaliesRequestDto, @Res() res: Response): Promise<void> {
    const report = await this.queries.execute(new ListAnomaliesQuery(q, actor));
    const format = q.format ?? 'json';
    if (format === 'json') {
      res.status(200).json(report);
      return;
    }
    res.setHeader('X-Total-Count', String(report.total));
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="anomalies-${report.asOf}.csv"`);
      res.status(200).send(anomaliesCsv(report));
      return;
    }
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="anomalies-${report.asOf}.xlsx"`);
    res.status(200).send(await anomaliesXlsx(report));
  }
}
