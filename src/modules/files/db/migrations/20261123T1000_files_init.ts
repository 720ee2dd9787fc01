import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Uploaded files (application materials). The content lives in the database, in the same
 * transaction as its metadata and audit entry: an upload is stored whole or not at all.
 */
export const filesInit: Migration = {
  async up(db) {
    await sql`
      create table files (
        id uuid primary key default gen_random_uuid(),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        size integer not null check (size > 0),
        media_type text not null check (media_type in ('application/pdf','image/jpeg','image/png')),
        original_name text not null check (length(original_name) between 1 and 255),
        owner_id uuid not null,
        content bytea not null,
        created_at timestamptz not null default now(),
        check (octet_length(content) = size)
      )`.execute(db);
    // PDFs and images are compressed already: store them out of line without trying again.
    await sql`alter table files alter column content set storage external`.execute(db);
    await sql`create index files_owner on files (owner_id, created_at desc)`.execute(db);
    await sql`create index files_sha256 on files (sha256)`.execute(db);
  },
};
