import { z } from 'zod';

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
