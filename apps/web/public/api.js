// The API client: bearer token from sessionStorage, Problem Details turned into messages a caseworker can act on.
const KEY = 'casework.session';

export const session = {
  get: () => JSON.parse(sessionStorage.getItem(KEY) ?? 'null'),
  set: (value) => sessionStorage.setItem(KEY, JSON.stringify(value)),
  clear: () => sessionStorage.removeItem(KEY),
};

const HEADINGS = {
  400: '填写内容有误，请按提示修改',
  401: '登录已失效，请重新登录',
  403: '您无权进行此操作',
  404: '未找到该记录',
  409: '当前状态下不能进行此操作',
  412: '该记录已被他人更新，请刷新后重试',
  413: '内容过大',
  422: '请求无法处理',
  428: '缺少版本信息，请刷新后重试',
  429: '操作过于频繁，请稍后再试',
};

/** An API answer that was not 2xx, with a Chinese heading, the server's own words and the bad fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    const heading = HEADINGS[status] ?? (status >= 500 ? '系统暂时无法处理，请稍后再试' : `请求未成功（${status}）`);
    super(heading);
    this.status = status;
    this.problem = problem ?? {};
    this.heading = heading;
    // Never a stack trace: only the server's title and detail, which are written for people.
    this.detail = status >= 500 ? '' : [this.problem.detail ?? this.problem.title].filter(Boolean).join('');
    this.fields = Array.isArray(this.problem.errors) ? this.problem.errors : [];
    this.code = this.problem.code ?? null;
  }
}

/**
 * @typedef {{ method?: string, body?: unknown, headers?: Record<string, string> }} ApiOptions
 * @typedef {{ data: any, etag: string | null }} ApiAnswer `data` is the JSON the API answered (shapes: /docs).
 */

/**
 * Calls the API and reads its JSON answer; a non-2xx answer is thrown as an ApiError.
 * @param {string} path
 * @param {ApiOptions} [options]
 * @returns {Promise<ApiAnswer>}
 */
export async function api(path, options = {}) {
  const res = await send(path, options);
  const data = res.status === 204 ? null : await res.json();
  return { data, etag: res.headers.get('etag') };
}

/**
 * @param {string} path
 * @param {ApiOptions} options
 * @returns {Promise<Response>} a 2xx response (anything else is thrown as an ApiError)
 */
async function send(path, { method = 'GET', body, headers = {} }) {
  const s = session.get();
  /** @type {Record<string, string>} */
  const all = { accept: 'application/json', ...headers };
  if (s?.token) all.authorization = `Bearer ${s.token}`;
  if (body !== undefined) all['content-type'] = 'application/json';
  let res;
  try {
    // no-store: a case's ETag is its version, yet its body (allowed commands) depends on who asks.
    res = await fetch(path, {
      method,
      headers: all,
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试。 The server cannot be reached.' });
  }
  if (res.status === 401 && s) {
    session.clear();
    location.hash = '#/login';
  }
  if (!res.ok) {
    let problem;
    try {
      problem = await res.json();
    } catch {
      problem = null;
    }
    throw new ApiError(res.status, problem);
  }
  return res;
}

/** Downloads a file the API makes (CSV, XLSX): the bearer token rides in a header, so no plain link can fetch it. */
/**
 * @param {string} path
 * @param {string} fallbackName
 */
export async function download(path, fallbackName) {
  const res = await send(path, { headers: { accept: '*/*' } });
  const disposition = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = utf8?.[1] ? decodeURIComponent(utf8[1]) : (plain?.[1] ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export const query = (params) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};
