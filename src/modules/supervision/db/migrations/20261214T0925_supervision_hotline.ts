import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * Hotline tickets under supervision 热线工单监察: a warning's `source` says whether it concerns a case
 * (`case_id`, `case_number`, `item_name`) or a 12345 ticket (the ticket's id, number and title in the same
 * columns); a ticket's card also names the unit holding it and its deadline. Three rules for tickets:
 * near the limit (the hotline clock's 临期), past it, and not signed for in time.
 */
export const supervisionHotline: Migration = {
  async up(db) {
    await sql`
      alter table warnings
        add column source text not null default 'case' check (source in ('case','hotline')),
        add column unit_name text check (length(unit_name) <= 200),
        add column due_at timestamptz`.execute(db);
    await sql`
      insert into warning_rules (code, name, level, enabled, params) values
        ('hotline_near', '热线工单临近办理时限', 'yellow', true, '{"explainDays": 3}'),
        ('hotline_overdue', '热线工单超过办理时限', 'red', true, '{"explainDays": 3}'),
        ('hotline_unsigned', '热线工单超时未签收', 'yellow', true, '{"explainDays": 3}')`.execute(db);
  },
};
