import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses } from '../../platform/schemas';
import { contentDisposition, type readFile } from '../files/index';
import { ownTicketFile, staffTicketFile } from './hotline.attachments';
import { assertFilesOnline, assertSeesTickets } from './hotline.policy';

const tags = ['hotline'];
const Params = z.object({
  id: z.string().uuid('ID 格式有误'),
  fileId: z.string().uuid('附件 ID 格式有误'),
});
const Query = z.object({ download: z.stringbool().optional().describe('true：以附件形式下载') });
const schema = (summary: string) => ({
  tags,
  summary,
  params: Params,
  querystring: Query,
  produces: ['application/pdf', 'image/jpeg', 'image/png'],
  response: { 200: z.unknown().describe('文件内容'), ...errorResponses },
});

const sendFile = (reply: FastifyReply, f: NonNullable<Awaited<ReturnType<typeof readFile>>>, download?: boolean) =>
  reply
    .type(f.meta.mediaType)
    .header('content-disposition', contentDisposition(f.meta.name, download ? 'attachment' : 'inline'))
    .header('cache-control', 'private, no-store')
    .send(f.content);

export function registerAttachmentRoutes(app: App, { db }: Pick<ModuleContext, 'db'>) {
  app.get(
    '/api/hotline/tickets/:id/files/:fileId',
    {
      config: { access: assertSeesTickets },
      schema: schema('下载工单的附件（市民留言的附件或承办单位答复的附件）'),
    },
    async (req, reply) =>
      sendFile(
        reply,
        await staffTicketFile(db, requireActor(req), req.params.id, req.params.fileId),
        req.query.download,
      ),
  );
  app.get(
    '/api/my/hotline-tickets/:id/files/:fileId',
    {
      config: { access: assertFilesOnline },
      schema: schema('下载我的 12345 工单的附件（本人上传的，及审核通过的答复附件）'),
    },
    async (req, reply) =>
      sendFile(reply, await ownTicketFile(db, requireActor(req), req.params.id, req.params.fileId), req.query.download),
  );
}
