import type { DocumentKind } from './documents.kinds';
import { kindWord } from './documents.itemtypes';

/**
 * Document numbers 文号: 机关代字 + kind word + 字〔year〕第 serial 号, e.g. 盘审受字〔2026〕第000123号.
 * Serials are zero-padded to six digits so that numbers of one prefix and year sort as text.
 */

/** The place of an office name ends at the first of these (盘锦市 / 兴隆台区 / 盘山县 / 振兴街道 / 田庄台镇 …). */
const PLACE_END = /^(.+?(?:街道|市|区|县|旗|镇|乡))(.+)$/u;

/**
 * 机关代字 from an office name: the first character of the place and one of the office's function —
 * 审 for an approval office (盘锦市行政审批服务局 → 盘审, 兴隆台区行政审批局 → 兴审), 政 for a people's
 * government (兴隆台区人民政府 → 兴政), otherwise the function's first character (兴隆台区民政局 → 兴民);
 * a name without a place gives its first two characters.
 */
export function officeAbbreviation(officeName: string): string {
  const name = officeName.trim();
  if (!name) throw new Error('office name is empty');
  const chars = [...name];
  const m = PLACE_END.exec(name);
  if (name.includes('审批')) return `${chars[0]}审`;
  if (!m) return chars.slice(0, 2).join('');
  const fn = m[2]!;
  const word = fn.startsWith('人民政府') ? '政' : [...fn][0]!;
  return `${chars[0]}${word}`;
}

/** The counter key: one serial per prefix (代字 + kind word) and year. */
export const numberPrefix = (abbreviation: string, kind: DocumentKind, itemType?: string) =>
  `${abbreviation}${kindWord(kind, itemType)}`;

export function formatDocumentNumber(prefix: string, year: number, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new Error(`bad serial ${serial}`);
  return `${prefix}字〔${year}〕第${String(serial).padStart(6, '0')}号`;
}

const NUMBER = /^(.+)字〔(\d{4})〕第(\d{6,})号$/;

export function parseDocumentNumber(number: string): { prefix: string; year: number; serial: number } | null {
  const m = NUMBER.exec(number);
  return m ? { prefix: m[1]!, year: Number(m[2]), serial: Number(m[3]) } : null;
}

/** 'YYYY-MM-DD' → 2026年11月3日 (Arabic numerals without leading zeros, as in GB/T 9704). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`bad date ${isoDate}`);
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}
