import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Indexes for the supervision reads over cases (cases.figures.ts):
 * - the warning sweep walks open cases (clock running or suspended) by id: a partial index that holds
 *   only open cases, so a sweep over 1M open cases pages by index and finished cases cost nothing;
 * - the sweep also revisits cases changed recently (refusals, late decisions): by updated_at;
 * - efficiency figures select a period by submission, acceptance or finish date.
 */
export const casesFigures: Migration = {
  async up(db) {
    await sql`create index cases_open_id on cases (id) where clock_phase in ('running','suspended','suspended_overdue')`.execute(
      db,
    );
    await sql`create index cases_updated on cases (updated_at, id)`.execute(db);
    await sql`create index cases_submitted on cases (submitted_at) where submitted_at is not null`.execute(db);
    await sql`create index cases_accepted_on on cases (accepted_on) where accepted_on is not null`.execute(db);
    await sql`create index cases_finished_on on cases (finished_on) where finished_on is not null`.execute(db);
  },
};
