import { describe, expect, it } from 'vitest';
import { isSignOverdue, shanghaiMinute, signOverdueNote, wasSignedLate } from './hotline.signing';

const due = new Date('2026-11-03T02:00:00Z'); // 10:00 in Shanghai
const before = new Date('2026-11-03T01:59:00Z');
const after = new Date('2026-11-03T02:01:00Z');

describe('sign-for 签收时限', () => {
  it('is overdue only while dispatched and unsigned past the time', () => {
    const t = { state: 'dispatched', signed_at: null, sign_due_at: due };
    expect(isSignOverdue(t, before)).toBe(false);
    expect(isSignOverdue(t, due)).toBe(false);
    expect(isSignOverdue(t, after)).toBe(true);
    expect(isSignOverdue({ ...t, state: 'handling', signed_at: after }, after)).toBe(false);
    expect(isSignOverdue({ ...t, state: 'registered', sign_due_at: null }, after)).toBe(false);
    expect(isSignOverdue({ ...t, state: 'return_pending' }, after)).toBe(false);
  });

  it('tells a late signature', () => {
    expect(wasSignedLate({ state: 'handling', signed_at: after, sign_due_at: due })).toBe(true);
    expect(wasSignedLate({ state: 'handling', signed_at: before, sign_due_at: due })).toBe(false);
    expect(wasSignedLate({ state: 'dispatched', signed_at: null, sign_due_at: due })).toBe(false);
  });

  it('writes the instant in Shanghai time', () => {
    expect(shanghaiMinute(due)).toBe('2026-11-03 10:00');
    expect(signOverdueNote('兴隆台区', due)).toBe('兴隆台区超过签收时限（2026-11-03 10:00）未签收');
  });
});
