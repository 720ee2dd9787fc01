import { z } from 'zod';
import { PageQuery, paged, text } from '../../platform/schemas';
import { SATISFACTIONS, TICKET_STATES } from './hotline.process';
import { TicketType } from './hotline.schemas';

export const MyTicketBody = z.object({
  type: TicketType,
  categoryCode: text().trim().min(1, '请选择诉求分类').max(40),
  regionCode: text()
    .trim()
    .regex(/^\d{6}(\d{6})?$/, '请选择问题所在地（区划代码应为 6 位或 12 位数字）'),
  address: text().trim().max(300, '详细地址最多 300 字').default(''),
  title: text().trim().max(200, '标题最多 200 字').optional().describe('不填则取诉求内容的第一句'),
  content: text({ multiline: true }).trim().min(5, '请详细描述诉求（至少 5 个字）').max(5000, '诉求内容最多 5000 字'),
  anonymous: z.boolean({ error: 'anonymous 应为 true 或 false' }).default(false),
  fileIds: z.array(z.string().uuid('附件 ID 格式有误')).max(9, '附件最多 9 个').default([]),
});
export type MyTicketBody = z.infer<typeof MyTicketBody>;

export const MyTicketQuery = PageQuery.extend({
  state: z.enum(TICKET_STATES, { error: `状态应为 ${TICKET_STATES.join('、')} 之一` }).optional(),
});
export type MyTicketQuery = z.infer<typeof MyTicketQuery>;

export const MyTicketItem = z.object({
  id: z.string(),
  number: z.string(),
  type: TicketType,
  typeLabel: z.string(),
  title: z.string(),
  state: z.enum(TICKET_STATES),
  status: z.string().describe('办理状态（通俗表述）'),
  canEvaluate: z.boolean().describe('待您评价'),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
});
export const MyTicketPage = paged(MyTicketItem);

export const MyTicketView = MyTicketItem.extend({
  categoryCode: z.string(),
  categoryName: z.string(),
  regionCode: z.string(),
  address: z.string(),
  content: z.string(),
  anonymous: z.boolean(),
  channel: z.string(),
  fileIds: z.array(z.string()),
  deadline: z.object({
    dueAt: z.string(),
    state: z.enum(['normal', 'near', 'overdue', 'paused', 'finished']),
    onTime: z.boolean().nullable(),
  }),
  history: z.array(z.object({ text: z.string(), at: z.string() })).describe('办理进度（公开环节）'),
  reply: z
    .object({ text: z.string(), fileIds: z.array(z.string()), at: z.string().nullable() })
    .nullable()
    .describe('经热线中心审核的答复'),
  rating: z
    .object({ satisfaction: z.enum(SATISFACTIONS), satisfactionLabel: z.string(), solved: z.boolean().nullable() })
    .nullable(),
  version: z.number().int(),
});
export type MyTicketView = z.infer<typeof MyTicketView>;

export const EvaluationBody = z.object({
  version: z.number({ error: '请提供工单版本号 version' }).int().min(1),
  satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意、基本满意或不满意' }),
  solved: z.boolean({ error: '请选择问题是否已解决' }),
  comment: text({ multiline: true }).trim().max(2000, '意见最多 2000 字').optional(),
});
export type EvaluationBody = z.infer<typeof EvaluationBody>;

export const CitizenCategory = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });
