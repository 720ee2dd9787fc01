import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, IdParam, Problem } from '../../platform/schemas';
import { rate, createDeviceSession, deviceSessionInfo, rateOnDevice } from './ratings.submit';
import { getRating, listRatings } from './ratings.read';
import { summary as ratingsSummary } from './ratings.figures';
import { decideAppeal, fileAppeal, listAppeals } from './ratings.appeal';
import { actOnRectification, getRectification, listRectifications } from './ratings.rectify';
import { assertHandles, assertOpensDevice, assertRates } from './ratings.policy';
import { summaryWorkbook } from './ratings.xlsx';
import { exportPeriod } from './ratings.period';
import { todayInShanghai } from '../calendar/index';
import {
  AppealBody,
  AppealDecisionBody,
  AppealListQuery,
  AppealPage,
  AppealView,
  CallbackBody,
  CheckBody,
  DeviceRateBody,
  DeviceSession,
  DeviceSessionBody,
  DeviceSessionInfo,
  DeviceTokenParam,
  ExtendBody,
  RateBody,
  RatingListQuery,
  RatingPage,
  RatingView,
  RectificationListQuery,
  RectificationPage,
  RectificationView,
  ReviewBody,
  Summary,
  SummaryQuery,
} from './ratings.schemas';

const tags = ['ratings'];
const withUnprocessable = { ...errorResponses, 422: Problem };

export function registerRatingRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const ctx = (req: FastifyRequest) => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  app.post(
    '/api/ratings',
    {
      config: { access: assertRates },
      schema: {
        tags,
        summary:
          '好差评：申请人评价办件（网上一事一评须办结后；窗口办理的办件可现场一次一评）；每件每渠道一次，差评自动进入整改',
        body: RateBody,
        response: { 201: RatingView, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await rate(db, ctx(req), req.body)),
  );

  app.get(
    '/api/ratings',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary:
          '评价列表（按数据范围：监察员看本区划及下级，部门看本部门，窗口看本大厅，申请人看本人评价），可按等级、渠道、部门、日期筛选',
        querystring: RatingListQuery,
        response: { 200: RatingPage, ...errorResponses },
      },
    },
    async (req) => listRatings(db, requireActor(req), req.query),
  );

  app.get(
    '/api/ratings/summary',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '好差评公示：按部门统计各等级评价数和好评率（免登录）',
        security: [],
        querystring: SummaryQuery,
        response: { 200: Summary, 400: Problem },
      },
    },
    async (req) => ratingsSummary(db, req.query),
  );

  app.get(
    '/api/ratings/summary.xlsx',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '导出好差评统计表（Excel，免登录）',
        security: [],
        querystring: SummaryQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.unknown().describe('Excel 工作簿'), 400: Problem },
      },
    },
    async (req, reply) => {
      const now = clock();
      const period = exportPeriod(req.query.from, req.query.to, todayInShanghai(now));
      const buf = await summaryWorkbook(await ratingsSummary(db, req.query), period, now);
      const name = period.fileName;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="ratings-summary.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );

  app.post(
    '/api/ratings/device-sessions',
    {
      config: { access: assertOpensDevice },
      schema: {
        tags,
        summary: '窗口人员为本大厅办理的办件开启评价器（一次一评），返回 8 位评价口令（30 分钟内有效，仅用一次）',
        body: DeviceSessionBody,
        response: { 201: DeviceSession, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await createDeviceSession(db, ctx(req), req.body.caseId)),
  );

  app.get(
    '/api/ratings/device/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '评价器页面：按口令取办件信息和现场评价指标（免登录）',
        security: [],
        params: DeviceTokenParam,
        response: { 200: DeviceSessionInfo, 400: Problem, 404: Problem, 429: Problem },
      },
    },
    async (req) => deviceSessionInfo(db, req.params.token, clock()),
  );

  app.post(
    '/api/ratings/device/:token',
    {
      config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '评价器提交现场评价（免登录，凭口令，一次有效）',
        security: [],
        params: DeviceTokenParam,
        body: DeviceRateBody,
        response: { 201: RatingView, 400: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
    },
    async (req, reply) => reply.status(201).send(await rateOnDevice(db, req.params.token, req.body, req.ip, clock())),
  );

  app.get(
    '/api/ratings/:id',
    {
      config: { access: 'signedIn' },
      schema: { tags, summary: '评价详情', params: IdParam, response: { 200: RatingView, ...errorResponses } },
    },
    async (req) => getRating(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/ratings/:id/appeals',
    {
      config: { access: assertHandles('appeal') },
      schema: {
        tags,
        summary: '责任部门对恶意或误评的差评提出申诉（附证据说明；每条评价一次）',
        params: IdParam,
        body: AppealBody,
        response: { 201: AppealView, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await fileAppeal(db, ctx(req), req.params.id, req.body)),
  );

  app.get(
    '/api/rating-appeals',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '差评申诉列表（按数据范围）',
        querystring: AppealListQuery,
        response: { 200: AppealPage, ...errorResponses },
      },
    },
    async (req) => listAppeals(db, requireActor(req), req.query),
  );

  app.post(
    '/api/rating-appeals/:id/decision',
    {
      config: { access: assertHandles('decide_appeal', '只有效能监察员可以裁定申诉') },
      schema: {
        tags,
        summary: '效能监察员裁定申诉：成立则该评价不计入统计、整改关闭',
        params: IdParam,
        body: AppealDecisionBody,
        response: { 200: AppealView, ...errorResponses },
      },
    },
    async (req) => decideAppeal(db, ctx(req), req.params.id, req.body),
  );

  app.get(
    '/api/rectifications',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '差评整改列表（部门看本部门，窗口看本大厅，监察员看本区划及下级）',
        querystring: RectificationListQuery,
        response: { 200: RectificationPage, ...errorResponses },
      },
    },
    async (req) => listRectifications(db, requireActor(req), req.query, clock()),
  );

  app.get(
    '/api/rectifications/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        tags,
        summary: '差评整改详情：核实、复核、期限、延期、回访',
        params: IdParam,
        response: { 200: RectificationView, ...errorResponses },
      },
    },
    async (req) => getRectification(db, requireActor(req), req.params.id, clock()),
  );

  const action = <B extends z.ZodType>(name: 'check' | 'review' | 'extend' | 'callback', body: B, summary: string) =>
    app.post(
      `/api/rectifications/:id/${name}`,
      {
        config: { access: assertHandles(name) },
        schema: { tags, summary, params: IdParam, body, response: { 200: RectificationView, ...errorResponses } },
      },
      async (req) =>
        actOnRectification(db, ctx(req), (req.params as { id: string }).id, {
          action: name,
          ...(req.body as object),
        } as Parameters<typeof actOnRectification>[3]),
    );
  action('check', CheckBody, '核实差评：有效则进入整改并按工作日计算整改期限；无效须说明理由，待监察员复核');
  action('review', ReviewBody, '监察员复核无效差评：确认无效则关闭；不予认可则转入整改');
  action('extend', ExtendBody, '整改延期（仅一次，须在期限内，说明理由）');
  action('callback', CallbackBody, '回访并办结整改：回访方式、情况、整改措施、申请人是否满意');
}
