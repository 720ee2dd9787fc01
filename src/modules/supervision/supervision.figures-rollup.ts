/**
 * Keeps the daily rollup 日汇总 of the efficiency figures current (cases.figures.ts keeps the rows): brought
 * up to yesterday by a background job and, at the latest, by the first figures request that finds it older
 * than a few seconds; today is always counted live, so figures never lag behind the cases of today.
 */
import type { Db } from '../../platform/db';
import { addDays, isWorkdayIn, loadCalendar, type CalendarData } from '../calendar/index';
import {
  caseFiguresRollupState,
  refreshCaseFiguresDaily,
  type FiguresRefreshResult,
  type WorkdayOrdinals,
} from '../cases/index';

/** Working-day ordinals count from here, so that the same day keeps its number from one refresh to the next. */
export const ORDINAL_ORIGIN = '2000-01-01';
/** A figures request refreshes the rollup when the last refresh is older than this (window deliveries change 零跑动 of past days). */
const FRESH_MS = 10_000;

/**
 * Every day from `from` to `to` with its working-day ordinal: the number of working days in
 * (ORIGIN, day] (negative before the origin), by the holiday calendar (调休 included).
 */
export function workdayOrdinals(cal: CalendarData, from: string, to: string): WorkdayOrdinals {
  const start = from < ORDINAL_ORIGIN ? from : ORDINAL_ORIGIN;
  const dates: string[] = [];
  const ordinals: number[] = [];
  let n = 0;
  let atOrigin = 0;
  for (let d = start; d <= to || d <= ORDINAL_ORIGIN; d = addDays(d, 1)) {
    if (isWorkdayIn(cal, d)) n += 1;
    if (d === ORDINAL_ORIGIN) atOrigin = n;
    if (d >= from && d <= to) {
      dates.push(d);
      ordinals.push(n);
    }
  }
  return { dates, ordinals: ordinals.map((x) => x - atOrigin) };
}

/** Rolls the figures up to the day before `today` (Shanghai). `wait`: queue behind a refresh already running instead of skipping. */
export async function refreshFiguresRollup(
  db: Db,
  today: string,
  opts: { wait?: boolean } = {},
): Promise<FiguresRefreshResult | null> {
  const cal = await loadCalendar(db);
  return refreshCaseFiguresDaily(db, {
    through: addDays(today, -1),
    ordinals: (from, to) => workdayOrdinals(cal, from, to),
    wait: opts.wait,
  });
}

/** Before answering a figures request: refresh unless the rollup is up to yesterday and was refreshed moments ago. */
export async function keepFiguresRollupFresh(db: Db, today: string): Promise<void> {
  const st = await caseFiguresRollupState(db);
  const fresh =
    st.through !== null &&
    st.through >= addDays(today, -1) &&
    st.refreshedAt !== null &&
    // wall clock: the rollup's age against its refreshed_at, which the database's now() stamps; not domain time
    Date.now() - new Date(st.refreshedAt).getTime() < FRESH_MS;
  if (!fresh) await refreshFiguresRollup(db, today, { wait: st.through === null });
}
