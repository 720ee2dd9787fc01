import { describe, expect, it } from 'vitest';
import { readCache } from './cache';

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
    await new Promise((r) => setTimeout(r, 60));
    expect(await cache.get(a, 'k', load)).toBe(4);
  });

  it('does not remember a failed load', async () => {
    const cache = readCache(1000);
    const db = {};
    await expect(cache.get(db, 'k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(db, 'k', async () => 'up')).toBe('up');
  });
});

describe('read cache with refresh ahead', () => {
  it('answers an expired value while one load of its successor runs, then the new one', async () => {
    const cache = readCache(20, 100, { refreshAhead: true });
    const db = {};
    let loads = 0;
    let release: () => void = () => undefined;
    const gate = () => new Promise<void>((r) => (release = r));
    const load = async () => {
      const n = ++loads;
      if (n > 1) await gate();
      return n;
    };
    expect(await cache.get(db, 'k', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    // expired: the old value at once, and a single refresh for both callers
    expect(await cache.get(db, 'k', load)).toBe(1);
    expect(await cache.get(db, 'k', load)).toBe(1);
    expect(loads).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(db, 'k', load)).toBe(2);
  });

  it('forgets every value on clear, also one being refreshed', async () => {
    const cache = readCache(20, 100, { refreshAhead: true });
    const db = {};
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get(db, 'k', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(await cache.get(db, 'k', load)).toBe(1); // refresh (2) under way
    cache.clear();
    expect(await cache.get(db, 'k', load)).toBe(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get(db, 'k', load)).toBe(3); // the cleared refresh did not overwrite it
  });

  it('drops a value whose refresh failed, so the next caller loads afresh', async () => {
    const cache = readCache(20, 100, { refreshAhead: true });
    const db = {};
    let fail = false;
    let loads = 0;
    const load = async () => {
      loads += 1;
      if (fail) throw new Error('down');
      return loads;
    };
    expect(await cache.get(db, 'k', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    fail = true;
    expect(await cache.get(db, 'k', load)).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    expect(await cache.get(db, 'k', load)).toBe(3);
  });
});
