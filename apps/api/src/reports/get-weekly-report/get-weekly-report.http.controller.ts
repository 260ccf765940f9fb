import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, AppConfig, CLOCK, Clock } from '@casework/platform';
import { parseIsoWeek, localDateOf } from '@casework/kernel';
import { readWeeklyReport } from '@casework/read-models';
import type { SqlReader } from '@casework/read-models';
import { REPORT_READER } from '../shared/report-reader';
import { GetWeeklyReportRequestDto } from './get-weekly-report.request.dto';
import { weeklyReportWorkbook } from './weekly-report.workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class GetWeeklyReportHttpController {
  constructor(
    @Inject(REPORT_READER) private readonly pool: SqlReader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    const report = await readWeeklyReport(
      this.pool,
      this.config.databaseSchema,
      week,
      localDateOf(this.clock.now().toISOString()),
    );
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
