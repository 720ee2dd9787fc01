import { describe, expect, it } from 'vitest';
import { daysBetween, hotTopics, periodInstants, reportPeriod, ticketKeywords } from './hotline.reports.rules';

describe('reportPeriod', () => {
  it('a day report covers the day, compared with the day before', () => {
    expect(reportPeriod('day', '2026-12-07')).toMatchObject({
      from: '2026-12-07',
      to: '2026-12-07',
      days: 1,
      previousFrom: '2026-12-06',
      previousTo: '2026-12-06',
      label: '2026-12-07 日报',
    });
  });

  it('a week report covers Monday to Sunday of the date, compared with the week before', () => {
    // 2026-12-09 is a Wednesday; 2026-12-13 a Sunday
    for (const d of ['2026-12-07', '2026-12-09', '2026-12-13'])
      expect(reportPeriod('week', d)).toMatchObject({
        from: '2026-12-07',
        to: '2026-12-13',
        days: 7,
        previousFrom: '2026-11-30',
        previousTo: '2026-12-06',
      });
  });

  it('a month report covers the calendar month, compared with as many days before it', () => {
    expect(reportPeriod('month', '2026-02-14')).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
      days: 28,
      previousFrom: '2026-01-04',
      previousTo: '2026-01-31',
      label: '2026 年 2 月月报',
    });
    expect(reportPeriod('month', '2024-02-29')).toMatchObject({ to: '2024-02-29', days: 29 });
    expect(reportPeriod('month', '2026-12-31')).toMatchObject({ from: '2026-12-01', to: '2026-12-31', days: 31 });
  });
});

describe('daysBetween and periodInstants', () => {
  it('lists the days and their Asia/Shanghai instants', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    const [a, b] = periodInstants('2026-12-07', '2026-12-07');
    expect(a.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(b.toISOString()).toBe('2026-12-07T16:00:00.000Z');
  });
});

describe('ticketKeywords', () => {
  it('keeps the topic words, drops filler, single characters and numbers', () => {
    const k = ticketKeywords('家中暖气不热', '市民反映家中室温只有 14 度，已联系供热公司两次未处理，希望尽快解决。');
    expect(k).toContain('暖气');
    expect(k).toContain('供热');
    for (const w of ['市民', '反映', '希望', '尽快', '处理', '14', '家中']) expect(k).not.toContain(w);
    expect(k.every((w) => [...w].length > 1)).toBe(true);
    expect(new Set(k).size).toBe(k.length);
  });
});

describe('hotTopics', () => {
  it('gives shares and their change, and ranks the rising ones by growth of share', () => {
    const { topics, rising } = hotTopics(
      [
        { word: '暖气', count: 40 },
        { word: '噪音', count: 20 },
        { word: '停水', count: 10 },
      ],
      [
        { word: '暖气', count: 10 },
        { word: '噪音', count: 30 },
      ],
      { current: 100, previous: 100 },
    );
    expect(topics[0]).toMatchObject({ word: '暖气', share: 40, previousShare: 10, change: 30, rising: true });
    expect(topics[1]).toMatchObject({ word: '噪音', change: -10, rising: false });
    expect(rising.map((t) => t.word)).toEqual(['暖气', '停水']);
  });

  it('compares shares, not counts, when the periods differ in volume', () => {
    const { topics } = hotTopics([{ word: '暖气', count: 20 }], [{ word: '暖气', count: 10 }], {
      current: 200,
      previous: 50,
    });
    expect(topics[0]).toMatchObject({ share: 10, previousShare: 20, change: -10, rising: false });
  });

  it('a period without tickets has no shares', () => {
    expect(hotTopics([], [], { current: 0, previous: 0 })).toEqual({ topics: [], rising: [] });
  });
});
