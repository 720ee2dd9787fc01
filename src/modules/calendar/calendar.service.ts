import { readCache } from '../../platform/cache';
import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { badRequest, fieldError, notFound, unprocessable } from '../../platform/errors';
import * as repo from './calendar.repository';
import type { CalendarDay, YearRow } from './calendar.repository';
import * as rules from './calendar.rules';
import type { CalendarData, DayKind, WorkdayCount, WorkdayResult } from './calendar.rules';
import type { CalendarSource } from './calendar.tables';
import { BUILTIN_NOTICES, builtinDays } from './calendar.builtin';

/* ------------------------------------------------------------------ cache */

/** Other app nodes write too: a cached calendar is re-read after this long. */
export const CALENDAR_TTL_MS = 60_000;

const cache = readCache(CALENDAR_TTL_MS);

/** The calendar in memory, per database; re-read after a local write or once the TTL has passed. */
export const loadCalendar = (db: Db | Tx): Promise<CalendarData> =>
  cache.get(db, 'calendar', () => repo.readCalendar(db));

/** Drops the cached calendar; a read still in flight is no longer cached either. */
export function invalidateCalendar(db: Db | Tx): void {
  cache.clear(db);
}

/** Runs a write in one transaction, then forgets the cached calendar. */
async function write<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } finally {
    invalidateCalendar(db);
  }
}

/* ------------------------------------------------------------------ facade */

/** The date `n` working days after `from` (not counting `from`). */
export async function addWorkdays(db: Db | Tx, from: string, n: number): Promise<WorkdayResult> {
  return rules.addWorkdays(await loadCalendar(db), from, n);
}

/** Working days in (from, to]; negative when `to` is before `from`. */
export async function countWorkdays(db: Db | Tx, from: string, to: string): Promise<WorkdayCount> {
  return rules.countWorkdays(await loadCalendar(db), from, to);
}

export async function isWorkday(db: Db | Tx, date: string): Promise<boolean> {
  return rules.isWorkday(await loadCalendar(db), date);
}

/* ------------------------------------------------------------------ queries */

export type YearStatusView = 'published' | 'draft' | 'missing';

export interface YearSummary {
  year: number;
  status: YearStatusView;
  source: CalendarSource | null;
  notice: string | null;
  publishedAt: Date | null;
  holidayCount: number;
  workdayCount: number;
}

const missingYear = (year: number): YearSummary => ({
  year,
  status: 'missing',
  source: null,
  notice: null,
  publishedAt: null,
  holidayCount: 0,
  workdayCount: 0,
});

const summaryOf = (row: YearRow | undefined, year: number, counts?: repo.YearCounts): YearSummary => ({
  ...missingYear(year),
  ...(row ? { status: row.status, source: row.source, notice: row.notice, publishedAt: row.published_at } : {}),
  // Days without a year row are an unfinished entry.
  ...(!row && counts ? { status: 'draft' as const } : {}),
  holidayCount: counts?.holidayCount ?? 0,
  workdayCount: counts?.workdayCount ?? 0,
});

/**
 * Every year present, plus the year after the last published one as `missing`
 * (the next State Council notice to enter); with nothing published, the current year.
 */
export async function listYearSummaries(db: Db, today: string): Promise<YearSummary[]> {
  const [rows, counts] = await Promise.all([repo.listYears(db), repo.countDaysByYear(db)]);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const countByYear = new Map(counts.map((c) => [c.year, c]));
  const years = new Set([...byYear.keys(), ...countByYear.keys()]);
  const published = rows.filter((r) => r.status === 'published').map((r) => r.year);
  const next = published.length ? Math.max(...published) + 1 : rules.yearOf(today);
  if (next <= rules.MAX_YEAR) years.add(next);
  return [...years].sort((a, b) => a - b).map((y) => summaryOf(byYear.get(y), y, countByYear.get(y)));
}

export interface YearDays extends YearSummary {
  items: CalendarDay[];
}

export async function getYearDays(db: Db | Tx, year: number): Promise<YearDays> {
  const [row, days] = await Promise.all([repo.getYear(db, year), repo.listDaysOfYear(db, year)]);
  const holidayCount = days.filter((d) => d.kind === 'holiday').length;
  const counts = days.length ? { year, holidayCount, workdayCount: days.length - holidayCount } : undefined;
  return { ...summaryOf(row, year, counts), items: days.map(repo.toDay) };
}

/* ------------------------------------------------------------------ writes */

export interface DayInput {
  kind: DayKind;
  name: string;
}

/** 录入 one holiday or swapped workday (insert or replace). */
export async function putDay(
  db: Db,
  actor: Actor,
  date: string,
  input: DayInput,
  ip: string | null,
): Promise<CalendarDay> {
  const bad = rules.checkDayEntry(date, input.kind);
  if (bad) throw fieldError('date', bad);
  return write(db, async (tx) => {
    await repo.ensureYear(tx, rules.yearOf(date));
    const before = await repo.getDay(tx, date, true);
    const after = repo.toDay(await repo.upsertDay(tx, { date, kind: input.kind, name: input.name, source: 'manual' }));
    await recordAudit(tx, {
      actor,
      action: 'calendar.day.upsert',
      entityType: 'calendar_day',
      entityId: date,
      before: before ? repo.toDay(before) : null,
      after,
      ip,
    });
    return after;
  });
}

export async function removeDay(db: Db, actor: Actor, date: string, ip: string | null): Promise<void> {
  await write(db, async (tx) => {
    const before = await repo.getDay(tx, date, true);
    if (!before) throw notFound(`${date} 的日历记录`);
    await repo.deleteDay(tx, date);
    await recordAudit(tx, {
      actor,
      action: 'calendar.day.delete',
      entityType: 'calendar_day',
      entityId: date,
      before: repo.toDay(before),
      after: null,
      ip,
    });
  });
}

export interface YearInput {
  status: 'published' | 'draft';
  /** 通知文号; undefined keeps the current one, null clears it. */
  notice?: string | null;
}

/** Sets a year's status inside a transaction that has already created (and locked) its row. */
async function applyYearStatus(
  tx: Tx,
  actor: Actor,
  year: number,
  input: YearInput,
  ip: string | null,
  now: Date,
): Promise<void> {
  const before = await repo.getYear(tx, year, true);
  if (!before) throw new Error(`calendar_years ${year} missing`);
  if (input.status === 'published') {
    const days = await repo.listDaysOfYear(tx, year);
    if (!days.some((d) => d.kind === 'holiday')) {
      throw unprocessable(`${year} 年尚未录入任何法定节假日，请先按国务院办公厅通知录入后再发布`, [
        { field: 'status', message: '未录入节假日的年度不能发布' },
      ]);
    }
  }
  const after = await repo.updateYear(tx, year, {
    status: input.status,
    notice: input.notice === undefined ? before.notice : input.notice,
    published_at: input.status === 'published' ? (before.status === 'published' ? before.published_at : now) : null,
  });
  const view = (r: YearRow) => ({ status: r.status, source: r.source, notice: r.notice, publishedAt: r.published_at });
  await recordAudit(tx, {
    actor,
    action: 'calendar.year.update',
    entityType: 'calendar_year',
    entityId: String(year),
    before: view(before),
    after: view(after),
    ip,
  });
}

/** 发布 (publish) or withdraw a year: publishing is how a new State Council notice comes into force. */
export async function setYear(
  db: Db,
  actor: Actor,
  year: number,
  input: YearInput,
  ip: string | null,
  now: Date,
): Promise<YearDays> {
  return write(db, async (tx) => {
    await repo.ensureYear(tx, year);
    await applyYearStatus(tx, actor, year, input, ip, now);
    return getYearDays(tx, year);
  });
}

export interface YearImport {
  items: (DayInput & { date: string })[];
  notice?: string | null;
  /** true → publish the year afterwards; false → set it back to draft; absent → leave the status. */
  publish?: boolean;
  /** Delete the year's other entries, so the year holds exactly `items`. */
  replace?: boolean;
}

/** Enters a year's notice in one go: every item, or nothing. */
export async function importYear(
  db: Db,
  actor: Actor,
  year: number,
  input: YearImport,
  ip: string | null,
  now: Date,
): Promise<YearDays> {
  const problems = rules.checkYearItems(year, input.items);
  if (problems.length) {
    const errors = problems.map((p) => ({ field: `items.${p.index}.${p.field}`, message: p.message }));
    throw badRequest(errors.map((e) => `${e.field}：${e.message}`).join('；'), errors);
  }
  return write(db, async (tx) => {
    await repo.ensureYear(tx, year);
    const yearRow = await repo.getYear(tx, year, true); // serializes concurrent imports of one year
    const existing = new Map((await repo.listDaysOfYear(tx, year)).map((d) => [d.date, repo.toDay(d)]));
    for (const it of input.items) {
      const before = existing.get(it.date);
      if (before && before.kind === it.kind && before.name === it.name) continue;
      const after = repo.toDay(
        await repo.upsertDay(tx, { date: it.date, kind: it.kind, name: it.name, source: 'manual' }),
      );
      await recordAudit(tx, {
        actor,
        action: 'calendar.day.upsert',
        entityType: 'calendar_day',
        entityId: it.date,
        before: before ?? null,
        after,
        ip,
      });
    }
    if (input.replace) {
      const keep = new Set(input.items.map((i) => i.date));
      for (const [date, before] of existing) {
        if (keep.has(date)) continue;
        await repo.deleteDay(tx, date);
        await recordAudit(tx, {
          actor,
          action: 'calendar.day.delete',
          entityType: 'calendar_day',
          entityId: date,
          before,
          after: null,
          ip,
        });
      }
    }
    if (input.publish !== undefined || input.notice !== undefined) {
      const status = input.publish === undefined ? (yearRow?.status ?? 'draft') : input.publish ? 'published' : 'draft';
      await applyYearStatus(tx, actor, year, { status, notice: input.notice }, ip, now);
    }
    return getYearDays(tx, year);
  });
}

/* ------------------------------------------------------------------ demo */

/** Demo city: 2024–2026 from the bundled data, published with their notices. */
export const DEMO_YEARS = [2024, 2025, 2026] as const;

export async function seedCalendar(db: Db): Promise<void> {
  await write(db, async (tx) => {
    await repo.insertDays(
      tx,
      DEMO_YEARS.flatMap((y) => builtinDays(y).map((d) => ({ ...d, source: 'builtin' as const }))),
    );
    // wall clock: demo data is seeded once, at the instant it is loaded
    const now = new Date();
    await repo.insertYears(
      tx,
      DEMO_YEARS.map((year) => ({
        year,
        status: 'published',
        source: 'builtin',
        notice: BUILTIN_NOTICES[year] ?? null,
        published_at: now,
      })),
    );
  });
}
