import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db';
import type { App } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, IdParam, Problem } from '../../platform/schemas';
import * as svc from './regulation.service';
import * as plans from './regulation.plans';
import { assertAdmin, assertStaff } from './regulation.policy';
import * as s from './regulation.schemas';
import { pushLedgerWorkbook } from './regulation.xlsx';

/** Rows in one Excel export (a ledger, not a data dump). */
const EXPORT_LIMIT = 5000;

const tags = ['regulation'];
const withUnprocessable = { ...errorResponses, 422: Problem };
export function registerRegulationRoutes(app: App, db: Db, clock: () => Date) {
  const ctxOf = (req: FastifyRequest) => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  // ---- 监管事项配置: item → regulator department
  app.get(
    '/api/regulation/assignments',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '监管事项配置列表：事项由哪个监管部门实施事中事后监管',
        querystring: s.AssignmentQuery,
        response: { 200: s.AssignmentPage, ...errorResponses },
      },
    },
    async (req) => svc.listAssignments(db, requireActor(req), req.query),
  );
  app.post(
    '/api/regulation/assignments',
    {
      config: { access: assertAdmin },
      schema: {
        tags,
        summary: '新增监管事项配置（管理员；已准予但未配置的办件随即补推送）',
        body: s.AssignmentBody,
        response: { 201: s.AssignmentCreated, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createAssignment(db, ctxOf(req), req.body)),
  );
  app.put(
    '/api/regulation/assignments/:id',
    {
      config: { access: assertAdmin },
      schema: {
        tags,
        summary: '修改监管事项配置的监管部门（管理员）',
        params: IdParam,
        body: s.AssignmentUpdate,
        response: { 200: s.AssignmentView, ...errorResponses },
      },
    },
    async (req) => svc.updateAssignment(db, ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/regulation/assignments/:id',
    {
      config: { access: assertAdmin },
      schema: {
        tags,
        summary: '删除监管事项配置（管理员）',
        params: IdParam,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
    },
    async (req) => {
      await svc.deleteAssignment(db, ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  // ---- 双推送
  app.get(
    '/api/regulation/pushes',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '审批结果推送列表：inbox 为监管部门接收箱，outbox 为审批部门查看推送去向与监管结果',
        querystring: s.PushQuery,
        response: { 200: s.PushPage, ...errorResponses },
      },
    },
    async (req) => svc.listPushes(db, requireActor(req), req.query, clock()),
  );
  app.get(
    '/api/regulation/pushes.xlsx',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '导出审批结果推送台账（Excel，与列表相同的筛选，最多 5000 条）',
        querystring: s.PushQuery.omit({ page: true, pageSize: true }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Excel 工作簿'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const now = clock();
      const page = await svc.listPushes(db, requireActor(req), { ...req.query, page: 1, pageSize: EXPORT_LIMIT }, now);
      const title = req.query.box === 'inbox' ? '审批结果推送接收台账' : '审批结果推送及监管结果反馈台账';
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="pushes.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`,
        )
        .send(await pushLedgerWorkbook(title, page.items, now));
    },
  );
  app.get(
    '/api/regulation/pushes/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: '推送记录详情', params: IdParam, response: { 200: s.PushView, ...errorResponses } },
    },
    async (req) => svc.getPush(db, requireActor(req), req.params.id, clock()),
  );
  app.post(
    '/api/regulation/pushes/:id/receive',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '监管部门签收审批结果推送',
        params: IdParam,
        body: s.ReceiveBody,
        response: { 200: s.PushView, ...withUnprocessable },
      },
    },
    async (req) => svc.receivePush(db, ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/regulation/pushes/:id/result',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '监管部门反馈监管结果（合格、责令整改、立案查处等）',
        params: IdParam,
        body: s.ResultBody,
        response: { 200: s.PushView, ...withUnprocessable },
      },
    },
    async (req) => svc.returnResult(db, ctxOf(req), req.params.id, req.body),
  );

  // ---- 名录库
  app.get(
    '/api/regulation/entities',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '检查对象名录库（由准予许可的办件生成）',
        querystring: s.EntityQuery,
        response: { 200: s.EntityPage, ...errorResponses },
      },
    },
    async (req) => svc.listEntities(db, requireActor(req), req.query),
  );
  app.get(
    '/api/regulation/inspectors',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '执法检查人员名录库',
        querystring: s.InspectorQuery,
        response: { 200: s.InspectorPage, ...errorResponses },
      },
    },
    async (req) => svc.listInspectors(db, requireActor(req), req.query),
  );
  app.post(
    '/api/regulation/inspectors',
    {
      config: { access: assertAdmin },
      schema: {
        tags,
        summary: '将监管部门工作人员加入执法检查人员名录库（管理员）',
        body: s.InspectorBody,
        response: { 201: s.InspectorView, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.addInspector(db, ctxOf(req), req.body)),
  );
  app.put(
    '/api/regulation/inspectors/:accountId',
    {
      config: { access: assertAdmin },
      schema: {
        tags,
        summary: '修改执法检查人员信息（执法证号、居住地、申报回避、在岗）',
        params: s.AccountParam,
        body: s.InspectorUpdate,
        response: { 200: s.InspectorView, ...errorResponses },
      },
    },
    async (req) => svc.updateInspector(db, ctxOf(req), req.params.accountId, req.body),
  );

  // ---- 双随机抽查计划
  app.get(
    '/api/regulation/plans',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '双随机抽查计划列表',
        querystring: s.PlanQuery,
        response: { 200: s.PlanPage, ...errorResponses },
      },
    },
    async (req) => plans.listPlans(db, requireActor(req), req.query),
  );
  app.post(
    '/api/regulation/plans',
    {
      config: { access: assertStaff },
      schema: {
        tags,
        summary: '新建双随机抽查计划',
        body: s.PlanBody,
        response: { 201: s.PlanView, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await plans.createPlan(db, ctxOf(req), req.body)),
  );
  app.get(
    '/api/regulation/plans/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '抽查计划详情（含抽取结果与检查结果）',
        params: IdParam,
        response: { 200: s.PlanView, ...errorResponses },
      },
    },
    async (req) => plans.getPlan(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/regulation/plans/:id/draw',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '随机抽取检查对象和执法检查人员（记录随机种子，结果不可更改）',
        params: IdParam,
        body: s.PlanAction,
        response: { 200: s.PlanView, ...withUnprocessable },
      },
    },
    async (req) => plans.drawPlan(db, ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/regulation/plans/:id/verify',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '以记录的随机种子和候选名单复核抽取结果',
        params: IdParam,
        response: { 200: s.VerifyView, ...withUnprocessable },
      },
    },
    async (req) => plans.verifyDraw(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/regulation/plans/:id/targets/:targetId/result',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '录入检查对象的检查结果',
        params: s.TargetParams,
        body: s.TargetResultBody,
        response: { 200: s.TargetView, ...withUnprocessable },
      },
    },
    async (req) => plans.recordTargetResult(db, ctxOf(req), req.params.id, req.params.targetId, req.body),
  );
  app.post(
    '/api/regulation/plans/:id/publish',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '公示抽查结果（一公开）',
        params: IdParam,
        body: s.PlanAction,
        response: { 200: s.PlanView, ...withUnprocessable },
      },
    },
    async (req) => plans.publishPlan(db, ctxOf(req), req.params.id, req.body),
  );

  // ---- public: 抽查结果公示 (no login)
  app.get(
    '/api/public/inspections',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '双随机抽查结果公示列表（公开）',
        querystring: s.PublicPlanQuery,
        response: { 200: s.PublicPlanPage, 400: Problem },
      },
    },
    async (req) => plans.listPublishedPlans(db, req.query),
  );
  app.get(
    '/api/public/inspections/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '双随机抽查结果公示详情（公开，个人信息脱敏）',
        params: IdParam,
        response: { 200: s.PublicPlanView, 400: Problem, 404: Problem },
      },
    },
    async (req) => plans.getPublishedPlan(db, req.params.id),
  );
}
