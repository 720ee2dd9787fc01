import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertIssues, canSeeStats } from './issuing.policy';

describe('issuing policy', () => {
  it('only window clerks work the exit counter', () => {
    expect(() => assertIssues(actorWith(['clerk']))).not.toThrow();
    expect(() => assertIssues(actorWith(['supervisor']))).toThrow('统一制发证仅限窗口人员办理');
    expect(() => assertIssues(actorWith(['approver', 'chief']))).toThrow();
  });

  it('delivery statistics are also for supervisors and admins', () => {
    expect(canSeeStats(actorWith(['supervisor']))).toBe(true);
    expect(canSeeStats(actorWith(['admin']))).toBe(true);
    expect(canSeeStats(actorWith(['clerk']))).toBe(true);
    expect(canSeeStats(actorWith(['approver']))).toBe(false);
    expect(canSeeStats(applicantActor())).toBe(false);
  });
});
