import path from 'node:path';

/**
 * Which peers may tell the client's address in `X-Forwarded-For` (Fastify's `trustProxy`): none by default,
 * else the proxies' addresses or CIDR ranges (`proxy-addr` names such as `loopback` too), or the number of
 * proxy hops in front of the server.
 */
export type TrustProxy = false | number | string[];

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; absent → embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the demo city (盘锦市) into an empty database. */
  loadDemo: boolean;
  /** The site is served over TLS (`TLS=1`, or `PUBLIC_URL` starts with https://): HSTS and upgrade-insecure-requests. */
  tls: boolean;
  /** With the demo, its recent history: thousands of cases, cards and ratings dated back from the first start. */
  demoHistory: boolean;
  /** Secure cookies (HTTPS): `SECURE_COOKIES=1`, on by default when the site is served over TLS. */
  secureCookies: boolean;
  /** `TRUST_PROXY`: the proxies whose forwarded client address is believed (default: none). */
  trustProxy: TrustProxy;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** `LOG_LEVEL`: `info` by default (start-up, warnings, errors; not every request); `debug` also logs each request. */
  logLevel: string;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Offer the simulated identity provider 模拟实名认证 (IDENTITY_SIMULATOR; default: on in demo mode only). */
  identitySimulator: boolean;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** `TRUST_PROXY`: empty → trust no one; `2` → two hops; `10.0.0.1,10.1.0.0/16` → those addresses. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (!v || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === '*')
    throw new Error(
      'TRUST_PROXY 不能信任所有来源：请填写代理的地址或网段（如 10.0.0.1,10.1.0.0/16），或代理层数（如 1）',
    );
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of list)
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(a))
      throw new Error(`TRUST_PROXY 中的地址无效：${a}`);
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  const tls = env.TLS === '1' || (env.TLS !== '0' && /^https:\/\//i.test(env.PUBLIC_URL ?? ''));
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL 无效：${logLevel}（可选 ${LOG_LEVELS.join('、')}）`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    loadDemo: env.DEMO !== '0',
    tls,
    secureCookies: env.SECURE_COOKIES ? env.SECURE_COOKIES === '1' : tls,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    demoHistory: env.DEMO_HISTORY !== '0',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    logLevel,
    webDist: path.resolve(env.WEB_DIST ?? './web/dist'),
    identitySimulator: env.IDENTITY_SIMULATOR ? env.IDENTITY_SIMULATOR === '1' : env.DEMO !== '0',
  };
}
