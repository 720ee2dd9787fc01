import { describe, expect, it } from 'vitest';
import { exportPeriod } from './ratings.period';

describe('the period of a ratings export', () => {
  it('names both ends, the day of export for an open end, and never leaves a blank', () => {
    expect(exportPeriod('2026-11-01', '2026-11-30', '2026-12-12')).toEqual({
      label: '2026-11-01 至 2026-11-30',
      fileName: '好差评统计_2026-11-01至2026-11-30.xlsx',
    });
    expect(exportPeriod('2026-11-01', undefined, '2026-12-12').fileName).toBe('好差评统计_2026-11-01至2026-12-12.xlsx');
    expect(exportPeriod(null, '2026-11-30', '2026-12-12')).toEqual({
      label: '截至 2026-11-30',
      fileName: '好差评统计_截至2026-11-30.xlsx',
    });
    expect(exportPeriod(undefined, undefined, '2026-12-12')).toEqual({
      label: '截至 2026-12-12（全部评价）',
      fileName: '好差评统计_截至2026-12-12.xlsx',
    });
  });
});
