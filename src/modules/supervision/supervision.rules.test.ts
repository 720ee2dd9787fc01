import { describe, expect, it } from 'vitest';
import type { CalendarData } from '../calendar/index';
import {
  RULE_CODES,
  canExplain,
  decisionTarget,
  evaluateCase,
  explainDays,
  type CaseFacts,
  type RuleConfig,
} from './supervision.rules';

// 2026-10-01..08 National Day holiday, 2026-10-10 (Sat) a swapped workday.
const cal: CalendarData = {
  days: new Map([
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
    ['2026-10-10', 'workday'] as const,
  ]),
  publishedYears: new Set([2026]),
};
const all: RuleConfig[] = RULE_CODES.map((code) => ({ code, enabled: true, params: {} }));
const base: CaseFacts = {
  status: 'accepted',
  clockPhase: 'running',
  promisedDeadline: '2026-11-30',
  statutoryDeadline: '2026-12-20',
  overdueOn: '2026-12-01',
  finishedOn: null,
  stepEnteredOn: '2026-11-16',
  stepLimitDays: null,
  returns: 0,
  refusedWithoutReason: false,
};
const rules = (f: Partial<CaseFacts>, today: string, config: RuleConfig[] = all) =>
  evaluateCase(cal, { ...base, ...f }, config, today).map((w) => `${w.rule}:${w.level}`);

describe('near_deadline 临近预警', () => {
  it('warns 2 working days before the promised deadline by default', () => {
    expect(rules({ promisedDeadline: '2026-11-25' }, '2026-11-23')).toEqual(['near_deadline:yellow']);
    expect(rules({ promisedDeadline: '2026-11-26' }, '2026-11-23')).toEqual([]);
  });
  it('counts working days only (weekend and holidays skipped)', () => {
    // Fri 20 Nov → Tue 24 Nov: Mon, Tue = 2 working days.
    expect(rules({ promisedDeadline: '2026-11-24' }, '2026-11-20')).toEqual(['near_deadline:yellow']);
    // 30 Sep → 10 Oct (swapped Saturday): only 9 Oct and 10 Oct are working days.
    expect(rules({ promisedDeadline: '2026-10-10', overdueOn: '2026-10-12' }, '2026-09-30')).toEqual([
      'near_deadline:yellow',
    ]);
  });
  it('honours the configured number of days and the enabled flag', () => {
    const three = all.map((r) => (r.code === 'near_deadline' ? { ...r, params: { days: 3 } } : r));
    expect(rules({ promisedDeadline: '2026-11-26' }, '2026-11-23', three)).toEqual(['near_deadline:yellow']);
    const off = all.map((r) => ({ ...r, enabled: false }));
    expect(rules({ promisedDeadline: '2026-11-24', returns: 5 }, '2026-11-23', off)).toEqual([]);
  });
  it('does not warn a suspended or finished case', () => {
    expect(rules({ promisedDeadline: '2026-11-24', clockPhase: 'suspended' }, '2026-11-23')).toEqual([]);
    expect(
      rules({ promisedDeadline: '2026-11-24', clockPhase: 'finished', finishedOn: '2026-11-20' }, '2026-11-23'),
    ).toEqual([]);
  });
});

describe('overdue 超期红牌', () => {
  it('raises a red card from the first working day after the deadline while not finished', () => {
    expect(rules({ promisedDeadline: '2026-11-20', overdueOn: '2026-11-23' }, '2026-11-23')).toEqual([
      'near_deadline:yellow',
      'overdue:red',
    ]);
    expect(rules({ promisedDeadline: '2026-11-20', overdueOn: '2026-11-23' }, '2026-11-22')).toEqual([
      'near_deadline:yellow',
    ]);
  });
  it('a case suspended after it was late stays red; suspended in time or finished does not', () => {
    expect(rules({ clockPhase: 'suspended_overdue' }, '2026-11-01')).toEqual(['overdue:red']);
    expect(rules({ clockPhase: 'suspended', overdueOn: '2026-11-02' }, '2026-11-23')).toEqual([]);
    expect(rules({ clockPhase: 'finished', finishedOn: '2026-11-27' }, '2026-12-10')).toEqual([]);
  });
});

describe('step_overdue 环节超时', () => {
  it('raises after the step limit counted from the day the case entered the step', () => {
    // entered Mon 16 Nov, limit 3 → due Thu 19 Nov.
    expect(rules({ stepLimitDays: 3 }, '2026-11-19')).toEqual([]);
    expect(rules({ stepLimitDays: 3 }, '2026-11-20')).toEqual(['step_overdue:yellow']);
    expect(rules({ stepLimitDays: null }, '2026-11-20')).toEqual([]);
    expect(rules({ stepLimitDays: 3, clockPhase: 'suspended' }, '2026-11-20')).toEqual([]);
  });

  it('names the step by its label, not its code', () => {
    const [w] = evaluateCase(
      cal,
      { ...base, stepLimitDays: 3, stepLabel: '现场踏勘', status: 'site_inspection' },
      all,
      '2026-11-20',
    );
    expect(w?.reason).toContain('当前环节（现场踏勘）');
    expect(w?.reason).not.toContain('site_inspection');
  });
});

describe('conduct rules', () => {
  it('refusal without reason is a red card', () => {
    expect(rules({ clockPhase: 'not_started', refusedWithoutReason: true }, '2026-11-23')).toEqual([
      'refusal_without_reason:red',
    ]);
  });
  it('repeated returns: two or more by default, configurable', () => {
    expect(rules({ returns: 1 }, '2026-11-23')).toEqual([]);
    expect(rules({ returns: 2 }, '2026-11-23')).toEqual(['repeated_returns:yellow']);
    const min3 = all.map((r) => (r.code === 'repeated_returns' ? { ...r, params: { min: 3 } } : r));
    expect(rules({ returns: 2 }, '2026-11-23', min3)).toEqual([]);
  });
  it('a decision after the statutory deadline is a red card', () => {
    expect(rules({ clockPhase: 'finished', finishedOn: '2026-12-21' }, '2026-12-22')).toEqual(['decision_late:red']);
    expect(rules({ clockPhase: 'finished', finishedOn: '2026-12-20' }, '2026-12-22')).toEqual([]);
  });
});

describe('explanation and decision', () => {
  it('explain only while open; decide from open or explained', () => {
    expect(canExplain('open')).toBe(true);
    expect(canExplain('explained')).toBe(false);
    expect(decisionTarget('explained', 'confirm')).toBe('confirmed');
    expect(decisionTarget('open', 'revoke')).toBe('revoked');
    expect(decisionTarget('confirmed', 'revoke')).toBeNull();
    expect(decisionTarget('revoked', 'confirm')).toBeNull();
  });
  it('explain days default to 3 and ignore nonsense', () => {
    expect(explainDays(undefined)).toBe(3);
    expect(explainDays({ code: 'overdue', enabled: true, params: { explainDays: 5 } })).toBe(5);
    expect(explainDays({ code: 'overdue', enabled: true, params: { explainDays: -1 } })).toBe(3);
  });
});
