import { describe, expect, it } from 'vitest';
import { termEnd } from './cases.outputs';

describe('certificate term', () => {
  it('ends the day before the anniversary', () => {
    expect(termEnd('2026-11-23', 5)).toBe('2031-11-22');
    expect(termEnd('2026-01-01', 1)).toBe('2026-12-31');
    expect(termEnd('2024-02-29', 1)).toBe('2025-02-28');
    expect(termEnd('2024-03-01', 4)).toBe('2028-02-29');
  });
});
