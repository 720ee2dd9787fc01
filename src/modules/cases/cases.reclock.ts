/**
 * 期限重算: a case's stored clock columns (deadlines, the days it turns yellow and red, its phase) are
 * written whenever it is acted on, and the inbox filters and supervision counts read them. When the
 * calendar changes (a holiday entered, a year's notice published) open cases are re-dated here in
 * batches; a fingerprint of the calendar tells whether anything changed since the last pass.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db';
import { getMeta, setMeta } from '../../platform/meta';
import { loadCalendar, type CalendarData } from '../calendar/index';
import { computeClock } from '../workflow/index';
import { clockColumns, limitsOf, shanghaiDay, toClockEvent } from './cases.clock';
import * as repo from './cases.repository';

const META_KEY = 'cases.reclock.calendar';
const BATCH = 500;

export function calendarFingerprint(cal: CalendarData): string {
  const days = [...cal.days].sort(([a], [b]) => (a < b ? -1 : 1));
  const years = [...cal.publishedYears].sort();
  return createHash('sha256').update(JSON.stringify({ days, years })).digest('hex');
}

const COLUMNS = [
  'accepted_on',
  'promised_deadline',
  'statutory_deadline',
  'near_on',
  'overdue_on',
  'deadline_provisional',
  'clock_phase',
] as const;

export interface ReclockResult {
  calendarChanged: boolean;
  checked: number;
  updated: number;
}

/** Re-dates every open case when the calendar changed since the last pass (idempotent; safe on several nodes). */
export async function reclockOpenCases(db: Db, now: Date): Promise<ReclockResult> {
  const cal = await loadCalendar(db);
  const fingerprint = calendarFingerprint(cal);
  const last = await getMeta<string>(db, META_KEY);
  // The first pass only remembers the calendar: every stored column so far was computed with it.
  if (last === undefined || last === fingerprint) {
    if (last === undefined) await setMeta(db, META_KEY, fingerprint);
    return { calendarChanged: false, checked: 0, updated: 0 };
  }
  const today = shanghaiDay(now);
  const out: ReclockResult = { calendarChanged: true, checked: 0, updated: 0 };
  for (let after: string | null = null; ;) {
    const rows = await repo.openCasesPage(db, after, BATCH);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      out.checked += 1;
      const clock = computeClock(cal, r.clock_log.map(toClockEvent), limitsOf(r), today);
      const cols = clockColumns(cal, clock, r.promised_days, r.clock_phase !== 'running');
      if (COLUMNS.every((k) => cols[k] === r[k])) continue;
      // Conditional on the version: a case acted on meanwhile was re-dated by its action.
      await repo.updateCaseClock(db, r.id, r.version, cols);
      out.updated += 1;
    }
    if (rows.length < BATCH) break;
  }
  await setMeta(db, META_KEY, fingerprint);
  return out;
}
