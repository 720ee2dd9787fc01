import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';
import { ITEM_CODES } from './assessment.rules';

export const GroupBySchema = z.enum(['department', 'hall', 'clerk'], {
  error: '统计维度应为 department（部门）、hall（大厅）或 clerk（窗口人员）',
});
const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .refine((m) => m >= '2000-01' && m <= '2099-12', '月份超出范围');

export const ScoresQuery = z.object({ month: Month.optional(), groupBy: GroupBySchema.default('department') });
export const UnitParams = z.object({ groupBy: GroupBySchema, key: z.string().min(1).max(64, '考核对象编码过长') });
export const MonthQuery = z.object({ month: Month.optional() });

const Item = z.object({
  code: z.enum(ITEM_CODES),
  name: z.string(),
  kind: z.enum(['deduction', 'bonus']),
  count: z.number().int(),
  pointsEach: z.number(),
  points: z.number(),
  capped: z.boolean(),
});

export const ScoreRow = z.object({
  key: z.string(),
  label: z.string(),
  rank: z.number().int(),
  score: z.number(),
  deductions: z.number(),
  bonuses: z.number(),
  completed: z.number().int(),
  pendingCards: z.number().int(),
  items: z.array(Item),
  hotline: z
    .object({
      dispatched: z.number().int(),
      signRate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
      solvedRate: z.number().nullable(),
      satisfiedRate: z.number().nullable(),
      reopenRate: z.number().nullable(),
    })
    .nullable()
    .describe('12345 热线指标（百分比）：签收率、按时办结率、解决率、满意率、重办率；本月无派单的单位为 null'),
});
export type ScoreRowView = z.infer<typeof ScoreRow>;

export const Scores = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: GroupBySchema,
  base: z.number(),
  rows: z.array(ScoreRow),
});
export type ScoresView = z.infer<typeof Scores>;

export const UnitDetail = ScoreRow.extend({
  month: z.string(),
  groupBy: GroupBySchema,
  base: z.number(),
  of: z.number().int().describe('参与排名的单位数'),
  lines: z.array(
    z.object({
      item: z.enum(ITEM_CODES),
      itemName: z.string(),
      on: z.string(),
      caseNumber: z.string().nullable(),
      text: z.string(),
    }),
  ),
});

export const Rule = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['base', 'deduction', 'bonus']),
  points: z.number(),
  cap: z.number().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type RuleView = z.infer<typeof Rule>;
export const RuleList = z.object({ items: z.array(Rule), editable: z.boolean() });
export const RuleParams = z.object({ code: z.string().regex(/^[a-z][a-z_]{0,39}$/, '规则编码格式有误') });
export const RulePut = z.object({
  points: z.number({ error: '请填写分值' }).min(0, '分值不能为负数').max(1000, '分值过大'),
  cap: z.number({ error: '封顶分值应为数字或 null' }).min(0, '封顶分值不能为负数').max(1000, '封顶分值过大').nullable(),
  version: z.number().int('版本号应为整数'),
});

export const Bulletin = z.object({
  id: z.string(),
  regionPrefix: z.string(),
  regionName: z.string(),
  weekFrom: z.string(),
  weekTo: z.string(),
  title: z.string(),
  summary: z.object({
    units: z.number(),
    redCards: z.number(),
    overdueCases: z.number(),
    badRatings: z.number(),
    overdueMeasures: z.number(),
  }),
  generatedAt: z.string(),
  generatedBy: z.string(),
});
export type BulletinView = z.infer<typeof Bulletin>;
export const BulletinPage = paged(Bulletin);
export const BulletinListQuery = PageQuery;
export const GenerateBody = z
  .object({ weekFrom: IsoDate.optional().describe('所通报一周的周一；缺省为上一周') })
  .default({});
