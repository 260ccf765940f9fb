import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { parseIsoWeek } from '@casework/kernel';
import { GetWeeklyReportQuery } from './get-weekly-report.query';
import { GetWeeklyReportRequestDto } from './get-weekly-report.request.dto';
import { weeklyReportWorkbook } from './weekly-report.workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class GetWeeklyReportHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('weekly')
  @ApiOperation({
    summary:
      'Weekly report of key work (周报, clause (二十一)): cases, amounts, household follow-up, targets; JSON or an XLSX workbook in Chinese',
  })
  @ApiProduces('application/json', XLSX_TYPE)
  async get(
    @Query() query: GetWeeklyReportRequestDto,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const week = parseIsoWeek(query.week);
    const report = await this.queries.execute(new GetWeeklyReportQuery(week));
    const xlsx = query.format === 'xlsx' || (query.format === undefined && (accept ?? '').includes(XLSX_TYPE));
    if (!xlsx) {
      res.json(report);
      return;
    }
    const body = await weeklyReportWorkbook(report);
    res
      .status(200)
      .setHeader('Content-Type', XLSX_TYPE)
      .setHeader(
        'Content-Disposition',
        `attachment; filename="weekly-${week.week}.xlsx"; filename*=UTF-8''${encodeURIComponent(`周报-${week.week}.xlsx`)}`,
      )
      .send(body);
  }
}
