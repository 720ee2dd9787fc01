import { sql } from 'kysely';
import type { Migration } from 'kysely';

/** A case's bundle application is looked up from the workbench on every case page: index the linked case ids. */
export const bundlesCaseLookup: Migration = {
  async up(db) {
    await sql`create index bundle_applications_cases on bundle_applications using gin (case_ids jsonb_path_ops)`.execute(
      db,
    );
  },
  async down(db) {
    await sql`drop index bundle_applications_cases`.execute(db);
  },
};
