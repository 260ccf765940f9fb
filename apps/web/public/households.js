import { api, ApiError, query, session } from './api.js';
import { bi, flash, fmtTime, h, mount } from './dom.js';
import { bodySchema, fieldInput, readBody } from './forms.js';
import { ENUM_VALUES, HOUSEHOLD_COMMANDS, HOUSEHOLD_FIELDS, HOUSEHOLD_STATUSES, UNITS, label } from './labels.js';
import { PROGRAMMES, programmeName } from './programmes.js';
import { canRegisterHousehold } from './register-household.js';
import { loading, markFields, pager, problemBox } from './ui.js';

const PAGE_SIZE = 50;
const isStreet = () => session.get()?.user.unit.startsWith('STREET_');

/** 帮扶户 the household board. Street staff see their own office; others must say why they look (the read is recorded). */
export async function householdBoard(params) {
  const f = {
    status: params.get('status') ?? '',
    overdue: params.get('overdue') ?? '',
    zeroEmployment: params.get('zeroEmployment') ?? '',
    openRisks: params.get('openRisks') ?? '',
    village: params.get('village') ?? '',
    streetOffice: params.get('streetOffice') ?? '',
    reason: params.get('reason') ?? '',
  };
  const page = Number(params.get('page') ?? 1) || 1;
  const go = (next) => {
    location.hash = `#/households${query({ ...next, page: next.page > 1 ? next.page : undefined })}`;
  };
  const sel = (name, options) =>
    h(
      'select',
      { name, value: f[name], onchange: (e) => go({ ...f, [name]: e.target.value }) },
      options.map(([v, t]) => h('option', { value: v }, t)),
    );
  const street = isStreet();
  const reasonInput = h('input', {
    name: 'reason',
    value: f.reason,
    placeholder: '例如：2020年第47周督导检查',
    size: 28,
  });
  const list = h('div', {}, loading());
  mount(
    h(
      'section',
      {},
      h(
        'div.head',
        {},
        h('h1', {}, bi('帮扶户', 'Monitored households')),
        street ? h('span.muted', {}, `本街道：${label(UNITS, session.get().user.unit)}`) : null,
        canRegisterHousehold(session.get().user)
          ? h('a.button.primary.register', { href: '#/households/new' }, '＋ 登记帮扶户')
          : null,
      ),
      h(
        'form.filters',
        {
          onsubmit: (e) => {
            e.preventDefault();
            go({ ...f, reason: reasonInput.value.trim(), village: e.target.village.value.trim() });
          },
        },
        h('label', {}, '状态', sel('status', [['', '全部'], ...Object.entries(HOUSEHOLD_STATUSES)])),
        h(
          'label',
          {},
          '逾期',
          sel('overdue', [
            ['', '全部'],
            ['any', '任一逾期'],
            ['visit', '走访逾期'],
            ['measure', '措施逾期'],
            ['plan', '方案逾期'],
          ]),
        ),
        h(
          'label',
          {},
          '零就业',
          sel('zeroEmployment', [
            ['', '全部'],
            ['true', '是'],
            ['false', '否'],
          ]),
        ),
        h(
          'label',
          {},
          '未消除风险',
          sel('openRisks', [
            ['', '全部'],
            ['true', '有'],
            ['false', '无'],
          ]),
        ),
        street
          ? null
          : h(
              'label',
              {},
              '街道',
              sel('streetOffice', [
                ['', '全部街道'],
                ...Object.entries(UNITS).filter(([k]) => k.startsWith('STREET_')),
              ]),
            ),
        h('label', {}, '村（社区）', h('input', { name: 'village', value: f.village, size: 12 })),
        street ? null : h('label', {}, '查阅事由（必填，将被记录）', reasonInput),
        h('button', { type: 'submit' }, '查询'),
      ),
      list,
    ),
  );
  if (!street && !f.reason) {
    list.replaceChildren(
      h(
        'p.notice',
        {},
        '查阅其他单位的帮扶户须说明事由，查阅行为将被记录。请填写“查阅事由”后查询。',
        h('small.en', {}, ' Say why you read: the read is recorded.'),
      ),
    );
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
    h(
      'table.grid.households',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['户主', '村（社区）', '街道', '状态', '帮扶干部', '最近走访', '下次走访', '待办措施', '提示'].map((t) =>
            h('th', {}, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        data.items.map((x) => {
          const late = x.overdue.visit || x.overdue.measure || x.overdue.plan;
          return h(
            'tr',
            { class: late ? 'overdue' : '', dataset: { householdId: x.householdId, streetOffice: x.streetOffice } },
            h('td', {}, h('a', { href: `#/households/${x.householdId}${reasonQs}` }, x.headName)),
            h('td', {}, x.village),
            h('td', {}, label(UNITS, x.streetOffice)),
            h('td', {}, label(HOUSEHOLD_STATUSES, x.status)),
            h('td', {}, x.cadre?.name ?? '未指定'),
            h('td', {}, x.lastVisitOn ?? '—'),
            h('td', { class: x.overdue.visit ? 'late' : '' }, x.nextVisitDue ?? '—'),
            h(
              'td',
              { class: x.overdue.measure ? 'late' : '' },
              `${x.openMeasures} 项`,
              x.nextMeasureDue ? h('small', {}, ` 最早 ${x.nextMeasureDue}`) : null,
            ),
            h(
              'td',
              {},
              x.overdue.visit ? h('span.badge.danger', {}, '走访逾期') : null,
              x.overdue.measure ? h('span.badge.danger', {}, '措施逾期') : null,
              x.overdue.plan ? h('span.badge.danger', {}, '方案逾期') : null,
              x.zeroEmployment ? h('span.badge.warn', {}, '零就业') : null,
              x.openRisks ? h('span.badge.warn', {}, `风险 ${x.openRisks}`) : null,
            ),
          );
        }),
      ),
    ),
    pager(data.page, data.pageSize, data.total, (p) => go({ ...f, page: p })),
  );
}

/** 帮扶户详情: members, plan, visits, risks and the schedule, and the commands the caller may issue. */
export async function householdDetail(id, params) {
  mount(loading());
  const reason = params.get('reason');
  /** @type {Record<string, string>} */
  const headers = reason ? { 'x-access-reason': encodeURIComponent(reason) } : {};
  const { data: x, etag } = await api(`/api/households/${id}`, { headers });
  const message = sessionStorage.getItem('casework.flash');
  if (message) {
    sessionStorage.removeItem('casework.flash');
    flash(message);
  }
  const head = x.members.find((m) => m.memberId === x.headMemberId);
  const s = x.schedule ?? {};
  const panel = h('div.command-panel');
  const reload = () => householdDetail(id, params);
  const member = (memberId) => x.members.find((m) => m.memberId === memberId)?.name ?? memberId;
  mount(
    h(
      'article.household',
      { dataset: { householdId: x.id, status: x.status, version: String(x.version) } },
      h('p.crumbs', {}, h('a', { href: '#/households' }, '← 帮扶户列表')),
      h(
        'div.head',
        {},
        h('h1', {}, head?.name ?? x.address, h('small', {}, ` ${x.village} · ${label(UNITS, x.streetOffice)}`)),
        h('span.state.big', { dataset: { state: x.status } }, label(HOUSEHOLD_STATUSES, x.status)),
      ),
      reason ? h('p.notice', {}, `本次查阅已记录，事由：${reason}`) : null,
      h(
        'section.card.actions-card',
        {},
        h('h2', {}, bi('帮扶工作', 'Follow-up')),
        x.allowedCommands.length
          ? h(
              'div.commands',
              {},
              x.allowedCommands.map((c) =>
                h(
                  'button.command',
                  {
                    type: 'button',
                    dataset: { command: c.command },
                    onclick: () => openHouseholdCommand(c, x, etag, panel, reload),
                  },
                  label(HOUSEHOLD_COMMANDS, c.command),
                ),
              ),
            )
          : h('p.muted', {}, '您只能查阅此帮扶户，不能登记或变更。', h('small.en', {}, ' Read only for you.')),
        panel,
      ),
      h(
        'div.columns',
        {},
        h(
          'section.card',
          {},
          h('h2', {}, bi('基本情况', 'Household')),
          h(
            'dl',
            {},
            h('dt', {}, '住址'),
            h('dd', {}, x.address),
            h('dt', {}, '帮扶干部'),
            h(
              'dd',
              {},
              x.cadre
                ? `${x.cadre.name}（${label(UNITS, x.cadre.unit)}${x.cadre.phone ? `，${x.cadre.phone}` : ''}）`
                : '未指定',
            ),
            h('dt', {}, '下次走访'),
            h(
              'dd',
              { class: s.visitOverdue ? 'late' : '' },
              s.nextVisitDue ?? '—',
              s.visitOverdue ? ' （已逾期）' : '',
            ),
            h('dt', {}, '零就业'),
            h('dd', {}, x.zeroEmployment ? '是' : '否'),
            h('dt', {}, '版本号'),
            h('dd', {}, String(x.version)),
          ),
          h(
            'table.grid',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['成员', '关系', '出生日期', '劳动能力', '就业状况'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              x.members.map((m) =>
                h(
                  'tr',
                  {},
                  h('td', {}, m.name),
                  h('td', {}, label(ENUM_VALUES, m.relation)),
                  h('td', {}, m.birthDate),
                  h('td', {}, label(ENUM_VALUES, m.labourCapacity)),
                  h('td', {}, label(ENUM_VALUES, m.employmentStatus)),
                ),
              ),
            ),
          ),
        ),
        h(
          'section.card',
          {},
          h('h2', {}, bi('帮扶方案', 'Assistance plan')),
          x.plan
            ? [
                h('p', {}, x.plan.summary),
                h(
                  'ul.measures',
                  {},
                  x.plan.measures.map((m) =>
                    h(
                      'li',
                      {
                        class: !m.done && (s.overdueMeasures ?? []).includes(m.measureId) ? 'late' : '',
                        dataset: { measureId: m.measureId },
                      },
                      m.done ? '✓ ' : '○ ',
                      m.description,
                      h('small', {}, ` ${m.owner}，目标 ${m.targetDate}${m.done ? `，${m.doneAt} 完成` : ''}`),
                    ),
                  ),
                ),
              ]
            : h('p.muted', {}, x.planRequired ? `尚未制定方案，须于 ${x.planDueBy} 前制定` : '无需帮扶方案'),
          h('h3', {}, '风险'),
          x.risks.length
            ? h(
                'ul.risks',
                {},
                x.risks.map((r) =>
                  h(
                    'li',
                    { class: r.eliminated ? 'eliminated' : 'open', dataset: { riskId: r.riskId } },
                    h(
                      `span.badge.${r.eliminated ? 'ok' : 'warn'}`,
                      {},
                      r.eliminated ? '已消除' : `${label(ENUM_VALUES, r.severity)}风险`,
                    ),
                    ' ',
                    r.description,
                    h(
                      'small',
                      {},
                      ` ${label(ENUM_VALUES, r.source)}，${fmtTime(r.raisedAt)}${r.eliminated ? `；${fmtTime(r.eliminatedAt)} 消除：${r.eliminationReason}` : ''}`,
                    ),
                  ),
                ),
              )
            : h('p.muted', {}, '无'),
          h('h3', {}, '就业安置'),
          x.placements.length
            ? h(
                'ul',
                {},
                x.placements.map((p) =>
                  h(
                    'li',
                    {},
                    `${member(p.memberId)}：${p.employer} ${p.post}，${p.startDate} 上岗`,
                    p.publicWelfarePost ? '（公益性岗位）' : '',
                    p.endDate ? `，${p.endDate} 离岗：${p.endReason}` : '',
                  ),
                ),
              )
            : h('p.muted', {}, '无'),
          x.threeChecks.length
            ? [
                h('h3', {}, '三排查'),
                h(
                  'ul',
                  {},
                  x.threeChecks.map((c) =>
                    h(
                      'li',
                      {},
                      `${c.date} ${label(ENUM_VALUES, c.kind)}：${label(ENUM_VALUES, c.result)}`,
                      c.notes ? `（${c.notes}）` : '',
                    ),
                  ),
                ),
              ]
            : null,
          x.linkedCases.length
            ? [
                h('h3', {}, '关联补贴案件'),
                h(
                  'ul',
                  {},
                  x.linkedCases.map((c) =>
                    h(
                      'li',
                      {},
                      h('a', { href: `#/cases/${c.caseId}` }, programmeName(c.programme)),
                      ` ${member(c.memberId)}`,
                    ),
                  ),
                ),
              ]
            : null,
        ),
      ),
      h(
        'section.card',
        {},
        h('h2', {}, bi('走访记录', 'Visits')),
        x.visits.length
          ? h(
              'ol.timeline.visits',
              {},
              [...x.visits]
                .reverse()
                .map((v) =>
                  h(
                    'li',
                    { dataset: { visitId: v.visitId } },
                    h('div.when', {}, v.date),
                    h(
                      'div.what',
                      {},
                      h('b', {}, v.findings),
                      v.needs ? h('p', {}, `需求：${v.needs}`) : null,
                      v.measuresTaken ? h('p', {}, v.measuresTaken) : null,
                    ),
                    h('div.who', {}, v.visitor),
                  ),
                ),
            )
          : h('p.muted', {}, '尚无走访记录'),
      ),
      h(
        'section.card',
        {},
        h('h2', {}, bi('状态变化', 'Status history')),
        h(
          'ol.timeline',
          {},
          x.statusHistory.map((c) =>
            h(
              'li',
              {},
              h('div.when', {}, fmtTime(c.at)),
              h(
                'div.what',
                {},
                `${label(HOUSEHOLD_STATUSES, c.from)} → ${label(HOUSEHOLD_STATUSES, c.to)}`,
                h('p', {}, c.reason),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** A short id for something new inside the household (a visit, a risk): unique enough there, and editable. */
const newId = (prefix) =>
  `${prefix}-${(globalThis.crypto?.randomUUID?.() ?? Math.random().toString(16).slice(2)).slice(0, 8)}`;

/** What each household command's fields start with: references to things the household has, fresh ids, today. */
function fieldOptions(command, x) {
  const today = x.schedule?.today;
  const members = x.members.map((m) => [m.memberId, `${m.name}（${label(ENUM_VALUES, m.relation)}）`]);
  const openRisks = x.risks
    .filter((r) => !r.eliminated)
    .map((r) => [r.riskId, `${r.description}（${label(ENUM_VALUES, r.severity)}）`]);
  const openMeasures = (x.plan?.measures ?? [])
    .filter((m) => !m.done)
    .map((m) => [m.measureId, `${m.description}（目标 ${m.targetDate}）`]);
  const openPlacements = x.placements.filter((p) => !p.endDate).map((p) => [p.placementId, `${p.employer} ${p.post}`]);
  const visits = x.visits.map((v) => [v.visitId, `${v.date} ${v.findings}`]);
  const cadreFields = { nested: { unit: { value: x.streetOffice } } };
  const byCommand = {
    changeHouseholdStatus: {},
    assignResponsibleCadre: { cadre: cadreFields },
    reassignResponsibleCadre: { cadre: cadreFields },
    adoptAssistancePlan: {
      planId: { value: newId('plan') },
      measures: {
        value: JSON.stringify([{ measureId: newId('m'), description: '', owner: '', targetDate: today }], null, 2),
      },
    },
    addPlanMeasure: { measure: { nested: { measureId: { value: newId('m') } } } },
    completePlanMeasure: { measureId: { choices: openMeasures }, doneAt: { value: today } },
    recordVisit: {
      visitId: { value: newId('v') },
      date: { value: today },
      needs: { sendEmpty: true },
      measuresTaken: { sendEmpty: true },
    },
    raiseRiskFlag: { riskId: { value: newId('r') }, visitId: { choices: visits } },
    eliminateRisk: { riskId: { choices: openRisks } },
    placeMemberInWork: {
      placementId: { value: newId('p') },
      memberId: { choices: members },
      startDate: { value: today },
    },
    recordMemberLeftWork: { placementId: { choices: openPlacements }, endDate: { value: today } },
    recordThreeChecks: { checkId: { value: newId('c') }, date: { value: today } },
    linkSubsidyCase: {
      memberId: { choices: members },
      programme: { choices: PROGRAMMES.map((p) => [p.code, p.nameZh]) },
    },
  };
  return byCommand[command] ?? {};
}

async function openHouseholdCommand(cmd, x, etag, panel, reload) {
  const route = cmd.route.split('/').pop();
  const schema = await bodySchema(`/api/households/{id}/${route}`);
  const props = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  const names = Object.keys(props);
  const options = fieldOptions(cmd.command, x);
  const inputs = names.map((name) =>
    fieldInput(name, props[name], required.has(name), { labels: HOUSEHOLD_FIELDS, ...(options[name] ?? {}) }),
  );
  const errorBox = h('div');
  const title = label(HOUSEHOLD_COMMANDS, cmd.command);
  const form = h(
    'form.command-form',
    { novalidate: true, dataset: { command: cmd.command } },
    h('h3', {}, title, h('small.en', {}, ` ${cmd.command}`)),
    inputs.map((i) => i.label),
    schema ? null : h('p.muted', {}, '（未能读取表单说明，可直接提交。）'),
    h(
      'div.actions',
      {},
      h('button.primary', { type: 'submit' }, `确认${title}`),
      h('button', { type: 'button', onclick: () => panel.replaceChildren() }, '取消'),
    ),
    errorBox,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errorBox.replaceChildren();
    const { body, error } = readBody(inputs);
    if (error) {
      markFields(form, { fields: [error] });
      return;
    }
    markFields(form, null);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api(`/api/households/${x.id}/${route}`, { method: 'POST', body, headers: { 'if-match': etag } });
      sessionStorage.setItem('casework.flash', `已完成：${title}`);
      await reload();
    } catch (err) {
      button.disabled = false;
      const rest = markFields(form, err);
      errorBox.replaceChildren(problemBox({ .../** @type {object} */ (err), fields: rest }));
      if (err instanceof ApiError && err.status === 412)
        errorBox.append(h('button', { type: 'button', onclick: reload }, '刷新'));
    }
  });
  panel.replaceChildren(form);
  form.querySelector('input, textarea, select')?.focus();
}
