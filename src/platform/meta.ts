import { sql } from 'kysely';
import type { Db } from './db';

/** Installation facts (e.g. whether the demo city was loaded). */
export async function getMeta<T>(db: Db, key: string): Promise<T | undefined> {
  const r = await sql<{ value: T }>`select value from platform_meta where key = ${key}`.execute(db);
  return r.rows[0]?.value;
}

export async function setMeta(db: Db, key: string, value: unknown): Promise<void> {
  await sql`insert into platform_meta (key, value) values (${key}, ${JSON.stringify(value)})
            on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(db);
}
