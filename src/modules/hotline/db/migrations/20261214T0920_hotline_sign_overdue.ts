import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Sign-for overdue 超时未签收: the sign-for time a ticket was found past, so the job records it once per
 * dispatch (a new dispatch sets a new `sign_due_at`), and an index for the job's search.
 */
export const hotlineSignOverdue: Migration = {
  async up(db) {
    await sql`alter table hotline_tickets add column sign_overdue_for timestamptz`.execute(db);
    await sql`
      create index hotline_tickets_sign_due on hotline_tickets (sign_due_at)
      where state = 'dispatched' and signed_at is null`.execute(db);
  },
};
