import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_RE, formatCaseNumber, numberPrefix, parseCaseNumber } from './cases.numbering';

describe('case numbers', () => {
  it('formats region (6) + day (8) + daily sequence (6)', () => {
    expect(formatCaseNumber('211100', '2026-11-23', 42)).toBe('211100-20261123-000042');
    expect(formatCaseNumber('211103001000', '2026-01-05', 1)).toBe('211103-20260105-000001');
    expect(formatCaseNumber('2111Z1', '2026-01-05', 999999)).toBe('2111Z1-20260105-999999');
    expect(CASE_NUMBER_RE.test(formatCaseNumber('211100', '2026-11-23', 7))).toBe(true);
  });

  it('sorts by region, then day, then order of filing, as plain strings', () => {
    const numbers = [
      formatCaseNumber('211103', '2026-11-23', 2),
      formatCaseNumber('211100', '2026-11-24', 1),
      formatCaseNumber('211100', '2026-11-23', 10),
      formatCaseNumber('211100', '2026-11-23', 9),
    ];
    expect([...numbers].sort()).toEqual([
      '211100-20261123-000009',
      '211100-20261123-000010',
      '211100-20261124-000001',
      '211103-20261123-000002',
    ]);
  });

  it('rejects what cannot be a number', () => {
    expect(() => formatCaseNumber('211100', '2026-11-23', 0)).toThrow(RangeError);
    expect(() => formatCaseNumber('211100', '2026-11-23', 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseNumber('211100', '20261123', 1)).toThrow(RangeError);
    expect(() => numberPrefix('2111')).toThrow(RangeError);
    expect(() => numberPrefix('21-100')).toThrow(RangeError);
  });

  it('parses its own output and nothing else', () => {
    expect(parseCaseNumber('211100-20261123-000042')).toEqual({ prefix: '211100', day: '2026-11-23', seq: 42 });
    expect(parseCaseNumber('211100-2026-11-23-42')).toBeNull();
    expect(parseCaseNumber('211100-20261123-00042')).toBeNull();
  });
});
