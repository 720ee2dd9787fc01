import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { App } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { IdParam, Problem, errorResponses } from '../../platform/schemas';
import { todayInShanghai } from '../calendar/index';
import * as svc from './supervision.service';
import {
  assertDecides,
  assertEditsRules,
  assertExplains,
  assertSeesFigures,
  assertSeesWarnings,
  assertWatches,
} from './supervision.policy';
import {
  DecideBody,
  ExplainBody,
  Figures,
  FiguresQuery,
  Overview,
  OverviewQuery,
  Rule,
  RuleList,
  RuleParam,
  RulePatch,
  SweepQuery,
  SweepResponse,
  Warning,
  WarningListQuery,
  WarningPage,
} from './supervision.schemas';

const tags = ['supervision'];
const writeErrors = { ...errorResponses, 422: Problem };

/** How often the monitoring stream pushes the overview (tests may shorten it). */
export const STREAM_INTERVAL_MS = { value: 5000 };

export function registerSupervisionRoutes(app: App, db: Db, clock: () => Date) {
  app.get(
    '/api/supervision/warnings',
    {
      config: { access: assertSeesWarnings },
      schema: {
        tags,
        summary: '预警与红黄牌列表（按数据范围）',
        querystring: WarningListQuery,
        response: { 200: WarningPage, ...errorResponses },
      },
    },
    async (req) => svc.listWarnings(db, requireActor(req), req.query),
  );

  app.get(
    '/api/supervision/warnings/:id',
    {
      config: { access: assertSeesWarnings },
      schema: { tags, summary: '预警详情', params: IdParam, response: { 200: Warning, ...errorResponses } },
    },
    async (req) => svc.getWarning(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/supervision/warnings/:id/explain',
    {
      config: { access: assertExplains },
      schema: {
        tags,
        summary: '责任单位提交情况说明',
        params: IdParam,
        body: ExplainBody,
        response: { 200: Warning, ...writeErrors },
      },
    },
    async (req) => svc.explainWarning(db, requireActor(req), req.params.id, req.body.text, req.ip, clock()),
  );

  app.post(
    '/api/supervision/warnings/:id/decide',
    {
      config: { access: assertDecides },
      schema: {
        tags,
        summary: '效能监察员确认或撤销预警（不采纳说明即确认）',
        params: IdParam,
        body: DecideBody,
        response: { 200: Warning, ...writeErrors },
      },
    },
    async (req) => svc.decideWarning(db, requireActor(req), req.params.id, req.body, req.ip, clock()),
  );

  app.get(
    '/api/supervision/rules',
    {
      config: { access: assertWatches },
      schema: { tags, summary: '预警规则列表', response: { 200: RuleList, ...errorResponses } },
    },
    async (req) => svc.listRules(db, requireActor(req)),
  );

  app.patch(
    '/api/supervision/rules/:code',
    {
      config: { access: assertEditsRules },
      schema: {
        tags,
        summary: '修改预警规则（启用、参数）',
        params: RuleParam,
        body: RulePatch,
        response: { 200: Rule, ...writeErrors },
      },
    },
    async (req) => svc.updateRule(db, requireActor(req), req.params.code, req.body, req.ip, clock()),
  );

  app.post(
    '/api/supervision/sweep',
    {
      config: { access: assertWatches },
      schema: {
        tags,
        summary: '立即执行一次预警巡检（办件和 12345 热线工单，或由 source 指定其一）',
        querystring: SweepQuery,
        response: { 200: SweepResponse, ...errorResponses },
      },
    },
    async (req) => svc.runSweep(db, requireActor(req), req.ip, clock(), req.query.source),
  );

  app.get(
    '/api/supervision/overview',
    {
      config: { access: assertSeesWarnings },
      schema: {
        tags,
        summary: '运行监管总览：在办件时限状态、各级分布、未处理预警',
        querystring: OverviewQuery,
        response: { 200: Overview, ...errorResponses },
      },
    },
    async (req) => svc.overview(db, requireActor(req), req.query.regionCode, clock()),
  );

  app.get(
    '/api/supervision/stream',
    {
      config: { access: assertSeesWarnings },
      schema: {
        tags,
        summary: '运行监管实时推送（Server-Sent Events，每隔数秒推送总览）',
        querystring: OverviewQuery,
        produces: ['text/event-stream'],
        response: {
          200: z.unknown().describe('text/event-stream：event: overview，data: 总览 JSON'),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const region = req.query.regionCode;
      // Fails with a problem (403/404) before the stream opens.
      const first = await svc.overview(db, actor, region, clock());
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let closed = false;
      let last = '';
      const send = (o: unknown) => {
        if (closed) return;
        const json = JSON.stringify(o);
        // Push when something changed; a comment line keeps the connection alive otherwise.
        const sig = json.replace(/"generatedAt":"[^"]*"/, '');
        if (sig === last) res.write(': keep-alive\n\n');
        else res.write(`event: overview\ndata: ${json}\n\n`);
        last = sig;
      };
      res.write('retry: 5000\n\n');
      send(first);
      let busy = false;
      const timer = setInterval(() => {
        if (busy || closed) return;
        busy = true;
        svc
          .overview(db, actor, region, clock())
          .then(send)
          .catch((err) => req.log.warn({ err }, 'supervision stream update failed'))
          .finally(() => (busy = false));
      }, STREAM_INTERVAL_MS.value);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(timer);
        res.end();
      };
      req.raw.on('close', close);
      res.on('close', close);
    },
  );

  app.get(
    '/api/supervision/figures',
    {
      config: { access: assertSeesFigures },
      schema: {
        tags,
        summary: '效能统计（按区划、部门、大厅、人员或事项）',
        querystring: FiguresQuery,
        response: { 200: Figures, ...errorResponses },
      },
    },
    async (req) => svc.figures(db, requireActor(req), req.query, todayInShanghai(clock())),
  );

  app.get(
    '/api/supervision/figures.xlsx',
    {
      config: { access: assertSeesFigures },
      schema: {
        tags,
        summary: '导出效能统计（Excel）',
        querystring: FiguresQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Excel 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const x = await svc.figuresXlsx(db, requireActor(req), req.query, todayInShanghai(clock()));
      const name = `效能统计-${x.from}-${x.to}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="figures-${x.from}-${x.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(x.buffer);
    },
  );
}
