import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { auditCsv, auditXlsx } from './audit-export';
import { EXPORT_LIMIT, ListAuditEventsQuery } from './list-audit-events.query';
import { ListAuditEventsRequest } from './list-audit-events.request.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/events')
export class ListAuditEventsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail: every event with who, when, why, policy version and hash; JSON, CSV or XLSX',
  })
  async list(@CurrentActor() actor: Actor, @Query() q: ListAuditEventsRequest, @Res() res: Response) {
    const format = q.format ?? 'json';
    if (format === 'json') {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const { items, total } = await this.queries.execute(
        new ListAuditEventsQuery(q, { limit: pageSize, offset: (page - 1) * pageSize }, actor),
      );
      res.status(200).json({ items, page, pageSize, total });
      return;
    }
    const { items, total } = await this.queries.execute(
      new ListAuditEventsQuery(q, { limit: EXPORT_LIMIT, offset: 0 }, actor),
    );
    res.setHeader('X-Total-Count', String(total));
    if (total > items.length) res.setHeader('X-Export-Truncated', String(items.length));
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="audit-events.csv"');
      res.status(200).send(auditCsv(items));
      return;
    }
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-events.xlsx"');
    res.status(200).send(await auditXlsx(items));
  }
}
