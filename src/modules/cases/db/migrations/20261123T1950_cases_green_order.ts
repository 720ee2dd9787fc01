import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Inbox order is 绿色通道 first, then by promised deadline: an index in exactly that order lets a wide
 * view (a city supervisor's "all cases") stop after one page instead of sorting every case in scope.
 */
export const casesGreenOrder: Migration = {
  async up(db) {
    await sql`create index cases_green_deadline on cases (green_channel desc, promised_deadline asc nulls last, created_at, id)`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop index if exists cases_green_deadline`.execute(db);
  },
};
