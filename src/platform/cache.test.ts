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
