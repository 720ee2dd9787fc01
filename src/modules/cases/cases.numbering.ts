/**
 * Case numbers 办件编号: `<6-character accepting region>-<YYYYMMDD>-<6-digit daily sequence>`,
 * e.g. `211100-20261123-000042`. Unique (one counter row per region prefix and day, bumped in the
 * creating transaction), readable aloud at a window, and sortable by region, then day, then order.
 */
export const CASE_NUMBER_RE = /^([0-9A-Z]{6})-(\d{8})-(\d{6})$/;
export const MAX_DAILY_SEQ = 999_999;

/** The six-character prefix of the accepting region: GB/T 2260 county/city code, or a zone's local code. */
export function numberPrefix(acceptRegionCode: string): string {
  const p = acceptRegionCode.slice(0, 6).toUpperCase();
  if (!/^[0-9A-Z]{6}$/.test(p)) throw new RangeError(`区划代码不能用于办件编号：${acceptRegionCode}`);
  return p;
}

/** Formats a number from its parts; `day` is 'YYYY-MM-DD' (Asia/Shanghai civil day). */
export function formatCaseNumber(acceptRegionCode: string, day: string, seq: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${day}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_DAILY_SEQ) throw new RangeError(`当日序号超出范围：${seq}`);
  return `${numberPrefix(acceptRegionCode)}-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
}

export interface CaseNumberParts {
  prefix: string;
  day: string;
  seq: number;
}

/** Splits a case number; null when it is not one. */
export function parseCaseNumber(number: string): CaseNumberParts | null {
  const m = CASE_NUMBER_RE.exec(number);
  if (!m) return null;
  const d = m[2]!;
  return { prefix: m[1]!, day: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, seq: Number(m[3]) };
}
