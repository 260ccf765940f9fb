import { api, session } from './api.js';
import { bi, h, mount } from './dom.js';
import { bodySchema, fieldInput, readBody } from './forms.js';
import { ENUM_VALUES, HOUSEHOLD_FIELDS, HOUSEHOLD_STATUSES, UNITS, label } from './labels.js';
import { loading, markFields, problemBox } from './ui.js';

/** Street staff register in their own office, district staff in any (libs/domain canChangeHousehold); the API decides. */
export const canRegisterHousehold = (user) =>
  Boolean(user) && user.role !== 'inspector' && (user.role === 'street_staff' || user.unit.startsWith('DISTRICT_'));

/** Why a district user reads the household just registered (a cross-unit read is recorded). */
const READ_AFTER_REGISTER = '登记帮扶户后核对登记信息';

const STREET_OFFICES = Object.entries(UNITS).filter(([k]) => k.startsWith('STREET_'));
const choicesOf = (spec) => (spec?.enum ?? []).map((v) => [v, label(ENUM_VALUES, v)]);
const newKey = () =>
  globalThis.crypto?.randomUUID?.() ?? `reg-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** 登记帮扶户: household, members (one row each) and poverty status; one Idempotency-Key per form, so a double submit registers once. */
export async function registerHouseholdForm() {
  mount(loading());
  const user = session.get().user;
  if (!canRegisterHousehold(user)) {
    mount(
      h(
        'section',
        {},
        h('h1', {}, bi('登记帮扶户', 'Register a household')),
        h('p.notice', {}, '只有街道工作人员和区级工作人员可以登记帮扶户。'),
      ),
    );
    return;
  }
  const street = user.role === 'street_staff';
  const schema = await bodySchema('/api/households');
  const props = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  const spec = (name) => props[name] ?? { type: 'string' };
  const opts = { labels: HOUSEHOLD_FIELDS };
  const idempotencyKey = newKey();

  const office = fieldInput(
    'streetOffice',
    spec('streetOffice'),
    true,
    street
      ? {
          ...opts,
          choices: [[user.unit, label(UNITS, user.unit)]],
          value: user.unit,
          hint: '街道工作人员只能登记本街道的帮扶户。',
        }
      : { ...opts, choices: [['', '请选择'], ...STREET_OFFICES] },
  );
  if (street) office.label.querySelector('select').disabled = true;
  const household = [
    fieldInput('village', spec('village'), required.has('village'), opts),
    office,
    fieldInput('address', spec('address'), required.has('address'), opts),
  ];
  const status = [
    fieldInput('status', spec('status'), true, {
      ...opts,
      choices: [['', '请选择'], ...Object.entries(HOUSEHOLD_STATUSES)],
    }),
    fieldInput('statusReason', spec('statusReason'), required.has('statusReason'), opts),
  ];

  const memberSpec = props.members?.items ?? { properties: {}, required: [] };
  const memberRequired = new Set(memberSpec.required ?? []);
  const MEMBER_FIELDS = ['name', 'relation', 'birthDate', 'idNumber', 'labourCapacity', 'employmentStatus'];
  const rows = [];
  let memberCount = 0;
  const rowBox = h('div.member-rows');
  const renumber = () =>
    rows.forEach((r, i) => {
      r.el.dataset.field = `members[${i}]`;
      r.title.textContent = `成员 ${i + 1}`;
      r.el.querySelectorAll('[data-field]').forEach((e) => {
        e.dataset.field = e.dataset.field.replace(/^members\[\d+\]/, `members[${i}]`);
        if (e.name) e.name = e.dataset.field;
      });
      r.remove.disabled = rows.length === 1;
    });
  const addMember = (relation) => {
    const i = rows.length;
    const memberId = `m${++memberCount}`;
    const parts = MEMBER_FIELDS.map((name) => {
      const s = memberSpec.properties?.[name] ?? { type: 'string' };
      const enumChoices = s.enum ? { choices: choicesOf(s), value: name === 'relation' ? relation : undefined } : {};
      return fieldInput(name, s, memberRequired.has(name), { ...opts, path: `members[${i}]`, ...enumChoices });
    });
    // The birth date is in the ID number (digits 7–14): fill it when still empty.
    const [idInput, birthInput] = ['idNumber', 'birthDate'].map((n) =>
      parts[MEMBER_FIELDS.indexOf(n)].label.querySelector('input'),
    );
    idInput.addEventListener('change', () => {
      const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(idInput.value.trim());
      if (m && !birthInput.value) birthInput.value = `${m[1]}-${m[2]}-${m[3]}`;
    });
    const title = h('legend');
    const row = { memberId, parts, title };
    row.remove = h(
      'button.remove',
      {
        type: 'button',
        onclick: () => {
          rows.splice(rows.indexOf(row), 1);
          row.el.remove();
          renumber();
        },
      },
      '删除此成员',
    );
    row.el = h(
      'fieldset.row.member',
      { dataset: { field: `members[${i}]`, memberId } },
      title,
      h(
        'div.row3',
        {},
        parts.map((p) => p.label),
      ),
      row.remove,
    );
    rows.push(row);
    rowBox.append(row.el);
    renumber();
  };
  addMember('head');

  const errorBox = h('div');
  const form = h(
    'form.card.wide.register-household',
    { novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', {}, '基本情况'),
      household.map((i) => i.label),
    ),
    h(
      'fieldset.members',
      { dataset: { field: 'members' } },
      h('legend', {}, '家庭成员 *'),
      h(
        'p.row.muted',
        { dataset: { field: 'headMemberId' } },
        h('small', {}, '关系为“户主”的成员即为户主；身份证号填好后，出生日期会自动填入。'),
      ),
      rowBox,
      h('button', { type: 'button', onclick: () => addMember('spouse') }, '＋ 添加成员'),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, '帮扶状态'),
      status.map((i) => i.label),
    ),
    schema ? null : h('p.muted', {}, '（未能读取表单说明，可直接提交。）'),
    h(
      'div.actions',
      {},
      h('button.primary', { type: 'submit' }, '确认登记'),
      h('a.button', { href: '#/households' }, '取消'),
    ),
    errorBox,
  );

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    errorBox.replaceChildren();
    const { body, error } = readBody([...household, ...status]);
    if (error) {
      markFields(form, { fields: [error] });
      return;
    }
    const members = [];
    for (const [i, r] of rows.entries()) {
      const m = { memberId: r.memberId };
      for (const p of r.parts) {
        const v = p.read();
        if (v.error) {
          markFields(form, { fields: [{ field: `members[${i}].${p.name}`, reason: v.error }] });
          return;
        }
        if (v.value !== undefined) m[p.name] = v.value;
      }
      members.push(m);
    }
    body.members = members;
    const head = rows.find((r) => r.parts[MEMBER_FIELDS.indexOf('relation')].read().value === 'head');
    if (head) body.headMemberId = head.memberId;
    markFields(form, null);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      const { data } = await api('/api/households', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': idempotencyKey },
      });
      sessionStorage.setItem('casework.flash', '已登记帮扶户');
      location.hash = `#/households/${data.id}${street ? '' : `?reason=${encodeURIComponent(READ_AFTER_REGISTER)}`}`;
    } catch (err) {
      button.disabled = false;
      const rest = markFields(form, err);
      errorBox.replaceChildren(problemBox({ .../** @type {object} */ (err), fields: rest }));
    }
  });

  mount(
    h(
      'section',
      {},
      h('p.crumbs', {}, h('a', { href: '#/households' }, '← 帮扶户列表')),
      h('h1', {}, bi('登记帮扶户', 'Register a household')),
      form,
    ),
  );
  form.querySelector('input')?.focus();
}
