/**
 * Part of the read model (`cases.readmodel.ts`): figures over cases for supervision 电子监察 (C7) and assessment: the facts the warning sweep
 * needs, the open-case counts of the monitoring screen and the efficiency figures 效能统计.
 * The supervision module never names these tables; it calls these functions through `index.ts`.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { scopeSql } from '../../platform/scope';
import { deadlineStateIs } from './cases.deadline';
import type { ClockPhase } from './cases.tables';

/** Facts of one case for the warning rules (one row per case, events aggregated). */
export interface CaseWarningFactsRow {
  id: string;
  number: string;
  item_code: string;
  item_version: number;
  item_name: string;
  region_code: string;
  department_code: string;
  accept_hall_id: string | null;
  status: string;
  clock_phase: ClockPhase;
  promised_days: number;
  promised_deadline: string | null;
  statutory_deadline: string | null;
  near_on: string | null;
  overdue_on: string | null;
  finished_on: string | null;
  step_entered_on: string;
  returns: number;
  refused_without_reason: boolean;
}

const factsSelect = sql`
  select c.id, c.number, c.item_code, c.item_version, c.item_name, c.region_code, c.department_code, c.accept_hall_id,
         c.status, c.clock_phase, c.promised_days, c.promised_deadline, c.statutory_deadline, c.near_on, c.overdue_on, c.finished_on,
         to_char(c.step_entered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as step_entered_on,
         coalesce(e.returns, 0)::int as returns, coalesce(e.refused_without_reason, false) as refused_without_reason
  from cases c
  left join lateral (
    select count(*) filter (where ev.action in ('return', 'send-down'))::int as returns,
           bool_or(ev.action in ('refuse', 'deny') and coalesce(btrim(ev.comment), '') = '' and coalesce(btrim(ev.payload->>'reason'), '') = '') as refused_without_reason
    from case_events ev where ev.case_id = c.id
  ) e on true`;

/**
 * One keyset page of open cases (clock running or suspended), by id: one statement per page
 * (index cases_open_id), events aggregated per case by the (case_id, seq) index.
 */
export async function openCaseFactsPage(
  db: Db | Tx,
  afterId: string | null,
  limit: number,
): Promise<CaseWarningFactsRow[]> {
  const r = await sql<CaseWarningFactsRow>`
    ${factsSelect}
    where c.clock_phase in ('running','suspended','suspended_overdue')
      ${afterId ? sql`and c.id > ${afterId}::uuid` : sql``}
    order by c.id
    limit ${limit}`.execute(db);
  return r.rows;
}

/** One keyset page of cases that are no longer open and changed since `since` (finished, refused, withdrawn). */
export async function recentlyClosedCaseFactsPage(
  db: Db | Tx,
  since: Date,
  after: { updatedAt: Date; id: string } | null,
  limit: number,
): Promise<(CaseWarningFactsRow & { updated_at: Date })[]> {
  const r = await sql<CaseWarningFactsRow & { updated_at: Date }>`
    select f.*, c2.updated_at from (
      ${factsSelect}
      where c.updated_at >= ${since}
        and c.clock_phase not in ('running','suspended','suspended_overdue')
        and c.submitted_at is not null
        ${after ? sql`and (c.updated_at, c.id) > (${after.updatedAt}, ${after.id}::uuid)` : sql``}
      order by c.updated_at, c.id
      limit ${limit}
    ) f join cases c2 on c2.id = f.id
    order by c2.updated_at, c2.id`.execute(db);
  return r.rows;
}

export interface CaseScopeFilter {
  /** Competent region code prefix (the actor's subtree, possibly narrowed). */
  regionPrefix: string;
  /** Department codes, null = all. */
  departmentCodes: readonly string[] | null;
  /** Accepting hall, null = all. */
  hallId?: string | null;
}

const scopeWhere = (f: CaseScopeFilter) =>
  scopeSql(
    { regionPrefix: f.regionPrefix, departmentCodes: f.departmentCodes, hallId: f.hallId ?? null, ownerId: null },
    { region: sql.ref('c.region_code'), department: sql.ref('c.department_code'), hall: sql.ref('c.accept_hall_id') },
  );

export interface OpenCaseCountsRow {
  region_code: string;
  on_time: number;
  near: number;
  overdue: number;
  suspended: number;
}

/** Open cases (clock running or suspended) by competent region and deadline state on `today` (stored clock columns). */
export async function openCaseCounts(db: Db | Tx, f: CaseScopeFilter, today: string): Promise<OpenCaseCountsRow[]> {
  const r = await sql<OpenCaseCountsRow>`
    select c.region_code,
      count(*) filter (where ${deadlineStateIs('on_time', today, 'c')})::int as on_time,
      count(*) filter (where ${deadlineStateIs('near', today, 'c')})::int as near,
      count(*) filter (where ${deadlineStateIs('overdue', today, 'c')})::int as overdue,
      count(*) filter (where ${deadlineStateIs('suspended', today, 'c')})::int as suspended
    from cases c
    where c.clock_phase in ('running','suspended','suspended_overdue') and ${scopeWhere(f)}
    group by c.region_code
    order by c.region_code`.execute(db);
  return r.rows;
}

export type FiguresGroupBy = 'region' | 'department' | 'hall' | 'clerk' | 'item';

export interface CaseFiguresRow {
  key: string | null;
  label: string | null;
  received: number;
  online: number;
  zero_visit: number;
  accepted: number;
  immediate: number;
  completed: number;
  on_time: number;
  early: number;
  overdue: number;
  used_sum: number | null;
  used_n: number;
  promised_sum: number | null;
}

const KEY: Record<FiguresGroupBy, { key: string; label: string }> = {
  region: { key: 'c.region_code', label: 'null::text' },
  department: { key: 'c.department_code', label: 'null::text' },
  hall: { key: 'c.accept_hall_id::text', label: 'null::text' },
  clerk: { key: 'acc.actor_id::text', label: 'acc.actor_name' },
  item: { key: 'c.item_code', label: 'c.item_name' },
};

export interface CaseFiguresQuery extends CaseScopeFilter {
  groupBy: FiguresGroupBy;
  /** Period, Shanghai civil days, inclusive. */
  from: string;
  to: string;
  /**
   * Working-day ordinals: `ordinals[i]` = number of working days on or before `dates[i]`, for every day
   * the deadlines and finish dates of the period can take (built by the caller from the calendar).
   */
  dates: string[];
  ordinals: number[];
}

/**
 * Efficiency figures per group (definitions: docs/supervision-figures.md). Grouped by region, department
 * or item, the days up to the daily rollup's last day come from `case_figures_daily` and the days after
 * it are counted live; by hall or clerk (or within one hall) everything is counted live.
 */
export async function caseFigures(db: Db | Tx, q: CaseFiguresQuery): Promise<CaseFiguresRow[]> {
  if (!ROLLUP_GROUPS.has(q.groupBy) || q.hallId) return caseFiguresLive(db, q);
  const through =
    (await sql<{ through: string | null }>`select through::text as through from case_figures_state`.execute(db)).rows[0]
      ?.through ?? null;
  if (!through || through < q.from) return caseFiguresLive(db, q);
  const rolled = await rolledUpFigures(db, q, q.to < through ? q.to : through, through);
  if (q.to <= through) return rolled;
  return mergeFigures(rolled, await caseFiguresLive(db, { ...q, from: dayAfter(through) }));
}

/**
 * The figures counted from the cases themselves, one statement.
 * received = submitted in the period; accepted = accepted in the period; completed = clock finished in the period.
 */
export async function caseFiguresLive(db: Db | Tx, q: CaseFiguresQuery): Promise<CaseFiguresRow[]> {
  const k = KEY[q.groupBy];
  const fromTs = new Date(`${q.from}T00:00:00+08:00`);
  const toTs = new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000);
  const recv = sql`(c.submitted_at >= ${fromTs} and c.submitted_at < ${toTs})`;
  const acc = sql`(c.accepted_on between ${q.from}::date and ${q.to}::date)`;
  const done = sql`(c.clock_phase = 'finished' and c.finished_on between ${q.from}::date and ${q.to}::date and c.promised_deadline is not null)`;
  const r = await sql<CaseFiguresRow>`
    with wd as (select * from unnest(${q.dates}::date[], ${q.ordinals}::int[]) as t(d, n))
    select ${sql.raw(k.key)} as key, max(${sql.raw(k.label)}) as label,
      count(*) filter (where ${recv})::int as received,
      count(*) filter (where ${recv} and c.channel = 'online')::int as online,
      count(*) filter (where ${recv} and c.channel = 'online' and not exists (
        select 1 from case_events dv where dv.case_id = c.id and dv.action = 'deliver' and dv.payload->'delivery'->>'method' = 'window'))::int as zero_visit,
      count(*) filter (where ${acc})::int as accepted,
      count(*) filter (where ${acc} and c.handling_type = 'immediate')::int as immediate,
      count(*) filter (where ${done})::int as completed,
      count(*) filter (where ${done} and c.finished_on <= c.promised_deadline)::int as on_time,
      count(*) filter (where ${done} and c.finished_on < c.promised_deadline)::int as early,
      count(*) filter (where ${done} and c.finished_on > c.promised_deadline)::int as overdue,
      sum(c.promised_days - (wdl.n - wdf.n)) filter (where ${done} and wdl.n is not null and wdf.n is not null)::float8 as used_sum,
      count(*) filter (where ${done} and wdl.n is not null and wdf.n is not null)::int as used_n,
      sum(c.promised_days) filter (where ${done})::float8 as promised_sum
    from cases c
    ${
      q.groupBy === 'clerk'
        ? sql`left join lateral (select a.actor_id, a.actor_name from case_events a where a.case_id = c.id and a.action = 'accept' order by a.seq limit 1) acc on true`
        : sql``
    }
    left join wd wdl on wdl.d = c.promised_deadline
    left join wd wdf on wdf.d = c.finished_on
    where ${scopeWhere(q)}
      and (${recv} or ${acc} or (c.finished_on between ${q.from}::date and ${q.to}::date))
    group by 1
    order by 1 nulls last`.execute(db);
  return r.rows;
}

/* ------------------------------------------------------------------ daily rollup 日汇总 */

const ROLLUP_GROUPS = new Set<FiguresGroupBy>(['region', 'department', 'item']);
const ROLLUP_KEY: Partial<Record<FiguresGroupBy, { key: string; label: string }>> = {
  region: { key: 'c.region_code', label: 'null::text' },
  department: { key: 'c.department_code', label: 'null::text' },
  item: { key: 'c.item_code', label: 'c.item_name' },
};
/** Completed cases whose deadline is farther than this from their finish day are kept one by one (case_figures_far). */
const FAR_DAYS = 800;
/** Window deliveries this long before the last refresh are looked at again (transactions that committed late). */
const DELIVERY_OVERLAP_MS = 5 * 60_000;

/**
 * Working-day ordinals counted from one fixed origin on every call (the same day always gets the same
 * number while the calendar stays the same): `ordinals[i]` belongs to `dates[i]`, every day from `from` to `to`.
 */
export interface WorkdayOrdinals {
  dates: string[];
  ordinals: number[];
}
export type WorkdayOrdinalsFn = (from: string, to: string) => WorkdayOrdinals;

const dayAfter = (d: string, n = 1) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const hashOf = (w: WorkdayOrdinals) =>
  createHash('sha1').update(w.dates.join(',')).update('|').update(w.ordinals.join(',')).digest('hex');
const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

interface FiguresState {
  through: string | null;
  refreshed_at: Date | null;
  calendar_from: string | null;
  calendar_to: string | null;
  calendar_hash: string | null;
}

/** Recounts the rollup rows of the days from `a` (null = the beginning) to `b`, both included. */
async function rollUpDays(tx: Tx, a: string | null, b: string, w: WorkdayOrdinals): Promise<void> {
  const from = a ? sql`${a}::date` : sql`'-infinity'::date`;
  await sql`delete from case_figures_daily where day between ${from} and ${b}::date`.execute(tx);
  await sql`delete from case_figures_far where day between ${from} and ${b}::date`.execute(tx);
  const recv = sql`c.submitted_at >= ${a ? dayStart(a) : sql`'-infinity'::timestamptz`} and c.submitted_at < ${dayStart(dayAfter(b))}`;
  const acc = sql`c.accepted_on between ${from} and ${b}::date`;
  const done = sql`c.clock_phase = 'finished' and c.finished_on between ${from} and ${b}::date and c.promised_deadline is not null`;
  // A completed case adds to the working-days average here when both its days have an ordinal and its
  // deadline is within FAR_DAYS of the finish day; otherwise it is kept in case_figures_far.
  const near = sql`(wdl.n is not null and wdf.n is not null and abs(c.promised_deadline - c.finished_on) <= ${FAR_DAYS})`;
  const wd = sql`wd as (select * from unnest(${w.dates}::date[], ${w.ordinals}::int[]) as t(d, n))`;
  await sql`
    with ${wd},
    f as (
      select (c.submitted_at at time zone 'Asia/Shanghai')::date as day, c.region_code, c.department_code, c.item_code, c.item_name,
        1 as received, (c.channel = 'online')::int as online,
        (c.channel = 'online' and not exists (
          select 1 from case_events dv where dv.case_id = c.id and dv.action = 'deliver' and dv.payload->'delivery'->>'method' = 'window'))::int as zero_visit,
        0 as accepted, 0 as immediate, 0 as completed, 0 as on_time, 0 as early, 0 as overdue, 0 as promised_sum,
        0 as used_n, 0 as used_promised, 0 as used_deadline_ord, 0 as used_finished_ord
      from cases c where ${recv}
      union all
      select c.accepted_on, c.region_code, c.department_code, c.item_code, c.item_name, 0, 0, 0,
        1, (c.handling_type = 'immediate')::int, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c where ${acc}
      union all
      select c.finished_on, c.region_code, c.department_code, c.item_code, c.item_name, 0, 0, 0, 0, 0,
        1, (c.finished_on <= c.promised_deadline)::int, (c.finished_on < c.promised_deadline)::int, (c.finished_on > c.promised_deadline)::int, c.promised_days,
        ${near}::int, case when ${near} then c.promised_days else 0 end, case when ${near} then wdl.n else 0 end, case when ${near} then wdf.n else 0 end
      from cases c
      left join wd wdl on wdl.d = c.promised_deadline
      left join wd wdf on wdf.d = c.finished_on
      where ${done}
    )
    insert into case_figures_daily (day, region_code, department_code, item_code, item_name, received, online, zero_visit, accepted, immediate,
      completed, on_time, early, overdue, promised_sum, used_n, used_promised, used_deadline_ord, used_finished_ord)
    select day, region_code, department_code, item_code, max(item_name), sum(received), sum(online), sum(zero_visit), sum(accepted), sum(immediate),
      sum(completed), sum(on_time), sum(early), sum(overdue), sum(promised_sum), sum(used_n), sum(used_promised), sum(used_deadline_ord), sum(used_finished_ord)
    from f group by 1, 2, 3, 4
    order by 1, 2, 3, 4`.execute(tx); // stored in day order: a period reads few pages
  await sql`
    with ${wd}
    insert into case_figures_far (case_id, day, region_code, department_code, item_code, promised_days, promised_deadline)
    select c.id, c.finished_on, c.region_code, c.department_code, c.item_code, c.promised_days, c.promised_deadline
    from cases c
    left join wd wdl on wdl.d = c.promised_deadline
    left join wd wdf on wdf.d = c.finished_on
    where ${done} and not ${near}`.execute(tx);
  // the months these days fall in, summed again from their days
  const m1 = a ? sql`date_trunc('month', ${a}::date)::date` : sql`'-infinity'::date`;
  const m2 = sql`date_trunc('month', ${b}::date)::date`;
  await sql`delete from case_figures_monthly where month between ${m1} and ${m2}`.execute(tx);
  await sql`
    insert into case_figures_monthly (month, region_code, department_code, item_code, item_name, ${sql.raw(SUMMED.join(', '))})
    select date_trunc('month', day)::date, region_code, department_code, item_code, max(item_name), ${sql.raw(SUMMED.map((k) => `sum(${k})`).join(', '))}
    from case_figures_daily
    where day >= ${m1} and day < ${m2} + interval '1 month'
    group by 1, 2, 3, 4
    order by 1, 2, 3, 4`.execute(tx);
}

/** The columns of the rollup tables that add up. */
const SUMMED = [
  'received',
  'online',
  'zero_visit',
  'accepted',
  'immediate',
  'completed',
  'on_time',
  'early',
  'overdue',
  'promised_sum',
  'used_n',
  'used_promised',
  'used_deadline_ord',
  'used_finished_ord',
];

export interface FiguresRefreshResult {
  through: string;
  rebuilt: boolean;
  /** Day ranges recounted. */
  ranges: number;
}

/**
 * Brings the daily rollup up to `through` (normally yesterday): a first build (or, after the calendar
 * changed, a rebuild) counts every day; then each refresh counts the new days and recounts the days of
 * cases received online whose result was since handed over at a window (零跑动 changes afterwards).
 * The other facts of a day never change later: the service dates them the day they happen.
 * Returns null when another refresh is running (unless `wait`).
 */
export async function refreshCaseFiguresDaily(
  db: Db,
  o: { through: string; ordinals: WorkdayOrdinalsFn; wait?: boolean },
): Promise<FiguresRefreshResult | null> {
  const result = await refreshInTransaction(db, o);
  // A rebuild replaced every row: clear the old ones and count the new ones for the planner now.
  if (result?.rebuilt) await sql`vacuum analyze case_figures_daily, case_figures_monthly, case_figures_far`.execute(db);
  return result;
}

async function refreshInTransaction(
  db: Db,
  o: { through: string; ordinals: WorkdayOrdinalsFn; wait?: boolean },
): Promise<FiguresRefreshResult | null> {
  return db.transaction().execute(async (tx) => {
    const st = (
      await sql<FiguresState>`
        select through::text as through, refreshed_at, calendar_from::text as calendar_from, calendar_to::text as calendar_to, calendar_hash
        from case_figures_state ${o.wait ? sql`for update` : sql`for update skip locked`}`.execute(tx)
    ).rows[0];
    if (!st) return null;
    const startedAt = (await sql<{ now: Date }>`select now() as now`.execute(tx)).rows[0]!.now;
    const calendarChanged = !!(
      st.calendar_hash &&
      st.calendar_from &&
      st.calendar_to &&
      hashOf(o.ordinals(st.calendar_from, st.calendar_to)) !== st.calendar_hash
    );
    const rebuild = st.through === null || calendarChanged;
    const ranges: [string | null, string][] = [];
    let need: string;
    if (rebuild) {
      const first = (
        await sql<{
          d: string | null;
        }>`select min(finished_on)::text as d from cases where finished_on is not null`.execute(tx)
      ).rows[0]?.d;
      need = first ? minDay(first, o.through) : o.through;
      ranges.push([null, o.through]);
    } else {
      need = o.through;
      if (st.through! < o.through) ranges.push([dayAfter(st.through!), o.through]);
      const since = new Date((st.refreshed_at ? new Date(st.refreshed_at).getTime() : 0) - DELIVERY_OVERLAP_MS);
      const dirty = await sql<{ day: string }>`
        select distinct ((c.submitted_at at time zone 'Asia/Shanghai')::date)::text as day
        from cases c
        where c.updated_at >= ${since} and c.channel = 'online' and c.submitted_at < ${dayStart(dayAfter(st.through!))}
          and exists (select 1 from case_events e where e.case_id = c.id and e.action = 'deliver' and e.at >= ${since})`.execute(
        tx,
      );
      for (const { day } of dirty.rows) {
        ranges.push([day, day]);
        need = minDay(need, day);
      }
    }
    // Ordinals for every finish day recounted and the deadlines within FAR_DAYS of it, and for the span kept so far.
    let calFrom = dayAfter(need, -FAR_DAYS);
    let calTo = dayAfter(o.through, FAR_DAYS);
    if (!rebuild && st.calendar_from && st.calendar_to) {
      calFrom = minDay(calFrom, st.calendar_from);
      calTo = maxDay(calTo, st.calendar_to);
    }
    const w = o.ordinals(calFrom, calTo);
    for (const [a, b] of ranges) await rollUpDays(tx, a, b, w);
    const through = rebuild || st.through! < o.through ? o.through : st.through!;
    await sql`
      update case_figures_state set through = ${through}::date, refreshed_at = ${startedAt},
        calendar_from = ${calFrom}::date, calendar_to = ${calTo}::date, calendar_hash = ${hashOf(w)}`.execute(tx);
    return { through, rebuilt: rebuild, ranges: ranges.length };
  });
}

/** When the rollup was last brought up to date and up to which day (null: never). */
export async function caseFiguresRollupState(
  db: Db | Tx,
): Promise<{ through: string | null; refreshedAt: Date | null }> {
  const r = (
    await sql<{
      through: string | null;
      refreshed_at: Date | null;
    }>`select through::text as through, refreshed_at from case_figures_state`.execute(db)
  ).rows[0];
  return { through: r?.through ?? null, refreshedAt: r?.refreshed_at ?? null };
}

/**
 * The months whose monthly rows lie within [from, to] (first days of the first and the last), or null when
 * there is none. `toIsRollupEnd`: `to` is the rollup's last day, so the monthly row of its month, which
 * holds the days up to it, lies within the period as well.
 */
export function wholeMonths(from: string, to: string, toIsRollupEnd = false): { first: string; last: string } | null {
  const first = from.endsWith('-01') ? from : monthAfter(from);
  const last = toIsRollupEnd || dayAfter(to).endsWith('-01') ? `${to.slice(0, 8)}01` : monthBefore(to);
  return first <= last ? { first, last } : null;
}
const monthAfter = (d: string) => {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const monthBefore = (d: string) => {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
};

/**
 * The figures of the days from `q.from` to `upTo` from the rollup: whole months from the monthly sums,
 * the other days from the daily rows, and the cases kept one by one for far deadlines.
 */
async function rolledUpFigures(
  db: Db | Tx,
  q: CaseFiguresQuery,
  upTo: string,
  through: string,
): Promise<CaseFiguresRow[]> {
  const k = ROLLUP_KEY[q.groupBy]!;
  const months = wholeMonths(q.from, upTo, upTo === through);
  const rowCols = sql`${sql.raw(k.key)} as key, ${sql.raw(k.label)} as label, c.received, c.online, c.zero_visit, c.accepted, c.immediate, c.completed,
        c.on_time, c.early, c.overdue, c.promised_sum, c.used_n, (c.used_promised - c.used_deadline_ord + c.used_finished_ord) as used_sum`;
  const days = months
    ? sql`(c.day >= ${q.from}::date and c.day < ${months.first}::date or c.day >= (${months.last}::date + interval '1 month') and c.day <= ${upTo}::date)`
    : sql`c.day between ${q.from}::date and ${upTo}::date`;
  const r = await sql<CaseFiguresRow>`
    with wd as (select * from unnest(${q.dates}::date[], ${q.ordinals}::int[]) as t(d, n)),
    g as (
      select ${rowCols}
      from case_figures_daily c
      where ${days} and ${scopeWhere(q)}
      ${months ? sql`union all select ${rowCols} from case_figures_monthly c where c.month between ${months.first}::date and ${months.last}::date and ${scopeWhere(q)}` : sql``}
      union all
      select ${sql.raw(k.key)}, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, c.promised_days - (wdl.n - wdf.n)
      from case_figures_far c
      join wd wdl on wdl.d = c.promised_deadline
      join wd wdf on wdf.d = c.day
      where c.day between ${q.from}::date and ${upTo}::date and ${scopeWhere(q)}
    )
    select key, max(label) as label, sum(received)::int as received, sum(online)::int as online, sum(zero_visit)::int as zero_visit,
      sum(accepted)::int as accepted, sum(immediate)::int as immediate, sum(completed)::int as completed, sum(on_time)::int as on_time,
      sum(early)::int as early, sum(overdue)::int as overdue, sum(used_sum)::float8 as used_sum, sum(used_n)::int as used_n,
      sum(promised_sum)::float8 as promised_sum
    from g
    group by 1
    order by 1 nulls last`.execute(db);
  return r.rows;
}

const COUNTS = [
  'received',
  'online',
  'zero_visit',
  'accepted',
  'immediate',
  'completed',
  'on_time',
  'early',
  'overdue',
  'used_n',
] as const;

/** The figures of a group row without its key and label: what adding rows up adds. */
export type CaseFiguresSum = Omit<CaseFiguresRow, 'key' | 'label'>;

const plus = (x: number | null, y: number | null) => (x === null && y === null ? null : (x ?? 0) + (y ?? 0));

/** Adds the figures of `r` into `into` (a sum stays null only while both sides are). */
function addInto(into: CaseFiguresSum, r: CaseFiguresSum): void {
  for (const k of COUNTS) into[k] += r[k];
  into.used_sum = plus(into.used_sum, r.used_sum);
  into.promised_sum = plus(into.promised_sum, r.promised_sum);
}

/** The total of group rows (the 合计 line): every count and sum added up, zero over no rows. */
export function sumFigures(rows: readonly CaseFiguresRow[]): CaseFiguresSum {
  const total: CaseFiguresSum = {
    received: 0,
    online: 0,
    zero_visit: 0,
    accepted: 0,
    immediate: 0,
    completed: 0,
    on_time: 0,
    early: 0,
    overdue: 0,
    used_sum: 0,
    used_n: 0,
    promised_sum: 0,
  };
  for (const r of rows) addInto(total, r);
  return total;
}

/** Adds up two sets of group rows by key (ordered by key, nulls last, like the statements). */
export function mergeFigures(a: readonly CaseFiguresRow[], b: readonly CaseFiguresRow[]): CaseFiguresRow[] {
  const out = new Map<string | null, CaseFiguresRow>();
  for (const r of [...a, ...b]) {
    const m = out.get(r.key);
    if (!m) {
      out.set(r.key, { ...r });
      continue;
    }
    addInto(m, r);
    m.label = m.label ?? r.label;
  }
  return [...out.values()].sort((x, y) =>
    x.key === y.key ? 0 : x.key === null ? 1 : y.key === null ? -1 : x.key < y.key ? -1 : 1,
  );
}
