import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * The regulation module's 双推送 job reads grants 准予许可 and certificates 制证 as keyset pages over the
 * history (cases.regulation-facade.ts). Partial indexes holding only those two actions, in the
 * pages' (at, id) order, let each run read just the events since its cursor instead of rescanning
 * every open case.
 */
export const casesGrantEvents: Migration = {
  async up(db) {
    await sql`create index case_events_grants on case_events (at, id) where action = 'grant'`.execute(db);
    await sql`create index case_events_certificates on case_events (at, id) where action = 'issue-certificate'`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop index if exists case_events_certificates`.execute(db);
    await sql`drop index if exists case_events_grants`.execute(db);
  },
};
