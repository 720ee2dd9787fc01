import { describe, expect, it } from 'vitest';
import { checkIndicators, INDICATORS, isBadLevel, satisfaction, tallyByDepartment } from './ratings.rules';

describe('好差评 indicators', () => {
  it('uses the national online and on-site indicator sets', () => {
    expect(Object.values(INDICATORS.online)).toEqual([
      '整体满意度',
      '办事效率',
      '办事指南精确度',
      '办事便捷度',
      '平台操作性',
    ]);
    expect(Object.values(INDICATORS.window)).toEqual(['整体满意度', '服务效率', '服务水平', '服务态度']);
  });
  it('validates codes per channel', () => {
    expect(checkIndicators('online', 5, ['overall', 'usability'])).toBeNull();
    expect(checkIndicators('window', 5, ['usability'])).toContain('usability');
    expect(checkIndicators('online', 5, ['attitude'])).toContain('attitude');
    expect(checkIndicators('window', 4, ['attitude', 'attitude'])).toContain('重复');
  });
  it('requires an indicator for a bad rating only', () => {
    expect(checkIndicators('online', 2, [])).toContain('差评');
    expect(checkIndicators('online', 3, [])).toBeNull();
    expect(isBadLevel(2)).toBe(true);
    expect(isBadLevel(3)).toBe(false);
  });
});

describe('好评率', () => {
  it('is (满意 + 非常满意) over all counted ratings, 基本满意 in the denominator', () => {
    const s = satisfaction({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    expect(s).toEqual({ counted: 10, good: 6, bad: 2, satisfactionRate: 0.6, badRate: 0.2 });
  });
  it('rounds to four decimals and is null without ratings', () => {
    expect(satisfaction({ 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 }).satisfactionRate).toBe(0.6667);
    expect(satisfaction({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })).toMatchObject({
      counted: 0,
      satisfactionRate: null,
      badRate: null,
    });
  });
});

describe('the published summary by department', () => {
  it('counts excluded ratings in the total only, per department (by code) and overall', () => {
    const { departments, total } = tallyByDepartment([
      { department_code: 'B', level: 5, excluded: false, n: 3 },
      { department_code: 'A', level: 1, excluded: true, n: 2 },
      { department_code: 'A', level: 1, excluded: false, n: 1 },
      { department_code: 'A', level: 4, excluded: false, n: 1 },
    ]);
    expect(departments.map((d) => d.departmentCode)).toEqual(['A', 'B']);
    expect(departments[0]).toMatchObject({ total: 4, excluded: 2, counted: 2, good: 1, bad: 1, satisfactionRate: 0.5 });
    expect(departments[0]!.counts).toEqual({ 1: 1, 2: 0, 3: 0, 4: 1, 5: 0 });
    expect(total).toMatchObject({ total: 7, excluded: 2, counted: 5, good: 4, bad: 1, satisfactionRate: 0.8 });
  });
  it('has no rates when nothing is counted', () => {
    expect(tallyByDepartment([]).total).toMatchObject({ total: 0, satisfactionRate: null, badRate: null });
  });
});
