import type { FormInstance } from 'antd';
import { t } from './i18n';
import { takeEarly } from './early';

/** RFC 9457 problem details as the server sends them. */
export interface FieldError {
  field: string;
  message: string;
}
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail: string;
  code?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Map the problem's `errors` onto this form's fields. */
  form?: FormInstance;
  /** Strip this prefix from error field paths before mapping (e.g. `guide.` for `{guide}` bodies). */
  fieldPrefix?: string;
  /** Do not show the problem's detail as a message (the caller shows it). */
  silent?: boolean;
  /** A 401 is an expected answer (login, session probe): do not redirect to /login. */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
}

// The CSRF token lives only in memory: it is re-read from /api/auth/me after a reload.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Notifier = (text: string) => void;
let notifyError: Notifier = (text) => console.error(text);
/** The app registers antd's message API here (App.useApp), so messages follow the theme. */
export function setErrorNotifier(fn: Notifier): void {
  notifyError = fn;
}

let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') {
    const next = window.location.pathname + window.location.search;
    window.location.assign(`/login?next=${encodeURIComponent(next)}`);
  }
};
/** The router registers a client-side navigation for 401s. */
export function setUnauthorizedHandler(fn: () => void): void {
  onUnauthorized = fn;
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** `materials.0.name` → ['materials', 0, 'name'] (antd NamePath). */
export function toNamePath(field: string, prefix?: string): (string | number)[] {
  const f = prefix && field.startsWith(prefix) ? field.slice(prefix.length) : field;
  return f
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && ('detail' in v || 'title' in v);
}

async function request<T>(method: string, path: string, body: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...opts.headers };
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    const url = path + buildQuery(opts.query);
    res = await ((method === 'GET' && !opts.headers && takeEarly(url)) ||
      fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : multipart ? (body as FormData) : JSON.stringify(body),
        credentials: 'same-origin',
        signal: opts.signal,
      }));
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    const problem: Problem = { title: t('common.networkError'), status: 0, detail: t('common.networkError') };
    if (!opts.silent) notifyError(problem.detail);
    throw new ApiError(0, problem);
  }

  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  const data: unknown = type.includes('json') ? await res.json().catch(() => null) : await res.text().catch(() => '');
  if (res.ok) return data as T;

  const problem: Problem = isProblem(data)
    ? { ...data, detail: data.detail || data.title }
    : { title: res.statusText, status: res.status, detail: t('common.serverError', { status: res.status }) };

  if (res.status === 401 && !opts.noAuthRedirect) {
    csrfToken = null;
    if (!opts.silent) notifyError(problem.detail);
    onUnauthorized();
    throw new ApiError(res.status, problem);
  }
  if (opts.form && problem.errors?.length) {
    opts.form.setFields(
      problem.errors.map((e) => ({ name: toNamePath(e.field, opts.fieldPrefix), errors: [e.message] })),
    );
  }
  if (!opts.silent) notifyError(problem.detail);
  throw new ApiError(res.status, problem);
}

/** An uploaded file as `POST /api/files` answers. */
export interface UploadedFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
}

/** A random UUID (v4); works outside secure contexts too. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const api: {
  get: <T>(path: string, opts?: RequestOptions) => Promise<T>;
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => Promise<T>;
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => Promise<T>;
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => Promise<T>;
  del: <T>(path: string, opts?: RequestOptions) => Promise<T>;
  upload: (file: Blob, name?: string, opts?: RequestOptions) => Promise<UploadedFile>;
  postFile: <T>(path: string, file: Blob, name?: string, opts?: RequestOptions) => Promise<T>;
} = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body ?? {}, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
  /** Upload one file as multipart field `file` to `POST /api/files`. */
  upload: (file: Blob, name?: string, opts?: RequestOptions) =>
    api.postFile<UploadedFile>('/api/files', file, name, opts),
  /** POST one file as multipart field `file`. */
  postFile: <T>(path: string, file: Blob, name?: string, opts?: RequestOptions) => {
    const fd = new FormData();
    fd.append('file', file, name ?? (file instanceof File ? file.name : 'file'));
    return request<T>('POST', path, fd, opts);
  },
};
