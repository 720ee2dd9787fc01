import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Daily rollup 日汇总 of the efficiency figures 效能统计 (cases.figures.ts): per Shanghai day × competent
 * region × department × item, the counts of the facts dated that day (received on the submission day,
 * accepted on the acceptance day, completed on the finish day), so a year of figures adds up a few
 * hundred thousand rows instead of reading every case. Days up to `case_figures_state.through` come
 * from here; later days (today) are counted live.
 *
 * Working days used are kept as sums of working-day ordinals (`used_deadline_ord`, `used_finished_ord`,
 * counted from 2000-01-01 with the calendar whose fingerprint is `calendar_hash`), so that
 * used = promised_days − workdays(finished_on, promised_deadline] adds up per group. Completed cases whose
 * deadline lies more than 800 days from their finish day are kept one by one in `case_figures_far`
 * (the 800-day calendar window of the figures decides per query whether they count).
 */
export const casesFiguresDaily: Migration = {
  async up(db) {
    await sql`
      create table case_figures_daily (
        day date not null,
        region_code text not null,
        department_code text not null,
        item_code text not null,
        item_name text not null,
        received int not null,
        online int not null,
        zero_visit int not null,
        accepted int not null,
        immediate int not null,
        completed int not null,
        on_time int not null,
        early int not null,
        overdue int not null,
        promised_sum bigint not null,
        used_n int not null,
        used_promised bigint not null,
        used_deadline_ord bigint not null,
        used_finished_ord bigint not null,
        primary key (day, region_code, department_code, item_code)
      )`.execute(db);
    await sql`
      create table case_figures_far (
        case_id uuid primary key,
        day date not null,
        region_code text not null,
        department_code text not null,
        item_code text not null,
        promised_days int not null,
        promised_deadline date not null
      )`.execute(db);
    await sql`create index case_figures_far_day on case_figures_far (day)`.execute(db);
    // One row: the last day rolled up (null = nothing yet), when, and the calendar it was counted with.
    await sql`
      create table case_figures_state (
        id boolean primary key default true check (id),
        through date,
        refreshed_at timestamptz,
        calendar_from date,
        calendar_to date,
        calendar_hash text
      )`.execute(db);
    await sql`insert into case_figures_state (id) values (true)`.execute(db);
  },
  async down(db) {
    await sql`drop table case_figures_state`.execute(db);
    await sql`drop table case_figures_far`.execute(db);
    await sql`drop table case_figures_daily`.execute(db);
  },
};
