/**
 * Built-in holiday data from the `chinese-days` package.
 * It covers 2004–2026 only and silently answers later years as plain weeks, so it is read for
 * those years and nothing else; later years must be entered by an administrator.
 */
import chineseDays from 'chinese-days';
import { addDays, isWeekend, type DayKind } from './calendar.rules';

export const BUILTIN_FIRST_YEAR = 2004;
export const BUILTIN_LAST_YEAR = 2026;

/** State Council notices (国务院办公厅关于 YYYY 年部分节假日安排的通知) behind the seeded years. */
export const BUILTIN_NOTICES: Readonly<Record<number, string>> = {
  2024: '国办发明电〔2023〕7号',
  2025: '国办发明电〔2024〕12号',
  2026: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
};

/** The package's short names → the official Chinese holiday names. */
const HOLIDAY_NAMES: Readonly<Record<string, string>> = {
  元旦: '元旦',
  春节: '春节',
  清明: '清明节',
  劳动节: '劳动节',
  端午: '端午节',
  中秋: '中秋节',
  国庆节: '国庆节',
};

export interface BuiltinDay {
  date: string;
  kind: DayKind;
  name: string;
}

/** Every holiday and swapped workday of one covered year. */
export function builtinDays(year: number): BuiltinDay[] {
  if (!Number.isInteger(year) || year < BUILTIN_FIRST_YEAR || year > BUILTIN_LAST_YEAR) {
    throw new RangeError(`内置节假日数据只覆盖 ${BUILTIN_FIRST_YEAR}–${BUILTIN_LAST_YEAR} 年：${year}`);
  }
  const out: BuiltinDay[] = [];
  const end = `${year + 1}-01-01`;
  for (let d = `${year}-01-01`; d < end; d = addDays(d, 1)) {
    const detail = chineseDays.getDayDetail(d);
    // Holiday-related days are named "English,中文,n"; ordinary days just "Monday" etc.
    const parts = detail.name.split(',');
    if (parts.length < 2) continue;
    const short = parts[1] ?? '';
    const name = HOLIDAY_NAMES[short] ?? short;
    if (!detail.work) out.push({ date: d, kind: 'holiday', name });
    else if (isWeekend(d)) out.push({ date: d, kind: 'workday', name });
  }
  if (!out.some((x) => x.kind === 'holiday')) throw new Error(`内置节假日数据缺少 ${year} 年`);
  return out;
}
