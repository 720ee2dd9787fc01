import { describe, expect, it } from 'vitest';
import { readCache } from './cache';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('read cache', () => {
  it('loads once within the time limit, per database, and again after clear or expiry', async () => {
    const cache = readCache(50);
    const a = {};
    const b = {};
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get(a, 'k', load)).toBe(1);
    expect(await cache.get(a, 'k', load)).toBe(1);
    expect(await cache.get(b, 'k', load)).toBe(2); // another database
    cache.clear();
    expect(await cache.get(a, 'k', load)).toBe(3);
    await tick(60);
    expect(await cache.get(a, 'k', load)).toBe(4);
  });

  it('clears one database without touching another', async () => {
    const cache = readCache(10_000);
    const a = {};
    const b = {};
    let loads = 0;
    const load = async () => ++loads;
    await cache.get(a, 'k', load);
    await cache.get(b, 'k', load);
    cache.clear(a);
    expect(await cache.get(a, 'k', load)).toBe(3);
    expect(await cache.get(b, 'k', load)).toBe(2);
  });

  it('does not remember a failed load', async () => {
    const cache = readCache(1000);
    const db = {};
    await expect(cache.get(db, 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await tick();
    expect(await cache.get(db, 'k', async () => 'up')).toBe('up');
  });

  it('answers a stale value while one reload runs, then the reloaded one', async () => {
    const cache = readCache(20, { staleMs: 10_000 });
    const db = {};
    let loads = 0;
    const load = async () => {
      await tick(5);
      return ++loads;
    };
    expect(await cache.get(db, 'k', load)).toBe(1);
    await tick(30);
    // Past the limit: the old value at once, and a single reload for both callers.
    expect(await Promise.all([cache.get(db, 'k', load), cache.get(db, 'k', load)])).toEqual([1, 1]);
    await tick(20);
    expect(loads).toBe(2);
    expect(await cache.get(db, 'k', load)).toBe(2);
  });

  it('without a stale window, waits for the reload', async () => {
    const cache = readCache(20);
    const db = {};
    let loads = 0;
    const load = async () => ++loads;
    await cache.get(db, 'k', load);
    await tick(30);
    expect(await cache.get(db, 'k', load)).toBe(2);
  });
});
