import type { FastifyRequest } from 'fastify';
import { requireActor } from '../../platform/auth';
import { keyIdOf, publicKeyPem } from '../../platform/audit.checkpoints';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses, IdParam, Problem } from '../../platform/schemas';
import * as bids from './trading.bids';
import { signingKey, type Ctx } from './trading.context';
import { addListing, searchCredit } from './trading.credit';
import {
  assertBids,
  assertKeepsCredit,
  assertOpens,
  assertPublishes,
  assertRegistersProjects,
  assertSeesProjects,
  assertSubmitsAnnouncements,
} from './trading.policy';
import * as projects from './trading.projects';
import * as opening from './trading.opening';
import * as pub from './trading.public';
import {
  AnnouncementBody,
  AnnouncementView,
  BidBody,
  BidReceipt,
  CreateProjectBody,
  CreditItem,
  CreditPage,
  CreditQuery,
  Decrypted,
  KeyBody,
  ListingBody,
  OpeningView,
  FeedPage,
  FeedQuery,
  ProjectListQuery,
  ProjectPage,
  ProjectView,
  PublicAnnouncementPage,
  PublicAnnouncementQuery,
  PublishBody,
  ReceiptKey,
  Registration,
} from './trading.schemas';

const tags = ['trading'];
const withUnprocessable = { ...errorResponses, 422: Problem };
const publicErrors = { 400: Problem };

export function registerTradingRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  /** The use case's context: who asks, from where, and the instant of the request (read once). */
  const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip, now: clock() });

  app.post(
    '/api/trading/projects',
    {
      config: { access: assertRegistersProjects },
      schema: {
        tags,
        summary:
          '登记交易项目及其标段（招标人或招标代理；招标文件发出至投标截止不少于 20 日、保证金不超过估算价 2%，违者 400 并指明字段）',
        body: CreateProjectBody,
        response: { 201: ProjectView, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await projects.createProject(db, ctx(req), req.body)),
  );

  app.get(
    '/api/trading/projects',
    {
      config: { access: assertSeesProjects },
      schema: {
        tags,
        summary: '交易项目列表（招标人、招标代理看本单位的项目，交易中心看本区划及下级的项目）',
        querystring: ProjectListQuery,
        response: { 200: ProjectPage, ...errorResponses },
      },
    },
    async (req) => projects.listProjects(db, requireActor(req), req.query),
  );

  app.get(
    '/api/trading/projects/:id',
    {
      config: { access: assertSeesProjects },
      schema: {
        tags,
        summary: '交易项目详情：标段、估算价、保证金、时间和公告',
        params: IdParam,
        response: { 200: ProjectView, ...errorResponses },
      },
    },
    async (req) => projects.getProjectView(db, requireActor(req), req.params.id),
  );

  app.post(
    '/api/trading/projects/:id/announcements',
    {
      config: { access: assertSubmitsAnnouncements },
      schema: {
        tags,
        summary: '提交公告（招标公告、变更公告、中标候选人公示、结果公告），由交易中心审核发布',
        params: IdParam,
        body: AnnouncementBody,
        response: { 201: AnnouncementView, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await projects.submitAnnouncement(db, ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/api/trading/announcements/:id/publish',
    {
      config: { access: assertPublishes },
      schema: {
        tags,
        summary: '交易中心发布公告（version 过期时 409），发布后进入公开列表和变更流',
        params: IdParam,
        body: PublishBody,
        response: { 200: AnnouncementView, ...withUnprocessable },
      },
    },
    async (req) => projects.publishAnnouncement(db, ctx(req), req.params.id, req.body.version),
  );

  app.get(
    '/api/public/trading/announcements',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '已发布的交易公告（按标题、内容、项目编号检索，可按公告类型筛选，分页）',
        querystring: PublicAnnouncementQuery,
        response: { 200: PublicAnnouncementPage, ...publicErrors },
      },
    },
    async (req) => pub.listPublicAnnouncements(db, req.query),
  );

  app.get(
    '/api/public/trading/feed',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '公告变更流：按发布顺序返回 cursor 之后的公告及下次请求的 cursor（next）',
        querystring: FeedQuery,
        response: { 200: FeedPage, ...publicErrors },
      },
    },
    async (req) => pub.feed(db, req.query.cursor, req.query.limit),
  );

  app.get(
    '/api/public/trading/receipt-key',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '平台签名公钥（SM2），用于核验投标回执的签名',
        response: { 200: ReceiptKey, 503: Problem },
      },
    },
    async () => {
      const key = signingKey();
      return { keyId: keyIdOf(key.publicKey), publicKey: key.publicKey, pem: publicKeyPem(key.publicKey) };
    },
  );

  app.get(
    '/api/trading/credit',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '严重失信主体名单（按单位名称或统一社会信用代码检索；inForce 为今日是否在惩戒期内）',
        querystring: CreditQuery,
        response: { 200: CreditPage, ...publicErrors },
      },
    },
    async (req) => searchCredit(db, req.query, clock()),
  );

  app.post(
    '/api/trading/credit',
    {
      config: { access: assertKeepsCredit },
      schema: {
        tags,
        summary: '交易中心录入严重失信主体（按认定部门的决定：失信行为、依据、惩戒期限），列入后不得报名和投标',
        body: ListingBody,
        response: { 201: CreditItem, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await addListing(db, ctx(req), req.body)),
  );

  app.post(
    '/api/trading/lots/:id/registrations',
    {
      config: { access: assertBids },
      schema: {
        tags,
        summary: '投标企业报名标段（列入失信名单或已过投标截止时间时 422，重复报名 409）',
        params: IdParam,
        response: { 201: Registration, ...withUnprocessable },
      },
    },
    async (req, reply) => reply.status(201).send(await bids.register(db, ctx(req), req.params.id)),
  );

  app.post(
    '/api/trading/lots/:id/bids',
    {
      config: { access: assertBids },
      schema: {
        tags,
        summary:
          '上传加密的投标文件（浏览器加密后的密文，Base64），返回平台签名的回执；截止前再次上传替换前一次（首次 201，替换 200）',
        params: IdParam,
        body: BidBody,
        response: { 200: BidReceipt, 201: BidReceipt, ...withUnprocessable, 503: Problem },
      },
    },
    async (req, reply) => {
      const { receipt, first } = await bids.uploadBid(db, ctx(req), req.params.id, req.body);
      return reply.status(first ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/api/trading/lots/:id/bids/mine',
    {
      config: { access: assertBids },
      schema: {
        tags,
        summary: '本企业在该标段的投标文件回执（不含密文；看不到其他企业的投标）',
        params: IdParam,
        response: { 200: BidReceipt, ...errorResponses, 503: Problem },
      },
    },
    async (req) => bids.ownBidReceipt(db, ctx(req), req.params.id),
  );

  app.post(
    '/api/trading/lots/:id/opening',
    {
      config: { access: assertOpens },
      schema: {
        tags,
        summary: '开标：投标截止后由交易中心对本区划的标段开标，列出全部投标文件（投标人少于 3 个时提示）',
        params: IdParam,
        response: { 200: OpeningView, ...withUnprocessable },
      },
    },
    async (req) => opening.openBids(db, ctx(req), req.params.id),
  );

  app.post(
    '/api/trading/lots/:id/bids/mine/key',
    {
      config: { access: assertBids },
      schema: {
        tags,
        summary: '开标后投标人提交浏览器派生的解密密钥，平台解密本企业的投标文件（密钥错误时 422，可重试）',
        params: IdParam,
        body: KeyBody,
        response: { 200: Decrypted, ...withUnprocessable },
      },
    },
    async (req) => opening.decryptOwnBid(db, ctx(req), req.params.id, req.body.key),
  );
}
