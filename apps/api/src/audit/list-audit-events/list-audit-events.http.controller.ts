import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@casework/domain';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { requireRole } from '../../shared/require-role';
import { auditCsv, auditXlsx } from './audit-export';
import { EXPORT_LIMIT, listAuditEvents } from './list-audit-events.query';
import { ListAuditEventsRequest } from './list-audit-events.request.dto';

/** Roles that may read the whole audit trail (DESIGN §1). */
export const AUDIT_READERS: readonly Role[] = ['inspector', 'approver', 'reviewer', 'admin'];

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/events')
export class ListAuditEventsHttpController {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail: every event with who, when, why, policy version and hash; JSON, CSV or XLSX',
  })
  async list(@CurrentActor() actor: Actor, @Query() q: ListAuditEventsRequest, @Res() res: Response) {
    requireRole(actor, AUDIT_READERS, 'AUDIT_READ_FORBIDDEN', 'The audit trail');
    const format = q.format ?? 'json';
    if (format === 'json') {
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const { items, total } = await listAuditEvents(this.db, q, { limit: pageSize, offset: (page - 1) * pageSize });
      res.status(200).json({ items, page, pageSize, total });
      return;
    }
    const { items, total } = await listAuditEvents(this.db, q, { limit: EXPORT_LIMIT, offset: 0 });
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
