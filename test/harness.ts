import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import type { Database, Db } from '../src/platform/db';
import type { App } from '../src/platform/module';
import { openTestDatabase } from './template';

import { DEMO_PASSWORD } from './api-client';

export { DEMO_PASSWORD };

export interface TestApp {
  app: App;
  db: Db;
  database: Database;
  /** Signs in and returns headers carrying the bearer token. */
  login(username: string, password?: string): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** A server on a fresh copy of the demo database, driven through `app.inject`. */
export async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = { ...loadConfig({}), logLevel: 'silent', webDist: '/nonexistent' };
  const app = await buildApp(config, database);
  await app.ready();
  const tokens = new Map<string, string>();
  return {
    app,
    db: database.db,
    database,
    async login(username, password = DEMO_PASSWORD) {
      let token = tokens.get(`${username}:${password}`);
      if (!token) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
        if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
        token = (res.json() as { token: string }).token;
        tokens.set(`${username}:${password}`, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
