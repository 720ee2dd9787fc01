import { describe, expect, it } from 'vitest';
import type { CalendarData, DayKind } from '../calendar/index';
import {
  computeClock,
  deadlineColour,
  isNear,
  stepDeadline,
  type ClockEvent,
  type ClockView,
  type DeadlineState,
} from './index';
import { addWorkdaysIn, countWorkdaysIn, isWorkdayIn } from '../calendar/index';

/**
 * 2026 as published by the State Council notice of 2025-11-04, typed in by hand: holidays and 调休 workdays.
 * 2027 is not published (provisional answers).
 */
const DAYS_2026: [string, DayKind][] = [
  ['2026-01-01', 'holiday'],
  ['2026-01-02', 'holiday'],
  ['2026-01-03', 'holiday'],
  ['2026-01-04', 'workday'],
  ['2026-02-14', 'workday'],
  ['2026-02-15', 'holiday'],
  ['2026-02-16', 'holiday'],
  ['2026-02-17', 'holiday'],
  ['2026-02-18', 'holiday'],
  ['2026-02-19', 'holiday'],
  ['2026-02-20', 'holiday'],
  ['2026-02-21', 'holiday'],
  ['2026-02-22', 'holiday'],
  ['2026-02-23', 'holiday'],
  ['2026-02-28', 'workday'],
  ['2026-04-04', 'holiday'],
  ['2026-04-05', 'holiday'],
  ['2026-04-06', 'holiday'],
  ['2026-05-01', 'holiday'],
  ['2026-05-02', 'holiday'],
  ['2026-05-03', 'holiday'],
  ['2026-05-04', 'holiday'],
  ['2026-05-05', 'holiday'],
  ['2026-05-09', 'workday'],
  ['2026-06-19', 'holiday'],
  ['2026-06-20', 'holiday'],
  ['2026-06-21', 'holiday'],
  ['2026-09-20', 'workday'], // Sunday, worked for 国庆
  ['2026-09-25', 'holiday'],
  ['2026-09-26', 'holiday'],
  ['2026-09-27', 'holiday'], // 中秋
  ['2026-10-01', 'holiday'],
  ['2026-10-02', 'holiday'],
  ['2026-10-03', 'holiday'],
  ['2026-10-04', 'holiday'],
  ['2026-10-05', 'holiday'],
  ['2026-10-06', 'holiday'],
  ['2026-10-07', 'holiday'], // 国庆
  ['2026-10-10', 'workday'], // Saturday, worked for 国庆
];
const cal: CalendarData = { days: new Map(DAYS_2026), publishedYears: new Set([2026]) };
const ev = (...pairs: [string, ClockEvent['clock']][]): ClockEvent[] => pairs.map(([on, clock]) => ({ on, clock }));
const P5 = { promisedDays: 5, statutoryDays: 10 };

describe('working days (local copy of the calendar rules)', () => {
  it('knows weekends, holidays and swapped workdays', () => {
    expect(isWorkdayIn(cal, '2026-03-06')).toBe(true); // Friday
    expect(isWorkdayIn(cal, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkdayIn(cal, '2026-10-01')).toBe(false); // 国庆
    expect(isWorkdayIn(cal, '2026-10-10')).toBe(true); // Saturday worked
    expect(isWorkdayIn(cal, '2026-09-20')).toBe(true); // Sunday worked
    expect(() => isWorkdayIn(cal, '2026-02-30')).toThrow('无效日期');
  });

  it('adds and counts without the start day, consistently', () => {
    expect(addWorkdaysIn(cal, '2026-09-30', 1)).toEqual({ date: '2026-10-08', provisional: false });
    expect(addWorkdaysIn(cal, '2026-09-18', 1)).toEqual({ date: '2026-09-20', provisional: false });
    expect(addWorkdaysIn(cal, '2026-03-07', 0)).toEqual({ date: '2026-03-07', provisional: false });
    expect(countWorkdaysIn(cal, '2026-09-29', '2026-10-12')).toEqual({ count: 5, provisional: false });
    expect(countWorkdaysIn(cal, '2026-10-12', '2026-09-29')).toEqual({ count: -5, provisional: false });
    expect(countWorkdaysIn(cal, '2026-12-30', '2027-01-04')).toEqual({ count: 3, provisional: true }); // Thu 12-31, Fri 01-01 (2027 unknown: a plain Friday), Mon 01-04
    for (let n = 0; n <= 40; n++) {
      const d = addWorkdaysIn(cal, '2026-09-15', n).date;
      expect(countWorkdaysIn(cal, '2026-09-15', d).count).toBe(n);
    }
  });
});

describe('computeClock', () => {
  it('has not started before acceptance (no events, or only events before a start)', () => {
    const none: ClockView = {
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
    expect(computeClock(cal, [], P5, '2026-03-02')).toEqual(none);
    expect(
      computeClock(cal, ev(['2026-03-02', null], ['2026-03-03', 'stop'], ['2026-03-04', 'end']), P5, '2026-03-05'),
    ).toEqual(none);
  });

  it('deadline across a weekend: accepted Thursday + 3 → next Tuesday', () => {
    const v = computeClock(cal, ev(['2026-03-05', 'start']), { promisedDays: 3, statutoryDays: 7 }, '2026-03-05');
    expect(v).toEqual({
      acceptedOn: '2026-03-05',
      finishedOn: null,
      promisedDeadline: '2026-03-10',
      statutoryDeadline: '2026-03-16',
      provisional: false,
      suspendedWorkdays: 0,
      remainingWorkingDays: 3,
      state: 'on_time',
      onTime: null,
    });
    // over the weekend the remaining days do not move
    expect(
      computeClock(cal, ev(['2026-03-05', 'start']), { promisedDays: 3, statutoryDays: 7 }, '2026-03-07')
        .remainingWorkingDays,
    ).toBe(2);
    expect(
      computeClock(cal, ev(['2026-03-05', 'start']), { promisedDays: 3, statutoryDays: 7 }, '2026-03-08')
        .remainingWorkingDays,
    ).toBe(2);
  });

  it('deadline across 国庆 2026 and its 调休 workdays', () => {
    // accepted Tue 09-29: 09-30 (1), 10-01…07 off, 10-08 (2), 10-09 (3), Sat 10-10 worked (4), Sun 10-11 off, 10-12 (5)
    const v = computeClock(cal, ev(['2026-09-29', 'start']), P5, '2026-09-30');
    expect(v.promisedDeadline).toBe('2026-10-12');
    expect(v.statutoryDeadline).toBe('2026-10-19');
    expect(v.remainingWorkingDays).toBe(4);
    expect(v.state).toBe('on_time');
    // during the holiday nothing is used up
    expect(computeClock(cal, ev(['2026-09-29', 'start']), P5, '2026-10-05').remainingWorkingDays).toBe(4);
    // the Sunday 09-20 is worked; the 中秋 Friday 09-25 is not
    expect(
      computeClock(cal, ev(['2026-09-18', 'start']), { promisedDays: 1, statutoryDays: 1 }, '2026-09-18')
        .promisedDeadline,
    ).toBe('2026-09-20');
    expect(
      computeClock(cal, ev(['2026-09-24', 'start']), { promisedDays: 1, statutoryDays: 1 }, '2026-09-24')
        .promisedDeadline,
    ).toBe('2026-09-28');
  });

  it('a suspension of 3 working days extends both deadlines by 3 working days', () => {
    const base = computeClock(cal, ev(['2026-03-02', 'start']), P5, '2026-03-02');
    expect([base.promisedDeadline, base.statutoryDeadline]).toEqual(['2026-03-09', '2026-03-16']);
    // stop Tue 03-03, resume Fri 03-06: Wed, Thu, Fri
    const v = computeClock(
      cal,
      ev(['2026-03-02', 'start'], ['2026-03-03', 'stop'], ['2026-03-06', 'resume']),
      P5,
      '2026-03-06',
    );
    expect(v.suspendedWorkdays).toBe(3);
    expect([v.promisedDeadline, v.statutoryDeadline]).toEqual(['2026-03-12', '2026-03-19']);
    expect(v.state).toBe('on_time');
    // across a weekend: stop Fri 03-06, resume Wed 03-11 → Mon, Tue, Wed
    const w = computeClock(
      cal,
      ev(['2026-03-02', 'start'], ['2026-03-06', 'stop'], ['2026-03-11', 'resume']),
      P5,
      '2026-03-11',
    );
    expect(w.suspendedWorkdays).toBe(3);
    expect(w.promisedDeadline).toBe('2026-03-12');
    expect(w.remainingWorkingDays).toBe(1);
  });

  it('several suspensions add up; a same-day stop and resume costs nothing', () => {
    const v = computeClock(
      cal,
      ev(
        ['2026-03-02', 'start'],
        ['2026-03-03', 'stop'],
        ['2026-03-04', 'resume'],
        ['2026-03-05', 'stop'],
        ['2026-03-05', 'resume'],
        ['2026-03-09', 'stop'],
        ['2026-03-11', 'resume'],
      ),
      P5,
      '2026-03-11',
    );
    expect(v.suspendedWorkdays).toBe(3);
    expect(v.promisedDeadline).toBe('2026-03-12');
  });

  it('an open suspension counts up to today and freezes the remaining days', () => {
    const events = ev(['2026-03-02', 'start'], ['2026-03-03', 'stop']);
    const atStop = computeClock(cal, ev(['2026-03-02', 'start']), P5, '2026-03-03').remainingWorkingDays;
    expect(atStop).toBe(4);
    const thu = computeClock(cal, events, P5, '2026-03-05');
    expect(thu).toMatchObject({
      state: 'suspended',
      suspendedWorkdays: 2,
      promisedDeadline: '2026-03-11',
      remainingWorkingDays: 4,
    });
    const later = computeClock(cal, events, P5, '2026-03-10');
    expect(later).toMatchObject({
      state: 'suspended',
      suspendedWorkdays: 5,
      promisedDeadline: '2026-03-16',
      remainingWorkingDays: 4,
    });
    expect(deadlineColour(later.state)).toBe('grey');
  });

  it('overdue: negative remaining working days after the deadline day', () => {
    const at = (today: string) => computeClock(cal, ev(['2026-03-02', 'start']), P5, today);
    expect(at('2026-03-09')).toMatchObject({ remainingWorkingDays: 0, state: 'near' });
    expect(at('2026-03-10')).toMatchObject({ remainingWorkingDays: -1, state: 'overdue' });
    expect(at('2026-03-14')).toMatchObject({ remainingWorkingDays: -4, state: 'overdue' }); // Saturday after Mon 03-09
    expect(deadlineColour(at('2026-03-14').state)).toBe('red');
    // a case suspended after it was already late stays overdue
    const late = computeClock(cal, ev(['2026-03-02', 'start'], ['2026-03-11', 'stop']), P5, '2026-03-13');
    expect(late).toMatchObject({ remainingWorkingDays: -2, state: 'overdue' });
  });

  it('near: at most 2 working days left, or at most 20 % of the promised limit', () => {
    const at = (today: string, promisedDays: number) =>
      computeClock(cal, ev(['2026-03-02', 'start']), { promisedDays, statutoryDays: 20 }, today);
    expect(at('2026-03-04', 5)).toMatchObject({ remainingWorkingDays: 3, state: 'on_time' });
    expect(at('2026-03-05', 5)).toMatchObject({ remainingWorkingDays: 2, state: 'near' });
    // promised 20 → deadline 03-30; 20 % = 4 days
    expect(at('2026-03-02', 20).promisedDeadline).toBe('2026-03-30');
    expect(at('2026-03-23', 20)).toMatchObject({ remainingWorkingDays: 5, state: 'on_time' });
    expect(at('2026-03-24', 20)).toMatchObject({ remainingWorkingDays: 4, state: 'near' });
    expect(deadlineColour(at('2026-03-24', 20).state)).toBe('yellow');
    expect(deadlineColour(at('2026-03-23', 20).state)).toBe('green');
    expect([isNear(3, 10), isNear(2, 10), isNear(4, 20), isNear(5, 24), isNear(4, 24)]).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
  });

  it('is provisional when a deadline reaches an unpublished year', () => {
    // accepted Thu 2026-12-24: 5 working days → 12-31, inside 2026
    const inside = computeClock(cal, ev(['2026-12-24', 'start']), { promisedDays: 5, statutoryDays: 5 }, '2026-12-24');
    expect(inside).toMatchObject({ promisedDeadline: '2026-12-31', provisional: false });
    const promisedOut = computeClock(
      cal,
      ev(['2026-12-24', 'start']),
      { promisedDays: 6, statutoryDays: 6 },
      '2026-12-24',
    );
    expect(promisedOut).toMatchObject({ promisedDeadline: '2027-01-01', provisional: true });
    // the statutory deadline alone reaching 2027 is enough
    const statutoryOut = computeClock(
      cal,
      ev(['2026-12-24', 'start']),
      { promisedDays: 5, statutoryDays: 10 },
      '2026-12-24',
    );
    expect(statutoryOut).toMatchObject({
      promisedDeadline: '2026-12-31',
      statutoryDeadline: '2027-01-07',
      provisional: true,
    });
    // once 2027 is published, the same answers are firm
    const published: CalendarData = { days: cal.days, publishedYears: new Set([2026, 2027]) };
    expect(
      computeClock(published, ev(['2026-12-24', 'start']), { promisedDays: 6, statutoryDays: 6 }, '2026-12-24')
        .provisional,
    ).toBe(false);
  });

  it('finished on time, on the deadline day, and late', () => {
    const done = (on: string) => computeClock(cal, ev(['2026-03-02', 'start'], [on, 'end']), P5, '2026-03-20');
    expect(done('2026-03-06')).toMatchObject({
      finishedOn: '2026-03-06',
      state: 'finished',
      onTime: true,
      remainingWorkingDays: 1,
    });
    expect(done('2026-03-09')).toMatchObject({ state: 'finished', onTime: true, remainingWorkingDays: 0 });
    expect(done('2026-03-11')).toMatchObject({ state: 'finished', onTime: false, remainingWorkingDays: -2 });
    expect(deadlineColour(done('2026-03-11').state)).toBe('grey');
  });

  it('an end during a suspension closes it; later events are ignored', () => {
    const v = computeClock(
      cal,
      ev(
        ['2026-03-02', 'start'],
        ['2026-03-03', 'stop'],
        ['2026-03-05', 'end'],
        ['2026-03-06', 'resume'],
        ['2026-03-09', 'stop'],
      ),
      P5,
      '2026-03-20',
    );
    expect(v).toMatchObject({
      finishedOn: '2026-03-05',
      suspendedWorkdays: 2,
      promisedDeadline: '2026-03-11',
      onTime: true,
      state: 'finished',
    });
  });

  it('sorts events by date, ignores a second start, a resume without stop and a double stop', () => {
    const v = computeClock(
      cal,
      ev(
        ['2026-03-06', 'resume'],
        ['2026-03-04', 'start'],
        ['2026-03-02', 'start'],
        ['2026-03-03', 'resume'],
        ['2026-03-03', 'stop'],
        ['2026-03-04', 'stop'],
      ),
      P5,
      '2026-03-06',
    );
    expect(v).toMatchObject({ acceptedOn: '2026-03-02', suspendedWorkdays: 3, promisedDeadline: '2026-03-12' });
  });

  it('an immediate item accepted at a Saturday service window is due the same day', () => {
    const L0 = { promisedDays: 0, statutoryDays: 3 };
    const open = computeClock(cal, ev(['2026-03-07', 'start']), L0, '2026-03-07');
    expect(open).toMatchObject({
      promisedDeadline: '2026-03-07',
      statutoryDeadline: '2026-03-11',
      remainingWorkingDays: 0,
      state: 'near',
    });
    expect(computeClock(cal, ev(['2026-03-07', 'start'], ['2026-03-07', 'end']), L0, '2026-03-07')).toMatchObject({
      onTime: true,
      state: 'finished',
    });
  });

  it('rejects invalid dates', () => {
    expect(() => computeClock(cal, ev(['2026-02-30', 'start']), P5, '2026-03-02')).toThrow(RangeError);
    expect(() => computeClock(cal, [], P5, '2026/03/02')).toThrow(RangeError);
  });
});

describe('stepDeadline and deadlineColour', () => {
  it('a step limit counts working days after the day the case entered the step', () => {
    expect(stepDeadline(cal, '2026-09-30', 2)).toEqual({ date: '2026-10-09', provisional: false });
    expect(stepDeadline(cal, '2026-09-30', 0)).toEqual({ date: '2026-09-30', provisional: false });
    expect(stepDeadline(cal, '2026-12-31', 1)).toEqual({ date: '2027-01-01', provisional: true });
  });

  it('maps every state to a traffic-light colour', () => {
    const all: Record<DeadlineState, string> = {
      not_started: 'grey',
      on_time: 'green',
      near: 'yellow',
      overdue: 'red',
      suspended: 'grey',
      finished: 'grey',
    };
    for (const [state, colour] of Object.entries(all))
      expect(deadlineColour(state as DeadlineState), state).toBe(colour);
  });
});
