import { z } from 'zod';
import { IsoDate, PageQuery, paged, text } from '../../platform/schemas';
import { KB_ACTION_NAMES } from './hotline.kb.rules';
import { ACTION_NAMES, SATISFACTIONS, TICKET_STATES } from './hotline.process';
import { CHANNELS, KB_STATES, TICKET_TYPES, URGENCIES } from './hotline.tables';

const typeMessage = `类型应为 ${TICKET_TYPES.join('、')} 之一（咨询、求助、投诉、举报、建议、表扬）`;
const PHONE_RE = /^[0-9+-]{3,20}$/;

export const TicketType = z.enum(TICKET_TYPES, { error: typeMessage });
export const UnitRef = z.object({
  kind: z.enum(['department', 'region'], { error: '单位类型应为 department（部门）或 region（区划政府）' }),
  code: text().trim().min(1, '请选择承办单位').max(40),
});
export type UnitRef = z.infer<typeof UnitRef>;

export const CreateTicketBody = z.object({
  type: TicketType,
  categoryCode: text().trim().min(1, '请选择分类').max(40),
  title: text().trim().min(1, '标题不能为空').max(200, '标题最多 200 字'),
  content: text({ multiline: true }).trim().min(1, '诉求内容不能为空').max(5000, '诉求内容最多 5000 字'),
  channel: z.enum(CHANNELS, { error: '来源渠道应为 phone、web、mobile 或 open311' }).default('phone'),
  urgency: z.enum(URGENCIES, { error: '紧急程度应为 normal 或 urgent' }).default('normal'),
  regionCode: text()
    .trim()
    .regex(/^\d{6}(\d{6})?$/, '区划代码应为 6 位或 12 位数字'),
  address: text().trim().max(300, '地址最多 300 字').default(''),
  lat: z
    .number({ error: '纬度应为数字' })
    .min(-90, '纬度应在 -90 至 90 之间')
    .max(90, '纬度应在 -90 至 90 之间')
    .optional(),
  lon: z
    .number({ error: '经度应为数字' })
    .min(-180, '经度应在 -180 至 180 之间')
    .max(180, '经度应在 -180 至 180 之间')
    .optional(),
  anonymous: z.boolean({ error: 'anonymous 应为 true 或 false' }).default(false),
  callerName: text().trim().max(100, '姓名最多 100 字').optional(),
  callerPhone: text().trim().regex(PHONE_RE, '电话号码格式有误').optional(),
  callerIdNumber: text()
    .trim()
    .regex(/^\d{17}[\dXx]$/, '身份证号码格式有误')
    .optional(),
  caseNumber: text().trim().max(40).optional().describe('所涉办件编号'),
  clerkId: z.string().uuid('窗口人员 ID 格式有误').optional().describe('所涉窗口人员'),
  callId: z.string().uuid('话单 ID 格式有误').optional().describe('来电话单：登记后与工单关联'),
});
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const TicketListQuery = PageQuery.extend({
  state: z.enum(TICKET_STATES, { error: `状态应为 ${TICKET_STATES.join('、')} 之一` }).optional(),
  unit: text().trim().max(40).optional().describe('承办单位代码'),
  type: TicketType.optional(),
  category: text().trim().max(40).optional().describe('分类代码（含下级）'),
  q: text().trim().max(100, '关键词最多 100 字').optional().describe('编号、标题、内容或地址'),
});
export type TicketListQuery = z.infer<typeof TicketListQuery>;

const Caller = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});
const UnitView = z.object({ kind: z.enum(['department', 'region']), code: z.string(), name: z.string() });

export const TicketItem = z.object({
  id: z.string(),
  number: z.string(),
  type: TicketType,
  categoryCode: z.string(),
  title: z.string(),
  channel: z.enum(CHANNELS),
  urgency: z.enum(URGENCIES),
  regionCode: z.string(),
  address: z.string(),
  state: z.enum(TICKET_STATES),
  stateLabel: z.string(),
  unit: UnitView.nullable(),
  caller: Caller.nullable().describe('来电人（列表中脱敏）；举报人和匿名来电对承办单位不可见：null'),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
});
export const TicketPage = paged(TicketItem);

const Deadline = z.object({
  dueAt: z.string(),
  state: z.enum(['normal', 'near', 'overdue', 'paused', 'finished']),
  onTime: z.boolean().nullable(),
  remaining: z.number().nullable(),
  unit: z.enum(['workdays', 'hours']),
});
const HistoryEntry = z.object({
  action: z.string(),
  label: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
const AvailableAction = z.object({ action: z.string(), label: z.string(), requires: z.array(z.string()) });

export const TicketView = TicketItem.extend({
  content: z.string(),
  categoryName: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  anonymous: z.boolean(),
  callerHidden: z.boolean().describe('来电人身份对当前用户隐藏（举报或匿名）'),
  caseNumber: z.string().nullable(),
  clerkId: z.string().nullable(),
  firstUnitCode: z.string().nullable(),
  signDueAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  reply: z.object({ text: z.string(), fileIds: z.array(z.string()), at: z.string().nullable() }).nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  solved: z.boolean().nullable(),
  reopenCount: z.number().int(),
  mergedInto: z.string().nullable(),
  answeredAtOnce: z.boolean(),
  kbEntryId: z.string().nullable(),
  fileIds: z.array(z.string()).describe('市民网上留言的附件（GET /api/hotline/tickets/{id}/files/{fileId}）'),
  mediaUrl: z.string().nullable().describe('Open311 请求附带的图片地址'),
  suggestedUnit: UnitView.nullable().describe('按派单规则建议的承办单位（待派单时）'),
  deadline: Deadline,
  history: z.array(HistoryEntry),
  availableActions: z.array(AvailableAction),
  version: z.number().int(),
});
export type TicketView = z.infer<typeof TicketView>;

export const ActionBody = z.object({
  action: z.enum(ACTION_NAMES, { error: `操作应为 ${ACTION_NAMES.join('、')} 之一` }),
  version: z.number({ error: '请提供工单版本号 version' }).int().min(1),
  text: text({ multiline: true }).trim().min(1, '答复内容不能为空').max(5000, '答复内容最多 5000 字').optional(),
  reason: text({ multiline: true }).trim().min(1, '理由不能为空').max(2000, '理由最多 2000 字').optional(),
  unit: UnitRef.optional(),
  days: z
    .number({ error: '延期天数应为数字' })
    .int('延期天数应为整数')
    .min(1, '延期至少 1 天')
    .max(60, '延期最多 60 天')
    .optional(),
  satisfaction: z.enum(SATISFACTIONS, { error: '满意度应为 satisfied、basically 或 unsatisfied' }).optional(),
  solved: z.boolean({ error: 'solved 应为 true 或 false' }).optional(),
  mainTicketId: z.string().uuid('主工单 ID 格式有误').optional(),
  fileIds: z.array(z.string().uuid('附件 ID 格式有误')).max(20, '附件最多 20 个').default([]),
  kbEntryId: z.string().uuid('知识条目 ID 格式有误').optional().describe('直接答复所依据的知识条目'),
});
export type ActionBody = z.infer<typeof ActionBody>;

export const CallBody = z.object({
  callerPhone: text().trim().regex(PHONE_RE, '来电号码格式有误'),
  startedAt: z.iso.datetime({ offset: true, error: '开始时间应为 ISO 8601 时间' }),
  endedAt: z.iso.datetime({ offset: true, error: '结束时间应为 ISO 8601 时间' }).optional(),
  recordingRef: text().trim().max(300, '录音编号最多 300 字').optional(),
});
export type CallBody = z.infer<typeof CallBody>;
export const CallView = z.object({
  id: z.string(),
  callerPhone: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  recordingRef: z.string().nullable(),
  ticketId: z.string().nullable(),
  earlierTickets: z.array(TicketItem).describe('该号码此前的工单（最近 20 件）'),
});
export const CallerQuery = z.object({ phone: text().trim().regex(PHONE_RE, '电话号码格式有误') });

export const Category = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  active: z.boolean(),
});
export const CategoryList = z.array(Category);

export const RuleView = z.object({
  id: z.string(),
  categoryCode: z.string(),
  regionCode: z.string(),
  unit: UnitView,
});
export const RuleList = z.array(RuleView);
export const RuleBody = z.object({
  categoryCode: text().trim().min(1, '请选择分类').max(40),
  regionCode: text()
    .trim()
    .regex(/^\d{6}(\d{6})?$/, '区划代码应为 6 位或 12 位数字'),
  unit: UnitRef,
});
export type RuleBody = z.infer<typeof RuleBody>;

const KbStateEnum = z.enum(KB_STATES, { error: '状态应为 draft、review、published 或 withdrawn' });
export const KbQuery = PageQuery.extend({
  q: text().trim().max(200, '检索词最多 200 字').optional().describe('来电人的话或关键词（中文分词检索）'),
  category: text().trim().max(40).optional(),
  state: KbStateEnum.optional().describe('仅热线中心可查看未发布的条目'),
});
export type KbQuery = z.infer<typeof KbQuery>;
export const KbItem = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  categoryCode: z.string().nullable(),
  sourceDepartment: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  state: KbStateEnum,
  stateLabel: z.string(),
  version: z.number().int(),
  useCount: z.number().int(),
  notHelpfulCount: z.number().int(),
  updatedAt: z.string(),
});
export const KbPage = paged(KbItem);
export const KbView = KbItem.extend({
  versions: z.array(
    z.object({
      version: z.number().int(),
      question: z.string(),
      answer: z.string(),
      state: z.string(),
      byName: z.string(),
      at: z.string(),
    }),
  ),
});
export const KbBody = z
  .object({
    question: text().trim().min(1, '问题不能为空').max(500, '问题最多 500 字'),
    answer: text({ multiline: true }).trim().min(1, '答案不能为空').max(10000, '答案最多 10000 字'),
    categoryCode: text().trim().max(40).optional(),
    sourceDepartment: text().trim().max(100, '来源部门最多 100 字').default(''),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
  })
  .refine((b) => !b.validFrom || !b.validTo || b.validFrom <= b.validTo, {
    message: '失效日期不能早于生效日期',
    path: ['validTo'],
  });
export type KbBody = z.infer<typeof KbBody>;
export const KbUpdateBody = z.intersection(
  KbBody,
  z.object({ version: z.number({ error: '请提供条目版本号 version' }).int().min(1) }),
);
export type KbUpdateBody = z.infer<typeof KbUpdateBody>;
export const KbActionBody = z.object({
  action: z.enum(KB_ACTION_NAMES, { error: `操作应为 ${KB_ACTION_NAMES.join('、')} 之一` }),
  version: z.number({ error: '请提供条目版本号 version' }).int().min(1),
});
export const KbCounts = z.object({ id: z.string(), useCount: z.number().int(), notHelpfulCount: z.number().int() });

export const FiguresQuery = z.object({
  groupBy: z.enum(['unit', 'category', 'region'], { error: 'groupBy 应为 unit、category 或 region' }).default('unit'),
  from: IsoDate,
  to: IsoDate,
});
export const FigureRow = z.object({
  key: z.string(),
  name: z.string(),
  total: z.number().int(),
  answeredAtOnce: z.number().int(),
  signRate: z.number().nullable().describe('签收率 %：已签收 / 已派单'),
  onTimeRate: z.number().nullable().describe('按时办结率 %：时限内办结 / 派单后办结'),
  solvedRate: z.number().nullable().describe('解决率 %：已解决 / 已回访'),
  satisfiedRate: z.number().nullable().describe('满意率 %：满意和基本满意 / 已回访'),
  reopenRate: z.number().nullable().describe('重办率 %：重办过 / 已派单'),
});
