/**
 * A small per-database read cache with a time limit, for reference data that is read on almost every
 * request and changed rarely (regions, departments, halls). Values are shared: callers must not mutate
 * them. `clear()` after a write; other nodes see the change within the time limit.
 */
export interface ReadCache {
  get<T>(db: object, key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

export function readCache(ttlMs: number, maxEntries = 10_000): ReadCache {
  let perDb = new WeakMap<object, Map<string, { at: number; value: Promise<unknown> }>>();
  return {
    get<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
      let entries = perDb.get(db);
      if (!entries) perDb.set(db, (entries = new Map()));
      const hit = entries.get(key);
      const now = Date.now();
      if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
      if (entries.size >= maxEntries) entries.clear();
      const value = load();
      entries.set(key, { at: now, value });
      // A failed load is not remembered.
      value.catch(() => entries.delete(key));
      return value;
    },
    clear() {
      perDb = new WeakMap();
    },
  };
}
