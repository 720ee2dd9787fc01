import { describe, expect, it } from 'vitest';
import { availableActions, inputOf, recordOf, step, type RectificationState } from './ratings.rectification';

const at = (
  status: RectificationState['status'],
  deadline: string | null = null,
  extended = false,
): RectificationState => ({ status, deadline, extended });

describe('rectification state machine 差评整改', () => {
  it('a valid bad rating starts rectification with a deadline', () => {
    expect(step(at('pending_check'), { action: 'check', valid: true })).toEqual({
      ok: true,
      status: 'rectifying',
      deadline: 'start',
    });
  });
  it('an invalid one waits for review; the review confirms or sends it to rectification', () => {
    expect(step(at('pending_check'), { action: 'check', valid: false })).toEqual({
      ok: true,
      status: 'invalid_review',
      deadline: null,
    });
    expect(step(at('invalid_review'), { action: 'review', confirmInvalid: true })).toMatchObject({
      ok: true,
      status: 'closed_invalid',
    });
    expect(step(at('invalid_review'), { action: 'review', confirmInvalid: false })).toMatchObject({
      ok: true,
      status: 'rectifying',
      deadline: 'start',
    });
    expect(step(at('rectifying', '2026-12-01'), { action: 'review', confirmInvalid: true }).ok).toBe(false);
  });
  it('cannot be checked twice', () => {
    expect(step(at('rectifying', '2026-12-01'), { action: 'check', valid: true }).ok).toBe(false);
  });
  it('allows one extension, before the deadline only', () => {
    expect(step(at('rectifying', '2026-12-01'), { action: 'extend', today: '2026-11-30' })).toEqual({
      ok: true,
      status: 'rectifying',
      deadline: 'extend',
    });
    expect(step(at('rectifying', '2026-12-01', true), { action: 'extend', today: '2026-11-30' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('一次'),
    });
    expect(step(at('rectifying', '2026-12-01'), { action: 'extend', today: '2026-12-02' }).ok).toBe(false);
    expect(step(at('overdue', '2026-12-01'), { action: 'extend', today: '2026-12-02' }).ok).toBe(false);
  });
  it('becomes overdue only after the deadline day', () => {
    expect(step(at('rectifying', '2026-12-01'), { action: 'overdue', today: '2026-12-01' }).ok).toBe(false);
    expect(step(at('rectifying', '2026-12-01'), { action: 'overdue', today: '2026-12-02' })).toMatchObject({
      ok: true,
      status: 'overdue',
    });
    expect(step(at('closed', '2026-12-01'), { action: 'overdue', today: '2026-12-02' }).ok).toBe(false);
  });
  it('closes by a callback, also when late; not before the check', () => {
    expect(step(at('rectifying', '2026-12-01'), { action: 'callback' })).toMatchObject({ ok: true, status: 'closed' });
    expect(step(at('overdue', '2026-12-01'), { action: 'callback' })).toMatchObject({ ok: true, status: 'closed' });
    expect(step(at('pending_check'), { action: 'callback' }).ok).toBe(false);
    expect(step(at('closed'), { action: 'callback' }).ok).toBe(false);
  });
  it('an upheld appeal closes any open rectification as invalid', () => {
    for (const s of ['pending_check', 'invalid_review', 'rectifying', 'overdue'] as const)
      expect(step(at(s, '2026-12-01'), { action: 'appeal_upheld' })).toMatchObject({
        ok: true,
        status: 'closed_invalid',
      });
    expect(step(at('closed'), { action: 'appeal_upheld' }).ok).toBe(false);
  });
  it('lists the actions available in a state', () => {
    expect(availableActions(at('pending_check'), '2026-11-30')).toEqual(['check']);
    expect(availableActions(at('rectifying', '2026-12-01'), '2026-11-30')).toEqual(['extend', 'callback']);
    expect(availableActions(at('rectifying', '2026-12-01', true), '2026-11-30')).toEqual(['callback']);
    expect(availableActions(at('closed'), '2026-11-30')).toEqual([]);
  });
});

describe('what a staff step records', () => {
  const by = { id: 'u1', name: '张三' };
  const now = new Date('2026-11-30T02:00:00Z');
  it('feeds the state machine the step the staff member sent', () => {
    expect(inputOf({ action: 'check', version: 1, valid: false, reason: '误评' }, '2026-11-30')).toEqual({
      action: 'check',
      valid: false,
    });
    expect(inputOf({ action: 'extend', version: 2, reason: '材料未齐' }, '2026-11-30')).toEqual({
      action: 'extend',
      today: '2026-11-30',
    });
  });
  it('records who checked and why, an empty reason as none', () => {
    expect(recordOf({ action: 'check', version: 1, valid: true, reason: '' }, by, now)).toEqual({
      check_valid: true,
      check_reason: null,
      checked_by: 'u1',
      checked_by_name: '张三',
      checked_at: now,
    });
  });
  it('closes the rectification on a confirmed review and on the callback, not on a rejected review', () => {
    expect(recordOf({ action: 'review', version: 1, confirmInvalid: true }, by, now)).toMatchObject({ closed_at: now });
    expect(recordOf({ action: 'review', version: 1, confirmInvalid: false }, by, now)).not.toHaveProperty('closed_at');
    expect(
      recordOf({ action: 'callback', version: 3, method: '电话', result: '已解决', applicantSatisfied: true }, by, now),
    ).toMatchObject({ closed_at: now, measures: null, applicant_satisfied: true, callback_by_name: '张三' });
  });
  it('marks an extension as the one allowed, with its reason', () => {
    expect(recordOf({ action: 'extend', version: 2, reason: '材料未齐', days: 3 }, by, now)).toEqual({
      extended: true,
      extension_reason: '材料未齐',
    });
  });
});
