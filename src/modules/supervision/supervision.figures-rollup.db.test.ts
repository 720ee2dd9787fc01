import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { addDays, loadCalendar, todayInShanghai } from '../calendar/index';
import {
  caseFigures,
  caseFiguresLive,
  caseFiguresRollupState,
  mergeFigures,
  wholeMonths,
  type CaseFiguresQuery,
  type CaseFiguresRow,
  type FiguresGroupBy,
} from '../cases/index';
import { refreshFiguresRollup, workdayOrdinals } from './supervision.figures-rollup';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get } = api(() => t);
const today = todayInShanghai(new Date());

/**
 * 400 cases copied from a demo case over the last 500 days: received, accepted and finished on different
 * days, online and at the window, on time, early and late, in two regions and departments; one finished
 * 839 days before its deadline (kept one by one, outside the rollup's averages).
 */
async function seedPastCases() {
  await sql`
    insert into cases
    select (jsonb_populate_record(null::cases, to_jsonb(t) || jsonb_build_object(
      'id', gen_random_uuid(),
      'number', '2111ZZ-20000101-' || lpad(g::text, 6, '0'),
      'idempotency_key', 'rollup-' || g,
      'region_code', case when g % 3 = 0 then '211103' else '211100' end,
      'department_code', case when g % 3 = 0 then 'XLT-XZSP' else 'PJ-XZSP' end,
      'item_code', case when g % 2 = 0 then '2111-XK-00002' else '2111-XK-00003' end,
      'item_name', case when g % 2 = 0 then '食品经营许可' else '企业设立登记' end,
      'channel', case when g % 4 = 0 then 'window' else 'online' end,
      'handling_type', case when g % 5 = 0 then 'immediate' else 'promised' end,
      'promised_days', g % 7,
      'submitted_at', ((${today}::date - (g % 500)) + time '10:00') at time zone 'Asia/Shanghai',
      'accepted_on', case when g % 9 = 0 then null else ${today}::date - (g % 500) + 1 end,
      'promised_deadline', case when g = 400 then ${today}::date + 450 else ${today}::date - (g % 500) + 1 + (g % 11) end,
      'finished_on', case when g % 6 = 0 or g % 9 = 0 then null else ${today}::date - (g % 500) + 1 + (g % 13) end,
      'clock_phase', case when g % 9 = 0 then 'not_started' when g % 6 = 0 then 'running' else 'finished' end,
      'updated_at', now() - interval '1 hour'
    ))).*
    from (select * from cases order by number limit 1) t, generate_series(1, 400) g`.execute(t.db);
  // finish days may not lie in the future
  await sql`update cases set finished_on = ${addDays(today, -1)}::date where finished_on > ${addDays(today, -1)}::date and number like '2111ZZ-%'`.execute(
    t.db,
  );
}

async function query(
  groupBy: FiguresGroupBy,
  from: string,
  to: string,
  scope: Partial<CaseFiguresQuery> = {},
): Promise<CaseFiguresQuery> {
  const cal = await loadCalendar(t.db);
  const w = workdayOrdinals(cal, addDays(from, -800), addDays(to, 800));
  return {
    regionPrefix: '2111',
    departmentCodes: null,
    groupBy,
    from,
    to,
    dates: w.dates,
    ordinals: w.ordinals,
    ...scope,
  };
}

/** Rows with the averages' sums rounded (float sums) and "no completed case" spelled one way. */
const norm = (rows: CaseFiguresRow[]) =>
  rows.map((r) => ({
    ...r,
    used_sum: r.used_n ? Math.round((r.used_sum ?? 0) * 1000) / 1000 : 0,
    promised_sum: r.completed ? r.promised_sum : 0,
  }));

async function expectSameAsLive(q: CaseFiguresQuery) {
  const [rolled, live] = await Promise.all([caseFigures(t.db, q), caseFiguresLive(t.db, q)]);
  expect(norm(rolled)).toEqual(norm(live));
  return rolled;
}

describe('efficiency figures from the daily rollup 日汇总', () => {
  it('gives exactly the figures counted live, for any period, scope and grouping', async () => {
    await seedPastCases();
    const from = addDays(today, -450);
    expect((await caseFiguresRollupState(t.db)).through).toBeNull();
    const first = await refreshFiguresRollup(t.db, today, { wait: true });
    expect(first).toMatchObject({ through: addDays(today, -1), rebuilt: true });
    expect(
      Number((await sql<{ n: number }>`select count(*)::int as n from case_figures_daily`.execute(t.db)).rows[0]!.n),
    ).toBeGreaterThan(100);
    // the case finished 900 days before its deadline is kept one by one
    expect((await sql<{ n: number }>`select count(*)::int as n from case_figures_far`.execute(t.db)).rows[0]!.n).toBe(
      1,
    );

    for (const g of ['region', 'department', 'item'] as const) {
      const rows = await expectSameAsLive(await query(g, from, today));
      expect(rows.reduce((a, r) => a + r.completed, 0)).toBeGreaterThan(200);
    }
    // periods wholly in the rollup, wholly live (today) and straddling it; a narrowed scope
    await expectSameAsLive(await query('department', addDays(today, -300), addDays(today, -100)));
    await expectSameAsLive(await query('item', today, today));
    await expectSameAsLive(await query('region', addDays(today, -20), addDays(today, 30)));
    await expectSameAsLive(await query('item', from, today, { regionPrefix: '211103', departmentCodes: ['XLT-XZSP'] }));
    // a long period takes the far case into the working-days average, as the live count does
    const long = await expectSameAsLive(await query('region', '2000-01-01', today));
    expect(long.reduce((a, r) => a + r.used_n, 0)).toBe(long.reduce((a, r) => a + r.completed, 0));
    // …but not the figures of its finish day alone: its deadline lies beyond the 800-day window
    const day = await expectSameAsLive(await query('region', addDays(today, -389), addDays(today, -389)));
    expect(day.reduce((a, r) => a + r.completed - r.used_n, 0)).toBe(1);
  });

  it('a window hand-over after the refresh changes 零跑动 of the day received once refreshed again', async () => {
    const q = await query('department', addDays(today, -450), today);
    const before = await caseFigures(t.db, q);
    const c = (
      await sql<{ id: string; department_code: string }>`
        select id, department_code from cases where number like '2111ZZ-%' and channel = 'online' and clock_phase = 'finished'
          and submitted_at < now() - interval '30 days' order by number limit 1`.execute(t.db)
    ).rows[0]!;
    const seq = (
      await sql<{
        n: number;
      }>`select coalesce(max(seq), 0)::int + 1 as n from case_events where case_id = ${c.id}`.execute(t.db)
    ).rows[0]!.n;
    await sql`
      insert into case_events (case_id, seq, on_date, actor_name, actor_role, action, to_status, payload)
      values (${c.id}, ${seq}, ${today}::date, '李晓雯', 'clerk', 'deliver', 'completed', '{"delivery":{"method":"window"}}')`.execute(
      t.db,
    );
    await sql`update cases set updated_at = now() where id = ${c.id}`.execute(t.db);

    expect(await refreshFiguresRollup(t.db, today, { wait: true })).toMatchObject({ rebuilt: false, ranges: 1 });
    const after = await expectSameAsLive(q);
    const zv = (rows: CaseFiguresRow[]) => rows.find((r) => r.key === c.department_code)!.zero_visit;
    expect(zv(after)).toBe(zv(before) - 1);
  });

  it('the figures API refreshes on demand and counts a case of today at once', async () => {
    const sup = await as('supervisor');
    const path = `/api/supervision/figures?groupBy=department&from=${addDays(today, -450)}&to=${today}`;
    const res = await get(path, sup);
    expect(res.statusCode, res.body).toBe(200);
    const live = await caseFiguresLive(t.db, await query('department', addDays(today, -450), today));
    expect(res.json().total.received).toBe(live.reduce((a, r) => a + r.received, 0));
    expect(res.json().total.completed).toBe(live.reduce((a, r) => a + r.completed, 0));
  });
});

describe('workday ordinals', () => {
  it('count working days from 2000-01-01, the same numbers whatever the span asked', async () => {
    const cal = await loadCalendar(t.db);
    const a = workdayOrdinals(cal, '2026-09-28', '2026-10-09');
    const b = workdayOrdinals(cal, '1999-12-30', '2026-10-09');
    expect(a.dates[0]).toBe('2026-09-28');
    expect(a.ordinals).toEqual(b.ordinals.slice(-a.ordinals.length));
    // Thu 1999-12-30 … Mon 2000-01-03 (the origin is a Saturday): differences are the working days in between
    expect(b.dates.slice(0, 5)).toEqual(['1999-12-30', '1999-12-31', '2000-01-01', '2000-01-02', '2000-01-03']);
    expect(b.ordinals.slice(0, 5)).toEqual([-1, 0, 0, 0, 1]);
  });
});

describe('rollup arithmetic', () => {
  it('finds the whole months of a period', () => {
    expect(wholeMonths('2025-11-24', '2026-11-23')).toEqual({ first: '2025-12-01', last: '2026-10-01' });
    expect(wholeMonths('2026-01-01', '2026-01-31')).toEqual({ first: '2026-01-01', last: '2026-01-01' });
    expect(wholeMonths('2025-12-01', '2026-02-28')).toEqual({ first: '2025-12-01', last: '2026-02-01' });
    expect(wholeMonths('2026-01-02', '2026-01-31')).toBeNull();
    expect(wholeMonths('2026-01-15', '2026-02-14')).toBeNull();
    // up to the rollup's last day, the month it ends in counts by its monthly row too
    expect(wholeMonths('2025-11-24', '2026-11-23', true)).toEqual({ first: '2025-12-01', last: '2026-11-01' });
    expect(wholeMonths('2026-11-02', '2026-11-23', true)).toBeNull();
  });

  it('adds up group rows by key, nulls last', () => {
    const row = (key: string | null, n: number, used: number | null): CaseFiguresRow => ({
      key,
      label: null,
      received: n,
      online: n,
      zero_visit: 0,
      accepted: n,
      immediate: 0,
      completed: n,
      on_time: n,
      early: 0,
      overdue: 0,
      used_sum: used,
      used_n: used === null ? 0 : 1,
      promised_sum: used,
    });
    const m = mergeFigures([row('B', 1, 2), row(null, 1, null)], [row('A', 2, null), row('B', 3, 4)]);
    expect(m.map((r) => [r.key, r.received, r.used_sum, r.used_n])).toEqual([
      ['A', 2, null, 0],
      ['B', 4, 6, 2],
      [null, 1, null, 0],
    ]);
  });
});
