// 问责 accountability, 资金台账 payouts ledger and 异常 anomalies: read-only views over the report read models.
import { api, download, query, session } from './api.js';
import { bi, flash, fmtFen, h, mount } from './dom.js';
import { CASE_STATES, ROLES, UNITS, label } from './labels.js';
import { PROGRAMMES, programmeName } from './programmes.js';
import { loading, problemBox } from './ui.js';

const isStreet = () => session.get()?.user.unit.startsWith('STREET_');
const unitOptions = () => [['', '全部单位'], ...Object.entries(UNITS)];
const num = (v) => h('td.num', {}, v === null || v === undefined ? '—' : String(v));
const pct = (v) => h('td.num', {}, v === null || v === undefined ? '—' : `${Math.round(v * 1000) / 10}%`);
const SEVERITY = { high: '高', medium: '中', low: '低' };

/** A filter form whose values live in the address, so back and reload keep them. */
function filterForm(route, f, fields) {
  return h(
    'form.filters',
    {
      onsubmit: (e) => {
        e.preventDefault();
        location.hash = `${route}${query(Object.fromEntries(fields.map(([name]) => [name, e.target[name].value.trim()])))}`;
      },
    },
    fields.map(([name, text, kind, options]) =>
      h(
        'label',
        {},
        text,
        kind === 'select'
          ? h(
              'select',
              { name, value: f[name] ?? '' },
              options.map(([v, t]) => h('option', { value: v }, t)),
            )
          : h('input', { name, type: kind ?? 'text', value: f[name] ?? '' }),
      ),
    ),
    h('button', { type: 'submit' }, '查询'),
  );
}

const read = (params, names) => Object.fromEntries(names.map((k) => [k, params.get(k) ?? '']));

/** 问责: per unit and lead department, processing times, overdue steps and who holds them, targets against figures. */
export async function accountabilityView(params) {
  const f = read(params, ['from', 'to', 'asOf', 'unit']);
  const out = h('div', {}, loading());
  mount(
    h(
      'section',
      {},
      h(
        'div.head',
        {},
        h('h1', {}, bi('问责', 'Accountability')),
        isStreet() ? h('span.muted', {}, `本街道：${label(UNITS, session.get().user.unit)}`) : null,
      ),
      filterForm('#/accountability', f, [
        ['from', '起（含）', 'date'],
        ['to', '止（含）', 'date'],
        ['asOf', '逾期判断日', 'date'],
        ...(isStreet() ? [] : [['unit', '单位', 'select', unitOptions()]]),
      ]),
      out,
    ),
  );
  let r;
  try {
    ({ data: r } = await api(`/api/reports/accountability${query(f)}`));
  } catch (err) {
    out.replaceChildren(problemBox(err));
    return;
  }
  const groupTable = (groups, keyTitle, keyText) =>
    h(
      'table.grid.report.accountability',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [
            keyTitle,
            '受理',
            '办结',
            '批准',
            '不予批准',
            '撤回',
            '不予批准率',
            '异议',
            '逾期环节',
            '逾期在办',
            '帮扶户',
            '走访',
            '走访逾期',
            '各环节用时（工作日）',
          ].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        groups.map((g) =>
          h(
            'tr',
            { dataset: { key: g.key }, class: g.overdueSteps || g.householdVisitsOverdue ? 'overdue' : '' },
            h('td', {}, keyText(g.key)),
            num(g.received),
            num(g.decided),
            num(g.approved),
            num(g.rejected),
            num(g.withdrawn),
            pct(g.rejectionRate),
            num(g.objections),
            num(g.overdueSteps),
            h(
              'td',
              {},
              g.overdueByHolder.length
                ? g.overdueByHolder.map((x) =>
                    h('div', {}, `${label(ROLES, x.role)} · ${label(UNITS, x.unit)}：${x.count}`),
                  )
                : '—',
            ),
            num(g.households),
            num(g.householdVisitsDone),
            num(g.householdVisitsOverdue),
            h(
              'td',
              {},
              g.steps.length
                ? h(
                    'details',
                    {},
                    h('summary', {}, `${g.steps.length} 个环节`),
                    h(
                      'table.grid.steps',
                      {},
                      h(
                        'thead',
                        {},
                        h(
                          'tr',
                          {},
                          ['环节', '完成', '中位数', '90%', '超期完成'].map((t) => h('th', {}, t)),
                        ),
                      ),
                      h(
                        'tbody',
                        {},
                        g.steps.map((s) =>
                          h(
                            'tr',
                            {},
                            h('td', {}, label(CASE_STATES, s.step)),
                            num(s.completed),
                            num(s.medianWorkingDays),
                            num(s.p90WorkingDays),
                            num(s.completedLate),
                          ),
                        ),
                      ),
                    ),
                  )
                : '—',
            ),
          ),
        ),
      ),
    );
  out.replaceChildren(
    h(
      'p.muted',
      {},
      `统计期间 ${r.from ?? '不限'} 至 ${r.to ?? '不限'}；逾期按 ${r.asOf} 判断${r.unit ? `；单位 ${label(UNITS, r.unit)}` : ''}`,
    ),
    h(
      'section.card',
      {},
      h('h2', {}, bi('按单位', 'By unit')),
      r.byUnit.length ? groupTable(r.byUnit, '单位', (k) => label(UNITS, k)) : h('p.empty', {}, '没有数据。'),
    ),
    h(
      'section.card',
      {},
      h('h2', {}, bi('按牵头部门', 'By lead department')),
      r.byLeadDepartment.length
        ? groupTable(r.byLeadDepartment, '牵头部门', (k) => label(UNITS, k))
        : h('p.empty', {}, '没有数据。'),
    ),
    h(
      'section.card',
      {},
      h('h2', {}, bi('逾期环节', 'Overdue steps'), ' ', h('span.badge.danger', {}, String(r.overdueSteps.length))),
      r.overdueSteps.length
        ? h(
            'table.grid.overdue-steps',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['案件', '补贴项目', '单位', '环节', '在办岗位', '进入日期', '应办结', '逾期工作日'].map((t) =>
                  h('th', {}, t),
                ),
              ),
            ),
            h(
              'tbody',
              {},
              r.overdueSteps.map((s) =>
                h(
                  'tr',
                  { dataset: { caseId: s.caseId } },
                  h('td', {}, h('a', { href: `#/cases/${s.caseId}` }, s.caseId.slice(0, 8))),
                  h('td', {}, programmeName(s.programme)),
                  h('td', {}, label(UNITS, s.unit)),
                  h('td', {}, label(CASE_STATES, s.step)),
                  h('td', {}, s.holderRole ? `${label(ROLES, s.holderRole)} · ${label(UNITS, s.holderUnit)}` : '—'),
                  h('td', {}, s.enteredOn),
                  h('td.late', {}, s.dueOn),
                  num(s.workingDaysOverdue),
                ),
              ),
            ),
          )
        : h('p.muted', {}, '没有逾期环节。'),
    ),
    h(
      'section.card',
      {},
      h('h2', {}, bi('目标任务', 'Targets')),
      r.targets.length
        ? h(
            'table.grid.targets',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['指标', '条款', '单位', '目标', '实际', '截至', '进度'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              r.targets.map((t) =>
                h(
                  'tr',
                  { dataset: { indicator: t.indicator } },
                  h('td', {}, t.nameZh),
                  h('td', {}, t.clause),
                  h('td', {}, label(UNITS, t.unit)),
                  h('td.num', {}, `${t.comparison === 'at_most' ? '≤' : '≥'} ${t.target} ${t.unitZh ?? ''}`),
                  h('td.num', {}, t.actual === null ? '未填报' : `${t.actual} ${t.unitZh ?? ''}`),
                  h('td', {}, t.latestPeriod ?? '—'),
                  h('td', {}, t.progress === null ? '—' : `${Math.round(t.progress * 100)}%`),
                ),
              ),
            ),
          )
        : h('p.muted', {}, '没有目标任务。'),
    ),
  );
}

/** @type {[string, string][]} */
const MONEY = [
  ['plannedFen', '计划金额'],
  ['disbursedFen', '已发放'],
  ['failedFen', '发放失败'],
  ['recoveryOwedFen', '应追回'],
  ['repaidFen', '已追回'],
  ['writtenOffFen', '已核销'],
];

/** 资金台账: planned, disbursed, failed, owed, repaid and written-off amounts per month, programme and unit. */
export async function payoutsView(params) {
  const f = read(params, ['from', 'to', 'programme', 'unit']);
  const out = h('div', {}, loading());
  mount(
    h(
      'section',
      {},
      h('div.head', {}, h('h1', {}, bi('资金台账', 'Payouts ledger'))),
      filterForm('#/payouts', f, [
        ['from', '起（含）', 'date'],
        ['to', '止（含）', 'date'],
        ['programme', '补贴项目', 'select', [['', '全部项目'], ...PROGRAMMES.map((p) => [p.code, p.nameZh])]],
        ...(isStreet() ? [] : [['unit', '单位', 'select', unitOptions()]]),
      ]),
      out,
    ),
  );
  let r;
  try {
    ({ data: r } = await api(`/api/reports/payouts${query(f)}`));
  } catch (err) {
    out.replaceChildren(problemBox(err));
    return;
  }
  const money = (row) => MONEY.map(([k]) => h('td.num', {}, fmtFen(row[k])));
  out.replaceChildren(
    h(
      'section.card',
      {},
      r.rows.length
        ? h(
            'table.grid.report.payouts',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['月份', '补贴项目', '单位', '牵头部门', ...MONEY.map(([, t]) => t)].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              r.rows.map((row) =>
                h(
                  'tr',
                  {},
                  h('td', {}, row.month),
                  h('td', {}, programmeName(row.programme)),
                  h('td', {}, label(UNITS, row.unit)),
                  h('td', {}, label(UNITS, row.leadUnit)),
                  money(row),
                ),
              ),
            ),
            h('tfoot', {}, h('tr', {}, h('th', {}, '合计'), h('th'), h('th'), h('th'), money(r.total))),
          )
        : h('p.empty', {}, '所选期间没有资金往来。'),
    ),
  );
}

/** Who reviews anomaly lists; the API decides, this only keeps the menu honest. */
export const ANOMALY_ROLES = ['inspector', 'admin', 'approver'];

/** 异常: the rules' hits with their evidence, for inspectors; CSV and XLSX for the file. */
export async function anomaliesView(params) {
  const f = read(params, ['rule', 'from', 'to', 'unit', 'asOf']);
  const out = h('div', {}, loading());
  const exporter = (format) =>
    h(
      'a.button.download',
      {
        href: '#',
        dataset: { format },
        onclick: async (e) => {
          e.preventDefault();
          try {
            flash(
              `已下载 ${await download(`/api/inspections/anomalies${query({ ...f, format })}`, `anomalies.${format}`)}`,
            );
          } catch (err) {
            out.prepend(problemBox(err));
          }
        },
      },
      `下载 ${format.toUpperCase()}`,
    );
  const filters = h('div');
  // The rule names come with the answer; the form is drawn either way so a bad filter can be corrected.
  const drawFilters = (rules) =>
    filters.replaceChildren(
      filterForm('#/anomalies', f, [
        [
          'rule',
          '规则',
          'select',
          [
            ['', '全部规则'],
            ...rules.map((x) => [x.code, x.titleZh]),
            ...(f.rule && !rules.length ? [[f.rule, f.rule]] : []),
          ],
        ],
        ['from', '起（含）', 'date'],
        ['to', '止（含）', 'date'],
        ['unit', '单位', 'select', unitOptions()],
        ['asOf', '判断日', 'date'],
      ]),
    );
  mount(
    h(
      'section',
      {},
      h(
        'div.head',
        {},
        h('h1', {}, bi('异常线索', 'Anomalies')),
        h('div.exports', {}, exporter('csv'), exporter('xlsx')),
      ),
      filters,
      out,
    ),
  );
  let r;
  try {
    ({ data: r } = await api(`/api/inspections/anomalies${query(f)}`));
  } catch (err) {
    drawFilters([]);
    out.replaceChildren(problemBox(err));
    return;
  }
  drawFilters(r.rules);
  const subject = (s) =>
    s.kind === 'case'
      ? h('a', { href: `#/cases/${s.id}` }, `案件 ${s.id.slice(0, 8)}`)
      : s.kind === 'household'
        ? h(
            'a',
            { href: `#/households/${s.id}?reason=${encodeURIComponent('核查异常线索')}` },
            `帮扶户 ${s.id.slice(0, 8)}`,
          )
        : s.kind === 'user'
          ? `用户 ${s.id.slice(0, 8)}`
          : `申请人 ${s.id}`;
  out.replaceChildren(
    h('p.muted', {}, `按 ${r.asOf} 判断，共 ${r.total} 条线索。`),
    h(
      'section.card',
      {},
      h('h2', {}, bi('规则', 'Rules')),
      h(
        'table.grid.rules',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['规则', '严重程度', '依据', '说明', '命中'].map((t) => h('th', {}, t)),
          ),
        ),
        h(
          'tbody',
          {},
          r.rules.map((x) =>
            h(
              'tr',
              { dataset: { rule: x.code }, class: x.hits ? 'hit' : '' },
              h('td', {}, x.titleZh, h('small.en', {}, ` ${x.code}`)),
              h(
                'td',
                {},
                h(`span.badge.${x.severity === 'high' ? 'danger' : 'warn'}`, {}, SEVERITY[x.severity] ?? x.severity),
              ),
              h('td', {}, x.basis),
              h('td', {}, x.description),
              num(x.hits),
            ),
          ),
        ),
      ),
    ),
    h(
      'section.card',
      {},
      h('h2', {}, bi('线索', 'Hits')),
      r.hits.length
        ? h(
            'table.grid.anomalies',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['严重程度', '规则', '对象', '单位', '日期', '说明', '证据'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              r.hits.map((x) =>
                h(
                  'tr',
                  { dataset: { rule: x.rule } },
                  h(
                    'td',
                    {},
                    h(
                      `span.badge.${x.severity === 'high' ? 'danger' : 'warn'}`,
                      {},
                      SEVERITY[x.severity] ?? x.severity,
                    ),
                  ),
                  h('td', {}, r.rules.find((y) => y.code === x.rule)?.titleZh ?? x.rule),
                  h('td', {}, subject(x.subject)),
                  h('td', {}, label(UNITS, x.unit)),
                  h('td', {}, x.onDate),
                  h('td', {}, x.explanation),
                  h(
                    'td',
                    {},
                    h(
                      'details',
                      {},
                      h('summary', {}, `${x.evidence.length} 项`),
                      h('pre', {}, JSON.stringify(x.evidence, null, 2)),
                    ),
                  ),
                ),
              ),
            ),
          )
        : h('p.empty', {}, '没有异常线索。'),
    ),
  );
}
