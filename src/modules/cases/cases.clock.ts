/**
 * The case clock as stored on the case row 计时字段. The workflow engine's `computeClock` is the
 * authority (it reads the history); the row keeps its answer plus two precomputed dates so that the
 * inbox can filter and sort by deadline state in SQL:
 *   near_on    — first day on which the case counts as near its deadline 临近 (isNear),
 *   overdue_on — first day on which it is overdue 超期 (the working day after the promised deadline).
 * A suspended case's remaining days are frozen, so its state is fixed until it resumes.
 */
import {
  addDays,
  countWorkdaysIn,
  isWorkdayIn as isWorkday,
  todayInShanghai,
  type CalendarData,
} from '../calendar/index';
import { isNear, type ClockEvent, type ClockView } from '../workflow/index';
import type { ClockPhase } from './cases.tables';
import type { StoredClock } from './cases.deadline';

/** The Asia/Shanghai civil day of an instant. */
export const shanghaiDay = (at: Date): string => todayInShanghai(at);

/** First day on which `isNear(remaining, promisedDays)` holds for a case due on `deadline`. */
export function nearOn(cal: CalendarData, deadline: string, promisedDays: number): string {
  let d = deadline;
  let left = 0; // working days in (d, deadline]
  // Walk back while the day before still counts as near; bounded by the warning threshold plus weekends and holidays.
  // From the day before, the working days left are those from d plus d itself if it is one.
  for (let i = 0; i < 400; i++) {
    const fromPrev = left + (isWorkday(cal, d) ? 1 : 0);
    if (!isNear(fromPrev, promisedDays)) break;
    d = addDays(d, -1);
    left = fromPrev;
  }
  return d;
}

/** First day on which a case due on `deadline` is overdue: the next working day after it. */
export function overdueOn(cal: CalendarData, deadline: string): string {
  let d = addDays(deadline, 1);
  for (let i = 0; i < 400 && !isWorkday(cal, d); i++) d = addDays(d, 1);
  return d;
}

export interface ClockColumns {
  accepted_on: string | null;
  promised_deadline: string | null;
  statutory_deadline: string | null;
  near_on: string | null;
  overdue_on: string | null;
  deadline_provisional: boolean;
  clock_phase: ClockPhase;
}

/**
 * What the case row stores of a computed clock. `suspended`: the case sits in a special procedure
 * now (its remaining days are frozen, so its state holds until it resumes).
 */
export function clockColumns(cal: CalendarData, v: ClockView, promisedDays: number, suspended: boolean): ClockColumns {
  const phase: ClockPhase =
    v.state === 'not_started'
      ? 'not_started'
      : v.state === 'finished'
        ? 'finished'
        : suspended
          ? v.state === 'overdue'
            ? 'suspended_overdue'
            : 'suspended'
          : 'running';
  return {
    accepted_on: v.acceptedOn,
    promised_deadline: v.promisedDeadline,
    statutory_deadline: v.statutoryDeadline,
    near_on: v.promisedDeadline ? nearOn(cal, v.promisedDeadline, promisedDays) : null,
    overdue_on: v.promisedDeadline ? overdueOn(cal, v.promisedDeadline) : null,
    deadline_provisional: v.provisional,
    clock_phase: phase,
  };
}

export interface StoredDeadline extends StoredClock {
  promised_deadline: string | null;
  finished_on: string | null;
  step_entered_at: Date;
}

/**
 * Remaining working days from the stored columns: to the deadline from today while running, frozen
 * at the day the special procedure began while suspended, measured at the finish once finished.
 */
export function storedRemaining(cal: CalendarData, row: StoredDeadline, today: string): number | null {
  if (!row.promised_deadline || row.clock_phase === 'not_started') return null;
  const from =
    row.clock_phase === 'finished'
      ? (row.finished_on ?? today)
      : row.clock_phase === 'running'
        ? today
        : shanghaiDay(row.step_entered_at);
  return countWorkdaysIn(cal, from, row.promised_deadline).count;
}

/** A history event as the working-day clock reads it. */
export const toClockEvent = (e: { on_date: string; clock: ClockEvent['clock'] }): ClockEvent => ({
  on: e.on_date,
  clock: e.clock,
});
/** The case's promised and statutory limits in working days. */
export const limitsOf = (r: { promised_days: number; statutory_days: number }) => ({
  promisedDays: r.promised_days,
  statutoryDays: r.statutory_days,
});
