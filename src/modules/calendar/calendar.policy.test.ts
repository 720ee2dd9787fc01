import { describe, expect, it } from 'vitest';
import { actorWith } from '../../../test/actors';
import { assertEditsCalendar } from './calendar.policy';

describe('calendar policy', () => {
  it('only administrators change the calendar', () => {
    expect(() => assertEditsCalendar(actorWith(['admin']))).not.toThrow();
    expect(() => assertEditsCalendar(actorWith(['supervisor', 'chief']))).toThrow('仅系统管理员可以维护工作日历');
  });
});
