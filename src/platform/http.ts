import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { z } from 'zod';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { Problem, problemFromDatabase, type FieldError } from './errors';
import { serializerCompiler } from './serialize';
import { controlCharacterAt } from './schemas';
import type { TrustProxy } from './config';
import type { Actor } from './auth';
import { checkAccess } from './policy';
import type { App } from './module';

z.config(z.locales.zhCN());

export const SESSION_COOKIE = 'yw_session';
/** Answers smaller than this many bytes are sent uncompressed (compressing them costs more than it saves). */
export const COMPRESS_THRESHOLD = 1400;
/** Browser features the app never uses are switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()';
export const CSRF_HEADER = 'x-csrf-token';

/** Resolves a bearer or cookie token to the signed-in actor (provided by the identity module). */
export type Authenticator = (token: string, viaCookie: boolean) => Promise<Actor | null>;

const CONTEXT_LABEL: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

function validationProblem(err: Pick<FastifyError, 'validation' | 'validationContext'>): Problem {
  const errors: FieldError[] = (err.validation ?? []).map((v) => {
    const path = (v.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
    const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
    return { field: path || missing || err.validationContext || 'body', message: v.message ?? '格式有误' };
  });
  const where = CONTEXT_LABEL[err.validationContext ?? 'body'] ?? '请求';
  const detail = errors.map((e) => `${e.field}：${e.message}`).join('；');
  return new Problem(400, '请求参数有误', `${where}校验失败：${detail}`, errors, 'validation');
}

function toProblem(err: FastifyError | Error, req: FastifyRequest): Problem | null {
  if (err instanceof Problem) return err;
  if (hasZodFastifySchemaValidationErrors(err)) return validationProblem(err as never);
  const fe = err as FastifyError;
  if (fe.validation) return validationProblem(fe);
  const db = problemFromDatabase(err);
  if (db) return db;
  if (isResponseSerializationError(err)) return null;
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const titles: Record<number, string> = {
      400: '请求格式有误',
      404: '未找到',
      406: '不支持的格式',
      413: '请求内容过大',
      415: '不支持的内容类型',
      429: '请求过于频繁',
    };
    const detail =
      fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
        ? '请求体不是有效的 JSON'
        : fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? '请求体超过大小限制'
          : fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? `不支持的内容类型：${req.headers['content-type'] ?? ''}`
            : err.message;
    return new Problem(status, titles[status] ?? '请求有误', detail, [], fe.code?.toLowerCase());
  }
  return null;
}

export interface HttpOptions {
  logLevel: string;
  authenticate: Authenticator;
  bodyLimit?: number;
  /** Peers whose `X-Forwarded-For` is believed (default: none, the socket's address is the client's). */
  trustProxy?: TrustProxy;
  /** Served over TLS: HSTS and `upgrade-insecure-requests` (over plain HTTP they would make the app unreachable). */
  tls?: boolean;
}

/** Each request is logged at `debug` (an error still at `error`): at the default `info` level the log stays readable. */
class RequestsAtDebug extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) super.requestCompleted(error, request, reply);
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
  override routeNotFound(request: FastifyRequest): void {
    request.log.debug(`Route ${request.method}:${request.url} not found`);
  }
}

const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

const PART_OF: Record<string, string> = { body: 'body', querystring: 'querystring', params: 'params' };

/**
 * Every string a route receives (query, path, body) is checked for control characters before its schema runs:
 * NUL would reach PostgreSQL (which refuses it in text, a 500), the others have no place in a form. Line breaks
 * and tabs pass in bodies only, where a free-text field may need them; a single-line field refuses them through
 * its schema (`text()` in platform/schemas.ts). Headers are not checked (the HTTP parser refuses control characters).
 */
const refusingControlCharacters: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  const part = PART_OF[route.httpPart ?? ''];
  if (!part) return validate;
  const lineBreaksAllowed = part === 'body';
  return (data: unknown) => {
    const at = controlCharacterAt(data, lineBreaksAllowed);
    if (at === null) return validate(data);
    const field = at || part;
    const where = CONTEXT_LABEL[part] ?? '请求';
    const message = '含有不允许的控制字符';
    return {
      error: new Problem(
        400,
        '请求参数有误',
        `${where}校验失败：${field}：${message}`,
        [{ field, message }],
        'validation',
      ),
    };
  };
};

/** Fastify with zod schemas, OpenAPI, problem+json errors, security headers, cookies and CSRF. */
export async function createHttp(opts: HttpOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024,
    // A hop count trusts that many proxies nearest the server, addresses trust those peers; nothing else is believed.
    trustProxy: typeof opts.trustProxy === 'number' ? trustHops(opts.trustProxy) : (opts.trustProxy ?? false),
    logController: new RequestsAtDebug(),
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(refusingControlCharacters);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const problem = toProblem(err, req);
    if (!problem) {
      req.log.error({ err }, 'unhandled error');
      return reply.status(500).type('application/problem+json').send({
        type: 'about:blank',
        title: '服务器内部错误',
        status: 500,
        detail: '服务器处理请求时出错，请稍后重试',
      });
    }
    if (problem.status === 429 && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
    return reply.status(problem.status).type('application/problem+json').send(problem.toJSON(req.url));
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .type('application/problem+json')
      .send(new Problem(404, '未找到', `没有这个地址：${req.method} ${req.url.split('?')[0]}`).toJSON()),
  );

  // Security headers (CSP, frame-ancestors, nosniff …), set by helmet's middleware built once: the
  // Fastify wrapper rebuilt it, and parsed the policy again, on every request.
  // `upgrade-insecure-requests` and HSTS only over TLS: over plain HTTP (a LAN address) the browser would
  // upgrade every script to https:// and the app would be a blank page.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: opts.tls ? [] : null,
      },
    },
    strictTransportSecurity: opts.tls ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  // Answers are compressed (brotli, else gzip) when the client asks and they are worth it: a case step's
  // minimal answer (a few hundred bytes) goes out as it is. Request bodies are never inflated (no zip bombs).
  await app.register(compress, {
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
    customTypes: /^text\/(?!event-stream)|[+/]json(?:;|$)|[+/]xml(?:;|$)|javascript|^image\/svg/,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '一网 Yiwang API', version: '0.1.0', description: '城市政务服务"一张网"平台接口' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });

  // Every API route declares who may call it (`config.access`, platform/policy.ts); a route without one is a
  // mistake caught at start. Public routes say so in the OpenAPI document (no security requirement).
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.schema?.hide) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`${String(route.method)} ${route.url}: declare config.access`);
    if (access === 'public' && route.schema) route.schema = { ...route.schema, security: [] };
  });

  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    let actor: Actor | null = null;
    if (auth?.startsWith('Bearer ')) actor = await opts.authenticate(auth.slice(7).trim(), false);
    else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) actor = await opts.authenticate(token, true);
    }
    req.actor = actor;
    // CSRF: a cookie-authenticated unsafe request must echo the session's token in a header.
    if (actor?.viaCookie && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) {
      if (req.headers[CSRF_HEADER] !== actor.csrfToken) {
        throw new Problem(403, 'CSRF 校验失败', '缺少或错误的 X-CSRF-Token 请求头，请刷新页面后重试', [], 'csrf');
      }
    }
  });
  // Who may call the route is decided before the body is read or validated: an anonymous or role-less request
  // with a malformed body gets 401 / 403, not 400 (and a body it may not send is never parsed).
  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config?.access;
    if (access !== undefined) checkAccess(access, req.actor);
  });
  return app;
}
