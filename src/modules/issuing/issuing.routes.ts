import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, IdParam, Problem } from '../../platform/schemas';
import * as svc from './issuing.service';
import { assertIssues, assertSeesStats } from './issuing.policy';
import { statsWorkbook } from './issuing.xlsx';
import {
  BatchBody,
  BatchView,
  QueuePage,
  QueueQuery,
  ReceiptBody,
  ReturnBody,
  StatsQuery,
  StatsView,
  WaybillBody,
  WaybillCreated,
  WaybillListQuery,
  WaybillPage,
  WaybillView,
} from './issuing.schemas';

const tags = ['issuing'];
const withUnprocessable = { ...errorResponses, 422: Problem };

export function registerIssuingRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const ctxOf = (req: FastifyRequest) => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  app.get(
    '/api/issuing/queue',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '出件窗口队列：待制证（已准予）或待送达（已制证）的办件，跨部门，绿色通道优先',
        querystring: QueueQuery,
        response: { 200: QueuePage, ...errorResponses },
      },
    },
    async (req) => svc.queue(db, requireActor(req), req.query),
  );

  app.post(
    '/api/issuing/batches',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '统一制证：按批次为多件办件制发证照（逐件办理，逐件报告成功或失败）',
        body: BatchBody,
        response: { 201: BatchView, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.issueBatch(db, ctxOf(req), req.body)),
  );

  app.get(
    '/api/issuing/batches/:id',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '制证批次详情（含待打印的证照文书 ID 列表）',
        params: IdParam,
        response: { 200: BatchView, ...errorResponses },
      },
    },
    async (req) => svc.getBatch(db, requireActor(req), req.params.id),
  );

  app.get(
    '/api/issuing/batches/:id/list.pdf',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '打印制证批次交接清单（PDF）',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('PDF 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const pdf = await svc.batchListPdf(db, requireActor(req), req.params.id);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="issuing-batch-${req.params.id}.pdf"; filename*=UTF-8''${encodeURIComponent('制证批次交接清单.pdf')}`,
        )
        .send(pdf);
    },
  );

  app.post(
    '/api/issuing/waybills',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '快递制单并送达：生成运单号，办件以快递方式送达办结（同一事务）',
        body: WaybillBody,
        response: { 201: WaybillCreated, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createWaybill(db, ctxOf(req), req.body)),
  );

  app.get(
    '/api/issuing/waybills',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '快递运单列表（电话脱敏）',
        querystring: WaybillListQuery,
        response: { 200: WaybillPage, ...errorResponses },
      },
    },
    async (req) => svc.listWaybills(db, requireActor(req), req.query),
  );

  app.post(
    '/api/issuing/waybills/:id/dispatch',
    {
      config: { access: assertIssues },
      schema: { tags, summary: '运单揽收发出', params: IdParam, response: { 200: WaybillView, ...errorResponses } },
    },
    async (req) => svc.dispatchWaybill(db, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/issuing/waybills/:id/receipt',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '登记签收回执（签收人、签收时间）',
        params: IdParam,
        body: ReceiptBody,
        response: { 200: WaybillView, ...errorResponses },
      },
    },
    async (req) => svc.recordReceipt(db, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/issuing/waybills/:id/return',
    {
      config: { access: assertIssues },
      schema: {
        tags,
        summary: '登记运单退回（须填写原因）',
        params: IdParam,
        body: ReturnBody,
        response: { 200: WaybillView, ...errorResponses },
      },
    },
    async (req) => svc.returnWaybill(db, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/issuing/stats',
    {
      config: { access: assertSeesStats },
      schema: {
        tags,
        summary: '免费寄递统计：运单数、免费数、邮费合计、准予至签收平均天数',
        querystring: StatsQuery,
        response: { 200: StatsView, ...errorResponses },
      },
    },
    async (req) => svc.stats(db, requireActor(req), req.query),
  );

  app.get(
    '/api/issuing/stats.xlsx',
    {
      config: { access: assertSeesStats },
      schema: {
        tags,
        summary: '导出免费寄递统计表（Excel）',
        querystring: StatsQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Excel 工作簿'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const buf = await statsWorkbook(await svc.stats(db, requireActor(req), req.query), clock());
      const name = `寄递统计_${req.query.from ?? ''}_${req.query.to ?? ''}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="issuing-stats.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );
}
