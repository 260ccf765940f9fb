import { api, query } from './api.js';
import { bi, fmtTime, h, mount } from './dom.js';
import { CASE_STATES, FIELDS, ROLES, UNITS, label } from './labels.js';
import { PROGRAMMES, programmeName } from './programmes.js';
import { loading, markFields, pager, problemBox } from './ui.js';

const PAGE_SIZE = 20;

/** 案件 the case queue: filters live in the address (#/cases?state=…), so back and reload keep them. */
export async function caseQueue(params) {
  const filters = {
    state: params.get('state') ?? '',
    programme: params.get('programme') ?? '',
    overdue: params.get('overdue') ?? '',
  };
  const page = Number(params.get('page') ?? 1) || 1;
  const go = (next) => {
    location.hash = `#/cases${query({ ...next, page: next.page > 1 ? next.page : undefined })}`;
  };
  const select = (name, options) =>
    h(
      'select',
      { name, value: filters[name], onchange: (e) => go({ ...filters, [name]: e.target.value }) },
      options.map(([v, text]) => h('option', { value: v }, text)),
    );
  const list = h('div', {}, loading());
  mount(
    h(
      'section',
      {},
      h(
        'div.head',
        {},
        h('h1', {}, bi('案件', 'Case queue')),
        h('a.button.primary', { href: '#/open' }, '＋ 新建案件'),
      ),
      h(
        'form.filters',
        { onsubmit: (e) => e.preventDefault() },
        h('label', {}, '状态', select('state', [['', '全部状态'], ...Object.entries(CASE_STATES)])),
        h(
          'label',
          {},
          '补贴项目',
          select('programme', [['', '全部项目'], ...PROGRAMMES.map((p) => [p.code, p.nameZh])]),
        ),
        h(
          'label',
          {},
          '期限',
          select('overdue', [
            ['', '全部'],
            ['true', '已逾期'],
            ['false', '未逾期'],
          ]),
        ),
      ),
      list,
    ),
  );
  let data;
  try {
    ({ data } = await api(`/api/cases${query({ ...filters, page, pageSize: PAGE_SIZE, sort: '-lastEventAt' })}`));
  } catch (err) {
    list.replaceChildren(problemBox(err));
    return;
  }
  if (data.items.length === 0) {
    list.replaceChildren(h('p.empty', {}, '没有符合条件的案件。', h('small.en', {}, ' No cases match.')));
    return;
  }
  list.replaceChildren(
    h(
      'table.grid.cases',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['申请人', '补贴项目', '状态', '待办岗位', '办理期限', '最近办理'].map((t) => h('th', {}, t)),
        ),
      ),
      h(
        'tbody',
        {},
        data.items.map((c) =>
          h(
            'tr',
            { class: c.overdue ? 'overdue' : '', dataset: { caseId: c.caseId } },
            h('td', {}, h('a', { href: `#/cases/${c.caseId}` }, c.beneficiaryName)),
            h('td', {}, programmeName(c.programme)),
            h('td', {}, h('span.state', { dataset: { state: c.state } }, label(CASE_STATES, c.state))),
            h('td', {}, c.assignee ? `${label(ROLES, c.assignee.role)} · ${label(UNITS, c.assignee.unit)}` : '—'),
            h('td', {}, c.dueOn ?? '—', c.overdue ? h('span.badge.danger', {}, '已逾期') : null),
            h('td', {}, fmtTime(c.lastEventAt)),
          ),
        ),
      ),
    ),
    pager(data.page, data.pageSize, data.total, (p) => go({ ...filters, page: p })),
  );
}

/** 新建案件 the application form; the facts are JSON, started from the programme's example. */
const newKey = () =>
  typeof globalThis.crypto?.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(16).slice(2)}`;

export function openCaseForm() {
  // One key per filled-in form: a double click sends the same application once.
  let idempotencyKey = newKey();
  const errorBox = h('div');
  const facts = h('textarea', { name: 'facts', rows: 12, spellcheck: false, dataset: { field: 'facts' } });
  const idInput = h('input', { name: 'idNumber', maxLength: 18, dataset: { field: 'beneficiary.idNumber' } });
  const idLabel = h('span', {}, '身份证号');
  const kind = h(
    'select',
    { name: 'kind', dataset: { field: 'beneficiary.kind' } },
    h('option', { value: 'person' }, '个人'),
    h('option', { value: 'enterprise' }, '单位'),
  );
  const setKind = (k) => {
    kind.value = k;
    idLabel.textContent = k === 'person' ? '身份证号' : '统一社会信用代码';
    idInput.dataset.field = k === 'person' ? 'beneficiary.idNumber' : 'beneficiary.creditCode';
  };
  kind.addEventListener('change', () => setKind(kind.value));
  const programme = h(
    'select',
    { name: 'programme', required: true, dataset: { field: 'programme' } },
    PROGRAMMES.map((p) => h('option', { value: p.code }, `${p.nameZh}（${p.code}）`)),
  );
  const pick = () => {
    const p = PROGRAMMES.find((x) => x.code === programme.value);
    if (!p) return;
    facts.value = JSON.stringify(p.exampleFacts, null, 2);
    setKind(p.beneficiaryKind);
  };
  programme.addEventListener('change', pick);
  const field = (_name, labelText, input) => h('label', {}, labelText, input);
  const form = h(
    'form.card.wide',
    { novalidate: true, onsubmit: (e) => submit(e) },
    h('h1', {}, bi('新建案件', 'Open a case')),
    field('programme', '补贴项目', programme),
    h(
      'fieldset',
      {},
      h('legend', {}, '申请人 ', h('small.en', {}, 'Beneficiary')),
      h(
        'div.row3',
        {},
        field('kind', '类型', kind),
        field(
          'name',
          '名称',
          h('input', {
            name: 'name',
            maxLength: 100,
            dataset: { field: 'beneficiary.name' },
            placeholder: '【示例】张三',
          }),
        ),
        h('label', {}, idLabel, idInput),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, '补贴期间与受理日期 ', h('small.en', {}, 'Period')),
      h(
        'div.row3',
        {},
        field(
          'from',
          FIELDS['period.from'],
          h('input', { name: 'from', type: 'date', value: '2020-11-01', dataset: { field: 'period.from' } }),
        ),
        field(
          'to',
          FIELDS['period.to'],
          h('input', { name: 'to', type: 'date', value: '2020-12-31', dataset: { field: 'period.to' } }),
        ),
        field(
          'applicationDate',
          `${FIELDS.applicationDate}（可空，默认今天）`,
          h('input', { name: 'applicationDate', type: 'date', dataset: { field: 'applicationDate' } }),
        ),
      ),
    ),
    h('label.row', {}, bi('申请事实（JSON，按项目要求填写）', 'Facts as JSON'), facts),
    h(
      'div.actions',
      {},
      h('button.primary', { type: 'submit' }, '提交申请'),
      h('a.button', { href: '#/cases' }, '取消'),
    ),
    errorBox,
  );
  pick();
  mount(h('section', {}, form));

  async function submit(e) {
    e.preventDefault();
    errorBox.replaceChildren();
    const data = new FormData(form);
    let parsedFacts;
    try {
      parsedFacts = JSON.parse(String(data.get('facts') || '{}'));
    } catch (err) {
      const problem = {
        heading: '申请事实不是有效的 JSON',
        fields: [{ field: 'facts', reason: `格式有误：${err instanceof Error ? err.message : String(err)}` }],
      };
      markFields(form, problem);
      errorBox.replaceChildren(
        h(
          'div.problem',
          { role: 'alert' },
          h('strong', {}, problem.heading),
          h('p', {}, '请检查引号、逗号和括号是否成对。'),
        ),
      );
      return;
    }
    const k = String(data.get('kind'));
    const body = {
      programme: data.get('programme'),
      beneficiary: {
        kind: k,
        name: String(data.get('name')).trim(),
        [k === 'person' ? 'idNumber' : 'creditCode']: String(data.get('idNumber')).trim(),
      },
      facts: parsedFacts,
      period: { from: data.get('from'), to: data.get('to') },
    };
    if (data.get('applicationDate')) body.applicationDate = data.get('applicationDate');
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { data: created } = await api('/api/cases', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
      sessionStorage.setItem(
        'casework.flash',
        created.eligibility?.eligible === false
          ? '案件已提交。注意：按所填事实，申请人不符合条件，详见资格审查。'
          : '案件已提交。',
      );
      location.hash = `#/cases/${created.id}`;
    } catch (err) {
      idempotencyKey = newKey();
      const rest = markFields(form, err);
      errorBox.replaceChildren(
        problemBox({
          .../** @type {object} */ (err),
          fields: rest.length ? rest : [],
          ...(rest.length ? {} : { detail: '请按各项下方的提示修改。' }),
        }),
      );
    } finally {
      button.disabled = false;
    }
  }
}
