import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Which warnings have been notified to the responsible unit 通知责任单位, per event (raised / decided):
 * the sweep notifies every open warning without a 'raised' row, so a warning is never notified twice
 * for one event and a failed pass is retried by the next sweep.
 */
export const supervisionNotices: Migration = {
  async up(db) {
    await sql`
      create table warning_notices (
        warning_id uuid not null references warnings(id) on delete cascade,
        event text not null check (event in ('raised','decided')),
        recipients int not null check (recipients >= 0),
        notified_at timestamptz not null default now(),
        primary key (warning_id, event)
      )`.execute(db);
  },
};
