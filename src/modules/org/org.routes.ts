import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { App, ModuleContext } from '../../platform/module';
import { IdParam, Problem, errorResponses, paged } from '../../platform/schemas';
import { assertManagesOrg, requireOrgAdmin } from './org.policy';
import * as svc from './org.service';
import {
  ChildrenQuery,
  CreateDepartmentBody,
  CreateHallBody,
  CreateRegionBody,
  CreateWindowBody,
  DepartmentDetail,
  DepartmentOut,
  DepartmentQuery,
  HallDetail,
  HallOut,
  HallQuery,
  RegionChild,
  RegionCodeParam,
  RegionDetail,
  RegionOut,
  RegionSearchQuery,
  UpdateDepartmentBody,
  UpdateHallBody,
  UpdateRegionBody,
  UpdateWindowBody,
  WindowOut,
} from './org.schemas';

const tags = ['org'];
/** Public reads need no sign-in (the portal uses them). */
const open = { security: [] };
const publicErrors = { 400: Problem, 404: Problem };
const writeErrors = { ...errorResponses, 422: Problem };

const TOGGLES = [
  ['deactivate', false],
  ['activate', true],
] as const;

export function registerOrgRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  /** The administrator behind a write, with the request's IP for the audit trail and its instant. */
  const writer = (req: FastifyRequest): svc.WriteContext => ({ actor: requireOrgAdmin(req), ip: req.ip, now: clock() });

  // ------------------------------------------------------------ regions
  app.get(
    '/api/regions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '按名称搜索区划（分页）',
        querystring: RegionSearchQuery,
        response: { 200: paged(RegionOut), ...publicErrors },
      },
    },
    async (req) => {
      const { total, items } = await svc.searchRegions(db, req.query);
      return { total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '区划详情（含上级路径和下级数量）',
        params: RegionCodeParam,
        response: { 200: RegionDetail, ...publicErrors },
      },
    },
    async (req) => svc.getRegionDetail(db, req.params.code),
  );

  app.get(
    '/api/regions/:code/children',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '下级区划列表',
        params: RegionCodeParam,
        querystring: ChildrenQuery,
        response: { 200: z.object({ items: z.array(RegionChild) }), ...publicErrors },
      },
    },
    async (req) => ({ items: await svc.listChildren(db, req.params.code, req.query.includeInactive) }),
  );

  app.post(
    '/api/regions',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '新增区划（系统管理员）',
        body: CreateRegionBody,
        response: { 201: RegionOut, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createRegion(db, writer(req), req.body)),
  );

  app.patch(
    '/api/regions/:code',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '修改区划名称或排序',
        params: RegionCodeParam,
        body: UpdateRegionBody,
        response: { 200: RegionOut, ...writeErrors },
      },
    },
    async (req) => svc.updateRegion(db, writer(req), req.params.code, req.body),
  );

  for (const [verb, active] of TOGGLES) {
    app.post(
      `/api/regions/:code/${verb}`,
      {
        config: { access: assertManagesOrg },
        schema: {
          tags,
          summary: active ? '启用区划' : '停用区划（不删除；须先停用下级区划）',
          params: RegionCodeParam,
          response: { 200: RegionOut, ...writeErrors },
        },
      },
      async (req) => svc.setRegionActive(db, writer(req), req.params.code, active),
    );
  }

  // ------------------------------------------------------------ departments
  app.get(
    '/api/departments',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '部门列表（委办局、审批局、审批办等）',
        querystring: DepartmentQuery,
        response: { 200: paged(DepartmentOut), ...publicErrors },
      },
    },
    async (req) => {
      const { total, items } = await svc.listDepartments(db, req.query);
      return { total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/departments/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '部门详情（含下设审批办）',
        params: IdParam,
        response: { 200: DepartmentDetail, ...publicErrors },
      },
    },
    async (req) => svc.getDepartmentDetail(db, req.params.id),
  );

  app.post(
    '/api/departments',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '新增部门（系统管理员）',
        body: CreateDepartmentBody,
        response: { 201: DepartmentOut, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createDepartment(db, writer(req), req.body)),
  );

  app.patch(
    '/api/departments/:id',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '修改部门名称、简称、信用代码或排序',
        params: IdParam,
        body: UpdateDepartmentBody,
        response: { 200: DepartmentOut, ...writeErrors },
      },
    },
    async (req) => svc.updateDepartment(db, writer(req), req.params.id, req.body),
  );

  for (const [verb, active] of TOGGLES) {
    app.post(
      `/api/departments/:id/${verb}`,
      {
        config: { access: assertManagesOrg },
        schema: {
          tags,
          summary: active ? '启用部门' : '停用部门（不删除；须先停用其审批办并调整窗口）',
          params: IdParam,
          response: { 200: DepartmentOut, ...writeErrors },
        },
      },
      async (req) => svc.setDepartmentActive(db, writer(req), req.params.id, active),
    );
  }

  // ------------------------------------------------------------ halls and windows
  app.get(
    '/api/halls',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '政务服务大厅列表（可按区划含下级筛选）',
        querystring: HallQuery,
        response: { 200: paged(HallOut), ...publicErrors },
      },
    },
    async (req) => {
      const { total, items } = await svc.listHalls(db, req.query);
      return { total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/api/halls/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        ...open,
        summary: '大厅详情（含窗口）',
        params: IdParam,
        response: { 200: HallDetail, ...publicErrors },
      },
    },
    async (req) => svc.getHallDetail(db, req.params.id),
  );

  app.post(
    '/api/halls',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '新增大厅 / 便民服务中心 / 便民服务站',
        body: CreateHallBody,
        response: { 201: HallOut, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createHall(db, writer(req), req.body)),
  );

  app.patch(
    '/api/halls/:id',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '修改大厅信息',
        params: IdParam,
        body: UpdateHallBody,
        response: { 200: HallDetail, ...writeErrors },
      },
    },
    async (req) => svc.updateHall(db, writer(req), req.params.id, req.body),
  );

  for (const [verb, active] of TOGGLES) {
    app.post(
      `/api/halls/:id/${verb}`,
      {
        config: { access: assertManagesOrg },
        schema: {
          tags,
          summary: active ? '启用大厅' : '停用大厅（同时关闭其窗口）',
          params: IdParam,
          response: { 200: HallDetail, ...writeErrors },
        },
      },
      async (req) => svc.setHallActive(db, writer(req), req.params.id, active),
    );
  }

  app.post(
    '/api/halls/:id/windows',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '新增窗口',
        params: IdParam,
        body: CreateWindowBody,
        response: { 201: WindowOut, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createWindow(db, writer(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/windows/:id',
    {
      config: { access: assertManagesOrg },
      schema: {
        tags,
        summary: '修改窗口名称、类型或所属部门',
        params: IdParam,
        body: UpdateWindowBody,
        response: { 200: WindowOut, ...writeErrors },
      },
    },
    async (req) => svc.updateWindow(db, writer(req), req.params.id, req.body),
  );

  for (const [verb, active] of TOGGLES) {
    app.post(
      `/api/windows/:id/${verb}`,
      {
        config: { access: assertManagesOrg },
        schema: {
          tags,
          summary: active ? '启用窗口' : '停用窗口',
          params: IdParam,
          response: { 200: WindowOut, ...writeErrors },
        },
      },
      async (req) => svc.setWindowActive(db, writer(req), req.params.id, active),
    );
  }
}
