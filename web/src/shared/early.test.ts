import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchEarly, takeEarly } from './early';
import { api } from './api';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('early requests', () => {
  it('are fetched once and taken once', () => {
    const fetch = vi.fn(() => Promise.resolve(json({})));
    vi.stubGlobal('fetch', fetch);
    fetchEarly('/api/a');
    fetchEarly('/api/a');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(takeEarly('/api/a')).toBeInstanceOf(Promise);
    expect(takeEarly('/api/a')).toBeUndefined();
  });

  it('answer the first GET of the same URL through the API client, and only that one', async () => {
    const fetch = vi.fn((url: string) => Promise.resolve(json({ url })));
    vi.stubGlobal('fetch', fetch);
    fetchEarly('/api/items?page=1&pageSize=10');
    expect(await api.get('/api/items', { query: { q: '', page: 1, pageSize: 10 } })).toEqual({
      url: '/api/items?page=1&pageSize=10',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
    await api.get('/api/items', { query: { page: 1, pageSize: 10 } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('are not used by another URL or method', async () => {
    const fetch = vi.fn(() => Promise.resolve(json({})));
    vi.stubGlobal('fetch', fetch);
    fetchEarly('/api/b');
    await api.get('/api/b', { query: { page: 2 } });
    await api.post('/api/b', {});
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(takeEarly('/api/b')).toBeInstanceOf(Promise);
  });
});
