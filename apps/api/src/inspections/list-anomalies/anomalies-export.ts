import ExcelJS from 'exceljs';
import type { AnomalyHit, AnomalyReport } from '@casework/read-models';
import { csvDocument } from '../../shared/csv';

/** One row per hit; the evidence flattened into readable lines so a spreadsheet keeps it. */
const COLUMNS: { header: string; value: (h: AnomalyHit, r: AnomalyReport) => string | number | null; width: number }[] =
  [
    { header: 'rule', value: (h) => h.rule, width: 26 },
    { header: '规则', value: (h, r) => r.rules.find((x) => x.code === h.rule)?.titleZh ?? null, width: 24 },
    { header: 'severity', value: (h) => h.severity, width: 9 },
    { header: 'on_date', value: (h) => h.onDate, width: 11 },
    { header: 'subject_kind', value: (h) => h.subject.kind, width: 11 },
    { header: 'subject_id', value: (h) => h.subject.id, width: 38 },
    { header: 'unit', value: (h) => h.unit, width: 22 },
    { header: 'explanation', value: (h) => h.explanation, width: 80 },
    {
      header: 'evidence',
      value: (h) =>
        h.evidence
          .map((e) =>
            [
              e.type,
              e.globalSeq ? `seq ${e.globalSeq}` : null,
              e.eventId,
              e.at ?? e.onDate,
              e.amountFen !== undefined ? `${e.amountFen} fen` : null,
              e.note,
            ]
              .filter(Boolean)
              .join(' '),
          )
          .join('\n'),
      width: 90,
    },
    { header: 'figures', value: (h) => JSON.stringify(h.figures), width: 50 },
  ];

/** RFC 4180 CSV with a UTF-8 BOM, so spreadsheet programs read Chinese text correctly. */
export function anomaliesCsv(report: AnomalyReport): string {
  return csvDocument([COLUMNS.map((c) => c.header), ...report.hits.map((h) => COLUMNS.map((c) => c.value(h, report)))]);
}

/** Two sheets: the hits, and the rules with their basis, thresholds and hit counts. */
export async function anomaliesXlsx(report: AnomalyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Casework';
  const hits = wb.addWorksheet('异常 anomalies');
  hits.columns = COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  for (const h of report.hits) hits.addRow(COLUMNS.map((c) => c.value(h, report)));
  hits.getRow(1).font = { bold: true };
  hits.views = [{ state: 'frozen', ySplit: 1 }];
  const rules = wb.addWorksheet('规则 rules');
  rules.columns = [
    { header: 'code', key: 'code', width: 28 },
    { header: '规则', key: 'titleZh', width: 26 },
    { header: 'rule', key: 'titleEn', width: 40 },
    { header: 'severity', key: 'severity', width: 9 },
    { header: 'basis', key: 'basis', width: 70 },
    { header: 'hits', key: 'hits', width: 6 },
  ];
  for (const r of report.rules)
    rules.addRow({
      code: r.code,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      severity: r.severity,
      basis: r.basis,
      hits: r.hits,
    });
  rules.addRow({});
  rules.addRow({ code: 'asOf', titleZh: report.asOf });
  // A spread is an object type of its own, so entries() sees its number values (an interface gives any).
  for (const [k, v] of Object.entries({ ...report.thresholds })) rules.addRow({ code: k, titleZh: v });
  rules.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
