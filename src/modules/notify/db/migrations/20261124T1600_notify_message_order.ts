import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Messages written within one clock tick (the embedded database's clock ticks in milliseconds) need an order
 * of their own for "newest first": an insertion sequence breaks the tie.
 */
export const notifyMessageOrder: Migration = {
  async up(db) {
    await sql`alter table messages add column seq bigint generated always as identity`.execute(db);
  },
  async down(db) {
    await sql`alter table messages drop column seq`.execute(db);
  },
};
