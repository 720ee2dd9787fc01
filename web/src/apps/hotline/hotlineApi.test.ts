import { describe, expect, it } from 'vitest';
import { rowDeadline } from './hotlineApi';

const now = Date.parse('2026-12-08T10:00:00+08:00');
const row = (
  state: Parameters<typeof rowDeadline>[0]['state'],
  dueAt: string | null,
  createdAt = '2026-12-01T10:00:00+08:00',
) => ({
  state,
  dueAt,
  createdAt,
});

describe('rowDeadline 列表时限', () => {
  it('counts the clock ended once the reply passed review, and paused while the centre decides', () => {
    expect(rowDeadline(row('callback', '2026-12-20T23:59:59+08:00'), now)).toBe('finished');
    expect(rowDeadline(row('closed', null), now)).toBe('finished');
    expect(rowDeadline(row('merged', null), now)).toBe('finished');
    expect(rowDeadline(row('return_pending', null), now)).toBe('paused');
    expect(rowDeadline(row('replied', null), now)).toBe('paused');
  });

  it('is overdue past the due instant, near in the last fifth of the time, else normal', () => {
    expect(rowDeadline(row('handling', '2026-12-08T09:00:00+08:00'), now)).toBe('overdue');
    // Eleven days from registration to the due instant: near within the last 2.2 days.
    expect(rowDeadline(row('handling', '2026-12-12T10:00:00+08:00'), now)).toBe('normal');
    expect(rowDeadline(row('dispatched', '2026-12-09T10:00:00+08:00', '2026-11-28T10:00:00+08:00'), now)).toBe('near');
  });
});
