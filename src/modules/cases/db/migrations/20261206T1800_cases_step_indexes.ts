import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Every step writes a new version of its case row, and with it an entry in each index of `cases`, so an index
 * no query needs is paid for on every step. `cases_deadline` serves no query: lists sort by the green channel
 * first (`cases_green_deadline`) and deadline filters read `overdue_on` / `near_on`. `cases_created_by` is
 * covered by the unique `cases_idempotency`, which begins with the same column (no query uses its order).
 */
export const casesStepIndexes: Migration = {
  async up(db) {
    await sql`drop index if exists cases_deadline`.execute(db);
    await sql`drop index if exists cases_created_by`.execute(db);
  },
  async down(db) {
    await sql`create index if not exists cases_deadline on cases (promised_deadline, created_at, id)`.execute(db);
    await sql`create index if not exists cases_created_by on cases (created_by, created_at desc)`.execute(db);
  },
};
