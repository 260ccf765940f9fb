import ExcelJS from 'exceljs';
import { AuditEventView } from './list-audit-events.query';
import { csvDocument } from '../../shared/csv';

const COLUMNS: { header: string; value: (e: AuditEventView) => string | number | null; width: number }[] = [
  { header: 'global_seq', value: (e) => e.globalSeq, width: 10 },
  { header: 'recorded_at', value: (e) => e.recordedAt, width: 25 },
  { header: 'event_type', value: (e) => e.type, width: 26 },
  { header: 'stream_id', value: (e) => e.streamId, width: 46 },
  { header: 'stream_version', value: (e) => e.streamVersion, width: 8 },
  { header: 'case_id', value: (e) => e.caseId, width: 38 },
  { header: 'household_id', value: (e) => e.householdId, width: 38 },
  { header: 'actor_user_id', value: (e) => e.actor.userId, width: 24 },
  { header: 'actor_role', value: (e) => e.actor.role, width: 12 },
  { header: 'actor_unit', value: (e) => e.actor.unit, width: 22 },
  { header: 'reason', value: (e) => e.reason, width: 40 },
  { header: 'clause', value: (e) => e.clause, width: 10 },
  { header: 'policy_version', value: (e) => e.policyVersion, width: 10 },
  { header: 'event_id', value: (e) => e.eventId, width: 38 },
  { header: 'hash', value: (e) => e.hash, width: 66 },
];

/** RFC 4180 CSV with a UTF-8 BOM, so spreadsheet programs read Chinese text correctly. */
export function auditCsv(items: AuditEventView[]): string {
  return csvDocument([COLUMNS.map((c) => c.header), ...items.map((e) => COLUMNS.map((c) => c.value(e)))]);
}

export async function auditXlsx(items: AuditEventView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Casework';
  const ws = wb.addWorksheet('audit');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  for (const e of items) ws.addRow(COLUMNS.map((c) => c.value(e)));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
