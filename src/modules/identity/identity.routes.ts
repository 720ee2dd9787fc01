import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { Config } from '../../platform/config';
import type { App } from '../../platform/module';
import { requireActor, requireRole } from '../../platform/auth';
import { SESSION_COOKIE } from '../../platform/http';
import { IdParam, PageQuery, errorResponses, paged, Problem } from '../../platform/schemas';
import * as svc from './identity.service';
import {
  ChangePasswordBody,
  CreateStaffBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  RegisterBody,
  ResetPasswordBody,
  StaffQuery,
  UpdateStaffBody,
  User,
} from './identity.schemas';

const Ok = z.object({ ok: z.literal(true) });

export function registerIdentityRoutes(app: App, db: Db, config: Config) {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '登录：返回令牌并设置会话 Cookie',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const r = await svc.login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        sessionHours: config.sessionHours,
      });
      reply.setCookie(SESSION_COOKIE, r.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        expires: r.expiresAt,
      });
      return r;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['identity'], summary: '退出登录', response: { 200: Ok, ...errorResponses } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await svc.logout(db, actor, req.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['identity'], summary: '当前登录用户', response: { 200: MeResponse, ...errorResponses } } },
    async (req) => {
      const actor = requireActor(req);
      return { user: await svc.getMe(db, actor), csrfToken: actor.csrfToken };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '申请人注册（自然人 / 法人）',
        security: [],
        body: RegisterBody,
        response: { 201: User, 400: Problem, 409: Problem, 429: Problem },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.registerApplicant(db, req.body, req.ip)),
  );

  app.put(
    '/api/auth/password',
    {
      schema: {
        tags: ['identity'],
        summary: '修改本人密码',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await svc.changePassword(db, actor, req.body.oldPassword, req.body.newPassword, req.ip);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/staff',
    {
      schema: {
        tags: ['identity'],
        summary: '工作人员列表（本级及下级区划；管理员，以及只读的监察人员）',
        querystring: PageQuery.extend(StaffQuery.shape),
        response: { 200: paged(User), ...errorResponses },
      },
    },
    async (req) => {
      // Supervisors read the roster of their subtree (e.g. to follow one clerk's cases); only administrators change it.
      const reader = requireRole(req, 'admin', 'supervisor');
      const { total, items } = await svc.listStaff(db, reader, req.query);
      return { total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/api/staff',
    {
      schema: {
        tags: ['identity'],
        summary: '新建工作人员账号',
        body: CreateStaffBody,
        response: { 201: User, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await svc.createStaff(db, requireRole(req, 'admin'), req.body, req.ip)),
  );

  app.get(
    '/api/staff/:id',
    {
      schema: {
        tags: ['identity'],
        summary: '工作人员详情',
        params: IdParam,
        response: { 200: User, ...errorResponses },
      },
    },
    async (req) => svc.getStaff(db, requireRole(req, 'admin'), req.params.id),
  );

  app.patch(
    '/api/staff/:id',
    {
      schema: {
        tags: ['identity'],
        summary: '修改工作人员（角色、区划、部门、大厅、窗口）',
        params: IdParam,
        body: UpdateStaffBody,
        response: { 200: User, ...errorResponses },
      },
    },
    async (req) => svc.updateStaff(db, requireRole(req, 'admin'), req.params.id, req.body, req.ip),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/api/staff/:id/${verb}`,
      {
        schema: {
          tags: ['identity'],
          summary: active ? '启用工作人员账号' : '停用工作人员账号（保留历史）',
          params: IdParam,
          response: { 200: User, ...errorResponses, 422: Problem },
        },
      },
      async (req) => svc.setStaffActive(db, requireRole(req, 'admin'), req.params.id, active, req.ip),
    );
  }

  app.post(
    '/api/staff/:id/reset-password',
    {
      schema: {
        tags: ['identity'],
        summary: '重置工作人员密码',
        params: IdParam,
        body: ResetPasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await svc.resetStaffPassword(db, requireRole(req, 'admin'), req.params.id, req.body.password, req.ip);
      return { ok: true as const };
    },
  );
}
