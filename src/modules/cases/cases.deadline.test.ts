import { describe, expect, it } from 'vitest';
import { isOverdueOn, storedDeadlineState, type StoredClock } from './cases.deadline';

const running = (near_on: string | null, overdue_on: string | null): StoredClock => ({
  clock_phase: 'running',
  near_on,
  overdue_on,
});

describe('deadline state from the stored clock', () => {
  it('a running case is on time, then near from near_on, then overdue from overdue_on', () => {
    const row = running('2026-11-25', '2026-11-30');
    expect(storedDeadlineState(row, '2026-11-24')).toBe('on_time');
    expect(storedDeadlineState(row, '2026-11-25')).toBe('near');
    expect(storedDeadlineState(row, '2026-11-29')).toBe('near');
    expect(storedDeadlineState(row, '2026-11-30')).toBe('overdue');
    expect(isOverdueOn(row, '2026-11-29')).toBe(false);
    expect(isOverdueOn(row, '2026-11-30')).toBe(true);
  });

  it('a running case without a promised deadline is on time', () => {
    expect(storedDeadlineState(running(null, null), '2030-01-01')).toBe('on_time');
    expect(isOverdueOn(running(null, null), '2030-01-01')).toBe(false);
  });

  it('a clock that does not run has a fixed state, whatever the dates', () => {
    const late = { near_on: '2026-01-01', overdue_on: '2026-01-02' };
    expect(storedDeadlineState({ clock_phase: 'not_started', ...late }, '2026-12-01')).toBe('not_started');
    expect(storedDeadlineState({ clock_phase: 'finished', ...late }, '2026-12-01')).toBe('finished');
    expect(storedDeadlineState({ clock_phase: 'suspended', ...late }, '2026-12-01')).toBe('suspended');
    expect(
      storedDeadlineState({ clock_phase: 'suspended_overdue', near_on: null, overdue_on: null }, '2026-01-01'),
    ).toBe('overdue');
    expect(isOverdueOn({ clock_phase: 'finished', ...late }, '2026-12-01')).toBe(false);
    expect(isOverdueOn({ clock_phase: 'suspended', ...late }, '2026-12-01')).toBe(false);
  });
});
