import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from './platform/config';
import type { Database } from './platform/db';
import { createHttp } from './platform/http';
import { collectMigrations, migrateToLatest } from './platform/migrate';
import { getMeta, setMeta } from './platform/meta';
import type { App } from './platform/module';
import { modules, seedDemoHistory } from './modules/index';
import { authenticateToken } from './modules/identity/index';
import { registerAuditRoutes } from './platform/audit.routes';
import { registerWeb } from './web/serve';

export async function migrate(database: Database): Promise<string[]> {
  return migrateToLatest(database.db, collectMigrations(modules));
}

/** The names of every migration this code has, in the order they run. */
export function migrationNames(): string[] {
  return Object.keys(collectMigrations(modules)).sort();
}

/** Whether the demo city has been loaded into this installation. */
export async function demoLoaded(database: Database): Promise<boolean> {
  return (await getMeta(database.db, 'demo_loaded')) !== undefined;
}

/** Loads the demo city once into an empty installation; with `history`, also its recent months (not in tests). */
export async function seedDemo(database: Database, opts: { history?: boolean } = {}): Promise<boolean> {
  if (await getMeta(database.db, 'demo_loaded')) return false;
  for (const m of modules) if (m.seedDemo) await m.seedDemo(database.db);
  if (opts.history) await seedDemoHistory(database.db, { now: new Date(), seed: 2026 });
  await setMeta(database.db, 'demo_loaded', { at: new Date().toISOString(), city: '2111' });
  return true;
}

/**
 * Runs every module's background job once (sweeps, rollups, the weekly bulletin), as the server would soon after
 * start: done where the demo is loaded, so that its first pages show them and the server never renders that
 * first bulletin itself.
 */
export async function runJobsOnce(database: Database): Promise<void> {
  for (const m of modules) for (const job of m.jobs ?? []) await job.run(database.db, { now: new Date() });
}

export interface AppOptions {
  /** The clock requests read their instant from (`ModuleContext.clock`); the wall clock by default. */
  clock?: () => Date;
}

export async function buildApp(config: Config, database: Database, options: AppOptions = {}): Promise<App> {
  const clock = options.clock ?? (() => new Date());
  const { db } = database;
  const app = await createHttp({
    logLevel: config.logLevel,
    trustProxy: config.trustProxy,
    tls: config.tls,
    authenticate: (t, c) => authenticateToken(db, t, c, clock()),
  });

  app.get(
    '/healthz',
    {
      schema: {
        tags: ['platform'],
        summary: '健康检查：数据库可用时返回 ok',
        response: { 200: z.object({ status: z.literal('ok') }), 503: z.object({ status: z.literal('unavailable') }) },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  );

  await app.register(async (api) => {
    registerAuditRoutes(api as App, db);
    for (const m of modules) if (m.routes) await m.routes(api as App, { db, config, clock });
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerWeb(app, config.webDist);
  return app;
}
