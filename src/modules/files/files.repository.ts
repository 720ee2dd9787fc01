import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { FilesTables } from './files.tables';

const q = (db: Db | Tx) => tables<FilesTables>(db);

export type FileRow = Selectable<FilesTables['files']>;
export type FileMetaRow = Omit<FileRow, 'content'>;

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
