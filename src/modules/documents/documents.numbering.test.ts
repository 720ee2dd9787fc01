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
    expect(officeAbbreviation(' 盘锦市市场监督管理局')).toBe('盘市');
    expect(officeAbbreviation('兴隆台区民政局')).toBe('兴民');
    expect(officeAbbreviation('兴隆台区人民政府')).toBe('兴政');
    expect(officeAbbreviation('振兴街道办事处')).toBe('振办');
    expect(officeAbbreviation('盘锦市公安局兴隆台分局')).toBe('盘公');
    expect(officeAbbreviation('村民委员会')).toBe('村民');
    expect(() => officeAbbreviation('  ')).toThrow();
  });

  it('words a decision number by the item type: 许 for a licence, 给 for a benefit, 确 for a confirmation', () => {
    expect(numberPrefix('兴民', 'grant_decision', 'benefit')).toBe('兴民给');
    expect(numberPrefix('兴民', 'deny_decision', 'benefit')).toBe('兴民不给');
    expect(numberPrefix('盘审', 'grant_decision', 'licence')).toBe('盘审许');
    expect(numberPrefix('盘审', 'grant_decision')).toBe('盘审许');
    expect(numberPrefix('盘公', 'grant_decision', 'confirmation')).toBe('盘公确');
    expect(numberPrefix('兴民', 'acceptance_notice', 'benefit')).toBe('兴民受');
    expect(numberPrefix('兴民', 'certificate', 'benefit')).toBe('兴民证');
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
