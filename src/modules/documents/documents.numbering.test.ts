import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  formatDocumentNumber,
  numberPrefix,
  officeAbbreviation,
  parseDocumentNumber,
} from './documents.numbering';

describe('document numbers', () => {
  it('derives the office abbreviation 机关代字', () => {
    expect(officeAbbreviation('盘锦市行政审批服务局')).toBe('盘审');
    expect(officeAbbreviation('兴隆台区行政审批局')).toBe('兴审');
    expect(officeAbbreviation(' 盘锦市市场监督管理局')).toBe('盘锦');
    expect(() => officeAbbreviation('  ')).toThrow();
  });

  it('formats 盘审受字〔2026〕第000123号 per kind', () => {
    expect(formatDocumentNumber(numberPrefix('盘审', 'acceptance_notice'), 2026, 123)).toBe(
      '盘审受字〔2026〕第000123号',
    );
    expect(formatDocumentNumber(numberPrefix('盘审', 'refusal_notice'), 2026, 1)).toBe('盘审不受字〔2026〕第000001号');
    expect(formatDocumentNumber(numberPrefix('兴审', 'grant_decision'), 2027, 42)).toBe('兴审许字〔2027〕第000042号');
    expect(formatDocumentNumber('盘审证', 2026, 1234567)).toBe('盘审证字〔2026〕第1234567号');
    expect(() => formatDocumentNumber('盘审受', 2026, 0)).toThrow();
  });

  it('sorts as text in serial order and parses back', () => {
    const numbers = [9, 10, 100, 2, 99999].map((n) => formatDocumentNumber('盘审补', 2026, n));
    expect([...numbers].sort()).toEqual([2, 9, 10, 100, 99999].map((n) => formatDocumentNumber('盘审补', 2026, n)));
    expect(parseDocumentNumber('盘审不许字〔2026〕第000007号')).toEqual({ prefix: '盘审不许', year: 2026, serial: 7 });
    expect(parseDocumentNumber('盘审受字(2026)第7号')).toBeNull();
  });

  it('prints dates the Chinese way', () => {
    expect(chineseDate('2026-11-23')).toBe('2026年11月23日');
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
    expect(() => chineseDate('2026/1/5')).toThrow();
  });
});
