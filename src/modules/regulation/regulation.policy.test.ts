import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertAdmin, assertStaff, isAdminFor, isApprovingSide, isStaffOf } from './regulation.policy';

const regulator = actorWith([], { departmentId: 'scj' });

describe('regulation policy', () => {
  it('regulator staff are known by their department, whatever their role', () => {
    expect(isStaffOf(regulator, 'scj')).toBe(true);
    expect(isStaffOf(regulator, 'other')).toBe(false);
    expect(isStaffOf(regulator, null)).toBe(false);
    expect(isStaffOf(applicantActor(), null)).toBe(false);
  });

  it('only staff work here; administrators of the region maintain the configuration', () => {
    expect(() => assertStaff(regulator)).not.toThrow();
    expect(() => assertStaff(applicantActor())).toThrow('仅限工作人员');
    expect(() => assertAdmin(regulator)).toThrow('仅系统管理员可以维护监管配置');
    const countyAdmin = actorWith(['admin'], { regionPrefix: '211103' });
    expect(isAdminFor(countyAdmin, '211103001')).toBe(true);
    expect(isAdminFor(countyAdmin, '211100')).toBe(false);
  });

  it('the approving side follows pushes; window clerks do not', () => {
    expect(isApprovingSide(actorWith(['chief']))).toBe(true);
    expect(isApprovingSide(actorWith(['clerk']))).toBe(false);
  });
});
