import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * 查询码: each case gets a random code for the public progress query (cases filed before keep none and are
 * followed by signing in). Failed queries are kept per case number for an hour so that guesses are limited
 * whatever address they come from.
 */
export const casesTracking: Migration = {
  async up(db) {
    await sql`alter table cases add column tracking_code text check (tracking_code ~ '^[2-9A-HJKMNP-Z]{10}$')`.execute(
      db,
    );
    await sql`
      create table case_track_failures (
        number text collate "C" not null,
        failed_at timestamptz not null
      )`.execute(db);
    await sql`create index case_track_failures_number on case_track_failures (number, failed_at)`.execute(db);
  },
  async down(db) {
    await sql`drop table if exists case_track_failures`.execute(db);
    await sql`alter table cases drop column if exists tracking_code`.execute(db);
  },
};
