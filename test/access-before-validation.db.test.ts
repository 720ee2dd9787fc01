import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttp } from '../src/platform/http';
import { createTestApp, type TestApp } from './harness';

/**
 * Who may call a route is decided before its request is parsed or validated: an anonymous request with a
 * malformed body gets 401 and a signed-in one without the role 403, never a 400 that would tell them
 * what the route expects.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Operation = { security?: unknown[]; requestBody?: unknown };
const WRITES = ['post', 'put', 'patch', 'delete'] as const;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

async function operations() {
  const doc = (await t.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    WRITES.filter((m) => ops[m]).map((m) => ({
      method: m.toUpperCase() as Uppercase<(typeof WRITES)[number]>,
      url: path.replace(/\{[^}]+\}/g, SOME_ID),
      isPublic: Array.isArray(ops[m]!.security) && ops[m]!.security!.length === 0,
    })),
  );
}

describe('access is checked before the request is validated', () => {
  it('every write that needs a sign-in answers 401 to an anonymous malformed request', async () => {
    const ops = await operations();
    const guarded = ops.filter((o) => !o.isPublic);
    expect(guarded.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    for (const o of guarded) {
      const res = await t.app.inject({
        method: o.method,
        url: o.url,
        headers: { 'content-type': 'application/json' },
        payload: '{"not json',
      });
      if (res.statusCode !== 401) wrong.push(`${o.method} ${o.url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['applicant', 'PUT /api/calendar/days/2026-10-08'],
    ['clerk-city', 'POST /api/supervision/tasks'],
    ['supervisor', 'POST /api/items'],
    ['approver-city', 'POST /api/staff'],
    ['supervisor', 'POST /api/cases'],
    ['clerk-city', 'PATCH /api/supervision/rules/overdue'],
  ])('%s without the role gets 403 for %s with a malformed body', async (account, request) => {
    const [method, url] = request.split(' ') as ['POST' | 'PUT' | 'PATCH', string];
    const headers = { ...(await t.as(account)), 'content-type': 'application/json' };
    for (const payload of ['{"not json', '{"unexpected": 1}']) {
      const res = await t.app.inject({ method, url, headers, payload });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('a public route still validates its body (400 naming the field)', async () => {
    const res = await t.post('/api/auth/login', {}, { username: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('password');
  });

  it('the role holder with a malformed body gets the 400', async () => {
    const res = await t.put('/api/calendar/days/2026-10-08', await t.as('admin'), { kind: 'nonsense' });
    expect(res.statusCode).toBe(400);
  });

  it('an API route that declares no access is refused at start', async () => {
    const app = await createHttp({ logLevel: 'silent', authenticate: async () => null });
    expect(() => app.get('/api/undeclared', { schema: {} }, async () => ({}))).toThrow(/declare config.access/);
    await app.close();
  });
});
