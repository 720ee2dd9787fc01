/**
 * The hotline's periodic work. The sign-for job 签收超时巡检 finds dispatched tickets not signed for within
 * the sign-for time at the job's `now` and records it in each ticket's history, once per dispatch
 * (`sign_overdue_for` keeps the sign-for time it was found past). Supervision raises its card from the
 * same fact (`hotline.watch.ts`). Idempotent: a second run, or another node's, records nothing new.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import type { Job } from '../../platform/module';
import { q } from './hotline.repository';
import { SIGN_OVERDUE_EVENT, signOverdueNote } from './hotline.signing';

const BATCH = 500;

/** Records every ticket past its sign-for time at `now` not yet recorded; returns how many were recorded. */
export async function recordSignOverdue(db: Db, now: Date): Promise<number> {
  let recorded = 0;
  for (;;) {
    const due = await q(db)
      .selectFrom('hotline_tickets')
      .select(['id', 'unit_name', 'sign_due_at'])
      .where('state', '=', 'dispatched')
      .where('signed_at', 'is', null)
      .where('sign_due_at', '<', now)
      .where(sql<boolean>`sign_overdue_for is distinct from sign_due_at`)
      .orderBy('sign_due_at')
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!due.length) break;
    // The update re-checks the condition: a ticket signed meanwhile, or marked by another node, is skipped.
    const r = await sql`
      with marked as (
        update hotline_tickets t set sign_overdue_for = t.sign_due_at
        where t.id = any(${due.map((d) => d.id)}::uuid[]) and t.state = 'dispatched' and t.signed_at is null
          and t.sign_overdue_for is distinct from t.sign_due_at
        returning t.id, t.unit_code, t.unit_name, t.sign_due_at)
      insert into hotline_ticket_events (ticket_id, action, from_state, to_state, actor_id, actor_name, unit_code, unit_name, note, data, at)
      select m.id, ${SIGN_OVERDUE_EVENT}, 'dispatched', 'dispatched', null, '系统', m.unit_code, m.unit_name, n.note,
             jsonb_build_object('signDueAt', m.sign_due_at), ${now}
      from marked m join unnest(${due.map((d) => d.id)}::uuid[], ${due.map((d) => signOverdueNote(d.unit_name, d.sign_due_at!))}::text[]) as n(id, note)
        on n.id = m.id`.execute(db);
    recorded += Number(r.numAffectedRows ?? 0);
    if (due.length < BATCH) break;
  }
  return recorded;
}

export const hotlineJobs: Job[] = [
  { name: 'hotline.sign-overdue', everyMs: 10 * 60_000, run: (db, { now }) => recordSignOverdue(db, now) },
];
