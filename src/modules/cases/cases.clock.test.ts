import { describe, expect, it } from 'vitest';
import { addDays, type CalendarData } from '../calendar/index';
import { computeClock } from '../workflow/index';
import { clockColumns, nearOn, overdueOn, storedRemaining } from './cases.clock';
import { storedDeadlineState } from './cases.deadline';

// 2026: 国庆 + 中秋 Oct 1–7 off, Sat Oct 10 worked (调休).
const days = new Map<string, 'holiday' | 'workday'>();
for (let d = 1; d <= 7; d++) days.set(`2026-10-0${d}`, 'holiday');
days.set('2026-10-10', 'workday');
const cal: CalendarData = { days, publishedYears: new Set([2026]) };

describe('stored clock columns', () => {
  it('the first overdue day is the next working day after the deadline', () => {
    expect(overdueOn(cal, '2026-09-30')).toBe('2026-10-08');
    expect(overdueOn(cal, '2026-11-27')).toBe('2026-11-30'); // Fri → Mon
    expect(overdueOn(cal, '2026-10-09')).toBe('2026-10-10'); // the swapped Saturday works
  });

  it('near begins when at most 2 working days (or 20 % of the limit) remain', () => {
    expect(nearOn(cal, '2026-11-27', 5)).toBe('2026-11-25'); // Wed: Thu + Fri remain
    expect(nearOn(cal, '2026-11-30', 5)).toBe('2026-11-26'); // Thu: Fri + Mon remain (weekend counts nothing)
    expect(nearOn(cal, '2026-12-31', 20)).toBe('2026-12-25'); // 20 % of 20 = 4 working days
    expect(nearOn(cal, '2026-10-09', 5)).toBe('2026-09-30'); // the holiday week counts nothing: Oct 8 + 9 remain
  });

  it('agrees with the workflow engine day by day, across holidays', () => {
    for (const accepted of ['2026-09-25', '2026-09-29', '2026-11-20']) {
      for (const promisedDays of [0, 1, 3, 5, 20]) {
        const events = [{ on: accepted, clock: 'start' as const }];
        const limits = { promisedDays, statutoryDays: promisedDays + 10 };
        const cols = clockColumns(cal, computeClock(cal, events, limits, accepted), promisedDays, false);
        for (let i = 0; i < 45; i++) {
          const today = addDays(accepted, i);
          const v = computeClock(cal, events, limits, today);
          const row = { ...cols, finished_on: null, step_entered_at: new Date(`${accepted}T02:00:00Z`) };
          expect([today, promisedDays, storedDeadlineState(row, today)]).toEqual([today, promisedDays, v.state]);
          expect(storedRemaining(cal, row, today)).toBe(v.remainingWorkingDays);
        }
      }
    }
  });

  it('freezes a suspended case: its state and remaining days hold until it resumes', () => {
    const events = [
      { on: '2026-11-16', clock: 'start' as const },
      { on: '2026-11-18', clock: 'stop' as const },
    ];
    const limits = { promisedDays: 5, statutoryDays: 10 };
    const atStop = computeClock(cal, events, limits, '2026-11-18');
    const cols = clockColumns(cal, atStop, 5, true);
    expect(cols.clock_phase).toBe('suspended');
    const row = { ...cols, finished_on: null, step_entered_at: new Date('2026-11-18T02:00:00Z') };
    const later = computeClock(cal, events, limits, '2026-11-27');
    expect(storedDeadlineState(row, '2026-11-27')).toBe(later.state);
    expect(storedRemaining(cal, row, '2026-11-27')).toBe(later.remainingWorkingDays);
    // overdue before the procedure began stays overdue
    const late = computeClock(
      cal,
      [
        { on: '2026-11-02', clock: 'start' },
        { on: '2026-11-18', clock: 'stop' },
      ],
      limits,
      '2026-11-18',
    );
    expect(clockColumns(cal, late, 5, true).clock_phase).toBe('suspended_overdue');
  });

  it('counts the remaining working days with the calendar, both ways', () => {
    const row = (promised_deadline: string) => ({
      clock_phase: 'running' as const,
      near_on: null,
      overdue_on: null,
      promised_deadline,
      finished_on: null,
      step_entered_at: new Date('2026-09-01T00:00:00+08:00'),
    });
    expect(storedRemaining(cal, row('2026-10-09'), '2026-09-30')).toBe(2);
    expect(storedRemaining(cal, row('2026-09-30'), '2026-10-09')).toBe(-2);
    expect(storedRemaining(cal, row('2026-11-27'), '2026-11-27')).toBe(0);
  });
});
