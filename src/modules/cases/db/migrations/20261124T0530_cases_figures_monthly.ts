import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Monthly sums of the daily figures rollup (case_figures_daily): a year of figures then adds up twelve
 * months of rows plus the days of the months it only partly covers. Kept from the daily rows whenever
 * days are recounted; the next refresh builds it (the rollup starts again from nothing).
 */
export const casesFiguresMonthly: Migration = {
  async up(db) {
    await sql`
      create table case_figures_monthly (
        month date not null check (extract(day from month) = 1),
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
        primary key (month, region_code, department_code, item_code)
      )`.execute(db);
    await sql`update case_figures_state set through = null`.execute(db);
  },
  async down(db) {
    await sql`drop table case_figures_monthly`.execute(db);
  },
};
