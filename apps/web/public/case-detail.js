import { api, ApiError } from './api.js';
import { bi, flash, fmtFen, fmtTime, h, mount, short } from './dom.js';
import { COMMANDS, ENUM_VALUES, EVENTS, actorText, label } from './labels.js';
import { bodySchema, fieldInput, readBody } from './forms.js';
import { programmeName } from './programmes.js';
import { loading, markFields, problemBox } from './ui.js';

/** 案件详情: state, applicant, eligibility trace, amount, timeline and the commands the caller may issue now. */
export async function caseDetail(id) {
  mount(loading());
  const [{ data: view, etag }, explain, history] = await Promise.all([
    api(`/api/cases/${id}`),
    api(`/api/cases/${id}/explain`).then((r) => r.data),
    api(`/api/cases/${id}/history`).then((r) => r.data),
  ]);
  const message = sessionStorage.getItem('casework.flash');
  if (message) {
    sessionStorage.removeItem('casework.flash');
    flash(message);
  }
  const panel = h('div.command-panel');
  const b = view.beneficiary;
  mount(
    h(
      'article.case',
      { dataset: { caseId: view.id, status: view.status, version: String(view.version) } },
      h('p.crumbs', {}, h('a', { href: '#/cases' }, '← 案件列表')),
      h(
        'div.head',
        {},
        h('h1', {}, b.name, h('small', {}, ` ${programmeName(view.programme)}`)),
        h('span.state.big', { dataset: { state: view.status } }, view.statusLabel),
      ),
      h(
        'section.card.actions-card',
        {},
        h('h2', {}, bi('下一步', 'Next steps')),
        view.allowedCommands.length
          ? h(
              'div.commands',
              {},
              view.allowedCommands.map((c) =>
                h(
                  'button.command',
                  {
                    type: 'button',
                    dataset: { command: c.command },
                    onclick: () => openCommand(c, view, etag, explain, panel),
                  },
                  label(COMMANDS, c.command),
                ),
              ),
            )
          : h('p.muted', {}, '您在本环节没有可办理的操作。', h('small.en', {}, ' Nothing for you to do here.')),
        panel,
      ),
      h(
        'div.columns',
        {},
        h(
          'section.card',
          {},
          h('h2', {}, bi('申请信息', 'Application')),
          h(
            'dl',
            {},
            dt('申请人', `${b.name}（${label(ENUM_VALUES, b.kind)}）`),
            dt(b.kind === 'person' ? '身份证号' : '统一社会信用代码', b.idNumber ?? b.creditCode ?? '—'),
            dt('补贴项目', `${explain.programme.nameZh}（${view.programme}）`),
            dt('补贴期间', `${view.period.from} 至 ${view.period.to}`),
            dt('经办单位', actorText(view.openedBy)),
            dt('提交时间', fmtTime(view.openedAt)),
            dt('政策版本', view.policyVersion),
            dt('版本号', String(view.version)),
          ),
          h('details', {}, h('summary', {}, '申请事实 facts'), h('pre', {}, JSON.stringify(view.facts, null, 2))),
        ),
        h(
          'section.card',
          {},
          h(
            'h2',
            {},
            bi('资格审查', 'Eligibility'),
            ' ',
            h(`span.badge.${explain.eligible ? 'ok' : 'danger'}`, {}, explain.eligible ? '符合条件' : '不符合条件'),
          ),
          h(
            'table.grid.trace',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['条件', '事实', '值', '条款', '结果'].map((t) => h('th', {}, t)),
              ),
            ),
            h(
              'tbody',
              {},
              explain.conditions.map((c) =>
                h(
                  'tr',
                  { class: c.passed ? '' : 'failed' },
                  h('td', {}, c.description),
                  h('td', {}, h('code', {}, c.fact)),
                  h('td', {}, h('code', {}, JSON.stringify(c.value))),
                  h('td', {}, c.clause),
                  h('td', {}, c.passed ? '✓ 满足' : '✗ 不满足'),
                ),
              ),
            ),
          ),
          h('h3', {}, bi('补贴金额', 'Amount')),
          h(
            'p.amount',
            {},
            fmtFen(explain.amount?.totalFen),
            ' ',
            h('small', {}, explain.amount?.formula ?? explain.amountRule),
          ),
          explain.decision
            ? h(
                'p',
                {},
                explain.decision.kind === 'approved'
                  ? `已于 ${fmtTime(explain.decision.at)} 依据${explain.decision.clause}审批，金额 ${fmtFen(explain.decision.amountFen)}`
                  : `已于 ${fmtTime(explain.decision.at)} 依据${explain.decision.clause}不予批准：${explain.decision.reason}`,
              )
            : null,
          view.instalments?.length ? instalments(view.instalments) : null,
        ),
      ),
      h('section.card', {}, h('h2', {}, bi('办理记录', 'History')), timeline(history.events)),
      asOfCard(view),
    ),
  );
}

/** 查看历史时点: the case as it stood after a version or at a moment (Beijing time); inspectors' reads are recorded. */
function asOfCard(view) {
  const result = h('div.as-of-result');
  const version = h('input', {
    name: 'asOfVersion',
    type: 'number',
    min: 1,
    max: view.version,
    step: 1,
    value: Math.max(1, view.version - 1),
    dataset: { field: 'version' },
  });
  const at = h('input', { name: 'asOfAt', type: 'datetime-local', step: 1, dataset: { field: 'at' } });
  const by = h(
    'select',
    {
      name: 'asOfBy',
      onchange: () => {
        version.parentElement.hidden = by.value !== 'version';
        at.parentElement.hidden = by.value !== 'at';
      },
    },
    h('option', { value: 'version' }, '按版本号'),
    h('option', { value: 'at' }, '按时间（北京时间）'),
  );
  const form = h(
    'form.as-of.filters',
    {
      onsubmit: async (e) => {
        e.preventDefault();
        markFields(form, null);
        let q;
        if (by.value === 'version') {
          if (!/^[1-9]\d*$/.test(version.value))
            return markFields(form, { fields: [{ field: 'version', reason: '请填写 1 或以上的整数' }] });
          q = `version=${version.value}`;
        } else {
          if (!at.value) return markFields(form, { fields: [{ field: 'at', reason: '请选择时间' }] });
          // The picker has no zone: the district works in Beijing time.
          q = `at=${encodeURIComponent(new Date(`${at.value.length === 16 ? `${at.value}:00` : at.value}+08:00`).toISOString())}`;
        }
        result.replaceChildren(loading());
        try {
          const { data: then } = await api(`/api/cases/${view.id}/as-of?${q}`);
          result.replaceChildren(
            h(
              'div.then',
              { dataset: { status: then.status, version: String(then.version) } },
              h(
                'p',
                {},
                then.asOf ? `${fmtTime(then.asOf)} 时` : `第 ${then.requestedVersion} 版时`,
                '，案件处于 ',
                h('span.state', { dataset: { state: then.status } }, then.statusLabel ?? then.status),
                `（版本 ${then.version}）`,
              ),
              h(
                'dl',
                {},
                dt('补贴期间', then.period ? `${then.period.from} 至 ${then.period.to}` : '—'),
                dt(
                  '发放',
                  then.instalments?.length
                    ? then.instalments.map((i) => `第${i.number}期 ${fmtFen(i.amountFen)}`).join('；')
                    : '—',
                ),
              ),
              h('details', {}, h('summary', {}, '当时的完整记录 JSON'), h('pre', {}, JSON.stringify(then, null, 2))),
            ),
          );
        } catch (err) {
          const rest = markFields(form, err);
          result.replaceChildren(problemBox({ .../** @type {object} */ (err), fields: rest }));
        }
      },
    },
    h('label', {}, '方式', by),
    h('label', {}, `版本号（1–${view.version}）`, version),
    h('label', { hidden: true }, '时间', at),
    h('button', { type: 'submit' }, '查看'),
  );
  return h('section.card.as-of-card', {}, h('h2', {}, bi('查看历史时点', 'As of')), form, result);
}

const dt = (term, value) => [h('dt', {}, term), h('dd', {}, value)];

function instalments(list) {
  return h(
    'table.grid',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['期次', '应发日期', '金额', '状态'].map((t) => h('th', {}, t)),
      ),
    ),
    h(
      'tbody',
      {},
      list.map((i) =>
        h(
          'tr',
          {},
          h('td', {}, String(i.number)),
          h('td', {}, i.dueOn ?? '—'),
          h('td', {}, fmtFen(i.amountFen)),
          h(
            'td',
            {},
            { scheduled: '待发放', disbursed: '已发放', failed: '发放失败', stopped: '已停发' }[i.status] ?? i.status,
          ),
        ),
      ),
    ),
  );
}

function timeline(events) {
  return h(
    'ol.timeline',
    {},
    events.map((e) => {
      const d = e.data ?? {};
      const words = [
        d.reason,
        d.opinion,
        d.note,
        d.summary,
        d.resolution,
        d.finding,
        d.clause && `条款 ${d.clause}`,
        d.reference && `凭证 ${d.reference}`,
      ].filter(Boolean);
      return h(
        'li',
        { dataset: { type: e.type } },
        h('div.when', {}, fmtTime(e.metadata?.recordedAt ?? d.at)),
        h(
          'div.what',
          {},
          h('b', {}, label(EVENTS, e.type)),
          h('small.en', {}, ` ${e.type}`),
          words.length ? h('p', {}, words.join('；')) : null,
        ),
        h('div.who', {}, actorText(e.metadata?.actor)),
        h('div.hash', { title: `hash ${e.hash}\nprev ${e.prevHash}` }, `#${e.version} `, h('code', {}, short(e.hash))),
      );
    }),
  );
}

async function openCommand(cmd, view, etag, explain, panel) {
  const schema = await bodySchema(`/api/cases/{id}/${cmd.route}`);
  const props = schema?.properties ?? {};
  const required = new Set(schema?.required ?? []);
  const names = Object.keys(props);
  const errorBox = h('div');
  const inputs = names.map((name) =>
    fieldInput(
      name,
      props[name],
      required.has(name),
      name === 'clause'
        ? { value: explain.programme.clauses[0] ?? '', datalist: explain.programme.clauses }
        : name === 'facts'
          ? { value: JSON.stringify(view.facts, null, 2) }
          : {},
    ),
  );
  const form = h(
    'form.command-form',
    { novalidate: true, dataset: { command: cmd.command } },
    h('h3', {}, label(COMMANDS, cmd.command), h('small.en', {}, ` ${cmd.command}`)),
    names.length ? inputs.map((i) => i.label) : h('p.muted', {}, '此操作无需填写内容，确认即可。'),
    schema ? null : h('p.muted', {}, '（未能读取表单说明，可直接提交。）'),
    h(
      'div.actions',
      {},
      h('button.primary', { type: 'submit' }, `确认${label(COMMANDS, cmd.command)}`),
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
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await api(`/api/cases/${view.id}/${cmd.route}`, { method: 'POST', body, headers: { 'if-match': etag } });
      sessionStorage.setItem('casework.flash', `已完成：${label(COMMANDS, cmd.command)}`);
      await caseDetail(view.id);
    } catch (err) {
      button.disabled = false;
      const rest = markFields(form, err);
      errorBox.replaceChildren(problemBox({ .../** @type {object} */ (err), fields: rest }));
      if (err instanceof ApiError && err.status === 412)
        errorBox.append(h('button', { type: 'button', onclick: () => caseDetail(view.id) }, '刷新案件'));
    }
  });
  panel.replaceChildren(form);
  form.querySelector('input, textarea, select')?.focus();
}
