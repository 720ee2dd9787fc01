import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import type { Database, Db } from '../src/platform/db';
import type { App } from '../src/platform/module';
import { openTestDatabase } from './template';

import { DEMO_PASSWORD } from './api-client';

export { DEMO_PASSWORD };

/** Request headers (e.g. the bearer token from `login`/`as`). */
export type Headers = Record<string, string>;
type Reply = ReturnType<App['inject']> extends PromiseLike<infer R> ? R : never;

export interface TestApp {
  app: App;
  db: Db;
  database: Database;
  /** Signs in and returns headers carrying the bearer token. */
  login(username: string, password?: string): Promise<Record<string, string>>;
  /** Shorthand for `login(username)` with the demo password. */
  as(username: string): Promise<Headers>;
  get(url: string, headers?: Headers): Promise<Reply>;
  /** The body is left out when `payload` is undefined. */
  post(url: string, headers?: Headers, payload?: unknown): Promise<Reply>;
  put(url: string, headers?: Headers, payload?: unknown): Promise<Reply>;
  delete(url: string, headers?: Headers, payload?: unknown): Promise<Reply>;
  close(): Promise<void>;
  /** Pins the instant requests see (`ctx.now`) to `at`, or back to the wall clock with `null`. */
  pinClock(at: (() => Date) | null): void;
  /** The instant requests see now. */
  now(): Date;
}

/** A server on a fresh copy of the demo database, driven through `app.inject`. */
export async function createTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = { ...loadConfig({}), logLevel: 'silent', webDist: '/nonexistent' };
  let pinned: (() => Date) | null = null;
  const clock = () => (pinned ? pinned() : new Date());
  const app = await buildApp(config, database, { clock });
  await app.ready();
  const tokens = new Map<string, string>();
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers = {}, payload?: unknown) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const testApp: TestApp = {
    app,
    db: database.db,
    database,
    as: (username) => testApp.login(username),
    pinClock: (at) => {
      pinned = at;
    },
    now: clock,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers }),
    post: (url, headers, payload) => send('POST', url, headers, payload),
    put: (url, headers, payload) => send('PUT', url, headers, payload),
    delete: (url, headers, payload) => send('DELETE', url, headers, payload),
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
  return testApp;
}

/**
 * The request helpers of a test app that is only created in `beforeAll`, for module-level use:
 * `const { as, get, post } = api(() => t);`.
 */
export function api(app: () => TestApp) {
  return {
    as: (username: string) => app().as(username),
    get: (url: string, headers: Headers = {}) => app().get(url, headers),
    post: (url: string, headers: Headers = {}, payload?: unknown) => app().post(url, headers, payload),
    put: (url: string, headers: Headers = {}, payload?: unknown) => app().put(url, headers, payload),
    delete: (url: string, headers: Headers = {}, payload?: unknown) => app().delete(url, headers, payload),
  };
}
