import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { FilesTables } from './files.tables';

const q = (db: Db | Tx) => tables<FilesTables>(db);

export type FileRow = Selectable<FilesTables['files']>;
export type FileMetaRow = Omit<FileRow, 'content' | 'attached_at'>;

const META = ['id', 'sha256', 'size', 'media_type', 'original_name', 'owner_id', 'created_at'] as const;

export async function insertFile(db: Db | Tx, row: Insertable<FilesTables['files']>): Promise<FileMetaRow> {
  return q(db).insertInto('files').values(row).returning(META).executeTakeFirstOrThrow();
}

export async function getMeta(db: Db | Tx, id: string): Promise<FileMetaRow | undefined> {
  return q(db).selectFrom('files').select(META).where('id', '=', id).executeTakeFirst();
}

export async function getMetas(db: Db | Tx, ids: readonly string[]): Promise<FileMetaRow[]> {
  if (!ids.length) return [];
  return q(db)
    .selectFrom('files')
    .select(META)
    .where('id', 'in', [...ids])
    .execute();
}

export async function getWithContent(db: Db | Tx, id: string): Promise<FileRow | undefined> {
  return q(db).selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

const QUOTA_LOCK = 7_411_002; // advisory lock class: one account's uploads check their quota one at a time

/** Serialises the quota check and insert of one account's uploads (until the transaction ends). */
export async function lockOwner(tx: Tx, ownerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${QUOTA_LOCK}, hashtext(${ownerId}))`.execute(tx);
}

/** An account's unattached bytes, and its uploads within the last `windowMs` (count, bytes, when the oldest leaves). */
export async function usage(db: Db | Tx, ownerId: string, windowMs: number) {
  const r = await sql<{ pending: string; n: number; bytes: string; frees_in: number | null }>`
    select
      (select coalesce(sum(size), 0) from files where owner_id = ${ownerId} and attached_at is null) as pending,
      w.n, w.bytes,
      extract(epoch from (w.oldest + make_interval(secs => ${windowMs / 1000}) - now()))::float8 as frees_in
    from (
      select count(*)::int as n, coalesce(sum(size), 0) as bytes, min(created_at) as oldest
      from files
      where owner_id = ${ownerId} and created_at > now() - make_interval(secs => ${windowMs / 1000})
    ) w`.execute(db);
  const row = r.rows[0]!;
  return {
    pendingBytes: Number(row.pending),
    windowCount: Number(row.n),
    windowBytes: Number(row.bytes),
    windowFreesInSeconds: row.frees_in === null ? null : Number(row.frees_in),
  };
}

/** Marks the owner's files among `ids` attached (once); returns the ids that exist and are the owner's. */
export async function markAttached(db: Db | Tx, ownerId: string, ids: readonly string[]): Promise<string[]> {
  const rows = await q(db)
    .updateTable('files')
    .set({ attached_at: sql<Date>`coalesce(attached_at, now())` })
    .where('id', 'in', [...ids])
    .where('owner_id', '=', ownerId)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Deletes up to `limit` files never attached and older than `olderThanMs`; rows locked elsewhere are left for later. */
export async function deleteUnattached(tx: Tx, olderThanMs: number, limit: number) {
  return q(tx)
    .deleteFrom('files')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('files')
        .select('id')
        .where('attached_at', 'is', null)
        .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
        .orderBy('created_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .where('attached_at', 'is', null)
    .returning(['id', 'owner_id', 'size', 'sha256', 'original_name'])
    .execute();
}
