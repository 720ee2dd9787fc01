import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { CalendarData } from './calendar.rules';
import type { CalendarSource, CalendarTables, YearStatus } from './calendar.tables';

const q = (db: Db | Tx) => tables<CalendarTables>(db);

export type DayRow = Selectable<CalendarTables['calendar_days']>;
export type YearRow = Selectable<CalendarTables['calendar_years']>;

export interface CalendarDay {
  date: string;
  kind: DayRow['kind'];
  name: string;
  source: CalendarSource;
}

export const toDay = (r: Pick<DayRow, 'date' | 'kind' | 'name' | 'source'>): CalendarDay => ({
  date: r.date,
  kind: r.kind,
  name: r.name,
  source: r.source,
});

/** The whole calendar, for the in-memory rules (a few dozen rows a year). */
export async function readCalendar(db: Db | Tx): Promise<CalendarData> {
  const [days, years] = await Promise.all([
    q(db).selectFrom('calendar_days').select(['date', 'kind']).execute(),
    q(db).selectFrom('calendar_years').select('year').where('status', '=', 'published').execute(),
  ]);
  return { days: new Map(days.map((d) => [d.date, d.kind])), publishedYears: new Set(years.map((y) => y.year)) };
}

const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`] as const;

export async function listDaysOfYear(db: Db | Tx, year: number): Promise<DayRow[]> {
  const [from, to] = yearRange(year);
  return q(db)
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<', to)
    .orderBy('date')
    .execute();
}

export async function getDay(db: Db | Tx, date: string, forUpdate = false): Promise<DayRow | undefined> {
  let sel = q(db).selectFrom('calendar_days').selectAll().where('date', '=', date);
  if (forUpdate) sel = sel.forUpdate();
  return sel.executeTakeFirst();
}

export async function upsertDay(db: Db | Tx, d: CalendarDay): Promise<DayRow> {
  return q(db)
    .insertInto('calendar_days')
    .values(d)
    .onConflict((oc) =>
      oc.column('date').doUpdateSet({ kind: d.kind, name: d.name, source: d.source, updated_at: sql`now()` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDay(db: Db | Tx, date: string): Promise<void> {
  await q(db).deleteFrom('calendar_days').where('date', '=', date).execute();
}

/** Multi-row insert (demo seeding). */
export async function insertDays(db: Db | Tx, rows: CalendarDay[]): Promise<void> {
  if (rows.length) await q(db).insertInto('calendar_days').values(rows).execute();
}

export async function listYears(db: Db | Tx): Promise<YearRow[]> {
  return q(db).selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export async function getYear(db: Db | Tx, year: number, forUpdate = false): Promise<YearRow | undefined> {
  let sel = q(db).selectFrom('calendar_years').selectAll().where('year', '=', year);
  if (forUpdate) sel = sel.forUpdate();
  return sel.executeTakeFirst();
}

export async function insertYears(db: Db | Tx, rows: Insertable<CalendarTables['calendar_years']>[]): Promise<void> {
  if (rows.length) await q(db).insertInto('calendar_years').values(rows).execute();
}

/** A year being entered gets a draft row, so the administrator sees it listed. */
export async function ensureYear(db: Db | Tx, year: number): Promise<void> {
  await q(db)
    .insertInto('calendar_years')
    .values({ year, status: 'draft', source: 'manual', notice: null, published_at: null })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

export async function updateYear(
  db: Db | Tx,
  year: number,
  patch: { status: YearStatus; notice: string | null; published_at: Date | null },
): Promise<YearRow> {
  return q(db)
    .updateTable('calendar_years')
    .set({ ...patch, updated_at: sql`now()` })
    .where('year', '=', year)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface YearCounts {
  year: number;
  holidayCount: number;
  workdayCount: number;
}

export async function countDaysByYear(db: Db | Tx): Promise<YearCounts[]> {
  const rows = await q(db)
    .selectFrom('calendar_days')
    .select((eb) => [
      sql<number>`extract(year from date)::int`.as('year'),
      eb.fn.countAll<number>().filterWhere('kind', '=', 'holiday').as('holidays'),
      eb.fn.countAll<number>().filterWhere('kind', '=', 'workday').as('workdays'),
    ])
    .groupBy(sql`extract(year from date)::int`)
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    holidayCount: Number(r.holidays),
    workdayCount: Number(r.workdays),
  }));
}
