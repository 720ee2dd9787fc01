import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertSeesScores, canEditRules, canReport, canSeeScores } from './assessment.policy';

describe('assessment policy', () => {
  it('scores are for supervisors, admins and the approving side', () => {
    expect(canSeeScores(actorWith(['supervisor']))).toBe(true);
    expect(canSeeScores(actorWith(['chief'], { departmentId: 'd1' }))).toBe(true);
    expect(canSeeScores(actorWith(['clerk']))).toBe(false);
    expect(() => assertSeesScores(applicantActor())).toThrow('只有效能监察员和部门负责人员可以查看考核');
  });

  it('the scoring rules are changed by admins and city-level supervisors only', () => {
    expect(canEditRules(actorWith(['admin'], { regionPrefix: '211103' }))).toBe(true);
    expect(canEditRules(actorWith(['supervisor']))).toBe(true);
    expect(canEditRules(actorWith(['supervisor'], { regionPrefix: '211103' }))).toBe(false);
    expect(canEditRules(actorWith(['chief']))).toBe(false);
  });

  it('bulletins are the supervisors’', () => {
    expect(canReport(actorWith(['supervisor'], { regionPrefix: '211103' }))).toBe(true);
    expect(canReport(actorWith(['approver']))).toBe(false);
  });
});
