import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { IdParam, errorResponses, paged } from '../../platform/schemas';
import * as svc from './notify.service';
import { getSmsChannel, isLogOnly } from './notify.channel';
import { Message, MessageQuery, ReadAllResponse, SmsItem, SmsQuery, UnreadCount } from './notify.schemas';
import { assertReadsSmsOutbox } from './notify.policy';

const tags = ['notify'];
/** How often a real SMS channel's pending texts are sent. */
const DISPATCH_MS = 5000;

export function registerNotifyRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  app.get(
    '/api/messages',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '我的站内消息（最新在前，可只看未读）',
        querystring: MessageQuery,
        response: { 200: paged(Message), ...errorResponses },
      },
    },
    async (req) => svc.listMessages(db, requireActor(req), req.query),
  );

  app.get(
    '/api/messages/unread-count',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: '我的未读消息数', response: { 200: UnreadCount, ...errorResponses } },
    },
    async (req) => svc.unreadCount(db, requireActor(req)),
  );

  app.post(
    '/api/messages/:id/read',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: '将一条消息标记为已读', params: IdParam, response: { 200: Message, ...errorResponses } },
    },
    async (req) => svc.markRead(db, requireActor(req), req.params.id, req.ip),
  );

  app.post(
    '/api/messages/read-all',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: '将我的全部消息标记为已读', response: { 200: ReadAllResponse, ...errorResponses } },
    },
    async (req) => svc.markAllRead(db, requireActor(req), req.ip),
  );

  app.get(
    '/api/sms-outbox',
    {
      config: { access: assertReadsSmsOutbox },
      schema: {
        tags,
        summary: '短信发送记录（系统管理员；手机号脱敏）',
        querystring: SmsQuery,
        response: { 200: paged(SmsItem), ...errorResponses },
      },
    },
    async (req) => {
      return svc.listSmsOutbox(db, req.query);
    },
  );

  // A real SMS channel (set before the app starts) sends queued texts after their transactions commit.
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    if (isLogOnly(getSmsChannel())) return;
    let busy = false;
    timer = setInterval(() => {
      if (busy) return;
      busy = true;
      svc
        .dispatchSms(db, clock())
        .catch((err: unknown) => app.log.error({ err }, 'sms dispatch failed'))
        .finally(() => (busy = false));
    }, DISPATCH_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
