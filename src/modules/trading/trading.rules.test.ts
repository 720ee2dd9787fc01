import { describe, expect, it } from 'vitest';
import {
  beforeDeadline,
  bidPeriodProblem,
  changeNoticeProblem,
  depositProblem,
  depositRefundDue,
  earliestBidDeadlineDay,
  LEGAL_RULES,
  maxDeposit,
  objectionAnswerDue,
  publicityProblems,
  publicityStartDue,
} from './trading.rules';

const at = (s: string) => new Date(s);

describe('the bid period (招标投标法 §24)', () => {
  const issued = at('2026-12-01T09:00:00+08:00');
  it('accepts a deadline 20 calendar days after the documents were issued, whatever the hour', () => {
    expect(bidPeriodProblem(issued, at('2026-12-21T00:00:00+08:00'))).toBeNull();
    expect(earliestBidDeadlineDay(issued)).toBe('2026-12-21');
  });
  it('refuses 19 days, naming the days and the basis', () => {
    expect(bidPeriodProblem(issued, at('2026-12-20T23:59:59+08:00'))).toBe(
      '自招标文件发出之日至投标截止之日仅 19 日，不得少于 20 日（《中华人民共和国招标投标法》第二十四条）',
    );
  });
  it('counts Shanghai days: 16:00 UTC is already the next day', () => {
    // Issued 2026-12-01T16:30Z = 12-02 00:30 in Shanghai, so 12-21 is only day 19.
    expect(bidPeriodProblem(at('2026-12-01T16:30:00Z'), at('2026-12-21T09:00:00+08:00'))).toMatch(/仅 19 日/);
  });
  it('refuses a deadline before the documents', () => {
    expect(bidPeriodProblem(issued, issued)).toBe('投标截止时间应晚于招标文件发出时间');
  });
});

describe('a change of the bid deadline (实施条例 §21)', () => {
  it('needs 15 calendar days from the change announcement, not 14', () => {
    const published = at('2026-12-10T17:00:00+08:00');
    expect(changeNoticeProblem(published, at('2026-12-25T09:00:00+08:00'))).toBeNull();
    expect(changeNoticeProblem(published, at('2026-12-24T23:00:00+08:00'))).toBe(
      '自变更公告发布之日至投标截止之日仅 14 日，不得少于 15 日（《中华人民共和国招标投标法实施条例》第二十一条）',
    );
  });
});

describe('the deposit (实施条例 §26)', () => {
  it('accepts exactly 2 % and refuses one fen more', () => {
    expect(depositProblem(1_000_000, 20_000)).toBeNull();
    expect(depositProblem(1_000_000, 20_000.01)).toMatch(
      /超过估算价的 2%（最多 20000 元）（《中华人民共和国招标投标法实施条例》第二十六条）/,
    );
  });
  it('works in fen, free of floating point error', () => {
    // 0.29 * 100 = 28.999… in floating point.
    expect(depositProblem(14.5, 0.29)).toBeNull();
    expect(maxDeposit(14.5)).toBe(0.29);
    expect(maxDeposit(1234.56)).toBe(24.69);
  });
  it('refuses a negative deposit', () => {
    expect(depositProblem(100, -1)).toBe('投标保证金不能为负数');
  });
});

describe('the candidates’ publicity (实施条例 §54)', () => {
  it('accepts a start on the third day after the report, for three whole days', () => {
    expect(publicityProblems('2026-12-10', at('2026-12-13T09:00:00+08:00'), at('2026-12-16T09:00:00+08:00'))).toEqual(
      [],
    );
    expect(publicityStartDue('2026-12-10')).toBe('2026-12-13');
  });
  it('refuses a start on the fourth day and a publicity one minute short of three days', () => {
    expect(publicityProblems('2026-12-10', at('2026-12-14T09:00:00+08:00'), at('2026-12-17T08:59:00+08:00'))).toEqual([
      {
        field: 'publicityFrom',
        message: '公示应自收到评标报告之日起 3 日内开始，现为第 4 日（《中华人民共和国招标投标法实施条例》第五十四条）',
      },
      { field: 'publicityTo', message: '公示期不得少于 3 日（《中华人民共和国招标投标法实施条例》第五十四条）' },
    ]);
  });
  it('refuses a start before the report', () => {
    expect(publicityProblems('2026-12-10', at('2026-12-09T09:00:00+08:00'), at('2026-12-19T09:00:00+08:00'))).toEqual([
      { field: 'publicityFrom', message: '公示开始时间不能早于收到评标报告之日' },
    ]);
  });
});

describe('the days to answer and to refund', () => {
  it('answers an objection within 3 days and refunds deposits within 5 days of the contract, across a month end', () => {
    expect(objectionAnswerDue('2026-12-30')).toBe('2027-01-02');
    expect(depositRefundDue('2026-12-28')).toBe('2027-01-02');
  });
  it('keeps every rule with its legal basis', () => {
    for (const r of Object.values(LEGAL_RULES))
      expect(r.basis).toMatch(/^《中华人民共和国招标投标法(实施条例)?》第.+条$/);
  });
});

describe('the deadline', () => {
  it('is exclusive: at the deadline itself nothing more is taken', () => {
    const deadline = at('2026-12-21T09:30:00+08:00');
    expect(beforeDeadline(at('2026-12-21T09:29:59.999+08:00'), deadline)).toBe(true);
    expect(beforeDeadline(deadline, deadline)).toBe(false);
  });
});
