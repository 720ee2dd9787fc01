/**
 * Working-day rules 工作日规则: pure functions over an in-memory calendar.
 * Dates are plain 'YYYY-MM-DD' strings; all arithmetic is on civil day numbers (days since 1970-01-01),
 * so nothing ever shifts by a time zone.
 */

/** 法定节假日 (day off) or 调休上班日 (a Saturday/Sunday that is a working day). */
export type DayKind = 'holiday' | 'workday';

export interface CalendarData {
  /** Exceptions to the Mon–Fri week, keyed by 'YYYY-MM-DD'. */
  days: ReadonlyMap<string, DayKind>;
  /** Years whose State Council notice (国务院办公厅节假日安排通知) has been entered and published. */
  publishedYears: ReadonlySet<number>;
}

export interface WorkdayResult {
  date: string;
  /** True when the answer relies on a year whose calendar is not published yet (may still change). */
  provisional: boolean;
}

export interface WorkdayCount {
  count: number;
  provisional: boolean;
}

/** Largest N accepted by `addWorkdays` (about 14 years). */
export const MAX_WORKDAYS = 3650;
/** Years the calendar accepts as input. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a date that really exists ('2026-02-30' and '2026-1-1' are rejected); null otherwise. */
export function parseDate(s: string): YearMonthDay | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export const isValidDate = (s: string): boolean => parseDate(s) !== null;

/** What is wrong with an input date (format, existence, supported years), or null. */
export function dateProblem(s: string): string | null {
  if (!DATE_RE.test(s)) return '日期格式应为 YYYY-MM-DD';
  const ymd = parseDate(s);
  if (!ymd) return `日期不存在：${s}`;
  if (ymd.year < MIN_YEAR || ymd.year > MAX_YEAR) return `日期应在 ${MIN_YEAR}–${MAX_YEAR} 年之间`;
  return null;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatDate({ year, month, day }: YearMonthDay): string {
  if (year < 0 || year > 9999) throw new RangeError(`日期超出范围：${year} 年`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (negative before), by H. Hinnant's days_from_civil. */
export function toDayNumber(s: string): number {
  const ymd = parseDate(s);
  if (!ymd) throw new RangeError(`无效日期：${s}`);
  const { month: m, day: d } = ymd;
  const y = ymd.year - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `toDayNumber`. */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatDate({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

export const addDays = (date: string, n: number): string => fromDayNumber(toDayNumber(date) + n);

const mod = (a: number, b: number) => ((a % b) + b) % b;
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
const weekdayOfDayNumber = (n: number) => mod(n + 4, 7);

const isWeekendDayNumber = (n: number) => {
  const w = weekdayOfDayNumber(n);
  return w === 0 || w === 6;
};

export const weekday = (date: string): number => weekdayOfDayNumber(toDayNumber(date));
export const isWeekend = (date: string): boolean => isWeekendDayNumber(toDayNumber(date));

export const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function yearOf(date: string): number {
  const ymd = parseDate(date);
  if (!ymd) throw new RangeError(`无效日期：${date}`);
  return ymd.year;
}

/** Today's date in Asia/Shanghai (the platform's civil time). */
// en-CA formats as YYYY-MM-DD; built once (constructing an Intl formatter costs far more than using it).
const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** China has kept UTC+8 all year since its last summer time (1991): from then on the day is plain arithmetic. */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export function todayInShanghai(now: Date): string {
  const t = now.getTime();
  if (!(t >= FIXED_OFFSET_SINCE)) return SHANGHAI_DAY.format(now); // earlier days, or an invalid date (throws)
  return fromDayNumber(Math.floor((t + SHANGHAI_OFFSET_MS) / 86_400_000));
}

/** 工作日: holiday → no; swapped workday → yes; otherwise Monday to Friday. */
export function isWorkday(cal: CalendarData, date: string): boolean {
  return isWorkdayNumber(exceptionsOf(cal), toDayNumber(date));
}

/** A calendar's exceptions by day number, and those day numbers in order. */
interface ExceptionIndex {
  size: number;
  kinds: Map<number, DayKind>;
  sorted: number[];
}
const exceptionIndexes = new WeakMap<ReadonlyMap<string, DayKind>, ExceptionIndex>();

/**
 * The exceptions of `cal` as day numbers, built once per calendar (a case step counts working days several
 * times, and parsing every entry's date on each count cost more than the counting).
 */
function exceptionsOf(cal: CalendarData): ExceptionIndex {
  let idx = exceptionIndexes.get(cal.days);
  if (!idx || idx.size !== cal.days.size) {
    const kinds = new Map<number, DayKind>();
    for (const [date, kind] of cal.days) kinds.set(toDayNumber(date), kind);
    idx = { size: cal.days.size, kinds, sorted: [...kinds.keys()].sort((x, y) => x - y) };
    exceptionIndexes.set(cal.days, idx);
  }
  return idx;
}

function isWorkdayNumber(idx: ExceptionIndex, n: number): boolean {
  const kind = idx.kinds.get(n);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekendDayNumber(n);
}

/** Years within the day-number interval (a, b] that are not published. */
function unpublishedYearsBetween(cal: CalendarData, a: number, b: number): number[] {
  if (b <= a) return [];
  const first = yearOf(fromDayNumber(a + 1));
  const last = yearOf(fromDayNumber(b));
  const out: number[] = [];
  for (let y = first; y <= last; y++) if (!cal.publishedYears.has(y)) out.push(y);
  return out;
}

/**
 * Unpublished years among the days strictly after `from` up to and including `to` (order-free):
 * exactly the days `addWorkdays` / `countWorkdays` look at.
 */
export function unpublishedYears(cal: CalendarData, from: string, to: string): number[] {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  return unpublishedYearsBetween(cal, Math.min(a, b), Math.max(a, b));
}

/**
 * The date N working days after `from`, not counting `from` itself (n = 0 → `from`).
 * E.g. 受理 on 2025-09-30, 1 working day → 2025-10-09 (after 国庆+中秋).
 * `provisional` when any day looked at lies in an unpublished year.
 */
export function addWorkdays(cal: CalendarData, from: string, n: number): WorkdayResult {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS)
    throw new RangeError(`工作日天数应为 0–${MAX_WORKDAYS} 的整数：${n}`);
  const start = toDayNumber(from);
  const idx = exceptionsOf(cal);
  let d = start;
  let left = n;
  while (left > 0) {
    d += 1;
    if (isWorkdayNumber(idx, d)) left -= 1;
  }
  return { date: fromDayNumber(d), provisional: unpublishedYearsBetween(cal, start, d).length > 0 };
}

/** Mon–Fri days among the day numbers [anchor, anchor + k), anchor a Monday; valid for any integer k. */
const weekdaysPrefix = (k: number) => 5 * Math.floor(k / 7) + Math.min(mod(k, 7), 5);
/** Mon–Fri days in the day-number interval (a, b], a ≤ b. 1970-01-05 (day 4) was a Monday. */
const plainWeekdaysBetween = (a: number, b: number) => weekdaysPrefix(b - 3) - weekdaysPrefix(a - 3);

/** Index of the first number in ascending `sorted` that is greater than `a` (binary search). */
function firstAfter(sorted: readonly number[], a: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days in the half-open interval (from, to]: after `from`, up to and including `to`.
 * If `to` is before `from`, the result is −countWorkdays(to, from). Consistent with `addWorkdays`:
 * countWorkdays(from, addWorkdays(from, n).date).count === n.
 */
export function countWorkdays(cal: CalendarData, from: string, to: string): WorkdayCount {
  const f = toDayNumber(from);
  const t = toDayNumber(to);
  const a = Math.min(f, t);
  const b = Math.max(f, t);
  let count = plainWeekdaysBetween(a, b);
  const { kinds, sorted } = exceptionsOf(cal);
  for (let i = firstAfter(sorted, a); i < sorted.length && sorted[i]! <= b; i++) {
    const n = sorted[i]!;
    const plainWorkday = !isWeekendDayNumber(n);
    const kind = kinds.get(n);
    if (kind === 'holiday' && plainWorkday) count -= 1;
    else if (kind === 'workday' && !plainWorkday) count += 1;
  }
  const provisional = unpublishedYearsBetween(cal, a, b).length > 0;
  return { count: t < f ? -count : count, provisional };
}

/**
 * Whether a calendar entry makes sense: a 调休上班日 must be a Saturday or Sunday
 * (a weekday is a working day anyway); a holiday may fall on any day. Returns the problem, or null.
 */
export function checkDayEntry(date: string, kind: DayKind): string | null {
  if (kind === 'workday' && !isWeekend(date)) {
    return `调休上班日只能设在周六或周日，${date} 是${WEEKDAY_NAMES[weekday(date)]}`;
  }
  return null;
}

export interface ItemProblem {
  index: number;
  field: 'date' | 'kind';
  message: string;
}

/** Checks a batch of entries for one year: right year, no duplicates, valid kind for the weekday. */
export function checkYearItems(year: number, items: readonly { date: string; kind: DayKind }[]): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((it, index) => {
    if (yearOf(it.date) !== year) {
      problems.push({ index, field: 'date', message: `日期 ${it.date} 不属于 ${year} 年` });
      return;
    }
    const first = seen.get(it.date);
    if (first !== undefined) {
      problems.push({ index, field: 'date', message: `日期 ${it.date} 与第 ${first + 1} 项重复` });
      return;
    }
    seen.set(it.date, index);
    const bad = checkDayEntry(it.date, it.kind);
    if (bad) problems.push({ index, field: 'date', message: bad });
  });
  return problems;
}
