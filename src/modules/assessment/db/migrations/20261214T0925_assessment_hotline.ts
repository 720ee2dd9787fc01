import { sql } from 'kysely';
import type { Migration } from 'kysely';

/**
 * The 12345 hotline in the monthly assessment 考核: a unit loses points for tickets finished after the limit,
 * callbacks not satisfied and tickets reopened (from the hotline's unit figures), and a department or a
 * window clerk for complaints 投诉 that name them (through a case or directly).
 */
export const assessmentHotline: Migration = {
  async up(db) {
    await sql`
      insert into assessment_rules (code, name, kind, points, cap, sort) values
        ('hotline_late', '热线工单超时办结', 'deduction', 1, 10, 62),
        ('hotline_unsatisfied', '热线回访不满意', 'deduction', 1, 10, 64),
        ('hotline_reopened', '热线工单重办', 'deduction', 0.5, 5, 66),
        ('hotline_complaint', '被 12345 投诉', 'deduction', 2, 10, 68)`.execute(db);
  },
};
