/** Pure rules of 督查督办: deadlines 完成时限, department names 牵头单位 → codes, the overdue rule. */

export interface Deadline {
  /** A calendar date 'YYYY-MM-DD', or null when long-term or "as appropriate". */
  deadline: string | null;
  /** 长期推进 / 长期坚持: no date, never overdue. */
  longTerm: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function validDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > lastDayOfMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Reads a 完成时限 as written in a task breakdown table:
 * '2017年6月末前' → 2017-06-30, '2017年6月15日' / '2017-06-15' / '2017/6/15' → that day,
 * '长期推进' / '长期坚持' / '长期' → long-term, '适时推进' → open-ended (no date, not long-term).
 * A text carrying both a date and 长期 ('6月末前完成…并长期推进') takes the date.
 * Returns null when nothing can be read.
 */
export function parseDeadline(input: string | Date | null | undefined): Deadline | null {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    return { deadline: input.toISOString().slice(0, 10), longTerm: false };
  }
  const s = (input ?? '').trim();
  if (!s) return null;
  const cn = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|(末|底|上旬|中旬|下旬))?/.exec(s);
  if (cn) {
    const y = Number(cn[1]);
    const m = Number(cn[2]);
    let d: number;
    if (cn[3]) d = Number(cn[3]);
    else if (cn[4] === '上旬') d = 10;
    else if (cn[4] === '中旬') d = 20;
    else d = lastDayOfMonth(y, m);
    const date = m >= 1 && m <= 12 ? validDate(y, m, d) : null;
    return date ? { deadline: date, longTerm: false } : null;
  }
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (iso) {
    const date = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { deadline: date, longTerm: false } : null;
  }
  if (s.includes('长期')) return { deadline: null, longTerm: true };
  if (s.includes('适时')) return { deadline: null, longTerm: false };
  return null;
}

/** The overdue rule: an open measure with a date deadline strictly before today. Long-term ones never are. */
export function isOverdue(m: { status: string; deadline: string | null; longTerm: boolean }, today: string): boolean {
  return m.status === 'open' && !m.longTerm && m.deadline !== null && m.deadline < today;
}

const PLACE = /^(?:市|县|区|各县区|[\u4e00-\u9fa5]{1,8}?(?:新区|经济区|区|县))$/;
const PLACE_PREFIX = /^(市|[\u4e00-\u9fa5]{1,8}?(?:新区|生态经济区|经济区|区|县))(.+)$/;

/**
 * Splits a 牵头单位 text into unit names, expanding shared suffixes:
 * '市、兴隆台区编委办' → 市编委办, 兴隆台区编委办;
 * '市住建委，双台子区、兴隆台区政府' → 市住建委, 双台子区政府, 兴隆台区政府.
 */
export function splitDepartmentNames(text: string): string[] {
  const out: string[] = [];
  for (const group of text.split(/[，,；;\n]/)) {
    const parts = group
      .split(/[、]/)
      .map((p) => p.trim().replace(/等(?:部门|单位)$/, ''))
      .filter(Boolean);
    if (!parts.length) continue;
    const last = parts[parts.length - 1]!;
    const suffix = PLACE_PREFIX.exec(last)?.[2];
    for (const p of parts) out.push(suffix && p !== last && PLACE.test(p) ? `${p}${suffix}` : p);
  }
  return [...new Set(out)];
}

export interface NamedDepartment {
  code: string;
  name: string;
  shortName: string | null;
}

/**
 * Former names in the 2017 seed → today's demo department codes (the 2018 institutional reform merged
 * 住建委→住建局, 农委→农业农村局, 物价局→发改委, 法制办→司法局, 工商/质监/食药监→市场监管局).
 */
export const DEPARTMENT_ALIASES: Record<string, string> = {
  市住建委: 'PJ-ZJ',
  市农委: 'PJ-NY',
  市物价局: 'PJ-FGW',
  市发改委: 'PJ-FGW',
  市法制办: 'PJ-SF',
  市工商局: 'PJ-SCJG',
  市质监局: 'PJ-SCJG',
  市食药监局: 'PJ-SCJG',
  市行政审批服务局: 'PJ-XZSP',
  市审批局: 'PJ-XZSP',
  市营商局: 'PJ-XNJC',
};

/** Maps one unit name to a department code: alias, full name, short name, or 盘锦市 + name; null when unknown. */
export function mapDepartmentName(name: string, departments: readonly NamedDepartment[]): string | null {
  const n = name.trim();
  const alias = DEPARTMENT_ALIASES[n];
  if (alias && departments.some((d) => d.code === alias)) return alias;
  const full = n.startsWith('市') ? `盘锦${n}` : n;
  const hit = departments.find((d) => d.name === n || d.name === full || d.shortName === n || d.code === n);
  return hit?.code ?? null;
}

export interface MappedUnits {
  codes: string[];
  unmatched: string[];
}

export function mapDepartmentText(text: string, departments: readonly NamedDepartment[]): MappedUnits {
  const codes: string[] = [];
  const unmatched: string[] = [];
  for (const name of splitDepartmentNames(text)) {
    const code = mapDepartmentName(name, departments);
    if (code) {
      if (!codes.includes(code)) codes.push(code);
    } else unmatched.push(name);
  }
  return { codes, unmatched };
}

/**
 * A measure's 牵头单位 and 配合单位 as department codes: a unit named as both leads only; the names no
 * department matches, each once.
 */
export function mapMeasureUnits(
  lead: string,
  assisting: string,
  departments: readonly NamedDepartment[],
): { leadCodes: string[]; assistingCodes: string[]; unmatched: string[] } {
  const l = mapDepartmentText(lead, departments);
  const a = mapDepartmentText(assisting, departments);
  return {
    leadCodes: l.codes,
    assistingCodes: a.codes.filter((c) => !l.codes.includes(c)),
    unmatched: [...new Set([...l.unmatched, ...a.unmatched])],
  };
}
