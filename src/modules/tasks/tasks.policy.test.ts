import { describe, expect, it } from 'vitest';
import type { Role } from '../../platform/auth';
import { assertAssigns, canSeeTasks, measureAccess, taskReach } from './tasks.policy';
import { actorWith } from '../../../test/actors';

const measure = { lead_department_code: 'A', co_lead_department_codes: ['B'], assisting_department_codes: ['C'] };

describe('tasks policy', () => {
  it('supervisors reach tasks by region, department staff by department, others not at all', () => {
    expect(taskReach(actorWith(['supervisor']))).toBe('region');
    expect(taskReach(actorWith(['admin']))).toBe('region');
    expect(taskReach(actorWith(['approver'], { departmentId: 'd1' }))).toBe('department');
    expect(taskReach(actorWith([], { departmentId: 'd1' }))).toBe('department');
    expect(taskReach(actorWith(['clerk']))).toBeNull();
    expect(canSeeTasks(actorWith(['applicant'], { kind: 'person', departmentId: 'd1' }))).toBe(false);
  });

  it('only supervisors assign', () => {
    expect(() => assertAssigns(actorWith(['supervisor']))).not.toThrow();
    expect(() => assertAssigns(actorWith(['chief'] as Role[], { departmentId: 'd1' }))).toThrow(/仅督查人员/);
  });

  it('departments report when involved and complete only when leading', () => {
    expect(measureAccess(measure, 'A', true)).toBe('act');
    expect(measureAccess(measure, 'B', true)).toBe('act');
    expect(measureAccess(measure, 'C', false)).toBe('act');
    expect(measureAccess(measure, 'C', true)).toBe('not-lead');
    expect(measureAccess(measure, 'D', false)).toBe('hidden');
  });
});
