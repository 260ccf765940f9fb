import { h } from './dom.js';
import { COMMANDS, FIELDS, label } from './labels.js';
import { reasonZh } from './reasons.js';

/** Plain words for the rules a caseworker meets most; the server's own detail follows below. */
const HINTS = {
  SEPARATION_OF_DUTIES: '按照职责分离规定：经办、审核、审批须由不同的人完成，本案件的这一步须由他人办理。',
  ILLEGAL_TRANSITION: '案件已不在可以进行此操作的环节。',
  STALE_VERSION: '在您查看之后，案件已被他人更新。页面已刷新，请核对后重试。',
  ROLE_NOT_ALLOWED: '您的岗位不能进行这一步。',
  HOUSEHOLD_OUT_OF_SCOPE: '您只能查看本街道的帮扶户。',
  AUDIT_READ_FORBIDDEN: '审计记录仅对纪检监察、审核、审批和管理员开放。',
};

/** A field reason: the Chinese first, the server's English in small print beneath; an unknown wording as it came. */
export function reasonText(reason, prefix = '') {
  const zh = reasonZh(reason);
  return zh ? [prefix + zh, h('small.en.reason-en', {}, reason)] : prefix + reason;
}

/** The message box for a failed request: Chinese heading, the server's words, each bad field, what is allowed now. */
export function problemBox(err) {
  if (!err || err.status === undefined) {
    console.error(err);
    return h(
      'div.problem',
      { role: 'alert' },
      h('strong', {}, '出现意外错误，请刷新页面后重试。'),
      h('small.en', {}, ' Something unexpected went wrong.'),
    );
  }
  const allowed = err.problem?.allowed ?? err.problem?.allowedCommands;
  // A validation detail only repeats the field reasons in English; they are shown in Chinese by their inputs or below.
  const all = Array.isArray(err.problem?.errors) ? err.problem.errors : [];
  const repeatsFields = all.length > 0 && err.detail === all.map((f) => `${f.field}: ${f.reason}`).join('; ');
  return h(
    'div.problem',
    { role: 'alert', dataset: { status: String(err.status), code: err.code ?? '' } },
    h('strong', {}, err.heading),
    HINTS[err.code] ? h('p.hint', {}, HINTS[err.code]) : null,
    err.detail && !repeatsFields ? h('p.detail', {}, err.detail) : null,
    err.fields.length
      ? h(
          'ul',
          {},
          err.fields.map((f) =>
            h(
              'li',
              {},
              h('b', {}, label(FIELDS, f.field)),
              f.field in FIELDS ? h('small.en', {}, ` ${f.field}`) : null,
              '：',
              reasonText(f.reason),
            ),
          ),
        )
      : null,
    Array.isArray(allowed) && allowed.length
      ? h(
          'p.allowed',
          {},
          '当前可进行：',
          allowed.map((c) => label(COMMANDS, typeof c === 'string' ? c : c.command)).join('、'),
        )
      : null,
    err.code ? h('small.code', {}, `错误代码 ${err.code}`) : null,
  );
}

/** Puts each field problem next to its input ([data-field]); returns the problems no input took. */
export function markFields(form, err) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('.invalid').forEach((e) => e.classList.remove('invalid'));
  const rest = [];
  for (const f of err?.fields ?? []) {
    // The input of the field itself, else of the nearest enclosing one (risks[0].severity → risks, facts.x.y → facts).
    const owner = ancestors(f.field)
      .map((p) => form.querySelector(`[data-field="${CSS.escape(p)}"]`))
      .find(Boolean);
    if (!owner) {
      rest.push(f);
      continue;
    }
    owner.classList.add('invalid');
    const where = owner.dataset.field === f.field ? '' : `${f.field}：`;
    const holder = owner.matches('fieldset') ? owner : owner.closest('label, .row');
    holder?.append(h('span.field-error', {}, reasonText(f.reason, where)));
  }
  return rest;
}

/** a.b[2].c → [a.b[2].c, a.b[2], a.b, a]. */
function ancestors(field) {
  const out = [field];
  for (let p = field; ;) {
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) return out;
    p = p.slice(0, cut);
    out.push(p);
  }
}

export const loading = () => h('p.muted', {}, '正在加载… ', h('small.en', {}, 'Loading'));

export function pager(page, pageSize, total, go) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h(
    'div.pager',
    {},
    h('button', { type: 'button', disabled: page <= 1, onclick: () => go(page - 1) }, '上一页'),
    h('span', {}, `第 ${page} / ${pages} 页，共 ${total} 条`),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => go(page + 1) }, '下一页'),
  );
}
