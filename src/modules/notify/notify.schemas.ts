import { z } from 'zod';
import { PageQuery } from '../../platform/schemas';

export const Message = z.object({
  id: z.string().uuid(),
  kind: z.string().describe('消息类型，如 case.accepted'),
  title: z.string(),
  body: z.string(),
  caseId: z.string().uuid().nullable().describe('相关办件'),
  createdAt: z.date(),
  readAt: z.date().nullable(),
  read: z.boolean(),
});

export const MessageQuery = PageQuery.extend({
  unread: z.stringbool().optional().describe('true：只看未读'),
  caseId: z.string().uuid('ID 格式有误').optional().describe('只看某一办件的消息'),
});

export const UnreadCount = z.object({ count: z.number().int() });
export const ReadAllResponse = z.object({ updated: z.number().int().describe('标记为已读的条数') });

export const SMS_STATUSES = ['pending', 'logged', 'sent', 'failed'] as const;

export const SmsItem = z.object({
  id: z.string().uuid(),
  messageId: z.string().uuid().nullable(),
  phone: z.string().describe('手机号（脱敏）'),
  text: z.string(),
  status: z.enum(SMS_STATUSES).describe('pending 待发送；logged 演示通道仅记录；sent 已发送；failed 发送失败'),
  channel: z.string(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const SmsQuery = PageQuery.extend({ status: z.enum(SMS_STATUSES).optional() });
