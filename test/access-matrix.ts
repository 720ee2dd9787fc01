import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

/**
 * Route tests generated from a table of "who may do what to which resource": each row names an
 * account, a request and the status class it must get. `:name` in a URL is replaced by the fixture
 * of that name, so one table covers a resource in scope and the same kind of resource out of scope.
 *
 *   accessMatrix('tasks', {
 *     fixtures: async (t) => ({ cityTask: await makeTask(t, '211100'), countyTask: … }),
 *     rows: [
 *       ['supervisor', 'GET /api/tasks/:cityTask', 200],
 *       ['clerk-village', 'GET /api/tasks/:cityTask', 404],   // out of scope: as if it did not exist
 *       ['applicant', 'POST /api/tasks', 403, { title: '…' }],
 *     ],
 *   });
 *
 * Expected statuses are exact codes, or '2xx' for any success. Rows run in order, each on the same
 * database: put reads before the acts that change what they read.
 */
export type Expected = number | '2xx';
export type MatrixRow = [account: string | null, request: string, expected: Expected, body?: unknown];

export interface MatrixSpec {
  fixtures?: (t: TestApp) => Promise<Record<string, string>>;
  rows: MatrixRow[];
}

export function substitute(url: string, fixtures: Record<string, string>): string {
  return url.replace(/:([A-Za-z]\w*)/g, (_, name: string) => {
    const value = fixtures[name];
    if (value === undefined) throw new Error(`access matrix: no fixture named ${name}`);
    return encodeURIComponent(value);
  });
}

export function matches(status: number, expected: Expected): boolean {
  return expected === '2xx' ? status >= 200 && status < 300 : status === expected;
}

export function accessMatrix(name: string, spec: MatrixSpec): void {
  describe(`access: ${name}`, () => {
    let t: TestApp;
    let fixtures: Record<string, string> = {};
    beforeAll(async () => {
      t = await createTestApp();
      fixtures = (await spec.fixtures?.(t)) ?? {};
    });
    afterAll(async () => {
      await t.close();
    });

    for (const [account, request, expected, body] of spec.rows) {
      const [method, url] = request.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
      it(`${account ?? 'anonymous'} ${request} → ${expected}`, async () => {
        const headers = account ? await t.as(account) : {};
        const target = substitute(url, fixtures);
        const res = await t.app.inject({
          method,
          url: target,
          headers,
          ...(body === undefined ? {} : { payload: body as object }),
        });
        expect(
          matches(res.statusCode, expected),
          `${account ?? 'anonymous'} ${method} ${target}: ${res.statusCode} ${res.body.slice(0, 200)}`,
        ).toBe(true);
      });
    }
  });
}
