import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from './client';

type Client = typeof ClientModule;
let c: Client;
const calls: Request[] = [];
let answer: () => Response = () => new Response(null, { status: 204 });

beforeAll(async () => {
  vi.stubGlobal('location', { origin: 'http://yiwang.test', pathname: '/', search: '' });
  vi.stubGlobal('fetch', async (req: Request) => {
    calls.push(req);
    return answer();
  });
  c = await import('./client');
  c.setErrorNotifier(() => undefined);
});
afterEach(() => {
  calls.length = 0;
  c.setCsrfToken(null);
});

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('api client', () => {
  it('fills path parameters, leaves out empty query values and sends the cookie', async () => {
    answer = () => json(200, { items: [], total: 0, page: 1, pageSize: 20 });
    await c.api.get('/api/staff', { params: { query: { q: '', regionCode: '2111', role: undefined } } });
    await c.api.get('/api/cases/{id}', { params: { path: { id: 'a/b' } } });
    expect(calls[0]?.url).toBe('http://yiwang.test/api/staff?regionCode=2111');
    expect(calls[0]?.credentials).toBe('same-origin');
    expect(calls[1]?.url).toBe('http://yiwang.test/api/cases/a%2Fb');
  });

  it('sends the CSRF token on writes only, and a JSON body even when none is given', async () => {
    c.setCsrfToken('tok');
    answer = () => new Response(null, { status: 204 });
    await c.api.get('/api/auth/me');
    await c.api.post('/api/messages/read-all');
    expect(calls[0]?.headers.get('x-csrf-token')).toBeNull();
    expect(calls[1]?.headers.get('x-csrf-token')).toBe('tok');
    expect(calls[1]?.headers.get('content-type')).toBe('application/json');
    expect(await calls[1]?.text()).toBe('{}');
  });

  it('turns a problem+json answer into an ApiError keeping its code and field errors', async () => {
    const problem = {
      type: 'urn:yiwang:problem:stale_version',
      title: 'Conflict',
      status: 409,
      detail: '办件已被他人更新',
      code: 'stale_version',
      errors: [{ field: 'version', message: '版本已过期' }],
    };
    answer = () => json(409, problem, 'application/problem+json');
    const err = await c.api
      .post('/api/cases/{id}/actions', { params: { path: { id: 'x' } }, body: { action: 'accept', version: 1 } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(c.ApiError);
    expect((err as InstanceType<Client['ApiError']>).status).toBe(409);
    expect((err as InstanceType<Client['ApiError']>).problem.code).toBe('stale_version');
    expect((err as InstanceType<Client['ApiError']>).problem.errors?.[0]?.field).toBe('version');
  });

  it('hands a 401 to the unauthorized handler unless the caller expects it', async () => {
    const onUnauthorized = vi.fn();
    c.setUnauthorizedHandler(onUnauthorized);
    c.setCsrfToken('tok');
    answer = () => json(401, { title: 'Unauthorized', status: 401, detail: '请先登录' });
    await expect(c.api.get('/api/auth/me', { noAuthRedirect: true })).rejects.toBeInstanceOf(c.ApiError);
    expect(onUnauthorized).not.toHaveBeenCalled();
    await expect(c.api.get('/api/auth/me')).rejects.toBeInstanceOf(c.ApiError);
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('builds links to typed paths', () => {
    expect(
      c.apiUrl('/api/cases/{id}/files/{fileId}', { path: { id: 'c1', fileId: 'f1' }, query: { download: 'true' } }),
    ).toBe('/api/cases/c1/files/f1?download=true');
    expect(c.apiUrl('/api/supervision/figures.xlsx', { query: { regionCode: undefined, groupBy: 'region' } })).toBe(
      '/api/supervision/figures.xlsx?groupBy=region',
    );
  });
});
