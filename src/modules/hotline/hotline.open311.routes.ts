/**
 * Open311 GeoReport v2 under `/open311/v2/` (JSON, or XML with `.xml`), and the keys of its clients under
 * `/api/hotline/open311-keys` (the centre). The GeoReport routes speak the spec, not the platform: errors
 * are an array of `{code, description}`, a POST may be form-encoded, and they stay out of the OpenAPI
 * document of `/api`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import { Problem } from '../../platform/errors';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses, IdParam, text } from '../../platform/schemas';
import type { Ctx } from './hotline.context';
import { toXml, type Open311Error } from './hotline.open311';
import * as svc from './hotline.open311.service';
import { assertKeepsOpen311Keys } from './hotline.policy';

type Format = 'json' | 'xml';

/** `name.json` / `name.xml` → [name, format]; anything else is not an address of the API (404). */
function splitFormat(file: string): [string, Format] {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new svc.Open311Problem(404, [{ code: 404, description: '地址应以 .json 或 .xml 结尾' }]);
  return [m[1]!, m[2] as Format];
}

function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  reply.status(status).header('cache-control', 'no-store');
  if (format === 'xml') return reply.type('application/xml; charset=utf-8').send(toXml(root, value));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** The spec's error array for anything that goes wrong, with its HTTP status. */
function errorsOf(err: unknown): [number, Open311Error[]] {
  if (err instanceof svc.Open311Problem) return [err.status, err.errors];
  if (err instanceof Problem) {
    const errors = err.errors.length
      ? err.errors.map((e) => ({ code: err.status, description: `${e.field}：${e.message}` }))
      : [{ code: err.status, description: err.detail }];
    return [err.status, errors];
  }
  const status = (err as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) return [status, [{ code: status, description: '请求格式有误' }]];
  return [500, [{ code: 500, description: '服务器处理请求时出错，请稍后重试' }]];
}

const formatOf = (url: string): Format => (/\.xml(\?|$)/.test(url) ? 'xml' : 'json');

const RequestsQuery = z.object({
  service_request_id: z.string().max(4000).optional(),
  service_code: z.string().max(40).optional(),
  start_date: z.string().max(40).optional(),
  end_date: z.string().max(40).optional(),
  status: z.string().max(40).optional(),
});

async function registerGeoReport(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  app.setErrorHandler((err, req, reply) => {
    const [status, errors] = errorsOf(err);
    if (status >= 500) req.log.error({ err }, 'unhandled error');
    return send(reply, formatOf(req.url), 'errors', errors, status);
  });
  // Any other address under the prefix, whatever the method (also ahead of the web app's page fallback).
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    send(reply, formatOf(req.url), 'errors', [{ code: 404, description: '没有这个地址' }], 404);
  app.setNotFoundHandler(notFound);
  app.all('/*', { schema: { hide: true } }, notFound);
  // Form-encoded posts, as most Open311 clients send them; repeated fields arrive as arrays.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 64 * 1024 },
    (_req, body, done) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(body as string)) {
        const had = out[k];
        out[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
      }
      done(null, out);
    },
  );

  const query = (req: FastifyRequest) => {
    const r = RequestsQuery.safeParse(req.query);
    if (!r.success) throw new svc.Open311Problem(400, [{ code: 400, description: '查询参数有误' }]);
    return r.data;
  };

  for (const format of ['json', 'xml'] as const) {
    app.get(`/services.${format}`, { schema: { hide: true } }, async (_req, reply) =>
      send(reply, format, 'services', await svc.listServices(db)),
    );
    app.get(`/requests.${format}`, { schema: { hide: true } }, async (req, reply) =>
      send(reply, format, 'service_requests', await svc.listRequests(db, query(req), clock())),
    );
    app.post(
      `/requests.${format}`,
      { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
      async (req, reply) =>
        send(reply, format, 'service_requests', await svc.postRequest(db, req.body, { ip: req.ip, now: clock() }), 201),
    );
  }
  app.get<{ Params: { file: string } }>('/services/:file', { schema: { hide: true } }, async (req, reply) => {
    const [code, format] = splitFormat(req.params.file);
    return send(reply, format, 'service_definition', await svc.getServiceDefinition(db, code));
  });
  app.get<{ Params: { file: string } }>('/requests/:file', { schema: { hide: true } }, async (req, reply) => {
    const [id, format] = splitFormat(req.params.file);
    return send(reply, format, 'service_requests', await svc.getRequest(db, id, clock()));
  });
  app.get<{ Params: { file: string } }>('/tokens/:file', { schema: { hide: true } }, async (req, reply) => {
    const [token, format] = splitFormat(req.params.file);
    return send(reply, format, 'service_requests', await svc.requestByToken(db, token));
  });
}

const tags = ['hotline'];
const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  keyHint: z.string().describe('密钥前几位，便于辨认'),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
const NewKeyView = KeyView.extend({ key: z.string().describe('密钥明文：仅在创建时返回一次') });
const KeyBody = z.object({ name: text().trim().min(1, '请填写接入方名称').max(100, '接入方名称最多 100 字') });

export async function registerOpen311Routes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  await app.register(async (scoped) => registerGeoReport(scoped as unknown as App, { db, clock }), {
    prefix: '/open311/v2',
  });

  const ctx = (req: FastifyRequest): Ctx => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  app.get(
    '/api/hotline/open311-keys',
    {
      config: { access: assertKeepsOpen311Keys },
      schema: {
        tags,
        summary: 'Open311 接入方及其密钥（不含明文）',
        response: { 200: z.array(KeyView), ...errorResponses },
      },
    },
    async () => svc.listKeys(db),
  );
  app.post(
    '/api/hotline/open311-keys',
    {
      config: { access: assertKeepsOpen311Keys },
      schema: {
        tags,
        summary: '新增 Open311 接入方并生成密钥（明文仅此一次返回，只保存其摘要）',
        body: KeyBody,
        response: { 201: NewKeyView, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await svc.createKey(db, ctx(req), req.body.name)),
  );
  app.delete(
    '/api/hotline/open311-keys/:id',
    {
      config: { access: assertKeepsOpen311Keys },
      schema: {
        tags,
        summary: '停用 Open311 接入密钥（此后以该密钥提交的请求被拒绝）',
        params: IdParam,
        response: { 200: KeyView, ...errorResponses },
      },
    },
    async (req) => svc.revokeKey(db, ctx(req), req.params.id),
  );
}
