import { sql } from 'kysely';
import type { Migration } from 'kysely';

const ROLES = ['clerk', 'approver', 'chief'] as const;
const queueIndex = (role: string, include: string) =>
  sql.raw(
    `create index cases_holder_queue_${role} on cases (current_region_code text_pattern_ops, current_level, promised_deadline, created_at, id) ` +
      `include (${include}) where '${role}' = any(actionable) and submitted_at is not null`,
  );

/**
 * The work queues also carry the deadline columns, so an inbox filtered by deadline state (逾期 / 临近)
 * is answered from the queue index alone: without them the planner read the queue and then intersected
 * it with every open case of the city (`cases_open_id`), ten times the work for a county clerk.
 */
export const casesQueueDeadlines: Migration = {
  async up(db) {
    for (const role of ROLES) {
      await sql.raw(`drop index if exists cases_holder_queue_${role}`).execute(db);
      await queueIndex(role, 'department_code, green_channel, clock_phase, overdue_on, near_on').execute(db);
    }
  },
  async down(db) {
    for (const role of ROLES) {
      await sql.raw(`drop index if exists cases_holder_queue_${role}`).execute(db);
      await queueIndex(role, 'department_code, green_channel').execute(db);
    }
  },
};
