import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { App } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { Problem as ProblemError, fieldError } from '../../platform/errors';
import { IdParam, Problem, errorResponses, DownloadQuery } from '../../platform/schemas';
import * as svc from './files.service';
import { contentDisposition, downloadName } from './files.sniff';
import { UploadedFile } from './files.schemas';
import { QuotaProblem, formatBytes, type UploadLimits } from './files.limits';
import { UPLOAD_ACCESS } from './files.policy';

const tags = ['files'];

export interface Upload {
  content: Buffer;
  name: string | undefined;
}

/** Maps what can go wrong while reading a multipart stream to a client error; nothing is stored then. */
function uploadProblem(err: unknown, maxBytes: number): ProblemError {
  if (err instanceof ProblemError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return svc.tooLarge(maxBytes);
  if (code === 'FST_FILES_LIMIT') return fieldError('file', '一次只能上传一个文件', 'too_many_files');
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return new ProblemError(
      413,
      '请求内容过大',
      '表单字段过多',
      [{ field: 'file', message: '表单字段过多' }],
      'too_many_parts',
    );
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return notMultipart();
  return fieldError('file', '上传未完成或数据格式有误（传输中断？），文件未保存，请重新上传', 'upload_incomplete');
}

const notMultipart = () =>
  new ProblemError(
    415,
    '不支持的内容类型',
    '请以 multipart/form-data 上传，文件放在字段 file 中',
    [{ field: 'file', message: '缺少文件' }],
    'not_multipart',
  );

/**
 * Reads the one file of a multipart request (field `file`) completely into memory, to the end of the
 * request, or throws a 4xx problem: an oversized, cut-off or malformed upload never reaches the database.
 * Other (text) fields are ignored.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) throw notMultipart();
  let upload: Upload | undefined;
  try {
    for await (const part of req.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12, fieldSize: 4096 },
    })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw fieldError('file', `文件应放在字段 file 中（收到字段 ${part.fieldname}）`, 'file_missing');
      }
      const content = await part.toBuffer();
      if (part.file.truncated) throw svc.tooLarge(maxBytes);
      upload = { content, name: part.filename };
    }
  } catch (err) {
    throw uploadProblem(err, maxBytes);
  }
  if (!upload) throw fieldError('file', '请求中没有文件', 'file_missing');
  return upload;
}

/** Registers the multipart parser in an encapsulated scope, so other modules may register their own. */
export async function withMultipart(app: App, register: (scoped: App) => void): Promise<void> {
  await app.register(async (scoped) => {
    await scoped.register(multipart, { throwFileSizeLimit: true });
    register(scoped as unknown as App);
  });
}

export async function registerFileRoutes(app: App, db: Db, limits: UploadLimits) {
  const maxBytes = limits.maxFileBytes;
  await withMultipart(app, (scoped) => {
    scoped.post(
      '/api/files',
      {
        config: { access: UPLOAD_ACCESS },
        schema: {
          tags,
          summary: `上传文件（multipart 字段 file；仅 PDF、JPEG、PNG，按内容识别类型，不含脚本的 PDF；不超过 ${formatBytes(maxBytes)}；每个账号有上传频率与暂存限额）`,
          consumes: ['multipart/form-data'],
          response: { 201: UploadedFile, ...errorResponses, 413: Problem, 415: Problem, 429: Problem },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const meta = await (async () => {
          await svc.checkUploadRoom(db, actor, limits);
          const upload = await readUpload(req, maxBytes);
          return svc.storeFile(db, actor, upload, req.ip, limits);
        })().catch((err: unknown) => {
          if (err instanceof QuotaProblem && err.retryAfterSeconds)
            void reply.header('retry-after', String(err.retryAfterSeconds));
          throw err;
        });
        return reply
          .status(201)
          .send({ id: meta.id, sha256: meta.sha256, size: meta.size, mediaType: meta.mediaType, name: meta.name });
      },
    );
  });

  app.get(
    '/api/files/:id',
    {
      config: { access: UPLOAD_ACCESS },
      schema: {
        tags,
        summary: '下载本人上传的文件',
        params: IdParam,
        querystring: DownloadQuery,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: z.unknown().describe('文件内容'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { meta, content } = await svc.readOwnFile(db, requireActor(req), req.params.id);
      return reply
        .type(meta.mediaType)
        .header(
          'content-disposition',
          contentDisposition(downloadName(meta.name, meta.mediaType), req.query.download ? 'attachment' : 'inline'),
        )
        .header('cache-control', 'private, no-store')
        .header('etag', `"${meta.sha256}"`)
        .send(content);
    },
  );
}
