import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, paged, Problem } from '../../platform/schemas';
import * as svc from './catalog.service';
import { assertManagesCatalog, seesAllVersions } from './catalog.policy';
import { guideQrSvg, guideUrl, renderNoticePdf } from './catalog.notice';
import {
  AdminItemQuery,
  AdminItemRow,
  CodeParam,
  CreateItemBody,
  Delegation,
  DelegationBody,
  DraftBody,
  ItemDetail,
  ItemListQuery,
  ItemSummary,
  VersionParam,
  VersionSummary,
} from './catalog.schemas';

const tags = ['catalog'];
const ActiveResponse = z.object({ code: z.string(), active: z.boolean() });
const withUnprocessable = { ...errorResponses, 422: Problem };

/** Base URL of the portal as the client sees it (behind the proxy: X-Forwarded-* are trusted). */
const baseUrl = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

export function registerCatalogRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const ctx = (req: FastifyRequest) => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  // ---- public: 事项检索与办事指南 ----
  app.get(
    '/api/items',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '检索事项（分词全文检索，可按区划、部门、类型、层级筛选）',
        security: [],
        querystring: ItemListQuery,
        response: { 200: paged(ItemSummary), ...errorResponses },
      },
    },
    async (req) => svc.searchItems(db, req.query),
  );

  app.get(
    '/api/items/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '办事指南：事项当前发布版本的完整内容',
        security: [],
        params: CodeParam,
        response: { 200: ItemDetail, ...errorResponses },
      },
    },
    async (req) => svc.requirePublished(db, req.params.code),
  );

  app.get(
    '/api/items/:code/versions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '事项版本列表（草稿仅系统管理员可见）',
        security: [],
        params: CodeParam,
        response: { 200: z.array(VersionSummary), ...errorResponses },
      },
    },
    async (req) => svc.listVersions(db, req.params.code, seesAllVersions(req.actor)),
  );

  app.get(
    '/api/items/:code/versions/:version',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '查看事项的某一版本',
        security: [],
        params: VersionParam,
        response: { 200: ItemDetail, ...errorResponses },
      },
    },
    async (req) => svc.getVersionDetail(db, req.params.code, req.params.version, seesAllVersions(req.actor)),
  );

  app.get(
    '/api/items/:code/notice.pdf',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '打印一次性告知单（PDF）',
        security: [],
        params: CodeParam,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('PDF 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const item = await svc.requirePublished(db, req.params.code);
      const pdf = await renderNoticePdf(item, guideUrl(baseUrl(req), item.code), clock());
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="notice-${item.code}.pdf"; filename*=UTF-8''${encodeURIComponent(`一次性告知单-${item.name}.pdf`)}`,
        )
        .send(pdf);
    },
  );

  app.get(
    '/api/items/:code/qr.svg',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '办事指南二维码（SVG）',
        security: [],
        params: CodeParam,
        produces: ['image/svg+xml'],
        response: { 200: z.string().describe('SVG 图像'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const item = await svc.requirePublished(db, req.params.code);
      const svg = await guideQrSvg(guideUrl(baseUrl(req), item.code));
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=3600').send(svg);
    },
  );

  // ---- admin: 事项维护 ----
  app.get(
    '/api/admin/items',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '事项管理列表（含草稿、未发布和已取消事项）',
        querystring: AdminItemQuery,
        response: { 200: paged(AdminItemRow), ...errorResponses },
      },
    },
    async (req) => {
      return svc.adminList(db, req.query);
    },
  );

  app.post(
    '/api/items',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '新增事项（生成第 1 版草稿）',
        body: CreateItemBody,
        response: { 201: ItemDetail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.status(201).send(await svc.createItem(db, c, req.body));
    },
  );

  app.get(
    '/api/items/:code/draft',
    {
      config: { access: assertManagesCatalog },
      schema: { tags, summary: '查看事项草稿', params: CodeParam, response: { 200: ItemDetail, ...errorResponses } },
    },
    async (req) => {
      return svc.getDraft(db, req.params.code);
    },
  );

  app.put(
    '/api/items/:code/draft',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '保存事项草稿（新建下一版本或覆盖现有草稿，不影响已发布版本）',
        params: CodeParam,
        body: DraftBody,
        response: { 200: ItemDetail, ...errorResponses },
      },
    },
    async (req) => svc.saveDraft(db, ctx(req), req.params.code, req.body.guide),
  );

  app.post(
    '/api/items/:code/publish',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '发布事项草稿（原发布版本转为历史版本）',
        params: CodeParam,
        response: { 200: ItemDetail, ...withUnprocessable },
      },
    },
    async (req) => svc.publish(db, ctx(req), req.params.code),
  );

  app.post(
    '/api/items/:code/delegations',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '登记事项下放/赋权',
        params: CodeParam,
        body: DelegationBody,
        response: { 201: Delegation, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = ctx(req);
      return reply.status(201).send(await svc.addDelegation(db, c, req.params.code, req.body));
    },
  );

  app.post(
    '/api/items/:code/deactivate',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '取消事项（停止对外办理，不删除）',
        params: CodeParam,
        response: { 200: ActiveResponse, ...errorResponses },
      },
    },
    async (req) => svc.setActive(db, ctx(req), req.params.code, false),
  );

  app.post(
    '/api/items/:code/activate',
    {
      config: { access: assertManagesCatalog },
      schema: {
        tags,
        summary: '恢复已取消的事项',
        params: CodeParam,
        response: { 200: ActiveResponse, ...errorResponses },
      },
    },
    async (req) => svc.setActive(db, ctx(req), req.params.code, true),
  );
}
