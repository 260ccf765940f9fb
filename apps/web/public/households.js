import { api, query, session } from './api.js';
import { bi, fmtTime, h, mount } from './dom.js';
import { HOUSEHOLD_STATUSES, UNITS, label } from './labels.js';
import { loading, pager, problemBox } from './ui.js';

const PAGE_SIZE = 50;
const isStreet = () => session.get()?.user.unit.startsWith('STREET_');

/** 帮扶户 the household board. Street staff see their own office; others must say why they look (the read is recorded). */
export async function householdBoard(params) {
  const f = {
    status: params.get('status') ?? '', overdue: params.get('overdue') ?? '', zeroEmployment: params.get('zeroEmployment') ?? '',
    openRisks: params.get('openRisks') ?? '', village: params.get('village') ?? '', streetOffice: params.get('streetOffice') ?? '', reason: params.get('reason') ?? '',
  };
  const page = Number(params.get('page') ?? 1) || 1;
  const go = (next) => {
    location.hash = `#/households${query({ ...next, page: next.page > 1 ? next.page : undefined })}`;
  };
  const sel = (name, options) => h('select', { name, value: f[name], onchange: (e) => go({ ...f, [name]: e.target.value }) }, options.map(([v, t]) => h('option', { value: v }, t)));
  const street = isStreet();
  const reasonInput = h('input', { name: 'reason', value: f.reason, placeholder: '例如：2020年第47周督导检查', size: 28 });
  const list = h('div', {}, loading());
  mount(h('section', {},
    h('div.head', {}, h('h1', {}, bi('帮扶户', 'Monitored households')), street ? h('span.muted', {}, `本街道：${label(UNITS, session.get().user.unit)}`) : null),
    h('form.filters', { onsubmit: (e) => { e.preventDefault(); go({ ...f, reason: reasonInput.value.trim(), village: e.target.village.value.trim() }); } },
      h('label', {}, '状态', sel('status', [['', '全部'], ...Object.entries(HOUSEHOLD_STATUSES)])),
      h('label', {}, '逾期', sel('overdue', [['', '全部'], ['any', '任一逾期'], ['visit', '走访逾期'], ['measure', '措施逾期'], ['plan', '方案逾期']])),
      h('label', {}, '零就业', sel('zeroEmployment', [['', '全部'], ['true', '是'], ['false', '否']])),
      h('label', {}, '未消除风险', sel('openRisks', [['', '全部'], ['true', '有'], ['false', '无']])),
      street ? null : h('label', {}, '街道', sel('streetOffice', [['', '全部街道'], ...Object.entries(UNITS).filter(([k]) => k.startsWith('STREET_'))])),
      h('label', {}, '村（社区）', h('input', { name: 'village', value: f.village, size: 12 })),
      street ? null : h('label', {}, '查阅事由（必填，将被记录）', reasonInput),
      h('button', { type: 'submit' }, '查询')),
    list));
  if (!street && !f.reason) {
    list.replaceChildren(h('p.notice', {}, '查阅其他单位的帮扶户须说明事由，查阅行为将被记录。请填写“查阅事由”后查询。', h('small.en', {}, ' Say why you read: the read is recorded.')));
    return;
  }
  let data;
  try {
    ({ data } = await api(`/api/households${query({ ...f, page, pageSize: PAGE_SIZE })}`));
  } catch (err) {
    list.replaceChildren(problemBox(err));
    return;
  }
  if (!data.items.length) {
    list.replaceChildren(h('p.empty', {}, '没有符合条件的帮扶户。'));
    return;
  }
  const reasonQs = street ? '' : `?reason=${encodeURIComponent(f.reason)}`;
  list.replaceChildren(
    h('p.muted', {}, `逾期按 ${data.today} 计算；红色行有逾期事项。`),
    h('table.grid.households', {},
      h('thead', {}, h('tr', {}, ['户主', '村（社区）', '街道', '状态', '帮扶干部', '最近走访', '下次走访', '待办措施', '提示'].map((t) => h('th', {}, t)))),
      h('tbody', {}, data.items.map((x) => {
        const late = x.overdue.visit || x.overdue.measure || x.overdue.plan;
        return h('tr', { class: late ? 'overdue' : '', dataset: { householdId: x.householdId, streetOffice: x.streetOffice } },
          h('td', {}, h('a', { href: `#/households/${x.householdId}${reasonQs}` }, x.headName)),
          h('td', {}, x.village), h('td', {}, label(UNITS, x.streetOffice)),
          h('td', {}, label(HOUSEHOLD_STATUSES, x.status)), h('td', {}, x.cadre?.name ?? '未指定'),
          h('td', {}, x.lastVisitOn ?? '—'), h('td', { class: x.overdue.visit ? 'late' : '' }, x.nextVisitDue ?? '—'),
          h('td', { class: x.overdue.measure ? 'late' : '' }, `${x.openMeasures} 项`, x.nextMeasureDue ? h('small', {}, ` 最早 ${x.nextMeasureDue}`) : null),
          h('td', {},
            x.overdue.visit ? h('span.badge.danger', {}, '走访逾期') : null,
            x.overdue.measure ? h('span.badge.danger', {}, '措施逾期') : null,
            x.overdue.plan ? h('span.badge.danger', {}, '方案逾期') : null,
            x.zeroEmployment ? h('span.badge.warn', {}, '零就业') : null,
            x.openRisks ? h('span.badge.warn', {}, `风险 ${x.openRisks}`) : null));
      }))),
    pager(data.page, data.pageSize, data.total, (p) => go({ ...f, page: p })));
}

/** 帮扶户详情: members, plan, visits, risks and the schedule. */
export async function householdDetail(id, params) {
  mount(loading());
  const reason = params.get('reason');
  const headers = reason ? { 'x-access-reason': encodeURIComponent(reason) } : {};
  const { data: x } = await api(`/api/households/${id}`, { headers });
  const head = x.members.find((m) => m.memberId === x.headMemberId);
  const s = x.schedule ?? {};
  mount(h('article.household', { dataset: { householdId: x.id } },
    h('p.crumbs', {}, h('a', { href: '#/households' }, '← 帮扶户列表')),
    h('div.head', {}, h('h1', {}, head?.name ?? x.address, h('small', {}, ` ${x.village} · ${label(UNITS, x.streetOffice)}`)), h('span.state.big', {}, label(HOUSEHOLD_STATUSES, x.status))),
    reason ? h('p.notice', {}, `本次查阅已记录，事由：${reason}`) : null,
    h('div.columns', {},
      h('section.card', {}, h('h2', {}, bi('基本情况', 'Household')),
        h('dl', {},
          h('dt', {}, '住址'), h('dd', {}, x.address),
          h('dt', {}, '帮扶干部'), h('dd', {}, x.cadre?.name ?? '未指定'),
          h('dt', {}, '下次走访'), h('dd', { class: s.visitOverdue ? 'late' : '' }, s.nextVisitDue ?? '—', s.visitOverdue ? ' （已逾期）' : ''),
          h('dt', {}, '零就业'), h('dd', {}, x.zeroEmployment ? '是' : '否')),
        h('table.grid', {}, h('thead', {}, h('tr', {}, ['成员', '关系', '出生日期', '劳动能力', '就业状况'].map((t) => h('th', {}, t)))),
          h('tbody', {}, x.members.map((m) => h('tr', {}, h('td', {}, m.name), h('td', {}, m.relation), h('td', {}, m.birthDate), h('td', {}, m.labourCapacity), h('td', {}, m.employmentStatus)))))),
      h('section.card', {}, h('h2', {}, bi('帮扶方案', 'Assistance plan')),
        x.plan ? [h('p', {}, x.plan.summary), h('ul.measures', {}, x.plan.measures.map((m) => h('li', { class: !m.done && (s.overdueMeasures ?? []).includes(m.measureId) ? 'late' : '' },
          m.done ? '✓ ' : '○ ', m.description, h('small', {}, ` 目标 ${m.targetDate}${m.done ? `，${m.doneAt} 完成` : ''}`))))] : h('p.muted', {}, x.planRequired ? `尚未制定方案，须于 ${x.planDueBy} 前制定` : '无需帮扶方案'),
        h('h3', {}, '风险'), x.risks.length ? h('ul', {}, x.risks.map((r) => h('li', {}, JSON.stringify(r)))) : h('p.muted', {}, '无'))),
    h('section.card', {}, h('h2', {}, bi('走访记录', 'Visits')),
      h('ol.timeline', {}, [...x.visits].reverse().map((v) => h('li', {}, h('div.when', {}, v.date), h('div.what', {}, h('b', {}, v.findings), h('p', {}, v.measuresTaken)), h('div.who', {}, v.visitor))))),
    h('section.card', {}, h('h2', {}, bi('状态变化', 'Status history')),
      h('ol.timeline', {}, x.statusHistory.map((c) => h('li', {}, h('div.when', {}, fmtTime(c.at)), h('div.what', {}, `${label(HOUSEHOLD_STATUSES, c.from)} → ${label(HOUSEHOLD_STATUSES, c.to)}`, h('p', {}, c.reason))))))));
}
