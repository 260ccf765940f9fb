// Command forms built from the API's own OpenAPI document (/docs-json), shared by cases and households.
import { api } from './api.js';
import { h } from './dom.js';
import { ENUM_VALUES, FIELDS, label } from './labels.js';

let openApi = null;

/** The JSON body schema of `POST <path>` (OpenAPI path, e.g. /api/cases/{id}/accept), or null when unknown. */
export async function bodySchema(path) {
  openApi ??= api('/docs-json')
    .then((r) => r.data)
    .catch(() => null);
  const doc = await openApi;
  const body = doc?.paths?.[path]?.post?.requestBody?.content?.['application/json']?.schema;
  if (!body) return null;
  const ref = body.$ref?.split('/').pop();
  return ref ? doc.components.schemas[ref] : body;
}

const parseJson = (text) => {
  if (text.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: '不是有效的 JSON' };
  }
};

/** An example item for a list of objects, so the JSON hint shows every field the server expects. */
function exampleOf(spec) {
  if (spec.enum) return spec.enum[0];
  switch (spec.type) {
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return 0;
    case 'array':
      return spec.items ? [exampleOf(spec.items)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(spec.properties ?? {}).map(([k, v]) => [k, exampleOf(v)]));
    default:
      return spec.format === 'date' ? 'YYYY-MM-DD' : '…';
  }
}

/**
 * One input for one body property; read() gives the value to send or a reason it is wrong.
 * opts: labels (names → Chinese), value (initial), choices ([[value, text]] for a select),
 * datalist (suggestions), hint (small print under the input), path (field path prefix for nested objects).
 */
export function fieldInput(name, spec, required, opts = {}) {
  const path = opts.path ? `${opts.path}.${name}` : name;
  const labels = opts.labels ?? FIELDS;
  const text = `${labels[path] ?? labels[name] ?? FIELDS[name] ?? name}${required ? ' *' : '（可选）'}`;
  let input;
  let read;
  let extra = null;
  let hint = opts.hint ?? null;
  if (spec.type === 'object' && spec.properties && spec.additionalProperties === false) {
    // A small object (a cadre, a measure): one input per property, field errors land on each.
    const req = new Set(spec.required ?? []);
    const parts = Object.entries(spec.properties).map(([k, v]) =>
      fieldInput(k, v, req.has(k), { labels: opts.labels, path, ...(opts.nested?.[k] ?? {}) }),
    );
    const box = h(
      'fieldset.nested',
      { dataset: { field: path } },
      h('legend', {}, text),
      parts.map((p) => p.label),
    );
    return {
      name,
      label: box,
      read: () => {
        const value = {};
        for (const p of parts) {
          const v = p.read();
          if (v.error) return { error: v.error, field: v.field ?? `${path}.${p.name}` };
          if (v.value !== undefined) value[p.name] = v.value;
        }
        return { value: Object.keys(value).length ? value : undefined };
      },
    };
  }
  if (opts.choices) {
    input = h(
      'select',
      { name: path },
      required ? null : h('option', { value: '' }, '不填'),
      opts.choices.map(([v, t]) => h('option', { value: v }, t)),
    );
    if (opts.value !== undefined) input.value = opts.value;
    read = () => ({ value: input.value || undefined });
  } else if (spec.type === 'boolean') {
    input = h(
      'select',
      { name: path },
      h('option', { value: '' }, '不填'),
      h('option', { value: 'true' }, '是'),
      h('option', { value: 'false' }, '否'),
    );
    read = () => ({ value: input.value === '' ? undefined : input.value === 'true' });
  } else if (spec.enum) {
    input = h(
      'select',
      { name: path },
      required ? null : h('option', { value: '' }, '不填'),
      spec.enum.map((v) => h('option', { value: v }, label(ENUM_VALUES, v))),
    );
    read = () => ({ value: input.value || undefined });
  } else if (spec.type === 'integer' || spec.type === 'number') {
    input = h('input', { name: path, type: 'number', step: 1, min: spec.minimum, max: spec.maximum });
    read = () => {
      if (input.value === '') return { value: undefined };
      const n = Number(input.value);
      return Number.isInteger(n) ? { value: n } : { error: '请填写整数' };
    };
  } else if (spec.type === 'object' || spec.type === 'array') {
    input = h('textarea', { name: path, rows: spec.type === 'array' ? 6 : 8, spellcheck: false });
    if (opts.value !== undefined) input.value = opts.value;
    if (spec.type === 'array') {
      hint ??= ['请填写 JSON 列表，每项一个对象，例如：', h('code', {}, JSON.stringify([exampleOf(spec.items ?? {})]))];
      if (!required) hint = [hint, '；没有可留空。'];
    }
    read = () => {
      const v = parseJson(input.value);
      if (v.value !== undefined && spec.type === 'array' && !Array.isArray(v.value))
        return { error: '须为 JSON 列表（以 [ 开头）' };
      return v;
    };
  } else {
    const long = (spec.maxLength ?? 0) > 100;
    const isDate = spec.format === 'date' || /On$/.test(name);
    input = long
      ? h('textarea', { name: path, rows: 3, maxLength: spec.maxLength })
      : h('input', { name: path, type: isDate ? 'date' : 'text', maxLength: spec.maxLength });
    if (opts.value !== undefined) input.value = opts.value;
    if (opts.datalist) {
      const listId = `list-${Math.random().toString(36).slice(2)}`;
      input.setAttribute('list', listId);
      extra = h(
        'datalist',
        { id: listId },
        opts.datalist.map((c) => h('option', { value: c })),
      );
    }
    // Some texts may be empty but must be sent ("no needs found" is a finding too).
    read = () => ({ value: input.value.trim() === '' ? (opts.sendEmpty ? '' : undefined) : input.value.trim() });
  }
  input.dataset.field = path;
  return { name, read, label: h('label', {}, text, input, extra, hint ? h('small.hint', {}, hint) : null) };
}

/** Reads every input; the first problem found in the browser comes back as a field error. */
export function readBody(inputs) {
  const body = {};
  for (const i of inputs) {
    const v = i.read();
    if (v.error) return { error: { field: v.field ?? i.name, reason: v.error } };
    if (v.value !== undefined) body[i.name] = v.value;
  }
  return { body };
}
