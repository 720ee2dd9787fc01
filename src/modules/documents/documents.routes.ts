import type { Db } from '../../platform/db';
import type { App } from '../../platform/module';
import { Problem as ProblemError, notFound } from '../../platform/errors';
import { IdParam, Problem } from '../../platform/schemas';
import { readUpload, sniffMediaType, withMultipart } from '../files/index';
import * as svc from './documents.service';
import { publicView, VERIFY_ACCESS } from './documents.policy';
import { UploadVerifyResult, VerifyResult } from './documents.schemas';

const tags = ['documents'];
const publicErrors = { 400: Problem, 404: Problem, 429: Problem };
/** Anyone may verify, a few at a time. */
const verifying = { access: VERIFY_ACCESS, rateLimit: { max: 60, timeWindow: '1 minute' } };

export async function registerDocumentRoutes(app: App, db: Db, maxBytes: number) {
  app.get(
    '/api/documents/:id/verify',
    {
      config: verifying,
      schema: {
        tags,
        summary: '核验文书真伪（扫描文书二维码；无需登录，不返回个人信息）',
        security: [],
        params: IdParam,
        response: { 200: VerifyResult, ...publicErrors },
      },
    },
    async (req) => {
      const meta = await svc.getDocument(db, req.params.id);
      if (!meta) throw notFound('文书');
      return publicView(meta);
    },
  );

  await withMultipart(app, (scoped) => {
    scoped.post(
      '/api/documents/verify',
      {
        config: verifying,
        schema: {
          tags,
          summary: '上传 PDF 核验文书：与签发时的文件逐字节一致才有效（无需登录）',
          security: [],
          consumes: ['multipart/form-data'],
          response: { 200: UploadVerifyResult, ...publicErrors, 413: Problem, 415: Problem },
        },
      },
      async (req) => {
        const upload = await readUpload(req, maxBytes);
        const sniffed = sniffMediaType(upload.content);
        if (sniffed.mediaType !== 'application/pdf') {
          const message = `文件实际类型为${sniffed.label}，请上传本平台出具的 PDF 文书`;
          throw new ProblemError(
            415,
            '不支持的文件类型',
            `file：${message}`,
            [{ field: 'file', message }],
            'unsupported_file_type',
          );
        }
        return svc.verifyByContent(db, upload.content);
      },
    );
  });
}
