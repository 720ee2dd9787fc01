/** RFC 9457 problem details with Chinese titles; every client error leaves through here. */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `materials.0.fileIds`. */
  field: string;
  message: string;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly code?: string,
  ) {
    super(detail);
  }

  toJSON(instance?: string) {
    return {
      type: this.code ? `urn:yiwang:problem:${this.code}` : 'about:blank',
      title: this.title,
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.code ? { code: this.code } : {}),
      ...(this.errors.length ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors: FieldError[] = [], code?: string) =>
  new Problem(400, '请求参数有误', detail, errors, code);

/** Several fields are wrong: the detail names each, and `errors` lists them. */
export const fieldErrors = (errors: FieldError[], code?: string) =>
  badRequest(errors.map((e) => `${e.field}：${e.message}`).join('；'), errors, code);

/** One field is wrong: the message names it. */
export const fieldError = (field: string, message: string, code?: string) =>
  badRequest(`${field}：${message}`, [{ field, message }], code);

export const unauthorized = (detail = '请先登录') => new Problem(401, '未登录或登录已失效', detail);
export const forbidden = (detail = '当前角色无权执行此操作') => new Problem(403, '无权操作', detail);
/** Also the answer across data scopes: we do not confirm that a record exists elsewhere. */
export const notFound = (what = '记录') => new Problem(404, '未找到', `${what}不存在或不在您的数据范围内`);
export const conflict = (detail: string, code?: string) => new Problem(409, '操作冲突', detail, [], code);
/**
 * 409 `stale_version`: the record changed since the client read it (a write on its version matched no
 * row). `what` names the record (办件, 计划); the versions are named when known.
 */
export function staleVersion(what: string, versions?: { current: number; submitted?: number }): Problem {
  const known = versions
    ? `（当前版本 ${versions.current}${versions.submitted === undefined ? '' : `，您提交的版本 ${versions.submitted}`}）`
    : '';
  return conflict(`${what}已被他人修改${known}，请刷新后重试`, 'stale_version');
}
export const unprocessable = (detail: string, errors: FieldError[] = [], code?: string) =>
  new Problem(422, '业务规则不允许', detail, errors, code);
export const tooManyRequests = (detail: string) => new Problem(429, '请求过于频繁', detail);

/** Postgres error codes that are the client's fault, mapped to problems (never a 500). */
export function problemFromDatabase(err: unknown): Problem | undefined {
  const code = (err as { code?: unknown })?.code;
  if (code === '23505') return conflict('记录已存在（唯一性冲突）', 'unique_violation');
  if (code === '23503') return badRequest('引用的记录不存在', [], 'foreign_key_violation');
  if (code === '40001' || code === '40P01') return conflict('并发冲突，请重试', 'serialization_failure');
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003')
    return badRequest('参数格式有误', [], 'invalid_text_representation');
  return undefined;
}
