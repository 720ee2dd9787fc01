import { z } from 'zod';
import { MAX_WORKDAYS, MAX_YEAR, MIN_YEAR, dateProblem } from './calendar.rules';

/** A real 'YYYY-MM-DD' date within the years the calendar handles; one message per bad value. */
export const CalendarDate = z
  .string({ error: '请填写日期（YYYY-MM-DD）' })
  .superRefine((s, ctx) => {
    const message = dateProblem(s);
    if (message) ctx.addIssue({ code: 'custom', message });
  })
  .meta({ format: 'date', example: '2026-01-05' });

const Year = z.coerce
  .number({ error: '年份应为整数' })
  .int('年份应为整数')
  .min(MIN_YEAR, `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`)
  .max(MAX_YEAR, `年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`);

const Kind = z.enum(['holiday', 'workday'], { error: 'kind 应为 holiday（法定节假日）或 workday（调休上班日）' });
const Name = z.string().trim().min(1, '请填写名称，如 春节、国庆节').max(50, '名称最多 50 个字');
const Notice = z.string().trim().min(1, '文号不能为空').max(100, '文号最多 100 个字').nullable();

export const AddQuery = z.object({
  from: CalendarDate.describe('起算日（不计入），YYYY-MM-DD'),
  days: z
    .string({ error: '请填写工作日天数 days' })
    .regex(/^\d{1,4}$/, `工作日天数应为 0–${MAX_WORKDAYS} 的整数`)
    .transform(Number)
    .pipe(z.number().int().max(MAX_WORKDAYS, `工作日天数最多 ${MAX_WORKDAYS}`))
    .describe('工作日天数'),
});

export const AddResponse = z.object({
  date: z.string().describe('第 N 个工作日'),
  provisional: z.boolean().describe('跨越尚未发布节假日安排的年度，结果可能变化'),
});

export const CountQuery = z.object({
  from: CalendarDate.describe('起始日（不计入）'),
  to: CalendarDate.describe('截止日（计入）'),
});

export const CountResponse = z.object({
  count: z.number().int().describe('(from, to] 内的工作日数；to 早于 from 时为负数'),
  provisional: z.boolean(),
});

export const CalendarDay = z.object({
  date: z.string(),
  kind: Kind,
  name: z.string(),
  source: z.enum(['builtin', 'manual']),
});

export const YearSummary = z.object({
  year: z.number().int(),
  status: z.enum(['published', 'draft', 'missing']).describe('published 已发布；draft 录入中；missing 尚未录入'),
  source: z.enum(['builtin', 'manual']).nullable(),
  notice: z.string().nullable().describe('国务院办公厅通知文号'),
  publishedAt: z.date().nullable(),
  holidayCount: z.number().int(),
  workdayCount: z.number().int(),
});

export const YearDays = YearSummary.extend({ items: z.array(CalendarDay) });

export const YearQuery = z.object({ year: Year });
export const YearParam = z.object({ year: Year });
export const DateParam = z.object({ date: CalendarDate });

export const PutDayBody = z.object({ kind: Kind, name: Name });

export const PutYearBody = z.object({
  status: z.enum(['published', 'draft'], { error: 'status 应为 published（发布）或 draft（录入中）' }),
  notice: Notice.optional(),
});

export const ImportYearBody = z.object({
  items: z.array(z.object({ date: CalendarDate, kind: Kind, name: Name })).max(366, '一年最多 366 天'),
  notice: Notice.optional(),
  publish: z.boolean().optional(),
  replace: z.boolean().optional().describe('为 true 时删除该年度未列出的条目'),
});

export const Ok = z.object({ ok: z.literal(true) });
