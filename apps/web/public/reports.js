import { api, download, query } from './api.js';
import { bi, flash, fmtFen, h, mount } from './dom.js';
import { UNITS, label } from './labels.js';
import { loading, problemBox } from './ui.js';

/** ISO week (YYYY-Www) of a day, China time. */
function isoWeekOf(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** 报表: the weekly report of a chosen week, on screen and as the Chinese XLSX. */
export async function reportsView(params) {
  const week = params.get('week') ?? isoWeekOf(new Date(Date.now() + 8 * 3_600_000));
  const out = h('div', {}, loading());
  const weekInput = h('input', { type: 'week', name: 'week', value: week, required: true });
  mount(
    h(
      'section',
      {},
      h('div.head', {}, h('h1', {}, bi('周报', 'Weekly report'))),
      h(
        'form.filters',
        {
          onsubmit: (e) => {
            e.preventDefault();
            location.hash = `#/reports${query({ week: weekInput.value })}`;
          },
        },
        h('label', {}, '统计周', weekInput),
        h('button', { type: 'submit' }, '查看'),
        h(
          'a.button.download',
          {
            href: '#',
            onclick: async (e) => {
              e.preventDefault();
              try {
                flash(
                  `已下载 ${await download(`/api/reports/weekly${query({ week, format: 'xlsx' })}`, `weekly-${week}.xlsx`)}`,
                );
              } catch (err) {
                out.prepend(problemBox(err));
              }
            },
          },
          '下载 XLSX',
        ),
      ),
      out,
    ),
  );
  let r;
  try {
    ({ data: r } = await api(`/api/reports/weekly${query({ week })}`));
  } catch (err) {
    out.replaceChildren(problemBox(err));
    return;
  }
  /** @typedef {[key: string, title: string, money?: boolean]} Column */
  /** @type {Column[]} */
  const caseCols = [
    ['received', '受理'],
    ['approved', '批准'],
    ['rejected', '不予批准'],
    ['paid', '已发放件数'],
    ['plannedFen', '计划金额', true],
    ['disbursedFen', '已发放金额', true],
    ['failedFen', '发放失败金额', true],
    ['recoveryOwedFen', '应追回', true],
    ['repaidFen', '已追回', true],
  ];
  /** @type {Column[]} */
  const hhCols = [
    ['households', '户数'],
    ['visitsDone', '本周走访'],
    ['visitsOverdue', '走访逾期'],
    ['risksRaised', '新增风险'],
    ['risksEliminated', '消除风险'],
    ['placements', '安置就业'],
    ['zeroEmploymentNow', '零就业户'],
  ];
  /** @type {(row: Record<string, unknown>, col: Column) => HTMLElement} */
  const cell = (row, [k, , money]) => h('td.num', {}, money ? fmtFen(row[k]) : String(row[k] ?? 0));
  out.replaceChildren(
    h('p.muted', {}, `${r.week}：${r.from} 至 ${r.to}，数据截至 ${r.asOf}`),
    h(
      'section.card',
      {},
      h('h2', {}, bi('补贴案件', 'Cases')),
      h(
        'table.grid.report',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, '项目'),
            h('th', {}, '单位'),
            caseCols.map(([, t]) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          r.cases.map((c) =>
            h(
              'tr',
              {},
              h('td', {}, c.programmeNameZh),
              h('td', {}, label(UNITS, c.unit)),
              caseCols.map((col) => cell(c, col)),
            ),
          ),
        ),
        h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('th', {}, '合计'),
            h('th'),
            caseCols.map((col) => cell(r.caseTotals, col)),
          ),
        ),
      ),
    ),
    h(
      'section.card',
      {},
      h('h2', {}, bi('帮扶户', 'Households')),
      h(
        'table.grid.report',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, '街道'),
            hhCols.map(([, t]) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          r.households.map((x) =>
            h(
              'tr',
              {},
              h('td', {}, label(UNITS, x.streetOffice)),
              hhCols.map((col) => cell(x, col)),
            ),
          ),
        ),
        h(
          'tfoot',
          {},
          h(
            'tr',
            {},
            h('th', {}, '合计'),
            hhCols.map((col) => cell(r.householdTotals, col)),
          ),
        ),
      ),
    ),
    r.targets?.length
      ? h(
          'section.card',
          {},
          h('h2', {}, bi('目标任务', 'Targets')),
          h(
            'table.grid',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['指标', '条款', '目标', '实际', '进度'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              r.targets.map((t) =>
                h(
                  'tr',
                  {},
                  h('td', {}, t.nameZh),
                  h('td', {}, t.clause),
                  h('td.num', {}, `${t.target} ${t.unitZh ?? ''}`),
                  h('td.num', {}, t.actual === null ? '未填报' : String(t.actual)),
                  h('td', {}, t.progress === null ? '—' : `${Math.round(t.progress * 100)}%`),
                ),
              ),
            ),
          ),
        )
      : null,
  );
}
