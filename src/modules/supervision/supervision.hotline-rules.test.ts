import { describe, expect, it } from 'vitest';
import { evaluateTicket, type TicketFacts } from './supervision.hotline-rules';
import { RULE_CODES, type RuleConfig } from './supervision.rules';

const rules: RuleConfig[] = RULE_CODES.map((code) => ({ code, enabled: true, params: {} }));
const facts = (more: Partial<TicketFacts> = {}): TicketFacts => ({
  unitName: '兴隆台区',
  deadlineState: 'normal',
  onTime: null,
  remaining: 10,
  limitUnit: 'workdays',
  dueText: '2026-11-30 23:59',
  signDueText: '2026-11-03 10:00',
  signOverdue: false,
  ...more,
});
const hits = (f: TicketFacts, r = rules) => evaluateTicket(f, r).map((w) => `${w.rule}:${w.level}`);

describe('hotline ticket cards 热线工单预警', () => {
  it('raises nothing for a ticket in time', () => {
    expect(hits(facts())).toEqual([]);
    expect(hits(facts({ deadlineState: 'paused' }))).toEqual([]);
    expect(hits(facts({ deadlineState: 'finished', onTime: true, remaining: null }))).toEqual([]);
  });

  it('warns near the limit, naming the unit and the deadline', () => {
    const [w] = evaluateTicket(facts({ deadlineState: 'near', remaining: 3 }), rules);
    expect(w).toEqual({
      rule: 'hotline_near',
      level: 'yellow',
      reason: '承办单位：兴隆台区；距办理时限（2026-11-30 23:59）剩余 3 个工作日',
    });
    expect(
      evaluateTicket(facts({ deadlineState: 'near', remaining: 2, limitUnit: 'hours' }), rules)[0]!.reason,
    ).toMatch(/剩余 2 小时/);
  });

  it('shows a red card past the limit and keeps the yellow one', () => {
    expect(hits(facts({ deadlineState: 'overdue', remaining: -1 }))).toEqual([
      'hotline_near:yellow',
      'hotline_overdue:red',
    ]);
    const late = evaluateTicket(facts({ deadlineState: 'finished', onTime: false, remaining: null }), rules);
    expect(late.map((w) => w.reason)).toEqual(['承办单位：兴隆台区；超过办理时限（2026-11-30 23:59）办结']);
  });

  it('warns of a missed sign-for time', () => {
    expect(evaluateTicket(facts({ signOverdue: true }), rules)).toEqual([
      {
        rule: 'hotline_unsigned',
        level: 'yellow',
        reason: '承办单位：兴隆台区；超过签收时限（2026-11-03 10:00）未按时签收',
      },
    ]);
  });

  it('leaves tickets at the centre and disabled rules alone', () => {
    expect(hits(facts({ unitName: null, deadlineState: 'overdue', signOverdue: true }))).toEqual([]);
    const off = rules.map((r) => (r.code === 'hotline_overdue' ? { ...r, enabled: false } : r));
    expect(hits(facts({ deadlineState: 'overdue' }), off)).toEqual(['hotline_near:yellow']);
  });
});
