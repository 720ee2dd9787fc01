/**
 * The working-day clock of a case 办件计时 (pure). Dates are Asia/Shanghai civil days 'YYYY-MM-DD'.
 *
 * - The clock starts on acceptance 受理 (`clock: 'start'`). A deadline is the acceptance date plus N
 *   working days, not counting the acceptance day (受理 Wed + 1 → Thu), plus the working days spent in
 *   special procedures 特别程序 (现场踏勘、专家评审、听证 … are not counted, 不计入办理时限).
 * - A special procedure runs from a `stop` to the next `resume` (or `end`); it takes the working days of
 *   (stop, resume]: stop Mon, resume Thu → Tue, Wed, Thu = 3 days. A procedure still open counts up to
 *   today, so the deadline moves with it and the remaining days stay frozen at what they were.
 * - remainingWorkingDays = working days in (today, deadline]: 0 on the deadline day, −1 the working day
 *   after. Once finished it is measured at the finish date (how early or late the case ended).
 * - Warning rule 预警 (configurable here): `near` when remaining ≤ NEAR_WORKDAYS (2) working days or
 *   ≤ NEAR_RATIO (20 %) of the promised limit, whichever warns earlier (promised 20 → near from 4).
 *   Seeds' local rules warn one working day before; two is the safer default for a supervision office.
 * - State precedence: finished → overdue (even while suspended: the case was already late) →
 *   suspended → near → on_time.
 */
import type { CalendarData, WorkdayResult } from '../calendar/index';
import type { ClockEvent, ClockLimits, ClockView, DeadlineState } from './workflow.types';
import { addWorkdaysIn, countWorkdaysIn, toDayNumber as dayNumber } from '../calendar/index';

export const NEAR_WORKDAYS = 2;
export const NEAR_RATIO = 0.2;

/** Whether `remaining` working days before a `promisedDays` deadline call for a warning (see header). */
export const isNear = (remaining: number, promisedDays: number): boolean =>
  remaining <= NEAR_WORKDAYS || remaining <= Math.floor(promisedDays * NEAR_RATIO);

const NOT_STARTED: ClockView = {
  acceptedOn: null,
  finishedOn: null,
  promisedDeadline: null,
  statutoryDeadline: null,
  provisional: false,
  suspendedWorkdays: 0,
  remainingWorkingDays: null,
  state: 'not_started',
  onTime: null,
};

/**
 * The clock of a case from its clock events (any order; same-day events keep their order).
 * Events before the first `start` are ignored, as are a second `start`, a `resume` without a `stop`,
 * a `stop` while stopped, and anything after the first `end`.
 */
export function computeClock(
  cal: CalendarData,
  events: readonly ClockEvent[],
  limits: ClockLimits,
  today: string,
): ClockView {
  dayNumber(today); // validates
  const sorted = events
    .map((e, i) => ({ e, i, n: dayNumber(e.on) }))
    .sort((x, y) => x.n - y.n || x.i - y.i)
    .map((x) => x.e);

  let acceptedOn: string | null = null;
  let finishedOn: string | null = null;
  let stoppedSince: string | null = null;
  let suspended = 0;
  let provisional = false;
  const span = (from: string, to: string) => {
    if (to <= from) return;
    const c = countWorkdaysIn(cal, from, to);
    suspended += c.count;
    provisional ||= c.provisional;
  };

  for (const { on, clock } of sorted) {
    if (finishedOn) break;
    if (!acceptedOn) {
      if (clock === 'start') acceptedOn = on;
      continue;
    }
    if (clock === 'stop' && !stoppedSince) stoppedSince = on;
    else if (clock === 'resume' && stoppedSince) {
      span(stoppedSince, on);
      stoppedSince = null;
    } else if (clock === 'end') {
      if (stoppedSince) span(stoppedSince, on);
      stoppedSince = null;
      finishedOn = on;
    }
  }
  if (!acceptedOn) return { ...NOT_STARTED };
  if (stoppedSince) span(stoppedSince, today);

  const deadline = (days: number): WorkdayResult => {
    const r = addWorkdaysIn(cal, acceptedOn!, days + suspended);
    provisional ||= r.provisional;
    return r;
  };
  const promised = deadline(limits.promisedDays).date;
  const statutory = deadline(limits.statutoryDays).date;
  const left = countWorkdaysIn(cal, finishedOn ?? today, promised);
  provisional ||= left.provisional;
  const remaining = left.count;

  let state: DeadlineState;
  if (finishedOn) state = 'finished';
  else if (remaining < 0) state = 'overdue';
  else if (stoppedSince) state = 'suspended';
  else if (isNear(remaining, limits.promisedDays)) state = 'near';
  else state = 'on_time';

  return {
    acceptedOn,
    finishedOn,
    promisedDeadline: promised,
    statutoryDeadline: statutory,
    provisional,
    suspendedWorkdays: suspended,
    remainingWorkingDays: remaining,
    state,
    onTime: finishedOn ? dayNumber(finishedOn) <= dayNumber(promised) : null,
  };
}

/** The deadline of a step with its own limit 环节时限: N working days after the day the case entered it. */
export function stepDeadline(cal: CalendarData, enteredOn: string, limitDays: number): WorkdayResult {
  return addWorkdaysIn(cal, enteredOn, limitDays);
}

export type DeadlineColour = 'green' | 'yellow' | 'red' | 'grey';

/** Traffic-light colour of a deadline state for lists and the supervision screen (红黄绿灯). */
export function deadlineColour(state: DeadlineState): DeadlineColour {
  switch (state) {
    case 'on_time':
      return 'green';
    case 'near':
      return 'yellow';
    case 'overdue':
      return 'red';
    case 'not_started':
    case 'suspended':
    case 'finished':
      return 'grey';
  }
}
