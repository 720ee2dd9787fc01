import { describe, expect, it } from 'vitest';
import { applicationStatus } from './bundles.tracking';

describe('applicationStatus', () => {
  it('is completed only when every linked case is finished', () => {
    expect(applicationStatus(true, [true, true, true])).toBe('completed');
    expect(applicationStatus(true, [true, false, true])).toBe('in_progress');
    expect(applicationStatus(false, [false, false])).toBe('draft');
    expect(applicationStatus(true, [])).toBe('in_progress');
  });
});
