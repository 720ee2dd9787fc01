import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses, IdParam, Problem } from '../../platform/schemas';
import {
  CitizenCategory,
  EvaluationBody,
  MyTicketBody,
  MyTicketPage,
  MyTicketQuery,
  MyTicketView,
} from './hotline.citizen.schemas';
import * as svc from './hotline.citizen.service';
import { categoriesOf, type Ctx } from './hotline.context';
import { assertFilesOnline } from './hotline.policy';

const tags = ['hotline'];

export function registerCitizenRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  const access = assertFilesOnline;

  app.get(
    '/api/my/hotline-categories',
    {
      config: { access },
      schema: {
        tags,
        summary: '12345 留言可选的诉求分类（平铺，parentCode 指向上级）',
        response: { 200: z.array(CitizenCategory), ...errorResponses },
      },
    },
    async () =>
      [...(await categoriesOf(db)).values()]
        .filter((c) => c.active)
        .map((c) => ({ code: c.code, name: c.name, parentCode: c.parent_code })),
  );

  app.post(
    '/api/my/hotline-tickets',
    {
      config: { access },
      schema: {
        tags,
        summary: '网上提交 12345 留言（来电人为当前账号，可匿名；附件先经 /api/files 上传）',
        body: MyTicketBody,
        response: { 201: MyTicketView, ...errorResponses, 422: Problem },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.fileTicket(db, ctx(req), req.body)),
  );

  app.get(
    '/api/my/hotline-tickets',
    {
      config: { access },
      schema: {
        tags,
        summary: '我的 12345 工单（本人提交的，含办理状态）',
        querystring: MyTicketQuery,
        response: { 200: MyTicketPage, ...errorResponses },
      },
    },
    async (req) => svc.listMyTickets(db, requireActor(req), req.query),
  );

  app.get(
    '/api/my/hotline-tickets/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: '我的 12345 工单详情：办理状态、时限、公开的办理进度、答复和评价',
        params: IdParam,
        response: { 200: MyTicketView, ...errorResponses },
      },
    },
    async (req) => svc.getMyTicket(db, requireActor(req), req.params.id, clock()),
  );

  app.post(
    '/api/my/hotline-tickets/:id/evaluation',
    {
      config: { access },
      schema: {
        tags,
        summary: '评价办理结果（即回访：不满意时退回承办单位重新办理；version 过期时 409）',
        params: IdParam,
        body: EvaluationBody,
        response: { 200: MyTicketView, ...errorResponses, 422: Problem },
      },
    },
    async (req) => svc.evaluate(db, ctx(req), req.params.id, req.body),
  );
}
