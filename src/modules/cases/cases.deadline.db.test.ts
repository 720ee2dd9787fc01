import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../platform/db';
import type { DeadlineState } from '../workflow/index';
import { deadlineStateIs, storedDeadlineState, type StoredClock } from './cases.deadline';
import type { ClockPhase } from './cases.tables';

const STATES: DeadlineState[] = ['not_started', 'on_time', 'near', 'overdue', 'suspended', 'finished'];
const PHASES: ClockPhase[] = ['not_started', 'running', 'suspended', 'suspended_overdue', 'finished'];
const DAYS = [null, '2026-11-24', '2026-11-25', '2026-11-26'];

let database: Database;
beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  database = url ? await openPostgres(url, 1) : await openPglite('memory://');
});
afterAll(() => database.close());

describe('the SQL deadline state', () => {
  it('holds for a row exactly when the pure rule gives that state, nulls included', async () => {
    const rows: StoredClock[] = [];
    for (const clock_phase of PHASES)
      for (const near_on of DAYS) for (const overdue_on of DAYS) rows.push({ clock_phase, near_on, overdue_on });
    const today = '2026-11-25';
    const values = sql.join(
      rows.map((r, i) => sql`(${i}::int, ${r.clock_phase}::text, ${r.near_on}::date, ${r.overdue_on}::date)`),
    );
    const got = await sql<Record<string, boolean | number>>`
      select c.i, ${sql.join(
        STATES.map((s) => sql`coalesce(${deadlineStateIs(s, today, 'c')}, false) as ${sql.id(s)}`),
      )}
      from (values ${values}) as c(i, clock_phase, near_on, overdue_on)
      order by c.i`.execute(database.db);
    expect(got.rows).toHaveLength(rows.length);
    for (const g of got.rows) {
      const row = rows[g.i as number]!;
      const holds = STATES.filter((s) => g[s] === true);
      expect([row, holds]).toEqual([row, [storedDeadlineState(row, today)]]);
    }
  });
});
