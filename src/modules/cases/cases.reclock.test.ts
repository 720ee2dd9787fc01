import { describe, expect, it } from 'vitest';
import { calendarFingerprint } from './cases.reclock';
import type { CalendarData, DayKind } from '../calendar/index';

const cal = (days: [string, DayKind][], years: number[]): CalendarData => ({
  days: new Map(days),
  publishedYears: new Set(years),
});

describe('calendarFingerprint', () => {
  it('does not depend on the order the days were entered in', () => {
    const a = cal(
      [
        ['2026-10-01', 'holiday'],
        ['2026-09-28', 'workday'],
      ],
      [2025, 2026],
    );
    const b = cal(
      [
        ['2026-09-28', 'workday'],
        ['2026-10-01', 'holiday'],
      ],
      [2026, 2025],
    );
    expect(calendarFingerprint(a)).toBe(calendarFingerprint(b));
  });

  it('changes with a day, its kind or a published year', () => {
    const base = calendarFingerprint(cal([['2026-10-01', 'holiday']], [2026]));
    expect(calendarFingerprint(cal([['2026-10-01', 'workday']], [2026]))).not.toBe(base);
    expect(
      calendarFingerprint(
        cal(
          [
            ['2026-10-01', 'holiday'],
            ['2026-10-02', 'holiday'],
          ],
          [2026],
        ),
      ),
    ).not.toBe(base);
    expect(calendarFingerprint(cal([['2026-10-01', 'holiday']], [2026, 2027]))).not.toBe(base);
  });
});
