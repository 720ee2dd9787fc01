import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertEditsRules, canExplainWarnings, canSeeFigures, canWatch, warningReach } from './supervision.policy';

const supervisor = actorWith(['supervisor']);
const countySupervisor = actorWith(['supervisor'], { regionPrefix: '211103' });
const approver = actorWith(['approver'], { departmentId: 'd1' });
const clerk = actorWith(['clerk'], { hallId: 'h1' });

describe('supervision policy', () => {
  it('warnings are narrowed by role: region, department, hall; none for applicants and agents', () => {
    expect(warningReach(supervisor)).toBe('region');
    expect(warningReach(actorWith(['admin']))).toBe('region');
    expect(warningReach(approver)).toBe('department');
    expect(warningReach(actorWith(['chief', 'clerk']))).toBe('department');
    expect(warningReach(clerk)).toBe('hall');
    expect(warningReach(actorWith(['agent']))).toBeNull();
    expect(warningReach(applicantActor())).toBeNull();
  });

  it('the responsible unit explains, supervisors decide, only city-level ones edit the rules', () => {
    expect(canExplainWarnings(clerk)).toBe(true);
    expect(canExplainWarnings(supervisor)).toBe(false);
    expect(canWatch(supervisor)).toBe(true);
    expect(canWatch(approver)).toBe(false);
    expect(() => assertEditsRules(supervisor)).not.toThrow();
    expect(() => assertEditsRules(countySupervisor)).toThrow('只有市级效能监察员可以修改预警规则');
  });

  it('figures are for supervisors and the approving side, not for window clerks', () => {
    expect(canSeeFigures(approver)).toBe(true);
    expect(canSeeFigures(countySupervisor)).toBe(true);
    expect(canSeeFigures(clerk)).toBe(false);
  });
});
