/**
 * Read-only figures over cases for the supervision module 电子监察 (C7): the facts the warning sweep
 * needs, the open-case counts of the monitoring screen and the efficiency figures 效能统计.
 * The supervision module never names these tables; it calls these functions through the facade.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';

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
  clock_phase: string;
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
export async function openCaseFactsPage(db: Db | Tx, afterId: string | null, limit: number): Promise<CaseWarningFactsRow[]> {
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

const scopeWhere = (f: CaseScopeFilter) => sql`
  c.region_code like ${`${f.regionPrefix}%`}
  ${f.departmentCodes ? (f.departmentCodes.length ? sql`and c.department_code in (${sql.join(f.departmentCodes.map((d) => sql`${d}`))})` : sql`and false`) : sql``}
  ${f.hallId ? sql`and c.accept_hall_id = ${f.hallId}::uuid` : sql``}`;

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
      count(*) filter (where c.clock_phase = 'running' and not (c.overdue_on is not null and c.overdue_on <= ${today}::date)
                        and not (c.near_on is not null and c.near_on <= ${today}::date))::int as on_time,
      count(*) filter (where c.clock_phase = 'running' and not (c.overdue_on is not null and c.overdue_on <= ${today}::date)
                        and c.near_on is not null and c.near_on <= ${today}::date)::int as near,
      count(*) filter (where c.clock_phase = 'suspended_overdue' or (c.clock_phase = 'running' and c.overdue_on is not null and c.overdue_on <= ${today}::date))::int as overdue,
      count(*) filter (where c.clock_phase = 'suspended')::int as suspended
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
 * Efficiency figures per group, one statement (definitions: docs/supervision-figures.md).
 * received = submitted in the period; accepted = accepted in the period; completed = clock finished in the period.
 */
export async function caseFigures(db: Db | Tx, q: CaseFiguresQuery): Promise<CaseFiguresRow[]> {
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
