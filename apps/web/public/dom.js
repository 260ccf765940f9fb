// A tiny element builder: h('tag.class', {attrs, on…}, children…). Text is always set as text, never as HTML.
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  // Children first, so that a select's value can pick one of its options.
  append(el, children);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && key !== 'list' && key !== 'form') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Chinese label with the English in small print. */
export const bi = (zh, en) => (en ? [zh, ' ', h('small.en', {}, en)] : zh);

/** The page's element with this id; index.html always has it, so a missing one is a bug worth an error. */
export function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el;
}

export function mount(children) {
  const view = byId('view');
  view.replaceChildren(...[children].flat());
  return view;
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let flashTimer;

export function flash(message, kind = 'ok') {
  const box = byId('flash');
  box.replaceChildren(h(`div.flash.${kind}`, {}, message));
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => box.replaceChildren(), 6000);
}

const CHINA = { timeZone: 'Asia/Shanghai', hour12: false };
export const fmtTime = (iso) =>
  iso
    ? new Date(iso).toLocaleString('zh-CN', {
        ...CHINA,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';
export const fmtFen = (fen) =>
  typeof fen === 'number'
    ? `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
    : '—';
export const short = (hash) => (hash ? `${hash.slice(0, 10)}…` : '—');
