import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, IdParam, paged, Problem } from '../../platform/schemas';
import * as svc from './bundles.service';
import { assertManagesBundles } from './bundles.policy';
import {
  ApplicationBody,
  ApplicationCreated,
  ApplicationListQuery,
  ApplicationSummary,
  CaseIdParam,
  CaseLinks,
  CaseLinksQuery,
  ApplicationView,
  BundleCodeParam,
  BundleDetail,
  BundleListQuery,
  BundleSummary,
  CreateBundleBody,
  UpdateBundleBody,
} from './bundles.schemas';

const tags = ['bundles'];
const withUnprocessable = { ...errorResponses, 422: Problem };

const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string({ error: '请在请求头 Idempotency-Key 中提供幂等键（每次新申请一个新值，如 UUID）' })
    .trim()
    .min(1, '幂等键不能为空')
    .max(150, '幂等键最多 150 个字符'),
});

export function registerBundleRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const ctxOf = (req: FastifyRequest) => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  app.get(
    '/api/bundles',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '一件事一次办：主题列表',
        security: [],
        querystring: BundleListQuery,
        response: { 200: paged(BundleSummary), ...errorResponses },
      },
    },
    async (req) => svc.listBundles(db, req.actor, req.query),
  );

  app.get(
    '/api/bundles/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '一件事主题详情：合并后的申请表（按字段键取并集）与去重后的材料清单',
        security: [],
        params: BundleCodeParam,
        response: { 200: BundleDetail, ...withUnprocessable },
      },
    },
    async (req) => svc.getBundleDetail(db, req.actor, req.params.code),
  );

  app.post(
    '/api/bundles',
    {
      config: { access: assertManagesBundles },
      schema: {
        tags,
        summary: '新增一件事主题（保存时校验事项与表单字段冲突）',
        body: CreateBundleBody,
        response: { 201: BundleDetail, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createBundle(db, ctxOf(req), req.body)),
  );

  app.put(
    '/api/bundles/:code',
    {
      config: { access: assertManagesBundles },
      schema: {
        tags,
        summary: '修改一件事主题（需提交当前版本号）',
        params: BundleCodeParam,
        body: UpdateBundleBody,
        response: { 200: BundleDetail, ...withUnprocessable },
      },
    },
    async (req) => svc.updateBundle(db, ctxOf(req), req.params.code, req.body),
  );

  app.delete(
    '/api/bundles/:code',
    {
      config: { access: assertManagesBundles },
      schema: {
        tags,
        summary: '停用一件事主题（已提交的申请仍可查询）',
        params: BundleCodeParam,
        response: { 200: z.object({ code: z.string(), active: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => svc.deactivateBundle(db, ctxOf(req), req.params.code),
  );

  app.post(
    '/api/bundles/:code/applications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          '一件事申请：一张表单、一套材料，为每个事项各生成一件关联办件（全部成功或全部不生成）；需 Idempotency-Key 请求头',
        params: BundleCodeParam,
        headers: IdempotencyHeaders,
        body: ApplicationBody,
        response: { 201: ApplicationCreated, ...withUnprocessable },
      },
    },
    async (req, reply) => {
      const r = await svc.apply(db, ctxOf(req), req.params.code, req.body, req.headers['idempotency-key']);
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(r);
    },
  );

  app.get(
    '/api/bundle-applications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '我的一件事：本人提交的一件事申请及整体进度（可按主题名称或办件编号查询）',
        querystring: ApplicationListQuery,
        response: { 200: paged(ApplicationSummary), ...errorResponses },
      },
    },
    async (req) => svc.listMyApplications(db, requireActor(req), req.query, clock()),
  );

  app.get(
    '/api/bundle-applications/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '一件事办理进度：各关联办件状态、总时限与剩余工作日（申请人；工作人员仅见本人数据范围内的办件）',
        params: IdParam,
        response: { 200: ApplicationView, ...errorResponses },
      },
    },
    async (req) => svc.getApplicationView(db, requireActor(req), req.params.id, clock()),
  );

  app.get(
    '/api/bundle-applications/case-links',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '一件事标记：所列办件中哪些属于一件事（仅答复本人可见的办件；工作台列表用）',
        querystring: CaseLinksQuery,
        response: { 200: CaseLinks, ...errorResponses },
      },
    },
    async (req) => svc.bundleLinksFor(db, requireActor(req), req.query.caseIds),
  );

  app.get(
    '/api/bundle-applications/by-case/:caseId',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '办件所属的一件事申请及其关联办件（办件不属于一件事时为 null；不在数据范围内时 404）',
        params: CaseIdParam,
        response: { 200: ApplicationView.nullable(), ...errorResponses },
      },
    },
    async (req) => svc.getApplicationForCase(db, requireActor(req), req.params.caseId, clock()),
  );
}
