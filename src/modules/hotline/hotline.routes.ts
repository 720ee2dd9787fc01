import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses, IdParam, Problem } from '../../platform/schemas';
import type { Ctx } from './hotline.context';
import {
  assertEditsKb,
  assertKeepsRules,
  assertReadsKb,
  assertReadsRules,
  assertReceivesCalls,
  assertRegisters,
  assertSeesTickets,
} from './hotline.policy';
import * as read from './hotline.read';
import {
  ActionBody,
  CallBody,
  CallerQuery,
  CallView,
  CategoryList,
  CreateTicketBody,
  FigureRow,
  FiguresQuery,
  KbActionBody,
  KbBody,
  KbCounts,
  KbPage,
  KbQuery,
  KbUpdateBody,
  KbView,
  RuleBody,
  RuleList,
  RuleView,
  TicketItem,
  TicketListQuery,
  TicketPage,
  TicketView,
} from './hotline.schemas';
import { hotlineFigures } from './hotline.figures';
import * as kb from './hotline.kb';
import * as svc from './hotline.service';
import { actOnTicket, createTicket } from './hotline.tickets';

const tags = ['hotline'];
const withUnprocessable = { ...errorResponses, 422: Problem };

export function registerHotlineRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  /** The use case's context: who asks, from where, and the instant of the request (read once). */
  const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip, now: clock() });

  app.get(
    '/api/hotline/categories',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary: '工单分类树（平铺，parentCode 指向上级）',
        response: { 200: CategoryList, ...errorResponses },
      },
    },
    async () => svc.listCategories(db),
  );

  app.get(
    '/api/hotline/tickets',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary:
          '工单列表（热线中心看全部，承办单位看派给本单位及下级的工单；来电人脱敏），可按状态、承办单位、类型、分类、关键词筛选',
        querystring: TicketListQuery,
        response: { 200: TicketPage, ...errorResponses },
      },
    },
    async (req) => read.listTickets(db, requireActor(req), req.query),
  );

  app.post(
    '/api/hotline/tickets',
    {
      config: { access: assertRegisters },
      schema: {
        tags,
        summary: '登记工单（话务员接听来电时登记；可关联话单、办件或窗口人员；可匿名）',
        body: CreateTicketBody,
        response: { 201: TicketView, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createTicket(db, ctx(req), req.body)),
  );

  app.get(
    '/api/hotline/tickets/:id',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary: '工单详情：办理时限（deadline）、办理记录（history）、当前可执行的操作（availableActions）和版本号',
        params: IdParam,
        response: { 200: TicketView, ...errorResponses },
      },
    },
    async (req) => read.getTicketView(db, requireActor(req), req.params.id, clock()),
  );

  app.post(
    '/api/hotline/tickets/:id/actions',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary:
          '对工单执行操作：直接答复、派单、签收、二次派单、退单及审核、延期申请及审批、答复、审核、回访、并单（version 过期时 409）',
        params: IdParam,
        body: ActionBody,
        response: { 200: TicketView, ...withUnprocessable },
      },
    },
    async (req) => actOnTicket(db, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/api/hotline/calls',
    {
      config: { access: assertReceivesCalls },
      schema: {
        tags,
        summary:
          '登记来电话单（话务系统以话务员或热线中心账号的令牌推送：来电号码、起止时间、录音编号），返回该号码此前的工单',
        body: CallBody,
        response: { 201: CallView, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.recordCall(db, ctx(req), req.body)),
  );

  app.get(
    '/api/hotline/caller-tickets',
    {
      config: { access: assertReceivesCalls },
      schema: {
        tags,
        summary: '来电人此前的工单（按电话号码，最近 20 件）',
        querystring: CallerQuery,
        response: { 200: z.array(TicketItem), ...errorResponses },
      },
    },
    async (req) => svc.callerHistory(db, requireActor(req), req.query.phone),
  );

  app.get(
    '/api/hotline/dispatch-rules',
    {
      config: { access: assertReadsRules },
      schema: { tags, summary: '派单规则：分类 × 区划 → 承办单位', response: { 200: RuleList, ...errorResponses } },
    },
    async () => svc.listRules(db),
  );

  app.put(
    '/api/hotline/dispatch-rules',
    {
      config: { access: assertKeepsRules },
      schema: {
        tags,
        summary: '设置派单规则（同一分类和区划只有一条：再次设置即替换）',
        body: RuleBody,
        response: { 200: RuleView, ...errorResponses },
      },
    },
    async (req) => svc.putRule(db, ctx(req), req.body),
  );

  app.delete(
    '/api/hotline/dispatch-rules/:id',
    {
      config: { access: assertKeepsRules },
      schema: {
        tags,
        summary: '删除派单规则',
        params: IdParam,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      await svc.deleteRule(db, ctx(req), req.params.id);
      return { id: req.params.id };
    },
  );

  app.get(
    '/api/hotline/kb',
    {
      config: { access: assertReadsKb },
      schema: {
        tags,
        summary: '检索知识库（中文分词，按问题命中、全文命中和使用次数排序；热线中心可按状态查看未发布条目）',
        querystring: KbQuery,
        response: { 200: KbPage, ...errorResponses },
      },
    },
    async (req) => kb.searchKb(db, requireActor(req), req.query, clock()),
  );

  app.get(
    '/api/hotline/kb/:id',
    {
      config: { access: assertReadsKb },
      schema: { tags, summary: '知识条目及其历次版本', params: IdParam, response: { 200: KbView, ...errorResponses } },
    },
    async (req) => kb.getKbEntry(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/hotline/kb',
    {
      config: { access: assertEditsKb },
      schema: { tags, summary: '新建知识条目（草稿）', body: KbBody, response: { 201: KbView, ...errorResponses } },
    },
    async (req, reply) => reply.status(201).send(await kb.createKbEntry(db, ctx(req), req.body)),
  );

  app.put(
    '/api/hotline/kb/:id',
    {
      config: { access: assertEditsKb },
      schema: {
        tags,
        summary: '修改知识条目（生成新版本并回到草稿，须重新审核发布；version 过期时 409）',
        params: IdParam,
        body: KbUpdateBody,
        response: { 200: KbView, ...errorResponses },
      },
    },
    async (req) => kb.updateKbEntry(db, ctx(req), req.params.id, req.body),
  );

  app.post(
    '/api/hotline/kb/:id/actions',
    {
      config: { access: assertEditsKb },
      schema: {
        tags,
        summary: '知识条目流转：提交审核、审核发布、退回修改、下架、重新上架',
        params: IdParam,
        body: KbActionBody,
        response: { 200: KbView, ...errorResponses },
      },
    },
    async (req) => kb.actOnKbEntry(db, ctx(req), req.params.id, req.body.action, req.body.version),
  );

  app.post(
    '/api/hotline/kb/:id/not-helpful',
    {
      config: { access: assertReadsKb },
      schema: {
        tags,
        summary: '反馈知识条目“没有帮助”',
        params: IdParam,
        response: { 200: KbCounts, ...errorResponses },
      },
    },
    async (req) => kb.markNotHelpful(db, ctx(req), req.params.id),
  );

  app.get(
    '/api/hotline/figures',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary:
          '热线考核指标：按承办单位、一级分类或县区统计登记量、直接答复数、签收率、按时办结率、解决率、满意率、重办率（按登记日期）',
        querystring: FiguresQuery,
        response: { 200: z.array(FigureRow), ...errorResponses },
      },
    },
    async (req) => hotlineFigures(db, requireActor(req), req.query),
  );
}
