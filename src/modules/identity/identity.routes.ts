import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { Config } from '../../platform/config';
import type { App } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { makeChallenge } from './identity.challenge';
import { identityProvider } from './identity.provider';
import * as sessions from './identity.sessions';
import * as verification from './identity.verification';
import { SESSION_COOKIE } from '../../platform/http';
import { IdParam, PageQuery, errorResponses, paged, Problem } from '../../platform/schemas';
import { login, logout, newChallenge, RetryLater } from './identity.sign-in';
import { changePassword, getMe, getProfile, registerApplicant } from './identity.profile';
import { createStaff, getStaff, listStaff, resetStaffPassword, setStaffActive, updateStaff } from './identity.staff';
import {
  AttemptsQuery,
  AccountProfile,
  AttemptView,
  ChallengeResponse,
  ClaimsQuery,
  ClaimView,
  RepresentBody,
  SessionView,
  VerificationCompleteBody,
  VerificationStart,
  VerificationStatus,
  WindowVerifyBody,
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
import { assertManagesStaff, assertReadsStaff, assertVerifiesAtWindow } from './identity.policy';

const Ok = z.object({ ok: z.literal(true) });

export function registerIdentityRoutes(app: App, db: Db, config: Config, clock: () => Date) {
  const provider = identityProvider({ simulator: config.identitySimulator });

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '登录：返回令牌并设置会话 Cookie',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, 400: Problem, 401: Problem, 429: Problem },
      },
    },
    async (req, reply) => {
      const r = await login(db, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent']?.slice(0, 300) ?? null,
        sessionHours: config.sessionHours,
        now: clock(),
      }).catch((err: unknown) => {
        if (err instanceof RetryLater) reply.header('retry-after', String(err.retryAfterSeconds));
        throw err;
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
    {
      config: { access: 'signedIn' },
      schema: { tags: ['identity'], summary: '退出登录', response: { 200: Ok, ...errorResponses } },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      await logout(db, actor, req.ip, clock());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/challenge',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '登录图形验证题（连续登录失败后须回答；一次有效）',
        security: [],
        response: { 200: ChallengeResponse, 429: Problem },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return newChallenge(db, makeChallenge, clock());
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'public' },
      schema: {
        tags: ['identity'],
        summary: '当前登录用户（未登录时 user 为 null）',
        security: [],
        response: { 200: MeResponse, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.actor) return { user: null, csrfToken: null };
      return { user: await getMe(db, req.actor), csrfToken: req.actor.csrfToken };
    },
  );

  app.post(
    '/api/auth/register',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '申请人注册（自然人 / 法人）：证件号码为待认证的声明，认证前不关联任何办件',
        security: [],
        body: RegisterBody,
        response: { 201: User, 400: Problem, 409: Problem, 429: Problem },
      },
    },
    async (req, reply) => reply.status(201).send(await registerApplicant(db, req.body, req.ip)),
  );

  app.put(
    '/api/auth/password',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['identity'],
        summary: '修改本人密码（同时结束本账号的其他会话）',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await changePassword(db, actor, req.body.oldPassword, req.body.newPassword, req.ip, clock());
      return { ok: true as const };
    },
  );

  app.get(
    '/api/staff',
    {
      config: { access: assertReadsStaff },
      schema: {
        tags: ['identity'],
        summary: '工作人员列表（本级及下级区划；管理员，以及只读的监察人员）',
        querystring: PageQuery.extend(StaffQuery.shape),
        response: { 200: paged(User), ...errorResponses },
      },
    },
    async (req) => {
      // Supervisors read the roster of their subtree (e.g. to follow one clerk's cases); only administrators change it.
      const reader = requireActor(req);
      const { total, items } = await listStaff(db, reader, req.query);
      return { total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    '/api/staff',
    {
      config: { access: assertManagesStaff },
      schema: {
        tags: ['identity'],
        summary: '新建工作人员账号',
        body: CreateStaffBody,
        response: { 201: User, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createStaff(db, requireActor(req), req.body, req.ip)),
  );

  app.get(
    '/api/staff/:id',
    {
      config: { access: assertManagesStaff },
      schema: {
        tags: ['identity'],
        summary: '工作人员详情',
        params: IdParam,
        response: { 200: User, ...errorResponses },
      },
    },
    async (req) => getStaff(db, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/staff/:id',
    {
      config: { access: assertManagesStaff },
      schema: {
        tags: ['identity'],
        summary: '修改工作人员（角色、区划、部门、大厅、窗口）',
        params: IdParam,
        body: UpdateStaffBody,
        response: { 200: User, ...errorResponses },
      },
    },
    async (req) => updateStaff(db, requireActor(req), req.params.id, req.body, req.ip, clock()),
  );

  for (const [verb, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/api/staff/:id/${verb}`,
      {
        config: { access: assertManagesStaff },
        schema: {
          tags: ['identity'],
          summary: active ? '启用工作人员账号' : '停用工作人员账号（保留历史）',
          params: IdParam,
          response: { 200: User, ...errorResponses, 422: Problem },
        },
      },
      async (req) => setStaffActive(db, requireActor(req), req.params.id, active, req.ip, clock()),
    );
  }

  app.post(
    '/api/staff/:id/reset-password',
    {
      config: { access: assertManagesStaff },
      schema: {
        tags: ['identity'],
        summary: '重置工作人员密码',
        params: IdParam,
        body: ResetPasswordBody,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await resetStaffPassword(db, requireActor(req), req.params.id, req.body.password, req.ip, clock());
      return { ok: true as const };
    },
  );

  app.get(
    '/api/account/profile',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['identity'],
        summary: '本人证件与联系信息（不打码，仅本人可读；用于预填申请表）',
        response: { 200: AccountProfile, ...errorResponses },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return getProfile(db, requireActor(req));
    },
  );

  // 账号安全: the account's own verification, sessions and sign-in history.
  app.get(
    '/api/account/verification',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['identity'],
        summary: '本人实名认证状态（及可用的认证服务；模拟服务会注明“模拟”）',
        response: { 200: VerificationStatus, ...errorResponses, 422: Problem },
      },
    },
    async (req) => verification.verificationStatus(db, requireActor(req), provider),
  );

  app.post(
    '/api/account/verification/start',
    {
      config: { access: 'signedIn', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '发起本人实名认证（自然人，经实名认证服务）',
        response: { 200: VerificationStart, ...errorResponses, 422: Problem },
      },
    },
    async (req) => verification.startProviderVerification(db, requireActor(req), provider, req.ip, clock()),
  );

  app.post(
    '/api/account/verification/complete',
    {
      config: { access: 'signedIn', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '完成本人实名认证（认证服务的结果）',
        body: VerificationCompleteBody,
        response: { 200: VerificationStatus, ...errorResponses, 422: Problem },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await verification.completeProviderVerification(db, actor, provider, req.body, req.ip, clock());
      return verification.verificationStatus(db, actor, provider);
    },
  );

  app.post(
    '/api/account/verification/represent',
    {
      config: { access: 'signedIn', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['identity'],
        summary: '法定代表人以本人已认证账号为企业账号认证',
        body: RepresentBody,
        response: { 200: Ok, ...errorResponses, 422: Problem },
      },
    },
    async (req) => {
      await verification.verifyCompanyAsRepresentative(
        db,
        requireActor(req),
        provider,
        req.body.companyUsername,
        req.ip,
        clock(),
      );
      return { ok: true as const };
    },
  );

  app.get(
    '/api/account/sessions',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['identity'],
        summary: '本账号的有效会话（设备、地址、最近使用时间）',
        response: { 200: z.object({ items: z.array(SessionView) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await sessions.listSessions(db, requireActor(req), clock()) }),
  );

  app.delete(
    '/api/account/sessions/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['identity'],
        summary: '结束本账号的一个会话',
        params: IdParam,
        response: { 200: Ok, ...errorResponses },
      },
    },
    async (req) => {
      await sessions.endSession(db, requireActor(req), req.params.id, req.ip, clock());
      return { ok: true as const };
    },
  );

  app.get(
    '/api/account/sign-ins',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['identity'],
        summary: '本账号的登录记录（成功与失败，含来源地址）',
        response: { 200: z.object({ items: z.array(AttemptView) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await sessions.ownSignIns(db, requireActor(req)) }),
  );

  app.get(
    '/api/sign-in-attempts',
    {
      config: { access: assertManagesStaff },
      schema: {
        tags: ['identity'],
        summary: '登录尝试记录（管理员：本级及下级工作人员；市级管理员另含申请人与不存在的用户名）',
        querystring: PageQuery.extend(AttemptsQuery.shape),
        response: { 200: paged(AttemptView), ...errorResponses },
      },
    },
    async (req) => {
      const { ok, ...rest } = req.query;
      const { total, items } = await sessions.listSignInAttempts(db, requireActor(req), {
        ...rest,
        ok: ok === undefined ? undefined : ok === 'true',
      });
      return { total, items, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  // 窗口实名核验: a clerk checks the documents of an applicant at the window.
  app.get(
    '/api/identity/claims',
    {
      config: { access: assertVerifiesAtWindow },
      schema: {
        tags: ['identity'],
        summary: '窗口实名核验：按完整用户名或手机号查找申请人账号（证件号码脱敏）',
        querystring: ClaimsQuery,
        response: { 200: z.object({ items: z.array(ClaimView) }), ...errorResponses },
      },
    },
    async (req) => {
      return { items: await verification.findClaims(db, req.query.q) };
    },
  );

  app.post(
    '/api/identity/claims/:id/verify',
    {
      config: { access: assertVerifiesAtWindow },
      schema: {
        tags: ['identity'],
        summary: '窗口实名核验：核对证件后确认账号的证件号码（须录入所见证件的类型和号码）',
        params: IdParam,
        body: WindowVerifyBody,
        response: { 200: ClaimView, ...errorResponses, 422: Problem },
      },
    },
    async (req) => verification.verifyAtWindow(db, requireActor(req), req.params.id, req.body, req.ip, clock()),
  );
}
