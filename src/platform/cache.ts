/**
 * A small per-database read cache with a time limit, for data that is read on almost every request and
 * changed rarely (regions, departments, halls, the calendar, published item versions) or that many
 * requests may share for a few seconds (the monitoring overview). Values are shared: callers must not
 * mutate them. `clear(db)` after a write on that database; other nodes see the change within the limit.
 * Every per-database cache goes through this helper or `perDatabase` (platform/db.ts), never a
 * module-level map: several databases (tests, tools) may live in one process.
 */
export interface ReadCache {
  get<T>(db: object, key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets what is kept for `db` (a load in flight is no longer kept either), or for every database. */
  clear(db?: object): void;
}

export interface ReadCacheOptions {
  /** Entries kept per database; past it, they are all dropped. */
  maxEntries?: number;
  /**
   * Past the time limit and up to this age, a value is still answered while the next one loads in the
   * background (one load at a time per key); it is replaced once that load succeeds.
   */
  staleMs?: number;
}

interface Entry {
  /** When its load began. */
  at: number;
  value: Promise<unknown>;
  ready: boolean;
  next?: Promise<unknown>;
}

export function readCache(ttlMs: number, options: ReadCacheOptions = {}): ReadCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const staleMs = options.staleMs ?? 0;
  let perDb = new WeakMap<object, Map<string, Entry>>();
  const keep = (entries: Map<string, Entry>, key: string, at: number, value: Promise<unknown>): Entry => {
    const entry: Entry = { at, value, ready: false };
    entries.set(key, entry);
    value.then(
      () => (entry.ready = true),
      // A failed load is not remembered.
      () => entries.get(key) === entry && entries.delete(key),
    );
    return entry;
  };
  return {
    get<T>(db: object, key: string, load: () => Promise<T>): Promise<T> {
      let entries = perDb.get(db);
      if (!entries) perDb.set(db, (entries = new Map()));
      const map = entries;
      const hit = map.get(key);
      // wall clock: an entry's age is process time, not domain time
      const now = Date.now();
      if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
      if (hit?.ready && now - hit.at < staleMs) {
        if (!hit.next) {
          const next = (hit.next = load());
          const kept = entries;
          next.then(
            () => kept.get(key) === hit && kept.set(key, { at: now, value: next, ready: true }),
            () => (hit.next = undefined),
          );
        }
        return hit.value as Promise<T>;
      }
      if (entries.size >= maxEntries) entries.clear();
      return keep(entries, key, now, load()).value as Promise<T>;
    },
    clear(db?: object) {
      if (db) perDb.delete(db);
      else perDb = new WeakMap();
    },
  };
}
