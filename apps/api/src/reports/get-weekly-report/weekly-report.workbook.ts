import ExcelJS from 'exceljs';
import { findUnit } from '@casework/identity';
import type { WeeklyReport } from '@casework/read-models';

const YUAN = '#,##0.00';
/** Fen to yuan for a cell; the cell's format shows two decimals. */
const yuan = (fen: number) => fen / 100;
const unitName = (code: string) => findUnit(code)?.nameZh ?? code;

function header(ws: ExcelJS.Worksheet, titles: string[]) {
  const row = ws.addRow(titles);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  ws.columns.forEach((c, i) => (c.width = Math.max(10, (titles[i]?.length ?? 0) * 2 + 4)));
}

/** The weekly report (周报, clause (二十一)) as an XLSX workbook with Chinese headings; amounts in yuan. */
export async function weeklyReportWorkbook(report: WeeklyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Casework';
  wb.created = new Date(`${report.asOf}T00:00:00Z`);

  const summary = wb.addWorksheet('概况');
  summary.addRow([`新城区稳就业工作周报（${report.week}）`]).font = { bold: true, size: 14 };
  summary.addRow(['统计期间', `${report.from} 至 ${report.to}`]);
  summary.addRow(['逾期判断日', report.asOf]);
  summary.addRow([]);
  header(summary, ['指标', '本周']);
  const c = report.caseTotals;
  const h = report.householdTotals;
  const lines: [string, number, boolean][] = [
    ['受理案件数', c.received, false],
    ['审批通过数', c.approved, false],
    ['不予批准数', c.rejected, false],
    ['作出决定数', c.decided, false],
    ['发放笔数', c.paid, false],
    ['计划发放金额（元）', yuan(c.plannedFen), true],
    ['已发放金额（元）', yuan(c.disbursedFen), true],
    ['发放失败金额（元）', yuan(c.failedFen), true],
    ['应追回金额（元）', yuan(c.recoveryOwedFen), true],
    ['已追回金额（元）', yuan(c.repaidFen), true],
    ['核销金额（元）', yuan(c.writtenOffFen), true],
    ['入户走访次数', h.visitsDone, false],
    ['走访逾期户数', h.visitsOverdue, false],
    ['新增风险', h.risksRaised, false],
    ['新增零就业家庭', h.zeroEmploymentDetected, false],
    ['零就业家庭清零', h.zeroEmploymentCleared, false],
    ['现有零就业家庭', h.zeroEmploymentNow, false],
  ];
  for (const [label, value, money] of lines) {
    const row = summary.addRow([label, value]);
    if (money) row.getCell(2).numFmt = YUAN;
  }
  summary.getColumn(1).width = 24;
  summary.getColumn(2).width = 18;

  const cases = wb.addWorksheet('案件与资金');
  header(cases, [
    '项目代码',
    '项目名称',
    '单位',
    '受理',
    '批准',
    '不予批准',
    '作出决定',
    '发放笔数',
    '计划发放（元）',
    '已发放（元）',
    '发放失败（元）',
    '应追回（元）',
    '已追回（元）',
    '核销（元）',
  ]);
  const money = (r: WeeklyReport['caseTotals']) => [
    yuan(r.plannedFen),
    yuan(r.disbursedFen),
    yuan(r.failedFen),
    yuan(r.recoveryOwedFen),
    yuan(r.repaidFen),
    yuan(r.writtenOffFen),
  ];
  for (const r of report.cases) {
    cases.addRow([
      r.programme,
      r.programmeNameZh,
      unitName(r.unit),
      r.received,
      r.approved,
      r.rejected,
      r.decided,
      r.paid,
      ...money(r),
    ]);
  }
  const total = cases.addRow(['合计', '', '', c.received, c.approved, c.rejected, c.decided, c.paid, ...money(c)]);
  total.font = { bold: true };
  for (let col = 9; col <= 14; col++) cases.getColumn(col).numFmt = YUAN;

  const households = wb.addWorksheet('入户走访');
  header(households, [
    '街道办事处',
    '监测户数',
    '本周走访',
    '走访逾期户数',
    '新增风险',
    '消除风险',
    '新增零就业',
    '零就业清零',
    '安置就业',
    '现有零就业',
  ]);
  for (const r of report.households) {
    households.addRow([
      unitName(r.streetOffice),
      r.households,
      r.visitsDone,
      r.visitsOverdue,
      r.risksRaised,
      r.risksEliminated,
      r.zeroEmploymentDetected,
      r.zeroEmploymentCleared,
      r.placements,
      r.zeroEmploymentNow,
    ]);
  }
  households.addRow([
    '合计',
    h.households,
    h.visitsDone,
    h.visitsOverdue,
    h.risksRaised,
    h.risksEliminated,
    h.zeroEmploymentDetected,
    h.zeroEmploymentCleared,
    h.placements,
    h.zeroEmploymentNow,
  ]).font = { bold: true };

  const targets = wb.addWorksheet('目标进度');
  header(targets, ['指标', '条款', '单位', '年度', '目标', '实际', '计量', '进度', '是否达标', '截至月份']);
  for (const t of report.targets) {
    const row = targets.addRow([
      t.nameZh,
      t.clause,
      unitName(t.unit),
      t.year,
      t.target,
      t.actual ?? '未填报',
      t.unitZh,
      t.progress ?? '',
      t.met === null ? '未填报' : t.met ? '达标' : '未达标',
      t.latestPeriod ?? '',
    ]);
    if (t.progress !== null) row.getCell(8).numFmt = '0.0%';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
