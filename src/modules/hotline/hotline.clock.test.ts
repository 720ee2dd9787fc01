import { describe, expect, it } from 'vitest';
import type { CalendarData } from '../calendar/index';
import {
  applyClock,
  DEFAULT_LIMITS,
  deadlineOf,
  dueAt,
  limitFor,
  startClock,
  type LimitTable,
  type TicketClock,
} from './hotline.clock';

// 2026: 国庆 + 中秋 Oct 1–7 off, Sat Oct 10 worked (调休).
const days = new Map<string, 'holiday' | 'workday'>();
for (let d = 1; d <= 7; d++) days.set(`2026-10-0${d}`, 'holiday');
days.set('2026-10-10', 'workday');
const cal: CalendarData = { days, publishedYears: new Set([2026]) };

/** An instant given as Shanghai wall time. */
const sh = (s: string) => new Date(`${s}+08:00`);
const endOf = (day: string) => sh(`${day}T23:59:59.999`);
const complaint = (at = sh('2026-11-02T10:00:00')) => startClock({ unit: 'workdays', amount: 20 }, at);

describe('limitFor: 2·20 and its configuration', () => {
  it('gives consultations 2 working days and every other type 20', () => {
    expect(limitFor(DEFAULT_LIMITS, 'consult', 'normal')).toEqual({ unit: 'workdays', amount: 2 });
    for (const t of ['help', 'complaint', 'report', 'suggestion', 'praise'] as const)
      expect(limitFor(DEFAULT_LIMITS, t, 'normal')).toEqual({ unit: 'workdays', amount: 20 });
  });

  it('counts urgent tickets in hours', () => {
    expect(limitFor(DEFAULT_LIMITS, 'help', 'urgent')).toEqual({ unit: 'hours', amount: 24 });
  });

  it('takes a type of its own over the default', () => {
    const table: LimitTable = {
      ...DEFAULT_LIMITS,
      normal: { ...DEFAULT_LIMITS.normal, complaint: { unit: 'workdays', amount: 10 } },
    };
    expect(limitFor(table, 'complaint', 'normal').amount).toBe(10);
    expect(limitFor(table, 'help', 'normal').amount).toBe(20);
  });
});

describe('dueAt', () => {
  it('counts working days from the calendar, across the National Day holiday', () => {
    const c = startClock({ unit: 'workdays', amount: 2 }, sh('2026-09-30T10:00:00'));
    expect(dueAt(cal, c)).toEqual(endOf('2026-10-09'));
  });

  it('gives 20 working days four weeks on', () => {
    expect(dueAt(cal, complaint())).toEqual(endOf('2026-11-30'));
  });

  it('counts hours for an hour limit', () => {
    const c = startClock({ unit: 'hours', amount: 24 }, sh('2026-11-02T10:00:00'));
    expect(dueAt(cal, c)).toEqual(sh('2026-11-03T10:00:00'));
  });
});

describe('deadlineOf', () => {
  it('is normal, then near in the last fifth, then overdue after the due day', () => {
    const c = complaint();
    expect(deadlineOf(cal, c, sh('2026-11-23T09:00:00'))).toMatchObject({ state: 'normal', remaining: 5 });
    expect(deadlineOf(cal, c, sh('2026-11-24T09:00:00'))).toMatchObject({ state: 'near', remaining: 4 });
    expect(deadlineOf(cal, c, sh('2026-11-30T23:00:00'))).toMatchObject({ state: 'near', remaining: 0 });
    expect(deadlineOf(cal, c, sh('2026-12-01T08:00:00'))).toMatchObject({ state: 'overdue', remaining: -1 });
  });

  it('a consultation is near on its last working day but one', () => {
    const c = startClock({ unit: 'workdays', amount: 2 }, sh('2026-11-02T10:00:00'));
    expect(deadlineOf(cal, c, sh('2026-11-02T11:00:00')).state).toBe('normal');
    expect(deadlineOf(cal, c, sh('2026-11-03T11:00:00')).state).toBe('near');
  });

  it('hour limits are near within the last fifth of the hours', () => {
    const c = startClock({ unit: 'hours', amount: 24 }, sh('2026-11-02T10:00:00'));
    expect(deadlineOf(cal, c, sh('2026-11-03T05:00:00'))).toMatchObject({ state: 'normal', remaining: 5 });
    expect(deadlineOf(cal, c, sh('2026-11-03T06:00:00'))).toMatchObject({ state: 'near', remaining: 4 });
    expect(deadlineOf(cal, c, sh('2026-11-03T10:00:01')).state).toBe('overdue');
  });

  it('says paused while paused, and never overdue then', () => {
    const c = { ...complaint(), paused_since: sh('2026-11-25T10:00:00') };
    expect(deadlineOf(cal, c, sh('2026-12-20T10:00:00')).state).toBe('paused');
  });

  it('says whether a finished ticket was on time', () => {
    const c = complaint();
    expect(deadlineOf(cal, { ...c, finished_at: sh('2026-11-30T18:00:00') }, sh('2027-01-01T00:00:00'))).toMatchObject({
      state: 'finished',
      onTime: true,
      remaining: null,
    });
    expect(deadlineOf(cal, { ...c, finished_at: sh('2026-12-01T09:00:00') }, sh('2027-01-01T00:00:00')).onTime).toBe(
      false,
    );
  });
});

describe('applyClock', () => {
  it('a pause stores no due instant, and resuming moves the due by the working days paused', () => {
    const paused = applyClock(cal, complaint(), 'pause', sh('2026-11-04T10:00:00'));
    expect(paused.due_at).toBeNull();
    expect(paused.paused_since).toEqual(sh('2026-11-04T10:00:00'));
    // Thu 5, Fri 6, Mon 9: three working days paused.
    const resumed = applyClock(cal, paused, 'resume', sh('2026-11-09T10:00:00'));
    expect(resumed.paused_since).toBeNull();
    expect(resumed.paused_workdays).toBe(3);
    expect(resumed.due_at).toEqual(endOf('2026-12-03'));
  });

  it('a pause within one day costs no working day but counts its hours', () => {
    const paused = applyClock(cal, complaint(), 'pause', sh('2026-11-04T10:00:00'));
    const resumed = applyClock(cal, paused, 'resume', sh('2026-11-04T12:00:00'));
    expect(resumed.paused_workdays).toBe(0);
    expect(resumed.paused_ms).toBe(2 * 3_600_000);
    expect(resumed.due_at).toEqual(endOf('2026-11-30'));
  });

  it('pausing twice keeps the first pause', () => {
    const once = applyClock(cal, complaint(), 'pause', sh('2026-11-04T10:00:00'));
    expect(applyClock(cal, once, 'pause', sh('2026-11-05T10:00:00')).paused_since).toEqual(sh('2026-11-04T10:00:00'));
  });

  it('an approved extension adds its working days on top of the pause', () => {
    const paused = applyClock(cal, complaint(), 'pause', sh('2026-11-04T10:00:00'));
    const extended = applyClock(cal, paused, 'extend', sh('2026-11-05T10:00:00'), { extension: 5 });
    expect(extended.extension_amount).toBe(5);
    // 20 + 5 + 1 paused: 26 working days after Nov 2.
    expect(extended.due_at).toEqual(endOf('2026-12-08'));
  });

  it('an hour clock moves by the hours paused', () => {
    const c = startClock({ unit: 'hours', amount: 24 }, sh('2026-11-02T10:00:00'));
    const paused = applyClock(cal, c, 'pause', sh('2026-11-02T12:00:00'));
    expect(applyClock(cal, paused, 'resume', sh('2026-11-02T15:00:00')).due_at).toEqual(sh('2026-11-03T13:00:00'));
  });

  it('ending folds a running pause and records the end', () => {
    const paused = applyClock(cal, complaint(), 'pause', sh('2026-11-04T10:00:00'));
    const ended = applyClock(cal, paused, 'end', sh('2026-11-06T10:00:00'));
    expect(ended.finished_at).toEqual(sh('2026-11-06T10:00:00'));
    expect(ended.paused_since).toBeNull();
    expect(ended.paused_workdays).toBe(2);
  });

  it('a reopened ticket starts a fresh limit', () => {
    const old: TicketClock = {
      ...complaint(),
      extension_amount: 3,
      paused_workdays: 2,
      finished_at: sh('2026-11-10T10:00:00'),
    };
    const r = applyClock(cal, old, 'restart', sh('2026-11-16T10:00:00'));
    expect(r).toMatchObject({ extension_amount: 0, paused_workdays: 0, finished_at: null, limit_amount: 20 });
    expect(r.due_at).toEqual(endOf('2026-12-14'));
  });

  it('no effect keeps the clock and answers its due', () => {
    expect(applyClock(cal, complaint(), null, sh('2026-11-04T10:00:00')).due_at).toEqual(endOf('2026-11-30'));
  });
});
