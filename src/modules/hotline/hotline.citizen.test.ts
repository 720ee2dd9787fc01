import { describe, expect, it } from 'vitest';
import { canEvaluate, CITIZEN_STATUS, publicHistory, replyVisible } from './hotline.citizen';
import { availableActions, TICKET_STATES, transition, type TicketState } from './hotline.process';

const at = new Date('2026-11-02T02:00:00Z');
const ev = (action: string, more: { unit_name?: string; data?: unknown } = {}) => ({
  action,
  unit_name: more.unit_name ?? null,
  data: more.data ?? {},
  at,
});

describe('what a citizen sees', () => {
  it('has plain words for every state', () => {
    for (const s of TICKET_STATES) expect(CITIZEN_STATUS[s]).toBeTruthy();
  });

  it('shows the public steps only, without the centre’s internal ones', () => {
    const steps = publicHistory([
      ev('register'),
      ev('dispatch', { unit_name: '兴隆台区' }),
      ev('return'),
      ev('reject-return'),
      ev('sign'),
      ev('reply'),
      ev('review-return'),
      ev('review-pass'),
      ev('callback', { data: { satisfaction: 'unsatisfied', reopened: true } }),
      ev('callback', { data: { satisfaction: 'basically', reopened: false } }),
    ]).map((s) => s.text);
    expect(steps).toEqual([
      '诉求已受理',
      '已转交兴隆台区办理',
      '承办单位已签收',
      '承办单位已答复',
      '评价：不满意，已退回承办单位重新办理',
      '评价：基本满意',
    ]);
  });

  it('sees the reply once passed, and evaluates while the callback awaits', () => {
    expect(replyVisible('replied')).toBe(false);
    expect(replyVisible('handling')).toBe(false);
    expect(replyVisible('callback')).toBe(true);
    expect(replyVisible('closed')).toBe(true);
    expect(canEvaluate('callback')).toBe(true);
    expect(canEvaluate('closed')).toBe(false);
  });
});

describe('the filer in the process', () => {
  const at = (state: TicketState) => ({ state, previousState: null, type: 'help' as const, reopenCount: 0 });
  const settings = { maxReopens: 2 };

  it('may give the callback, and an unsatisfied one reopens as the operator’s would', () => {
    const r = transition(at('callback'), 'callback', ['filer'], settings, { satisfaction: 'unsatisfied' });
    expect(r).toMatchObject({ ok: true, to: 'handling', reopened: true, clock: 'restart' });
    expect(transition(at('callback'), 'callback', ['filer'], settings, { satisfaction: 'basically' })).toMatchObject({
      ok: true,
      to: 'closed',
    });
  });

  it('takes no other step', () => {
    for (const s of TICKET_STATES) {
      const names = availableActions(at(s), ['filer'], settings).map((a) => a.action);
      expect(names).toEqual(s === 'callback' ? ['callback'] : []);
    }
    expect(transition(at('handling'), 'reply', ['filer'], settings)).toMatchObject({ ok: false, code: 'role' });
  });
});
