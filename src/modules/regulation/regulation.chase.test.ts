import { describe, expect, it } from 'vitest';
import { isOverdue, shouldRemind } from './regulation.chase';

describe('推送催办', () => {
  const pushed = { status: 'pushed' as const, dueOn: '2026-11-20', remindedOn: null };
  it('is overdue only after the due day and only while unconfirmed', () => {
    expect(isOverdue(pushed, '2026-11-20')).toBe(false);
    expect(isOverdue(pushed, '2026-11-23')).toBe(true);
    expect(isOverdue({ ...pushed, status: 'received' }, '2026-11-23')).toBe(false);
    expect(isOverdue({ ...pushed, status: 'unassigned', dueOn: null }, '2026-11-23')).toBe(false);
  });
  it('reminds once per working day while overdue', () => {
    expect(shouldRemind(pushed, '2026-11-23', true)).toBe(true);
    expect(shouldRemind(pushed, '2026-11-22', false)).toBe(false);
    expect(shouldRemind({ ...pushed, remindedOn: '2026-11-23' }, '2026-11-23', true)).toBe(false);
    expect(shouldRemind({ ...pushed, remindedOn: '2026-11-21' }, '2026-11-23', true)).toBe(true);
    expect(shouldRemind({ ...pushed, status: 'returned' }, '2026-11-23', true)).toBe(false);
  });
});
