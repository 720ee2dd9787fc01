import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * The clock's log on the case row: the day and kind of every history event that started, stopped, resumed or
 * ended the working-day clock, in history order. A step reads the row alone instead of the row and its
 * history; each step that writes an event with a clock effect appends to the log in the same statement.
 */
export const casesClockLog: Migration = {
  async up(db) {
    await sql`alter table cases add column clock_log jsonb not null default '[]'::jsonb`.execute(db);
    await sql`
      update cases c set clock_log = l.log
      from (
        select case_id, jsonb_agg(jsonb_build_object('on_date', on_date, 'clock', clock) order by seq) as log
        from case_events where clock is not null group by case_id
      ) l
      where l.case_id = c.id`.execute(db);
  },
  async down(db) {
    await sql`alter table cases drop column clock_log`.execute(db);
  },
};
