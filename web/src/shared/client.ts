/**
 * The web app's one way to call the API: an openapi-fetch client typed by the generated `paths`
 * (`npm run api:gen` writes them from `/api/openapi.json`). Paths, parameters, bodies and answers are
 * checked against the server's route schemas; no page writes an `/api/…` URL or a response shape by hand.
 *
 *   const view = await api.get('/api/cases/{id}', { params: { path: { id } }, silent: true });
 *   type CaseView = Res<'/api/cases/{id}'>;
 *
 * Every call sends the session cookie and, for writes, the CSRF header; a problem+json answer becomes an
 * `ApiError` (with the problem's `code` and field `errors`), is shown as a message unless `silent`, and a 401
 * sends the user to the login page unless `noAuthRedirect`. File links and multipart uploads use `apiUrl`
 * and `api.postFile`, still on typed paths.
 */
import type { FormInstance } from 'antd';
import createClient, { createFinalURL, defaultPathSerializer, type MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './api-gen/schema';
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

/** How the app treats one call's answer (beside the typed `params` and `body`). */
export interface CallOptions {
  /** Map the problem's `errors` onto this form's fields. */
  form?: FormInstance;
  /** Strip this prefix from error field paths before mapping (e.g. `guide.` for `{guide}` bodies). */
  fieldPrefix?: string;
  /** Do not show the problem's detail as a message (the caller shows it). */
  silent?: boolean;
  /** A 401 is an expected answer (login, session probe): do not redirect to /login. */
  noAuthRedirect?: boolean;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `Idempotency-Key`, `Prefer`). */
  headers?: Record<string, string>;
}

// ---- Types named from the schema -------------------------------------------------------------------------

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type SuccessCode = 200 | 201 | 202 | 204;
/** The API paths that answer `M`. */
export type PathsWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Op<P extends keyof paths, M extends Method> = paths[P][M];
/** The JSON a successful `M path` answers, e.g. `Res<'/api/cases/{id}'>`. */
export type Res<P extends PathsWith<M>, M extends Method = 'get'> =
  Op<P, M> extends { responses: infer R } ? { [K in keyof R & SuccessCode]: Json<R[K]> }[keyof R & SuccessCode] : never;
/** The JSON body `M path` takes, e.g. `Body<'/api/cases', 'post'>`. */
export type Body<P extends PathsWith<M>, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** The query parameters `M path` takes, e.g. `QueryOf<'/api/cases'>`. */
export type QueryOf<P extends PathsWith<M>, M extends Method = 'get'> =
  Op<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The paged lists: `GET path?…&page&pageSize` → `{ total, page, pageSize, items }`. */
export type PagedPath = {
  [P in PathsWith<'get'>]: Res<P> extends { items: unknown[]; total: number } ? P : never;
}[PathsWith<'get'>];
/** One row of a paged list, e.g. `Row<'/api/staff'>`. */
export type Row<P extends PagedPath> = Res<P> extends { items: (infer I)[] } ? I : never;

// ---- Session-wide state ----------------------------------------------------------------------------------

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

// ---- Helpers ---------------------------------------------------------------------------------------------

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** `?a=1&b=x`, leaving out empty values (an empty filter means "any"). */
export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) params.append(k, String(x));
    else params.set(k, String(v));
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

/** A random UUID (v4); works outside secure contexts too. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- The client ------------------------------------------------------------------------------------------

/** The same request as `fetchEarly` names it: path and query. */
const earlyKey = (url: string) => {
  const u = new URL(url, 'http://local');
  return u.pathname + u.search;
};

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const client = createClient<paths>({
  // The page's own origin (a Request needs an absolute address outside a browser, e.g. in tests).
  baseUrl: typeof location === 'undefined' ? '' : location.origin,
  credentials: 'same-origin',
  headers: { Accept: 'application/json, application/problem+json' },
  querySerializer: (query) => buildQuery(query as Record<string, QueryValue>).slice(1),
  // A GET the app started early (`fetchEarly`) takes that response; the global is read at call time, so a
  // test can stub it.
  fetch: (request) => (request.method === 'GET' && takeEarly(earlyKey(request.url))) || globalThis.fetch(request),
});
client.use({
  onRequest({ request }) {
    if (WRITES.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
    return request;
  },
});

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type Init<P extends PathsWith<M>, M extends Method> = MaybeOptionalInit<paths[P], M>;
/** The init argument: required only when the path has path parameters or a required body. */
type InitArg<I> =
  RequiredKeys<NonNullable<I>> extends never
    ? [init?: NonNullable<I> & CallOptions]
    : [init: NonNullable<I> & CallOptions];

async function send<T>(
  method: Method,
  path: string,
  init: (CallOptions & Record<string, unknown>) | undefined,
): Promise<T> {
  const { form, fieldPrefix, silent, noAuthRedirect, ...rest } = init ?? {};
  const options: Record<string, unknown> = { ...rest };
  // Writes always carry a JSON body (routes whose fields are all optional still expect an object).
  if (method !== 'get' && method !== 'delete' && options.body === undefined) options.body = {};
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await client.request(method, path as never, options as never);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    const problem: Problem = { title: t('common.networkError'), status: 0, detail: t('common.networkError') };
    if (!silent) notifyError(problem.detail);
    throw new ApiError(0, problem);
  }
  const { response } = result;
  if (response.ok) return result.data as T;

  const data = result.error;
  const problem: Problem = isProblem(data)
    ? { ...data, detail: data.detail || data.title }
    : {
        title: response.statusText,
        status: response.status,
        detail: t('common.serverError', { status: response.status }),
      };

  if (response.status === 401 && !noAuthRedirect) {
    csrfToken = null;
    if (!silent) notifyError(problem.detail);
    onUnauthorized();
    throw new ApiError(response.status, problem);
  }
  if (form && problem.errors?.length) {
    form.setFields(problem.errors.map((e) => ({ name: toNamePath(e.field, fieldPrefix), errors: [e.message] })));
  }
  if (!silent) notifyError(problem.detail);
  throw new ApiError(response.status, problem);
}

function caller<M extends Method>(method: M) {
  return <P extends PathsWith<M>>(path: P, ...init: InitArg<Init<P, M>>): Promise<Res<P, M>> =>
    send<Res<P, M>>(method, path, init[0] as (CallOptions & Record<string, unknown>) | undefined);
}

/** An uploaded file as `POST /api/files` answers. */
export type UploadedFile = Res<'/api/files', 'post'>;

/** Paths that take one multipart file (field `file`). */
type UploadPath = PathsWith<'post'>;

export const api = {
  get: caller('get'),
  post: caller('post'),
  put: caller('put'),
  patch: caller('patch'),
  del: caller('delete'),
  /** POST one file as multipart field `file` (the route schema does not describe multipart bodies). */
  postFile: <P extends UploadPath>(
    path: P,
    file: Blob,
    init?: { params?: Init<P, 'post'> extends { params?: infer X } ? X : never; name?: string } & CallOptions,
  ): Promise<Res<P, 'post'>> => {
    const fd = new FormData();
    fd.append('file', file, init?.name ?? (file instanceof File ? file.name : 'file'));
    const { name: _name, ...rest } = init ?? {};
    return send<Res<P, 'post'>>('post', path, { ...rest, body: fd });
  },
  /** Upload one file to `POST /api/files`. */
  upload: (file: Blob, name?: string, opts?: CallOptions): Promise<UploadedFile> =>
    api.postFile('/api/files', file, { ...opts, name }),
};

/**
 * The URL of a GET path for a link, an `<a download>`, an `<img>` or an `EventSource` (PDF/Excel exports,
 * stored files, streams): `apiUrl('/api/cases/{id}/files/{fileId}', { path: { id, fileId }, query: { download: true } })`.
 */
export function apiUrl<P extends PathsWith<'get'>>(
  path: P,
  ...params: Init<P, 'get'> extends { params: infer X } ? [params: X] : [params?: NonNullable<Init<P, 'get'>>['params']]
): string {
  const p = (params[0] ?? {}) as { path?: Record<string, unknown>; query?: Record<string, QueryValue> };
  return (
    createFinalURL(path, {
      baseUrl: '',
      params: { path: p.path },
      querySerializer: () => '',
      pathSerializer: defaultPathSerializer,
    }) + buildQuery(p.query)
  );
}
