import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * 预审清单: the clerk's verdict on each material of a case while it is being checked, kept on the server (so it
 * survives another browser) until the step that closes the check records it in its history and audit entry.
 */
export const casesChecks: Migration = {
  async up(db) {
    await sql`
      create table case_checks (
        case_id uuid not null references cases (id) on delete cascade,
        material_id text not null,
        result text not null check (result in ('ok','problem')),
        problem text check (length(problem) <= 500),
        checked_by uuid not null,
        checked_by_name text not null,
        checked_at timestamptz not null,
        primary key (case_id, material_id)
      )`.execute(db);
  },
  async down(db) {
    await sql`drop table if exists case_checks`.execute(db);
  },
};
