import { describe, expect, it } from 'vitest';
import { IsoDate } from './schemas';

describe('IsoDate', () => {
  it('accepts real dates and names one problem for a bad one', () => {
    expect(IsoDate.safeParse('2028-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2026-1-1').error?.issues.map((i) => i.message)).toEqual(['日期格式应为 YYYY-MM-DD']);
    expect(IsoDate.safeParse('2026-02-30').error?.issues.map((i) => i.message)).toEqual(['日期不存在']);
  });
});
