import { api, download, query, session } from './api.js';
import { bi, flash, fmtTime, h, mount, short } from './dom.js';
import { EVENTS, actorText, label } from './labels.js';
import { loading, pager, problemBox } from './ui.js';

const PAGE_SIZE = 50;
const FILTERS = ['case', 'household', 'actor', 'unit', 'type', 'from', 'to'];

/** 审计: the audit trail with filters and exports, and the ledger digest and verification. */
export async function auditView(params) {
  const f = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? '']));
  const page = Number(params.get('page') ?? 1) || 1;
  const go = (next) => {
    location.hash = `#/audit${query({ ...next, page: next.page > 1 ? next.page : undefined })}`;
  };
  const list = h('div', {}, loading());
  const ledger = h(
    'section.card.ledger',
    {},
    h('h2', {}, bi('账本完整性', 'Ledger integrity')),
    h('div.digest', {}, loading()),
    h('div.verify'),
  );
  const input = (name, text, attrs = {}) => h('label', {}, text, h('input', { name, value: f[name], ...attrs }));
  const form = h(
    'form.filters',
    {
      onsubmit: (e) => {
        e.preventDefault();
        go(Object.fromEntries(FILTERS.map((k) => [k, e.target[k].value.trim()])));
      },
    },
    input('case', '案件编号', { size: 14 }),
    input('household', '帮扶户编号', { size: 14 }),
    input('actor', '操作人编号', { size: 14 }),
    input('unit', '单位代码', { size: 12, placeholder: 'STREET_XIYI' }),
    input('type', '事件类型', { size: 14, placeholder: 'CaseApproved' }),
    input('from', '起（含）', { size: 20, placeholder: '2020-11-16T00:00:00Z' }),
    input('to', '止（不含）', { size: 20, placeholder: '2020-11-23T00:00:00Z' }),
    h('button', { type: 'submit' }, '查询'),
  );
  const exportQs = (format) => `/api/audit/events${query({ ...f, format })}`;
  const exporter = (format, name) =>
    h(
      'a.button.download',
      {
        href: '#',
        dataset: { format },
        onclick: async (e) => {
          e.preventDefault();
          try {
            flash(`已下载 ${await download(exportQs(format), name)}`);
          } catch (err) {
            list.prepend(problemBox(err));
          }
        },
      },
      `下载 ${format.toUpperCase()}`,
    );
  mount(
    h(
      'section',
      {},
      h(
        'div.head',
        {},
        h('h1', {}, bi('审计', 'Audit trail')),
        h('div.exports', {}, exporter('csv', 'audit.csv'), exporter('xlsx', 'audit.xlsx')),
      ),
      session.get()?.user.role === 'inspector' ? ledger : null,
      h('section.card', {}, h('h2', {}, bi('审计记录', 'Events')), form, list),
    ),
  );
  if (session.get()?.user.role === 'inspector') loadLedger(ledger);
  let data;
  try {
    ({ data } = await api(`/api/audit/events${query({ ...f, page, pageSize: PAGE_SIZE, order: 'desc' })}`));
  } catch (err) {
    list.replaceChildren(problemBox(err));
    return;
  }
  list.replaceChildren(
    data.items.length
      ? h(
          'table.grid.audit',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['序号', '时间', '事件', '对象', '操作人', '理由 / 条款', '哈希'].map((t) => h('th', {}, t)),
            ),
          ),
          h(
            'tbody',
            {},
            data.items.map((e) =>
              h(
                'tr',
                { dataset: { type: e.type } },
                h('td', {}, e.globalSeq),
                h('td', {}, fmtTime(e.recordedAt)),
                h('td', {}, label(EVENTS, e.type), h('small.en', {}, ` ${e.type}`)),
                h(
                  'td',
                  {},
                  e.caseId
                    ? h('a', { href: `#/cases/${e.caseId}` }, `案件 ${e.caseId.slice(0, 8)}`)
                    : e.householdId
                      ? `帮扶户 ${e.householdId.slice(0, 8)}`
                      : e.streamId,
                ),
                h('td', {}, actorText(e.actor)),
                h('td', {}, [e.reason, e.clause && `条款 ${e.clause}`].filter(Boolean).join('；') || '—'),
                h('td', { title: e.hash }, h('code', {}, short(e.hash))),
              ),
            ),
          ),
        )
      : h('p.empty', {}, '没有符合条件的记录。'),
    pager(data.page, data.pageSize, data.total, (p) => go({ ...f, page: p })),
  );
}

async function loadLedger(box) {
  const digestBox = box.querySelector('.digest');
  const verifyBox = box.querySelector('.verify');
  try {
    const { data } = await api('/api/ledger/digest');
    const d = data.digest;
    digestBox.replaceChildren(
      h('p', {}, `截至 ${fmtTime(data.takenAt)} 共 ${d.eventCount} 条事件。请将下列摘要另行保存（系统外），日后核对：`),
      h('pre.digest-json', {}, JSON.stringify(d, null, 2)),
    );
  } catch (err) {
    digestBox.replaceChildren(problemBox(err));
  }
  const earlier = h('textarea', {
    name: 'against',
    rows: 3,
    placeholder: '可选：粘贴此前保存的摘要 JSON，核对此后没有被改动',
    spellcheck: false,
  });
  const run = h(
    'button.primary',
    {
      type: 'button',
      onclick: async () => {
        run.disabled = true;
        const result = h('div.verify-result', {}, loading());
        verifyBox.querySelector('.verify-result')?.remove();
        verifyBox.append(result);
        try {
          let body = {};
          if (earlier.value.trim()) {
            try {
              const parsed = JSON.parse(earlier.value);
              // Either the whole answer of GET /api/ledger/digest or just its digest.
              body = { digest: parsed.digest ?? parsed };
            } catch {
              result.replaceChildren(
                h('div.problem', { role: 'alert' }, h('strong', {}, '摘要不是有效的 JSON，请粘贴完整的摘要。')),
              );
              return;
            }
          }
          const { data: r } = await api('/api/ledger/verify', { method: 'POST', body });
          const first = r.problems[0];
          result.replaceChildren(
            r.ok
              ? h(
                  'div.verdict.ok',
                  {},
                  h('strong', {}, '✓ 校验通过'),
                  ` 已核对 ${r.checkedEvents} 条事件、${r.checkedStreams} 个流，未发现篡改。`,
                )
              : h(
                  'div.verdict.bad',
                  { role: 'alert' },
                  h('strong', {}, `✗ 校验未通过：发现 ${r.problems.length} 处问题`),
                  h(
                    'p',
                    {},
                    '第一处：',
                    first.streamId ? `${first.streamId} 第 ${first.version} 条` : '',
                    ' — ',
                    first.message ?? first.kind,
                  ),
                ),
          );
        } catch (err) {
          result.replaceChildren(problemBox(err));
        } finally {
          run.disabled = false;
        }
      },
    },
    '校验账本',
  );
  verifyBox.replaceChildren(h('label', {}, '与此前摘要核对（可选）', earlier), run);
}
