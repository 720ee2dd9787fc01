import { describe, expect, it } from 'vitest';
import { checkIndicators, INDICATORS, isBadLevel, satisfaction } from './ratings.rules';

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
