import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Which uploads were taken by a case or report: the rest count against their owner's quota and are
 * removed after a while. Files stored before this was tracked are treated as attached (kept).
 */
export const filesAttachment: Migration = {
  async up(db) {
    await sql`alter table files add column attached_at timestamptz`.execute(db);
    await sql`update files set attached_at = created_at`.execute(db);
    await sql`create index files_unattached_owner on files (owner_id) include (size) where attached_at is null`.execute(
      db,
    );
    await sql`create index files_unattached_age on files (created_at) where attached_at is null`.execute(db);
  },
};
