import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  availableActions,
  transition,
  type Performer,
  type TicketSnapshot,
  type TicketState,
} from './hotline.process';

const settings = { maxReopens: 2 };
const at = (state: TicketState, more: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  state,
  previousState: null,
  type: 'complaint',
  reopenCount: 0,
  ...more,
});
const ok = (snap: TicketSnapshot, action: string, who: Performer[], input = {}) => {
  const r = transition(snap, action, who, settings, input);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const names = (snap: TicketSnapshot, who: Performer[]) => availableActions(snap, who, settings).map((a) => a.action);

describe('transition: the happy path of a complaint', () => {
  it('walks 登记 → 派单 → 签收 → 答复 → 审核 → 回访 → 办结', () => {
    let s = at('registered');
    const steps: [string, Performer[], TicketState][] = [
      ['dispatch', ['operator'], 'dispatched'],
      ['sign', ['unit'], 'handling'],
      ['reply', ['unit'], 'replied'],
      ['review-pass', ['chief', 'operator'], 'callback'],
      ['callback', ['operator'], 'closed'],
    ];
    for (const [action, who, to] of steps) {
      const r = ok(s, action, who, { satisfaction: 'satisfied' });
      expect(r.to).toBe(to);
      expect(r.from).toBe(s.state);
      s = at(r.to);
    }
  });

  it('pauses the clock on reply and ends it when the reply passes review', () => {
    expect(ok(at('handling'), 'reply', ['unit']).clock).toBe('pause');
    expect(ok(at('replied'), 'review-pass', ['chief']).clock).toBe('end');
    expect(ok(at('replied'), 'review-return', ['chief']).clock).toBe('resume');
    expect(ok(at('replied'), 'review-return', ['chief']).to).toBe('handling');
  });
});

describe('transition: 直接答复', () => {
  it('closes a consultation at once and ends the clock', () => {
    const r = ok(at('registered', { type: 'consult' }), 'answer', ['operator']);
    expect(r.to).toBe('closed');
    expect(r.clock).toBe('end');
  });

  it('refuses it for any other type, naming the type it is for', () => {
    for (const type of ['help', 'complaint', 'report', 'suggestion', 'praise'] as const) {
      const r = transition(at('registered', { type }), 'answer', ['operator'], settings);
      expect(r).toMatchObject({ ok: false, code: 'type' });
      expect(!r.ok && r.message).toContain('咨询');
    }
  });

  it('is not offered once the ticket is dispatched', () => {
    expect(transition(at('dispatched', { type: 'consult' }), 'answer', ['operator'], settings)).toMatchObject({
      ok: false,
      code: 'state',
    });
  });
});

describe('transition: returns 退单', () => {
  it('remembers where the return came from, and a rejection goes back there', () => {
    for (const from of ['dispatched', 'handling'] as const) {
      const r = ok(at(from), 'return', ['unit']);
      expect(r.to).toBe('return_pending');
      expect(r.previousState).toBe(from);
      expect(r.clock).toBe('pause');
      const back = ok(at('return_pending', { previousState: from }), 'reject-return', ['chief']);
      expect(back.to).toBe(from);
      expect(back.clock).toBe('resume');
      expect(back.previousState).toBeNull();
    }
  });

  it('an accepted return goes back to the centre', () => {
    const r = ok(at('return_pending', { previousState: 'handling' }), 'accept-return', ['chief']);
    expect(r.to).toBe('registered');
    expect(r.clock).toBe('resume');
  });

  it('a rejection without a remembered state is refused, not guessed', () => {
    expect(transition(at('return_pending'), 'reject-return', ['chief'], settings)).toMatchObject({
      ok: false,
      code: 'state',
    });
  });

  it('only the centre chief decides a return', () => {
    const r = transition(
      at('return_pending', { previousState: 'handling' }),
      'accept-return',
      ['operator', 'unit'],
      settings,
    );
    expect(r).toMatchObject({ ok: false, code: 'role' });
    expect(!r.ok && r.message).toContain('热线中心');
  });
});

describe('transition: extensions 延期', () => {
  it('a request pauses; approval extends; refusal resumes; both back to handling', () => {
    expect(ok(at('handling'), 'request-extension', ['unit'])).toMatchObject({
      to: 'extension_pending',
      clock: 'pause',
    });
    expect(ok(at('extension_pending'), 'approve-extension', ['chief'])).toMatchObject({
      to: 'handling',
      clock: 'extend',
    });
    expect(ok(at('extension_pending'), 'refuse-extension', ['chief'])).toMatchObject({
      to: 'handling',
      clock: 'resume',
    });
  });

  it('cannot be asked before signing for the ticket', () => {
    expect(transition(at('dispatched'), 'request-extension', ['unit'], settings)).toMatchObject({ ok: false });
  });
});

describe('transition: 二次派单', () => {
  it('only a county holding the ticket re-dispatches it', () => {
    expect(ok(at('handling'), 'redispatch', ['unit', 'county']).to).toBe('dispatched');
    expect(transition(at('handling'), 'redispatch', ['unit'], settings)).toMatchObject({ ok: false, code: 'role' });
    expect(transition(at('dispatched'), 'redispatch', ['unit', 'county'], settings)).toMatchObject({
      ok: false,
      code: 'state',
    });
  });
});

describe('transition: callback and 重办', () => {
  it('satisfied or basically satisfied closes', () => {
    expect(ok(at('callback'), 'callback', ['operator'], { satisfaction: 'satisfied' }).to).toBe('closed');
    expect(ok(at('callback'), 'callback', ['operator'], { satisfaction: 'basically' }).to).toBe('closed');
  });

  it('unsatisfied reopens to handling with a fresh clock while reopens are left', () => {
    const r = ok(at('callback', { reopenCount: 1 }), 'callback', ['operator'], { satisfaction: 'unsatisfied' });
    expect(r).toMatchObject({ to: 'handling', reopened: true, clock: 'restart' });
  });

  it('unsatisfied at the limit closes, recorded as unsatisfied', () => {
    const r = ok(at('callback', { reopenCount: 2 }), 'callback', ['operator'], { satisfaction: 'unsatisfied' });
    expect(r).toMatchObject({ to: 'closed', reopened: false });
    const none = transition(
      at('callback'),
      'callback',
      ['operator'],
      { maxReopens: 0 },
      { satisfaction: 'unsatisfied' },
    );
    expect(none).toMatchObject({ ok: true, to: 'closed' });
  });

  it('demands the satisfaction', () => {
    expect(transition(at('callback'), 'callback', ['operator'], settings)).toMatchObject({ ok: false, code: 'input' });
  });
});

describe('transition: merging 并单', () => {
  it('merges a ticket not yet signed for and ends its own clock', () => {
    expect(ok(at('registered'), 'merge', ['operator'])).toMatchObject({ to: 'merged', clock: 'end' });
    expect(ok(at('dispatched'), 'merge', ['operator']).to).toBe('merged');
    expect(transition(at('handling'), 'merge', ['operator'], settings)).toMatchObject({ ok: false, code: 'state' });
  });
});

describe('transition: refusals', () => {
  it('an unknown action is named', () => {
    expect(transition(at('registered'), 'explode', ['chief'], settings)).toEqual({
      ok: false,
      code: 'unknown_action',
      message: '未知的操作「explode」',
    });
  });

  it('a state refusal names the state and the action in Chinese', () => {
    const r = transition(at('closed'), 'sign', ['unit'], settings);
    expect(r).toEqual({ ok: false, code: 'state', message: '工单当前为「已办结」，不能执行「签收」' });
  });

  it('nothing can be done to a closed or merged ticket', () => {
    const everyone: Performer[] = ['operator', 'chief', 'unit', 'county'];
    expect(names(at('closed'), everyone)).toEqual([]);
    expect(names(at('merged'), everyone)).toEqual([]);
  });

  it('a unit cannot dispatch, and the centre cannot sign', () => {
    expect(transition(at('registered'), 'dispatch', ['unit'], settings)).toMatchObject({ ok: false, code: 'role' });
    expect(transition(at('dispatched'), 'sign', ['operator', 'chief'], settings)).toMatchObject({
      ok: false,
      code: 'role',
    });
  });
});

describe('availableActions', () => {
  it('offers the operator answering only for consultations', () => {
    expect(names(at('registered', { type: 'consult' }), ['operator'])).toEqual(['answer', 'dispatch', 'merge']);
    expect(names(at('registered'), ['operator'])).toEqual(['dispatch', 'merge']);
  });

  it('offers a unit holding a ticket its own steps', () => {
    expect(names(at('dispatched'), ['unit'])).toEqual(['sign', 'return']);
    expect(names(at('handling'), ['unit'])).toEqual(['return', 'request-extension', 'reply']);
    expect(names(at('handling'), ['unit', 'county'])).toEqual(['redispatch', 'return', 'request-extension', 'reply']);
  });

  it('offers nothing to someone with no part in the ticket', () => {
    for (const s of ['registered', 'dispatched', 'handling', 'replied', 'callback'] as const)
      expect(names(at(s), [])).toEqual([]);
  });

  it('every action is reachable from some state by some performer', () => {
    for (const a of ACTIONS) {
      const snap = at(a.from[0]!, { type: a.types?.[0] ?? 'complaint', previousState: 'handling' });
      expect(transition(snap, a.action, a.performers, settings, { satisfaction: 'satisfied' }).ok, a.action).toBe(true);
    }
  });
});
