import { describe, expect, it } from 'vitest';
import {
  checkItemRule,
  isMonday,
  isoWeekNumber,
  monthRange,
  previousWeek,
  rankUnits,
  scoreUnit,
  warningItems,
  weekOf,
  type ScoringRules,
  type UnitFacts,
} from './assessment.rules';

const rules: ScoringRules = {
  base: 100,
  items: [
    { code: 'red_card', name: '红牌', points: 5, cap: 30 },
    { code: 'yellow_unexplained', name: '黄牌逾期未说明', points: 1, cap: 10 },
    { code: 'rejected_explanation', name: '说明不予采纳', points: 2, cap: null },
    { code: 'overdue_case', name: '超期办件', points: 2, cap: 20 },
    { code: 'bad_rating', name: '有效差评', points: 1.5, cap: 15 },
    { code: 'rectification_overdue', name: '差评整改超期', points: 3, cap: 15 },
    { code: 'accepted_explanation', name: '说明被采纳', points: 0, cap: null },
    { code: 'very_satisfied', name: '非常满意', points: 0.1, cap: 5 },
    { code: 'early_completion', name: '提前办结', points: 0.2, cap: 5 },
  ],
};

describe('scoreUnit 考核计分', () => {
  const cases: { name: string; facts: UnitFacts; score: number; deductions: number; bonuses: number }[] = [
    { name: 'no facts: the base score', facts: {}, score: 100, deductions: 0, bonuses: 0 },
    { name: 'one red card', facts: { red_card: 1 }, score: 95, deductions: 5, bonuses: 0 },
    {
      name: 'red card with rejected explanation',
      facts: { red_card: 1, rejected_explanation: 1 },
      score: 93,
      deductions: 7,
      bonuses: 0,
    },
    { name: 'red cards capped at 30', facts: { red_card: 9 }, score: 70, deductions: 30, bonuses: 0 },
    {
      name: 'decimal points stay exact',
      facts: { bad_rating: 3, very_satisfied: 7 },
      score: 96.2,
      deductions: 4.5,
      bonuses: 0.7,
    },
    {
      name: 'bonus capped, may exceed the base',
      facts: { early_completion: 100 },
      score: 105,
      deductions: 0,
      bonuses: 5,
    },
    {
      name: 'accepted explanation at 0 points costs and earns nothing',
      facts: { accepted_explanation: 4 },
      score: 100,
      deductions: 0,
      bonuses: 0,
    },
    {
      name: 'never below zero',
      facts: {
        red_card: 20,
        yellow_unexplained: 20,
        rejected_explanation: 40,
        overdue_case: 20,
        bad_rating: 20,
        rectification_overdue: 9,
      },
      score: 0,
      deductions: 170,
      bonuses: 0,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = scoreUnit(c.facts, rules);
      expect(s.score).toBe(c.score);
      expect(s.deductions).toBe(c.deductions);
      expect(s.bonuses).toBe(c.bonuses);
    });
  }

  it('itemises deductions first, with signed points and the cap flag', () => {
    const s = scoreUnit({ very_satisfied: 2, red_card: 7, overdue_case: 1 }, rules);
    expect(s.items).toEqual([
      { code: 'red_card', name: '红牌', kind: 'deduction', count: 7, pointsEach: 5, points: -30, capped: true },
      { code: 'overdue_case', name: '超期办件', kind: 'deduction', count: 1, pointsEach: 2, points: -2, capped: false },
      {
        code: 'very_satisfied',
        name: '非常满意',
        kind: 'bonus',
        count: 2,
        pointsEach: 0.1,
        points: 0.2,
        capped: false,
      },
    ]);
  });

  it('a configured bonus for accepted explanations counts', () => {
    const r = {
      ...rules,
      items: rules.items.map((i) => (i.code === 'accepted_explanation' ? { ...i, points: 0.5 } : i)),
    };
    expect(scoreUnit({ accepted_explanation: 3 }, r).score).toBe(101.5);
  });
});

describe('rankUnits 排名', () => {
  it('shares ranks on equal scores (1, 2, 2, 4), fewer deductions first', () => {
    const ranked = rankUnits([
      { label: '丙', score: 95, deductions: 5 },
      { label: '甲', score: 100, deductions: 0 },
      { label: '乙', score: 95, deductions: 7 },
      { label: '丁', score: 90, deductions: 10 },
    ]);
    expect(ranked.map((r) => [r.label, r.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['丁', 4],
    ]);
  });
});

describe('periods', () => {
  it('month ranges, leap years included', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('weeks run Monday to Sunday; the bulletin reports the week before', () => {
    expect(weekOf('2026-11-25')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(previousWeek('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(previousWeek('2027-01-01')).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(isMonday('2026-11-23')).toBe(true);
    expect(isMonday('2026-11-24')).toBe(false);
    expect(isoWeekNumber('2026-11-16')).toBe(47);
    expect(isoWeekNumber('2026-12-28')).toBe(53);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
  });
});

describe('checkItemRule', () => {
  it('accepts one decimal within 0–100 and a cap not below the points', () => {
    expect(checkItemRule(2.5, 10)).toBeNull();
    expect(checkItemRule(0, null)).toBeNull();
    expect(checkItemRule(-1, null)).toMatch(/0 至 100/);
    expect(checkItemRule(1.25, null)).toMatch(/一位小数/);
    expect(checkItemRule(5, 101)).toMatch(/封顶/);
    expect(checkItemRule(5, 3)).toBe('封顶分值不能小于单次分值');
  });
});

describe('warningItems 红黄牌计分', () => {
  const today = '2026-11-20';
  const w = (
    level: 'yellow' | 'red',
    state: 'open' | 'explained' | 'confirmed' | 'revoked',
    explained: boolean,
    explainDue = '2026-11-25',
  ) => ({ level, state, explained, explainDue });
  const table: [string, ReturnType<typeof w>, string[]][] = [
    ['open red card: not scored yet', w('red', 'open', false), []],
    ['explained red card awaiting decision', w('red', 'explained', true), []],
    ['red card confirmed without explanation', w('red', 'confirmed', false), ['red_card']],
    ['red card confirmed, explanation rejected', w('red', 'confirmed', true), ['red_card', 'rejected_explanation']],
    ['red card revoked after explanation (accepted)', w('red', 'revoked', true), ['accepted_explanation']],
    ['warning withdrawn by the sweep', w('yellow', 'revoked', false), []],
    ['open yellow, explanation not yet due', w('yellow', 'open', false), []],
    ['open yellow past its explanation date', w('yellow', 'open', false, '2026-11-19'), ['yellow_unexplained']],
    ['yellow confirmed without explanation', w('yellow', 'confirmed', false), ['yellow_unexplained']],
    ['yellow confirmed, explanation rejected', w('yellow', 'confirmed', true), ['rejected_explanation']],
  ];
  for (const [name, fact, items] of table) it(name, () => expect(warningItems(fact, today)).toEqual(items));
});
