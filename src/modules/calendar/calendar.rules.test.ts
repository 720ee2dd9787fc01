import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  checkDayEntry,
  checkYearItems,
  dateProblem,
  countWorkdays,
  formatDate,
  fromDayNumber,
  isValidDate,
  isWeekend,
  isWorkday,
  parseDate,
  toDayNumber,
  todayInShanghai,
  unpublishedYears,
  weekday,
  type CalendarData,
  type DayKind,
} from './calendar.rules';
import { BUILTIN_LAST_YEAR, builtinDays } from './calendar.builtin';

/** The real calendar of 2024–2026 (国务院办公厅通知), as the demo seeds it. */
function realCalendar(extra: [string, DayKind][] = [], published = [2024, 2025, 2026]): CalendarData {
  const days = new Map<string, DayKind>();
  for (const y of [2024, 2025, 2026]) for (const d of builtinDays(y)) days.set(d.date, d.kind);
  for (const [d, k] of extra) days.set(d, k);
  return { days, publishedYears: new Set(published) };
}
const cal = realCalendar();
const empty: CalendarData = { days: new Map(), publishedYears: new Set() };

describe('date helpers', () => {
  it('parses only real dates in strict YYYY-MM-DD form', () => {
    expect(parseDate('2025-10-01')).toEqual({ year: 2025, month: 10, day: 1 });
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2000-02-29')).not.toBeNull();
    expect(dateProblem('2026-01-05')).toBeNull();
    expect(dateProblem('2026-1-5')).toBe('日期格式应为 YYYY-MM-DD');
    expect(dateProblem('2026-02-30')).toBe('日期不存在：2026-02-30');
    expect(dateProblem('1899-12-31')).toBe('日期应在 1900–2199 年之间');
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-1-1',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '20260101',
      '',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
    ]) {
      expect(parseDate(bad), bad).toBeNull();
      expect(isValidDate(bad), bad).toBe(false);
    }
  });

  it('day numbers match UTC epoch days and round-trip across centuries', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
    for (let n = -30_000; n <= 90_000; n += 37) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(n)).toBe(iso);
      expect(toDayNumber(iso)).toBe(n);
    }
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(formatDate({ year: 99, month: 1, day: 2 })).toBe('0099-01-02');
  });

  it('adds days across month, year and leap boundaries without time-zone shifts', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31'); // a DST date elsewhere; irrelevant here
  });

  it('knows the weekday', () => {
    expect(weekday('2025-10-01')).toBe(3); // Wednesday
    expect(weekday('2025-09-28')).toBe(0); // Sunday
    expect(weekday('2025-10-11')).toBe(6); // Saturday
    expect(weekday('1969-12-28')).toBe(0);
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-13')).toBe(false);
  });

  it('gives today in Asia/Shanghai, not UTC', () => {
    // 2025-12-31 17:30 UTC is already 2026-01-01 01:30 in Beijing.
    expect(todayInShanghai(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(todayInShanghai(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
  });

  it('counts the day by arithmetic exactly as the time-zone database does, and refuses an invalid date', () => {
    const tz = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    // Every 7 h 13 min from 1985 (China still had summer time until 1991) to 2035.
    for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2035, 0, 1); t += (7 * 60 + 13) * 60_000) {
      const at = new Date(t);
      if (todayInShanghai(at) !== tz.format(at)) expect(todayInShanghai(at), at.toISOString()).toBe(tz.format(at));
    }
    expect(() => todayInShanghai(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('builtin data', () => {
  it('has 2025 国庆+中秋 and its swapped workdays with Chinese names', () => {
    const days = new Map(builtinDays(2025).map((d) => [d.date, d]));
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) expect(days.get(d)?.kind, d).toBe('holiday');
    expect(days.get('2025-10-01')?.name).toBe('国庆节');
    expect(days.get('2025-10-06')?.name).toBe('中秋节');
    expect(days.get('2025-09-28')).toEqual({ date: '2025-09-28', kind: 'workday', name: '国庆节' });
    expect(days.get('2025-10-11')?.kind).toBe('workday');
    expect(days.get('2025-05-31')?.name).toBe('端午节');
    expect(days.has('2025-10-12')).toBe(false); // ordinary Sunday
    // every workday entry is a weekend day
    for (const y of [2024, 2025, 2026])
      for (const d of builtinDays(y)) if (d.kind === 'workday') expect(isWeekend(d.date), d.date).toBe(true);
  });

  it('refuses years the package does not cover (it would silently answer plain weeks)', () => {
    expect(BUILTIN_LAST_YEAR).toBe(2026);
    expect(() => builtinDays(2027)).toThrow(RangeError);
    expect(() => builtinDays(2003)).toThrow(RangeError);
  });
});

describe('isWorkday', () => {
  it('holiday → no, swapped workday → yes, else Monday–Friday', () => {
    expect(isWorkday(cal, '2025-10-01')).toBe(false); // Wednesday, 国庆节
    expect(isWorkday(cal, '2025-10-06')).toBe(false); // Monday, 中秋节
    expect(isWorkday(cal, '2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(isWorkday(cal, '2025-10-11')).toBe(true); // Saturday, 调休上班
    expect(isWorkday(cal, '2025-10-09')).toBe(true); // Thursday
    expect(isWorkday(cal, '2025-10-12')).toBe(false); // Sunday
    expect(isWorkday(cal, '2026-02-14')).toBe(true); // Saturday before 春节
    expect(isWorkday(cal, '2026-02-16')).toBe(false); // 春节
    expect(isWorkday(cal, '2026-02-28')).toBe(true); // Saturday after 春节
    expect(isWorkday(cal, '2027-01-01')).toBe(true); // not entered: a plain Friday
  });
});

describe('addWorkdays', () => {
  it('n = 0 is the start date itself', () => {
    expect(addWorkdays(cal, '2025-10-01', 0)).toEqual({ date: '2025-10-01', provisional: false });
  });

  it('does not count the start date', () => {
    expect(addWorkdays(cal, '2025-09-22', 1).date).toBe('2025-09-23');
    expect(addWorkdays(cal, '2025-09-19', 1).date).toBe('2025-09-22'); // Fri → Mon
  });

  it('jumps over 2025 国庆+中秋 and uses the swapped workdays', () => {
    expect(addWorkdays(cal, '2025-09-26', 1)).toEqual({ date: '2025-09-28', provisional: false }); // Sunday workday
    expect(addWorkdays(cal, '2025-09-30', 1)).toEqual({ date: '2025-10-09', provisional: false });
    expect(addWorkdays(cal, '2025-09-30', 2).date).toBe('2025-10-10');
    expect(addWorkdays(cal, '2025-09-30', 3).date).toBe('2025-10-11'); // Saturday workday
    expect(addWorkdays(cal, '2025-09-30', 4).date).toBe('2025-10-13');
    expect(addWorkdays(cal, '2025-10-03', 1).date).toBe('2025-10-09'); // starting on a holiday
    // the same span on a plain calendar would be different
    expect(addWorkdays(empty, '2025-09-30', 1).date).toBe('2025-10-01');
  });

  it('handles 2026 春节', () => {
    expect(addWorkdays(cal, '2026-02-13', 1).date).toBe('2026-02-14'); // Saturday workday
    expect(addWorkdays(cal, '2026-02-13', 2).date).toBe('2026-02-24'); // 02-15..23 off
    expect(addWorkdays(cal, '2026-02-26', 2).date).toBe('2026-02-28'); // Thu → Fri → Sat workday
  });

  it('is provisional when the span reaches a year not entered (2027)', () => {
    // 2026-12-25 is a Friday; 2027-01-01 would be 元旦 but 2027 is not entered yet.
    expect(addWorkdays(cal, '2026-12-25', 4)).toEqual({ date: '2026-12-31', provisional: false });
    expect(addWorkdays(cal, '2026-12-25', 10)).toEqual({ date: '2027-01-08', provisional: true });
    const entered = realCalendar([['2027-01-01', 'holiday']], [2024, 2025, 2026, 2027]);
    expect(addWorkdays(entered, '2026-12-25', 10)).toEqual({ date: '2027-01-11', provisional: false });
  });

  it("a year before the published ones is provisional too, the start date's year alone is not", () => {
    expect(addWorkdays(cal, '2023-12-28', 1).provisional).toBe(true);
    expect(addWorkdays(cal, '2023-12-31', 1)).toEqual({ date: '2024-01-02', provisional: false }); // 元旦 2024
    expect(addWorkdays(empty, '2030-05-01', 0).provisional).toBe(false); // no day looked at
  });

  it('rejects a negative, fractional or too large n', () => {
    expect(() => addWorkdays(cal, '2025-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2025-01-01', 3651)).toThrow(RangeError);
    expect(() => addWorkdays(cal, '2025-02-30', 1)).toThrow(RangeError);
    expect(addWorkdays(cal, '2025-01-01', 3650).provisional).toBe(true);
  });
});

describe('countWorkdays', () => {
  it('counts the half-open interval (from, to]', () => {
    expect(countWorkdays(cal, '2025-09-22', '2025-09-22')).toEqual({ count: 0, provisional: false });
    expect(countWorkdays(cal, '2025-09-22', '2025-09-23').count).toBe(1);
    expect(countWorkdays(cal, '2025-09-19', '2025-09-21').count).toBe(0); // Fri → Sun
  });

  it('counts across 2025 国庆+中秋', () => {
    expect(countWorkdays(cal, '2025-09-30', '2025-10-08').count).toBe(0);
    expect(countWorkdays(cal, '2025-09-30', '2025-10-11')).toEqual({ count: 3, provisional: false });
    expect(countWorkdays(cal, '2025-09-26', '2025-10-12').count).toBe(6); // 09-28, 29, 30, 10-09, 10, 11
  });

  it('sees an entry added to a calendar it has already counted', () => {
    const days = new Map<string, DayKind>([['2025-09-23', 'holiday']]);
    const grown: CalendarData = { days, publishedYears: new Set([2025]) };
    expect(countWorkdays(grown, '2025-09-21', '2025-09-26').count).toBe(4);
    days.set('2025-09-24', 'holiday');
    expect(countWorkdays(grown, '2025-09-21', '2025-09-26').count).toBe(3);
    expect(addWorkdays(grown, '2025-09-22', 1).date).toBe('2025-09-25');
  });

  it('is negative when to is before from', () => {
    expect(countWorkdays(cal, '2025-10-11', '2025-09-30')).toEqual({ count: -3, provisional: false });
  });

  it('counts whole real years: 2025 and 2026 have 248 working days each', () => {
    // 261 Mon–Fri − 18 weekday holidays + 5 swapped workdays; 2026: 261 − 19 + 6
    expect(countWorkdays(cal, '2024-12-31', '2025-12-31')).toEqual({ count: 248, provisional: false });
    expect(countWorkdays(cal, '2025-12-31', '2026-12-31')).toEqual({ count: 248, provisional: false });
  });

  it('is provisional when the span touches an unpublished year', () => {
    expect(countWorkdays(cal, '2026-12-25', '2027-01-08')).toEqual({ count: 10, provisional: true });
    expect(countWorkdays(cal, '2027-01-08', '2026-12-25')).toEqual({ count: -10, provisional: true });
    expect(unpublishedYears(cal, '2023-06-01', '2028-01-01')).toEqual([2023, 2027, 2028]);
  });

  it('agrees with a day-by-day count, and with addWorkdays', () => {
    const cals = [
      cal,
      empty,
      realCalendar([
        ['2027-01-01', 'holiday'],
        ['2027-02-06', 'workday'],
        ['2023-12-30', 'holiday'],
      ]),
    ];
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const base = toDayNumber('2023-10-01');
    for (let i = 0; i < 300; i++) {
      const c = cals[i % cals.length]!;
      const from = fromDayNumber(base + rand(1400));
      const to = fromDayNumber(base + rand(1400));
      let slow = 0;
      const [a, b] = from <= to ? [from, to] : [to, from];
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isWorkday(c, d)) slow += 1;
      expect(countWorkdays(c, from, to).count, `${from}..${to}`).toBe(from <= to ? slow : -slow);
      const n = rand(400);
      const r = addWorkdays(c, from, n);
      expect(countWorkdays(c, from, r.date)).toEqual({ count: n, provisional: r.provisional });
      if (n > 0) expect(isWorkday(c, r.date)).toBe(true);
    }
  });
});

describe('entry checks', () => {
  it('a swapped workday must be a Saturday or Sunday; a holiday may be any day', () => {
    expect(checkDayEntry('2025-09-28', 'workday')).toBeNull();
    expect(checkDayEntry('2026-03-04', 'workday')).toBe('调休上班日只能设在周六或周日，2026-03-04 是星期三');
    expect(checkDayEntry('2026-03-04', 'holiday')).toBeNull();
    expect(checkDayEntry('2026-03-07', 'holiday')).toBeNull();
  });

  it('checks a year batch: year, duplicates, weekday rule', () => {
    expect(
      checkYearItems(2027, [
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2026-12-31', kind: 'holiday' },
        { date: '2027-01-01', kind: 'holiday' },
        { date: '2027-01-04', kind: 'workday' },
        { date: '2027-01-09', kind: 'workday' },
      ]),
    ).toEqual([
      { index: 1, field: 'date', message: '日期 2026-12-31 不属于 2027 年' },
      { index: 2, field: 'date', message: '日期 2027-01-01 与第 1 项重复' },
      { index: 3, field: 'date', message: '调休上班日只能设在周六或周日，2027-01-04 是星期一' },
    ]);
    expect(checkYearItems(2027, [])).toEqual([]);
  });
});
