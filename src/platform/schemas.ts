import { z } from 'zod';

/* eslint-disable no-control-regex -- these patterns exist to find control characters */
/** Control characters (C0, DEL, C1) other than tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** The same, tab and line breaks included (a single-line field). */
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F-\u009F]/;
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
const NO_CONTROL_OR_BREAK = /^[^\u0000-\u001F\u007F-\u009F]*$/;
/* eslint-enable no-control-regex */

/**
 * The dotted path of the first string in `value` (a parsed query, path or body) that holds a control character,
 * `''` when `value` itself is such a string, `null` when there is none. Tabs and line breaks count only when
 * `lineBreaksAllowed` is false. Object keys are checked as well as values.
 */
export function controlCharacterAt(value: unknown, lineBreaksAllowed: boolean): string | null {
  const bad = lineBreaksAllowed ? CONTROL : CONTROL_OR_BREAK;
  const walk = (v: unknown, path: string, depth: number): string | null => {
    if (typeof v === 'string') return bad.test(v) ? path : null;
    if (!v || typeof v !== 'object' || depth > 64) return null;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const at = walk(v[i], path ? `${path}.${i}` : String(i), depth + 1);
        if (at !== null) return at;
      }
      return null;
    }
    for (const key of Object.keys(v)) {
      const here = path ? `${path}.${key}` : key;
      if (bad.test(key)) return here;
      const at = walk((v as Record<string, unknown>)[key], here, depth + 1);
      if (at !== null) return at;
    }
    return null;
  };
  return walk(value, '', 0);
}

/**
 * A string a person types. Single-line by default: no control characters at all (names, codes, search terms);
 * `{ multiline: true }` lets line breaks and tabs through (opinions, reasons, notes). Every string a route
 * receives is also checked before its schema runs (platform/http.ts), so this is what a field declares.
 */
export function text(opts: { multiline?: boolean } = {}) {
  return opts.multiline
    ? z.string().regex(NO_CONTROL, { error: '不能含有控制字符', abort: true })
    : z.string().regex(NO_CONTROL_OR_BREAK, { error: '不能含有换行或控制字符', abort: true });
}

/** `?download=true`: send a file as an attachment rather than inline. */
export const DownloadQuery = z.object({ download: z.stringbool().optional().describe('true：以附件形式下载') });

/** Shared zod pieces: paging, dates, problem responses. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, '页码从 1 开始').max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20),
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(item) });

/** A calendar date 'YYYY-MM-DD' that really exists. */
export const IsoDate = z
  .string()
  // abort: a malformed date is reported once, not also as "does not exist".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '日期不存在');

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    /** The problem's short code (the last part of `type`), for clients that branch on it. */
    code: z.string().optional(),
    /** The request path the problem is about. */
    instance: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .describe('RFC 9457 problem details');

/** Standard error responses for an authenticated route. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
};

/** A UUID as the database stores ids (checked before a lookup, so a malformed id is simply not found). */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const IdParam = z.object({ id: z.string().uuid('ID 格式有误') });
