/**
 * Read-only facade for the assessment module 考核: who accepted each case 受理人 (the actor of its first
 * `accept` event — the clerk the efficiency figures group by), for many cases in one query.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';

export interface AcceptingClerk {
  actorId: string;
  actorName: string;
}

/** Cases never accepted (or accepted by no account) are absent from the map. */
export async function acceptingClerksOf(db: Db | Tx, caseIds: readonly string[]): Promise<Map<string, AcceptingClerk>> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return new Map();
  // distinct on + the (case_id, seq) unique index: the first acceptance of each case.
  const r = await sql<{ case_id: string; actor_id: string | null; actor_name: string }>`
    select distinct on (e.case_id) e.case_id, e.actor_id, e.actor_name
      from case_events e
     where e.case_id = any(${ids}::uuid[]) and e.action = 'accept'
     order by e.case_id, e.seq`.execute(db);
  const out = new Map<string, AcceptingClerk>();
  for (const row of r.rows)
    if (row.actor_id) out.set(row.case_id, { actorId: row.actor_id, actorName: row.actor_name });
  return out;
}
