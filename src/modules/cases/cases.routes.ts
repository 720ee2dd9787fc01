import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, Problem, DownloadQuery } from '../../platform/schemas';
import { responseWriter } from '../../platform/serialize';
import { contentDisposition } from '../files/index';
import * as apply from './cases.apply';
import * as act from './cases.act';
import { assertFiles, assertSeesPromises } from './cases.policy';
import * as read from './cases.read';
import { listPromises } from './cases.promises';
import { getChecklist, saveCheck } from './cases.checks';
import { shanghaiDay } from './cases.clock';
import {
  ActionBody,
  CaseChecklist,
  CaseDocParam,
  CaseMaterialParam,
  CheckInput,
  CaseFileParam,
  CaseIdParam,
  CaseListPage,
  CaseListQuery,
  CaseActed,
  CaseView,
  CreateCaseBody,
  CreatedCase,
  IdempotencyHeaders,
  PromiseListPage,
  PromiseListQuery,
  SaveDraftBody,
  TrackQuery,
  TrackView,
} from './cases.schemas';

const tags = ['cases'];
const withUnprocessable = { ...errorResponses, 422: Problem };
/** Base URL of the portal as the client sees it (behind the proxy: X-Forwarded-* are trusted). */
/** An action answers with the whole case or, on `Prefer: return=minimal`, its new version and status: each has its own writer. */
const writeView = responseWriter(CaseView);
const writeActed = responseWriter(CaseActed);

export function registerCaseRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  /** The use case's context: who asks, from where, and the instant of the request (read once). */
  const ctx = (req: FastifyRequest) => ({
    actor: requireActor(req),
    ip: req.ip,
    baseUrl: `${req.protocol}://${req.host}`,
    now: clock(),
  });

  app.post(
    '/api/cases',
    {
      config: { access: assertFiles },
      schema: {
        tags,
        summary: '提交申请或保存草稿（申请人网上申报；窗口人员登记纸质办件；代办员代办）；需 Idempotency-Key 请求头',
        headers: IdempotencyHeaders,
        body: CreateCaseBody,
        response: { 201: CreatedCase, ...withUnprocessable },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      const r = await apply.createCase(db, c, req.body, req.headers['idempotency-key']);
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send({ id: r.id, number: r.number, status: r.status, trackingCode: r.trackingCode });
    },
  );

  app.get(
    '/api/cases',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          '办件列表：申请人看本人办件；工作人员默认看待办（view=all 看数据范围内全部），可按状态、事项、期限状态、日期、编号或申请人筛选',
        querystring: CaseListQuery,
        response: { 200: CaseListPage, ...errorResponses },
      },
    },
    async (req) => read.listCases(db, requireActor(req), req.query, clock()),
  );

  app.get(
    '/api/cases/promises',
    {
      config: { access: assertSeesPromises },
      schema: {
        tags,
        summary:
          '容缺承诺清单：数据范围内办件的容缺承诺，按状态筛选（state=overdue 已逾期，默认；open 待补交；fulfilled 已补交）',
        querystring: PromiseListQuery,
        response: { 200: PromiseListPage, ...errorResponses },
      },
    },
    async (req) => listPromises(db, requireActor(req), req.query, shanghaiDay(clock())),
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '办件详情：状态、期限、当前环节、可执行操作、文书和全程记录',
        params: CaseIdParam,
        response: { 200: CaseView, ...errorResponses },
      },
    },
    async (req) => read.getCaseView(db, requireActor(req), req.params.id, clock()),
  );

  app.put(
    '/api/cases/:id/draft',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '修改草稿（未提交的申请）：整体替换申请表和材料，需提交当前版本号',
        params: CaseIdParam,
        body: SaveDraftBody,
        response: { 200: CaseView, ...withUnprocessable },
      },
    },
    async (req) => apply.saveDraft(db, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/api/cases/:id/actions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          '办理操作（预审、补正告知、受理〔可带容缺材料 deferredMaterials、绿色通道 greenChannel〕、审查、决定、特别程序、制证、送达、撤回；四级联动 report-up 上报上级 / send-down 退回下级；supply-material 补交容缺材料），需提交当前版本号',
        params: CaseIdParam,
        body: ActionBody,
        headers: z.looseObject({
          prefer: z.string().optional().describe('return=minimal：只回应新版本号和状态，不返回办件全貌'),
        }),
        response: { 200: z.union([CaseActed, CaseView]), ...withUnprocessable },
      },
    },
    async (req, reply) => {
      const minimal = /\breturn=minimal\b/.test(req.headers.prefer ?? '');
      if (minimal) reply.header('preference-applied', 'return=minimal');
      const answer = await act.applyAction(db, ctx(req), req.params.id, req.body, { minimal });
      // Set once it succeeded (a problem keeps its own writer); a reply's own writer names no content type by itself.
      reply.serializer(minimal ? writeActed : writeView).type('application/json; charset=utf-8');
      return answer;
    },
  );

  app.get(
    '/api/cases/:id/checks',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '预审清单：窗口人员对每份材料的检查结论（符合 / 有问题及问题说明），保存在服务器上',
        params: CaseIdParam,
        response: { 200: CaseChecklist, ...errorResponses },
      },
    },
    async (req) => getChecklist(db, requireActor(req), req.params.id),
  );

  app.put(
    '/api/cases/:id/checks/:materialId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          '填写预审清单的一项：符合（ok）或有问题（problem，附问题说明）；未提交的材料不能标为符合；预审通过、补正告知、受理或不予受理时记入办件记录',
        params: CaseMaterialParam,
        body: CheckInput,
        response: { 200: CaseChecklist, ...withUnprocessable },
      },
    },
    async (req) => saveCheck(db, ctx(req), req.params.id, req.params.materialId, req.body),
  );

  app.get(
    '/api/cases/:id/documents/:docId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '下载办件文书（受理通知书、补正告知书、决定书、证照等）',
        params: CaseDocParam,
        querystring: DownloadQuery,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('文书文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const doc = await read.caseDocumentContent(db, requireActor(req), req.params.id, req.params.docId);
      return reply
        .type(doc.mediaType)
        .header('content-disposition', contentDisposition(doc.name, req.query.download ? 'attachment' : 'inline'))
        .header('cache-control', 'private, no-store')
        .send(doc.content);
    },
  );

  app.get(
    '/api/cases/:id/files/:fileId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '下载办件的申请材料文件',
        params: CaseFileParam,
        querystring: DownloadQuery,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: z.unknown().describe('材料文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { meta, content } = await read.caseFileContent(db, requireActor(req), req.params.id, req.params.fileId);
      return reply
        .type(meta.mediaType)
        .header('content-disposition', contentDisposition(meta.name, req.query.download ? 'attachment' : 'inline'))
        .header('cache-control', 'private, no-store')
        .header('etag', `"${meta.sha256}"`)
        .send(content);
    },
  );

  app.get(
    '/api/track',
    {
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          '办件进度查询（免登录）：办件编号 + 查询码（受理通知书和办件消息中所列）；同一办件编号一小时内查询失败 10 次后暂停查询（429）',
        security: [],
        querystring: TrackQuery,
        response: { 200: TrackView, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (req) => read.trackCase(db, req.query.number, req.query.code, clock()),
  );
}
