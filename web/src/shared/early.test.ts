import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from './client';
import type * as EarlyModule from './early';

let api: (typeof ClientModule)['api'];
let early: typeof EarlyModule;

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
/** What a request asked for: its path and query, whether fetched early (a string) or by the client (a Request). */
const asked = (req: string | Request) => {
  const u = new URL(typeof req === 'string' ? req : req.url, 'http://yiwang.test');
  return u.pathname + u.search;
};

beforeAll(async () => {
  vi.stubGlobal('location', { origin: 'http://yiwang.test', pathname: '/', search: '' });
  early = await import('./early');
  api = (await import('./client')).api;
});
afterEach(() => vi.unstubAllGlobals());

describe('early requests', () => {
  it('are fetched once and taken once', () => {
    const fetch = vi.fn(() => Promise.resolve(json({})));
    vi.stubGlobal('fetch', fetch);
    early.fetchEarly('/api/a');
    early.fetchEarly('/api/a');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(early.takeEarly('/api/a')).toBeInstanceOf(Promise);
    expect(early.takeEarly('/api/a')).toBeUndefined();
  });

  it('answer the first GET of the same URL through the API client, and only that one', async () => {
    const fetch = vi.fn((req: string | Request) => Promise.resolve(json({ url: asked(req) })));
    vi.stubGlobal('fetch', fetch);
    early.fetchEarly('/api/items?page=1&pageSize=10');
    expect(await api.get('/api/items', { params: { query: { q: '', page: 1, pageSize: 10 } } })).toEqual({
      url: '/api/items?page=1&pageSize=10',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    await api.get('/api/items', { params: { query: { page: 1, pageSize: 10 } } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('are not used by another URL or method', async () => {
    const fetch = vi.fn(() => Promise.resolve(json({})));
    vi.stubGlobal('fetch', fetch);
    early.fetchEarly('/api/bundles');
    await api.get('/api/bundles', { params: { query: { page: 2 } } });
    await api.post('/api/auth/logout');
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(early.takeEarly('/api/bundles')).toBeInstanceOf(Promise);
  });
});
