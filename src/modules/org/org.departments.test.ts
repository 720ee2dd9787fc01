import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/auth';
import { coveredDepartmentCodes, isDepartmentBound } from './org.departments';

const actor = (roles: Role[], departmentId: string | null) =>
  ({
    roles,
    scope: { regionCode: '211100', regionPrefix: '2111', departmentId, hallId: null, windowId: null },
  }) as Pick<Actor, 'roles' | 'scope'>;

describe('isDepartmentBound', () => {
  it('binds approvers and chiefs that have a department', () => {
    expect(isDepartmentBound(actor(['approver'], 'd1'))).toBe(true);
    expect(isDepartmentBound(actor(['approver', 'chief'], 'd1'))).toBe(true);
  });
  it('does not bind without a department, with a cross-department role, or without roles', () => {
    expect(isDepartmentBound(actor(['approver'], null))).toBe(false);
    expect(isDepartmentBound(actor(['approver', 'clerk'], 'd1'))).toBe(false);
    expect(isDepartmentBound(actor(['chief', 'supervisor'], 'd1'))).toBe(false);
    expect(isDepartmentBound(actor([], 'd1'))).toBe(false);
  });
});

describe('coveredDepartmentCodes', () => {
  it('covers the department and, for an approval office, its parent', () => {
    expect(coveredDepartmentCodes({ code: 'PJ-XZSP' })).toEqual(['PJ-XZSP']);
    expect(coveredDepartmentCodes({ code: 'PJ-XZSP' }, { code: 'PJ' })).toEqual(['PJ-XZSP', 'PJ']);
  });
});
