import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';
import { RULE_CODES } from './supervision.rules';

export const WarningLevelSchema = z.enum(['yellow', 'red']);
export const WarningStateSchema = z.enum(['open', 'explained', 'confirmed', 'revoked']);
const RegionCode = z.string().regex(/^\d{6}(\d{6})?$/, '区划代码应为 6 位或 12 位数字');

export const WarningListQuery = PageQuery.extend({
  state: WarningStateSchema.optional(),
  level: WarningLevelSchema.optional(),
  regionCode: RegionCode.optional(),
  departmentCode: z.string().min(1).max(40).optional(),
  caseId: z.string().uuid('办件 ID 格式有误').optional(),
});

export const Warning = z.object({
  id: z.string(),
  source: z
    .enum(['case', 'hotline'])
    .describe('case：办件；hotline：12345 热线工单（caseId、caseNumber、itemName 为工单的 ID、编号和类型标题）'),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  rule: z.enum(RULE_CODES),
  ruleName: z.string(),
  level: WarningLevelSchema,
  reason: z.string(),
  regionCode: z.string(),
  departmentCode: z.string(),
  unitName: z.string().nullable().describe('热线工单的承办单位'),
  dueAt: z.string().nullable().describe('热线工单的办理时限（到期时刻）'),
  state: WarningStateSchema,
  raisedOn: z.string(),
  raisedAt: z.string(),
  explainDue: z.string(),
  explanation: z.string().nullable(),
  explainedBy: z.string().nullable(),
  explainedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  version: z.number().int(),
});
export type WarningView = z.infer<typeof Warning>;
export const WarningPage = paged(Warning);

export const ExplainBody = z.object({
  text: z.string().trim().min(2, '说明至少 2 个字').max(2000, '说明最多 2000 字'),
});
export const DecideBody = z.object({
  decision: z.enum(['confirm', 'revoke'], { message: '处理结果应为 confirm（确认）或 revoke（撤销）' }),
  comment: z.string().trim().max(2000, '意见最多 2000 字').default(''),
});

export const Rule = z.object({
  code: z.enum(RULE_CODES),
  name: z.string(),
  level: WarningLevelSchema,
  enabled: z.boolean(),
  params: z.record(z.string(), z.unknown()),
});
export const RuleList = z.object({ items: z.array(Rule) });
export const RuleParam = z.object({ code: z.enum(RULE_CODES) });
export const RulePatch = z.object({
  enabled: z.boolean().optional(),
  params: z.record(z.string(), z.number().int().min(0).max(365)).optional(),
});

export const SweepQuery = z.object({
  source: z
    .enum(['case', 'hotline'], { error: '巡检范围应为 case（办件）或 hotline（热线工单）' })
    .optional()
    .describe('只巡检办件或只巡检热线工单；缺省两者都巡检'),
});
export const SweepResponse = z.object({
  scanned: z.number().int(),
  raised: z.number().int(),
  withdrawn: z.number().int(),
  pages: z.number().int(),
  notified: z.number().int(),
});

export const OverviewQuery = z.object({ regionCode: RegionCode.optional() });
const StateCounts = z.object({
  onTime: z.number().int(),
  near: z.number().int(),
  overdue: z.number().int(),
  suspended: z.number().int(),
  total: z.number().int(),
});
export const Overview = z.object({
  today: z.string(),
  regionPrefix: z.string(),
  cases: StateCounts,
  byLevel: z.array(
    StateCounts.extend({ level: z.enum(['city', 'county', 'town', 'village', 'other']), label: z.string() }),
  ),
  byRegion: z.array(StateCounts.extend({ regionCode: z.string(), regionName: z.string().nullable() })),
  warnings: z.object({ yellow: z.number().int(), red: z.number().int(), explained: z.number().int() }),
  generatedAt: z.string(),
});
export type OverviewView = z.infer<typeof Overview>;

export const FiguresQuery = z
  .object({
    groupBy: z.enum(['region', 'department', 'hall', 'clerk', 'item']).default('region'),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    regionCode: RegionCode.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始日期不能晚于结束日期', path: ['from'] });

export const FiguresRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  received: z.number().int(),
  accepted: z.number().int(),
  completed: z.number().int(),
  onlineShare: z.number().nullable(),
  zeroVisitShare: z.number().nullable(),
  immediateShare: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  earlyRate: z.number().nullable(),
  overdue: z.number().int(),
  overdueRate: z.number().nullable(),
  avgWorkingDaysUsed: z.number().nullable(),
  avgPromisedDays: z.number().nullable(),
});
export type FiguresRowView = z.infer<typeof FiguresRow>;
export const Figures = z.object({
  groupBy: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.array(FiguresRow),
  total: FiguresRow,
});
export type FiguresView = z.infer<typeof Figures>;
