/**
 * The 2·20 clock 办理时限: 咨询 in 2 working days, everything else in 20, configurable per type and
 * urgency (an urgent ticket may count hours). Working days come from the calendar module; the clock
 * stands still while a return, an extension request or a reply awaits the centre, and an approved
 * extension adds to the limit. Pure: the service stores what these functions answer.
 */
import type { CalendarData } from '../calendar/index';
import { addWorkdaysIn, countWorkdaysIn, todayInShanghai } from '../calendar/index';
import type { TicketType, Urgency } from './hotline.tables';
import type { ClockEffect } from './hotline.process';

export type LimitUnit = 'workdays' | 'hours';
export interface Limit {
  unit: LimitUnit;
  amount: number;
}

/** Limits by urgency: the type's own, else the urgency's `default`. */
export type LimitTable = Record<Urgency, { default: Limit } & Partial<Record<TicketType, Limit>>>;

/** "2·20": consultations 2 working days, the rest 20; urgent ones in hours. */
export const DEFAULT_LIMITS: LimitTable = {
  normal: { default: { unit: 'workdays', amount: 20 }, consult: { unit: 'workdays', amount: 2 } },
  urgent: { default: { unit: 'hours', amount: 24 }, consult: { unit: 'hours', amount: 4 } },
};

export const limitFor = (table: LimitTable, type: TicketType, urgency: Urgency): Limit =>
  table[urgency][type] ?? table[urgency].default;

/** The clock columns of a ticket. */
export interface TicketClock {
  limit_unit: LimitUnit;
  limit_amount: number;
  extension_amount: number;
  clock_started_at: Date;
  paused_since: Date | null;
  paused_workdays: number;
  paused_ms: number;
  finished_at: Date | null;
}

export type DeadlineState = 'normal' | 'near' | 'overdue' | 'paused' | 'finished';

export interface Deadline {
  /** When the limit runs out (as it stands: while paused, as if resumed now); null without a calendar answer. */
  dueAt: Date;
  state: DeadlineState;
  /** Whether it finished within the limit (once finished), else null. */
  onTime: boolean | null;
  /** Working days or hours left (negative when overdue), in the limit's unit; null once finished. */
  remaining: number | null;
  unit: LimitUnit;
}

const HOUR = 3_600_000;

/** The end of a civil day in Asia/Shanghai (UTC+8, no daylight saving). */
export const endOfShanghaiDay = (day: string): Date => new Date(`${day}T23:59:59.999+08:00`);

/** The clock with a running pause folded in up to `now` (what resuming at `now` would store). */
export function folded(cal: CalendarData, c: TicketClock, now: Date): TicketClock {
  if (!c.paused_since) return c;
  return {
    ...c,
    paused_since: null,
    paused_workdays:
      c.paused_workdays +
      Math.max(0, countWorkdaysIn(cal, todayInShanghai(c.paused_since), todayInShanghai(now)).count),
    paused_ms: c.paused_ms + Math.max(0, now.getTime() - c.paused_since.getTime()),
  };
}

/** When the limit runs out for a clock that is not paused. */
export function dueAt(cal: CalendarData, c: TicketClock): Date {
  const total = c.limit_amount + c.extension_amount;
  if (c.limit_unit === 'hours') return new Date(c.clock_started_at.getTime() + total * HOUR + c.paused_ms);
  const start = todayInShanghai(c.clock_started_at);
  return endOfShanghaiDay(addWorkdaysIn(cal, start, total + c.paused_workdays).date);
}

/** How close to its limit a ticket counts as near 临期: the last fifth of the limit, at least one unit. */
export const nearThreshold = (c: Pick<TicketClock, 'limit_amount' | 'extension_amount'>): number =>
  Math.max(1, Math.floor((c.limit_amount + c.extension_amount) / 5));

/** The deadline state of a ticket at `now`. */
export function deadlineOf(cal: CalendarData, c: TicketClock, now: Date): Deadline {
  const running = folded(cal, c, c.finished_at ?? now);
  const due = dueAt(cal, running);
  const unit = c.limit_unit;
  if (c.finished_at) return { dueAt: due, state: 'finished', onTime: c.finished_at <= due, remaining: null, unit };
  const remaining =
    unit === 'hours'
      ? Math.floor((due.getTime() - now.getTime()) / HOUR)
      : countWorkdaysIn(cal, todayInShanghai(now), todayInShanghai(due)).count;
  let state: DeadlineState;
  if (c.paused_since) state = 'paused';
  else if (now > due) state = 'overdue';
  else if (remaining <= nearThreshold(c)) state = 'near';
  else state = 'normal';
  return { dueAt: due, state, onTime: null, remaining, unit };
}

/** What an action's clock effect stores: the new clock columns and the due instant (null while paused). */
export function applyClock(
  cal: CalendarData,
  c: TicketClock,
  effect: ClockEffect,
  now: Date,
  opts: { extension?: number; limit?: Limit } = {},
): TicketClock & { due_at: Date | null } {
  let next: TicketClock = c;
  switch (effect) {
    case 'pause':
      next = c.paused_since ? c : { ...c, paused_since: now };
      break;
    case 'resume':
      next = folded(cal, c, now);
      break;
    case 'extend':
      next = { ...folded(cal, c, now), extension_amount: c.extension_amount + (opts.extension ?? 0) };
      break;
    case 'end':
      next = { ...folded(cal, c, now), finished_at: now };
      break;
    case 'restart':
      next = startClock(opts.limit ?? { unit: c.limit_unit, amount: c.limit_amount }, now);
      break;
    case null:
      break;
  }
  return { ...next, due_at: next.paused_since ? null : dueAt(cal, next) };
}

/** A fresh clock for a ticket registered at `now`. */
export const startClock = (limit: Limit, now: Date): TicketClock => ({
  limit_unit: limit.unit,
  limit_amount: limit.amount,
  extension_amount: 0,
  clock_started_at: now,
  paused_since: null,
  paused_workdays: 0,
  paused_ms: 0,
  finished_at: null,
});
