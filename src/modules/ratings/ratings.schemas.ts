import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';
import { RECTIFICATION_STATUSES } from './ratings.rectification';

export const Channel = z.enum(['online', 'window']).describe('online：网上一事一评；window：窗口现场一次一评');
const Level = z
  .number()
  .int('评价等级应为 1–5 的整数')
  .min(1, '评价等级应为 1–5')
  .max(5, '评价等级应为 1–5')
  .describe('5 非常满意 · 4 满意 · 3 基本满意 · 2 不满意 · 1 非常不满意');
const Indicators = z
  .array(z.string().min(1).max(40))
  .max(10, '评价指标最多 10 项')
  .default([])
  .describe(
    '评价指标代码（网上：overall, efficiency, guide_accuracy, convenience, usability；现场：overall, efficiency, competence, attitude）',
  );
const Comment = z.string().trim().max(500, '评价内容最多 500 字').optional();

export const RateBody = z.object({
  caseId: z.string().uuid('办件 ID 格式有误'),
  channel: Channel,
  level: Level,
  indicators: Indicators,
  comment: Comment,
});
export type RateBody = z.infer<typeof RateBody>;

export const DeviceRateBody = z.object({ level: Level, indicators: Indicators, comment: Comment });
export type DeviceRateBody = z.infer<typeof DeviceRateBody>;

export const DeviceSessionBody = z.object({ caseId: z.string().uuid('办件 ID 格式有误') });
export const DeviceSession = z.object({
  token: z.string().describe('评价器口令（8 位，30 分钟内有效，仅可使用一次）'),
  expiresAt: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
});
export const DeviceTokenParam = z.object({ token: z.string().regex(/^[A-Z2-9]{8}$/, '评价口令格式有误') });
export const DeviceSessionInfo = z.object({
  caseNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string().describe('已脱敏'),
  indicators: z.array(z.object({ code: z.string(), label: z.string() })),
  levels: z.array(z.object({ level: z.number().int(), label: z.string() })),
});

const Indicator = z.object({ code: z.string(), label: z.string() });
const RectificationBrief = z.object({
  id: z.string(),
  status: z.enum(RECTIFICATION_STATUSES),
  statusLabel: z.string(),
  deadline: z.string().nullable(),
});
export const AppealView = z.object({
  id: z.string(),
  ratingId: z.string(),
  status: z.enum(['pending', 'upheld', 'rejected']),
  statusLabel: z.string(),
  reason: z.string(),
  evidence: z.string(),
  filedBy: z.string(),
  filedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});
export type AppealView = z.infer<typeof AppealView>;

export const RatingView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  channel: Channel,
  channelLabel: z.string(),
  level: z.number().int(),
  levelLabel: z.string(),
  bad: z.boolean().describe('差评（不满意、非常不满意）'),
  indicators: z.array(Indicator),
  comment: z.string().nullable(),
  departmentCode: z.string(),
  departmentName: z.string().nullable(),
  viaDevice: z.boolean(),
  ratedOn: z.string(),
  createdAt: z.string(),
  excluded: z.boolean().describe('申诉成立，不计入统计'),
  rectification: RectificationBrief.nullable(),
  appeal: AppealView.nullable(),
});
export type RatingView = z.infer<typeof RatingView>;
export const RatingPage = paged(RatingView);

export const RatingListQuery = PageQuery.extend({
  level: z.coerce.number().int().min(1).max(5).optional(),
  channel: Channel.optional(),
  departmentCode: z.string().max(60).optional(),
  caseId: z.string().uuid('办件 ID 格式有误').optional(),
  from: IsoDate.optional().describe('评价日期起（含）'),
  to: IsoDate.optional().describe('评价日期止（含）'),
});
export type RatingListQuery = z.infer<typeof RatingListQuery>;

export const SummaryQuery = z.object({
  groupBy: z.enum(['department']).default('department'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  channel: Channel.optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/, '区划代码格式有误')
    .optional()
    .describe('只统计该区划及下级'),
});
export type SummaryQuery = z.infer<typeof SummaryQuery>;

const Counts = z.object({
  1: z.number().int(),
  2: z.number().int(),
  3: z.number().int(),
  4: z.number().int(),
  5: z.number().int(),
});
export const SummaryLine = z.object({
  departmentCode: z.string(),
  departmentName: z.string().nullable(),
  total: z.number().int().describe('全部评价数'),
  excluded: z.number().int().describe('申诉成立、不计入的评价数'),
  counted: z.number().int().describe('计入统计的评价数'),
  counts: Counts.describe('按等级计数（仅计入统计的评价）'),
  good: z.number().int().describe('好评数（满意 + 非常满意）'),
  bad: z.number().int().describe('差评数（不满意 + 非常不满意）'),
  satisfactionRate: z.number().nullable().describe('好评率 = (满意 + 非常满意) ÷ 计入统计的评价数'),
  badRate: z.number().nullable(),
});
export type SummaryLine = z.infer<typeof SummaryLine>;
export const Summary = z.object({
  groupBy: z.literal('department'),
  from: z.string().nullable(),
  to: z.string().nullable(),
  definition: z.string(),
  items: z.array(SummaryLine),
  total: SummaryLine.omit({ departmentCode: true, departmentName: true }),
});
export type Summary = z.infer<typeof Summary>;

export const RectificationView = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(RECTIFICATION_STATUSES),
  statusLabel: z.string(),
  rating: RatingView.omit({ rectification: true }),
  departmentCode: z.string(),
  departmentName: z.string().nullable(),
  check: z.object({ valid: z.boolean(), reason: z.string().nullable(), by: z.string(), at: z.string() }).nullable(),
  review: z
    .object({ confirmInvalid: z.boolean(), comment: z.string().nullable(), by: z.string(), at: z.string() })
    .nullable(),
  startedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  extension: z.object({ reason: z.string(), days: z.number().int() }).nullable(),
  measures: z.string().nullable(),
  callback: z
    .object({ by: z.string(), at: z.string(), method: z.string(), result: z.string(), applicantSatisfied: z.boolean() })
    .nullable()
    .describe('回访记录'),
  wasOverdue: z.boolean(),
  overdueOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  availableActions: z.array(z.enum(['check', 'review', 'extend', 'callback'])),
});
export type RectificationView = z.infer<typeof RectificationView>;
export const RectificationPage = paged(RectificationView);
export const RectificationListQuery = PageQuery.extend({
  status: z.enum(RECTIFICATION_STATUSES).optional(),
  departmentCode: z.string().max(60).optional(),
});
export type RectificationListQuery = z.infer<typeof RectificationListQuery>;

const Version = z.number().int().min(1).describe('当前版本号');
const Reason = (what: string, max = 500) => z.string().trim().min(1, `请填写${what}`).max(max, `${what}最多 ${max} 字`);

export const CheckBody = z.object({
  version: Version,
  valid: z.boolean().describe('true：有效差评，进入整改；false：无效差评（误评、恶意评价等），需监察员复核'),
  reason: z.string().trim().max(500).optional().describe('认定无效时必填'),
});
export const ReviewBody = z.object({
  version: Version,
  confirmInvalid: z.boolean().describe('true：确认无效，关闭；false：不予认可，转入整改'),
  comment: z.string().trim().max(500).optional(),
});
export const ExtendBody = z.object({
  version: Version,
  reason: Reason('延期理由'),
  days: z.number().int().min(1).max(15, '延期最多 15 个工作日').optional().describe('延长的工作日数，缺省为配置值'),
});
export const CallbackBody = z.object({
  version: Version,
  method: z.enum(['phone', 'sms', 'visit', 'online']).describe('回访方式：电话、短信、上门、网上'),
  result: Reason('回访情况', 1000),
  measures: z.string().trim().max(2000).optional().describe('整改措施'),
  applicantSatisfied: z.boolean().describe('申请人对整改是否满意'),
});

export const AppealBody = z.object({ reason: Reason('申诉理由'), evidence: Reason('申诉证据说明', 2000) });
export const AppealDecisionBody = z.object({
  upheld: z.boolean().describe('true：申诉成立，该评价不计入统计'),
  comment: z.string().trim().max(500).optional(),
});
export const AppealListQuery = PageQuery.extend({ status: z.enum(['pending', 'upheld', 'rejected']).optional() });
export const AppealPage = paged(AppealView.extend({ rating: RatingView.omit({ rectification: true, appeal: true }) }));
