import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** postgres://… for PostgreSQL; absent → embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the demo city (盘锦市) into an empty database. */
  loadDemo: boolean;
  /** Secure cookies (HTTPS) — on in production behind TLS. */
  secureCookies: boolean;
  /** Session lifetime in hours. */
  sessionHours: number;
  logLevel: string;
  /** Serve the built web app from this folder when it exists. */
  webDist: string;
  /** Offer the simulated identity provider 模拟实名认证 (IDENTITY_SIMULATOR; default: on in demo mode only). */
  identitySimulator: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    loadDemo: env.DEMO !== '0',
    secureCookies: env.SECURE_COOKIES === '1',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: path.resolve(env.WEB_DIST ?? './web/dist'),
    identitySimulator: env.IDENTITY_SIMULATOR ? env.IDENTITY_SIMULATOR === '1' : env.DEMO !== '0',
  };
}
