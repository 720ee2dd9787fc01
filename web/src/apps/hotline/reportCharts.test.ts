import { describe, expect, it } from 'vitest';
import { countBarOption, percent, sharePieOption, topicSize, type Topic } from './reportCharts';

const topic = (count: number): Topic => ({
  word: '暖气',
  count,
  share: 10,
  previousCount: 0,
  previousShare: 0,
  change: 10,
  rising: true,
});

describe('report charts', () => {
  it('writes a rate given in per cent, a dash over nothing', () => {
    expect(percent(66.7)).toBe('66.7\u2009%');
    expect(percent(100)).toBe('100.0\u2009%');
    expect(percent(null)).toBe('—');
  });

  it('sizes the most mentioned topic largest', () => {
    expect(topicSize(topic(40), 40)).toBe(30);
    expect(topicSize(topic(0), 40)).toBe(13);
    expect(topicSize(topic(20), 40)).toBeGreaterThan(topicSize(topic(10), 40));
  });

  it('lays names on the value axis side when horizontal', () => {
    const v = countBarOption(['城市管理', '供暖'], [4, 2], '工单数');
    expect(v.xAxis).toMatchObject({ type: 'category', data: ['城市管理', '供暖'] });
    const h = countBarOption(['城市管理', '供暖'], [4, 2], '工单数', { horizontal: true });
    expect(h.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(h.series[0]).toMatchObject({ type: 'bar', data: [4, 2] });
  });

  it('gives each share its name and count', () => {
    const o = sharePieOption([{ name: '投诉', count: 3 }]);
    expect(o.series[0]!.data).toEqual([{ name: '投诉', value: 3 }]);
  });
});
