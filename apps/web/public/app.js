import { api, ApiError, session } from './api.js';
import { bi, byId, h, mount } from './dom.js';
import { ROLES, UNITS, label } from './labels.js';
import { problemBox } from './ui.js';
import { caseQueue, openCaseForm } from './cases.js';
import { caseDetail } from './case-detail.js';
import { householdBoard, householdDetail } from './households.js';
import { registerHouseholdForm } from './register-household.js';
import { auditView } from './audit.js';
import { reportsView } from './reports.js';
import { ANOMALY_ROLES, accountabilityView, anomaliesView, payoutsView } from './oversight.js';

const AUDIT_ROLES = ['inspector', 'reviewer', 'approver', 'admin'];

/** The views each role finds in the menu; the API still decides every request. */
/** @returns {[href: string, zh: string, en: string][]} */
function menu(role) {
  /** @type {[string, string, string][]} */
  const items = [];
  if (role !== 'street_staff') items.push(['#/cases', '案件', 'Cases']);
  if (role === 'caseworker') items.push(['#/open', '新建案件', 'New case']);
  if (['street_staff', 'caseworker', 'reviewer', 'approver', 'inspector', 'admin'].includes(role))
    items.push(['#/households', '帮扶户', 'Households']);
  if (AUDIT_ROLES.includes(role)) items.push(['#/audit', '审计', 'Audit']);
  if (ANOMALY_ROLES.includes(role)) items.push(['#/anomalies', '异常', 'Anomalies']);
  items.push(['#/reports', '周报', 'Weekly']);
  items.push(['#/accountability', '问责', 'Accountability']);
  items.push(['#/payouts', '资金台账', 'Payouts']);
  return items;
}

/** @type {[RegExp, (match: RegExpExecArray, params: URLSearchParams) => unknown][]} */
const routes = [
  [/^#\/login$/, () => loginView()],
  [/^#\/cases$/, (_m, q) => caseQueue(q)],
  [/^#\/cases\/([0-9a-f-]{36})$/, (m) => caseDetail(m[1])],
  [/^#\/open$/, () => openCaseForm()],
  [/^#\/households$/, (_m, q) => householdBoard(q)],
  [/^#\/households\/new$/, () => registerHouseholdForm()],
  [/^#\/households\/([0-9a-f-]{36})$/, (m, q) => householdDetail(m[1], q)],
  [/^#\/audit$/, (_m, q) => auditView(q)],
  [/^#\/reports$/, (_m, q) => reportsView(q)],
  [/^#\/accountability$/, (_m, q) => accountabilityView(q)],
  [/^#\/payouts$/, (_m, q) => payoutsView(q)],
  [/^#\/anomalies$/, (_m, q) => anomaliesView(q)],
];

function renderChrome() {
  const s = session.get();
  const nav = byId('nav');
  const who = byId('who');
  if (!s) {
    nav.replaceChildren();
    who.replaceChildren();
    return;
  }
  const here = location.hash.split('?')[0] ?? '';
  nav.replaceChildren(
    ...menu(s.user.role).map(([href, zh, en]) =>
      h('a', { href, class: here.startsWith(href) ? 'active' : '' }, bi(zh, en)),
    ),
  );
  who.replaceChildren(
    h('span', {}, s.user.displayName ?? s.user.username),
    h('small', {}, ` ${label(ROLES, s.user.role)} · ${label(UNITS, s.user.unit)}`),
    h('button.link', { type: 'button', onclick: logout }, '退出'),
  );
}

function logout() {
  session.clear();
  location.hash = '#/login';
}

async function route() {
  const s = session.get();
  if (!s && location.hash !== '#/login') {
    location.hash = '#/login';
    return;
  }
  if (s && (location.hash === '' || location.hash === '#/' || location.hash === '#/login')) {
    location.hash = s.user.role === 'street_staff' ? '#/households' : '#/cases';
    return;
  }
  renderChrome();
  const [path, qs] = location.hash.split('?');
  const params = new URLSearchParams(qs ?? '');
  for (const [pattern, view] of routes) {
    const m = pattern.exec(path ?? '');
    if (!m) continue;
    try {
      await view(m, params);
    } catch (err) {
      mount(h('section', {}, problemBox(err)));
    }
    return;
  }
  mount(h('section', {}, h('h1', {}, '页面不存在'), h('p', {}, h('a', { href: '#/cases' }, '返回案件列表'))));
}

function loginView() {
  const error = h('div');
  const form = h(
    'form.card.login',
    {
      onsubmit: async (e) => {
        e.preventDefault();
        const data = new FormData(form);
        error.replaceChildren();
        try {
          const { data: res } = await api('/api/auth/login', {
            method: 'POST',
            body: { username: data.get('username'), password: data.get('password') },
          });
          session.set({ token: res.accessToken, user: res.user });
          location.hash = res.user.role === 'street_staff' ? '#/households' : '#/cases';
        } catch (err) {
          error.replaceChildren(
            err instanceof ApiError && err.status === 401
              ? h(
                  'div.problem',
                  { role: 'alert' },
                  h('strong', {}, '用户名或密码不正确'),
                  h('small.en', {}, ' Wrong username or password'),
                )
              : problemBox(err),
          );
        }
      },
    },
    h('h1', {}, bi('登录', 'Sign in')),
    h(
      'label',
      {},
      bi('用户名', 'Username'),
      h('input', { name: 'username', autocomplete: 'username', required: true, autofocus: true }),
    ),
    h(
      'label',
      {},
      bi('密码', 'Password'),
      h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    ),
    h('button.primary', { type: 'submit' }, '登录'),
    error,
    h(
      'p.muted',
      {},
      h(
        'small',
        {},
        '演示账号见 README，数据均为【示例】合成数据。 Demo accounts: see the README; all data is synthetic.',
      ),
    ),
  );
  mount(h('section.center', {}, form));
}

window.addEventListener('hashchange', route);
route();
