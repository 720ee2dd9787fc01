/**
 * A small per-database read cache with a time limit, for reference data that is read on almost every
 * request and changed rarely (regions, departments, halls). Values are shared: callers must not mutate
 * them. `clear()` after a write; other nodes see the change within the time limit.
 *
 * With `refreshAhead`, an expired value is still answered while one load of its successor runs (the callers
 * of a hot key do not all wait for it); `clear()` still forgets every value at once.
 */
export interface ReadCache {
  get<T>(db: object, key: string, load: () => Promise<T>): Promise<T>;
  clear(): void;
}

interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing?: boolean;
}

export function readCache(ttlMs: number, maxEntries = 10_000, opts: { refreshAhead?: boolean } = {}): ReadCache {
  let perDb = new WeakMap<object, Map<string, Entry>>();
  return {
    get<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
      let entries = perDb.get(db);
      if (!entries) perDb.set(db, (entries = new Map()));
      const map = entries;
      const hit = map.get(key);
      const now = Date.now();
      if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
      if (hit && opts.refreshAhead) {
        if (!hit.refreshing) {
          hit.refreshing = true;
          load().then(
            (v) => map.get(key) === hit && map.set(key, { at: Date.now(), value: Promise.resolve(v) }),
            () => map.get(key) === hit && map.delete(key),
          );
        }
        return hit.value as Promise<T>;
      }
      if (map.size >= maxEntries) map.clear();
      const value = load();
      map.set(key, { at: now, value });
      // A failed load is not remembered.
      value.catch(() => map.delete(key));
      return value;
    },
    clear() {
      perDb = new WeakMap();
    },
  };
}
