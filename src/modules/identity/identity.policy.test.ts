import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertManagesStaff, canReadStaff, canVerifyAtWindow, isStaffInScope } from './identity.policy';

const countyAdmin = actorWith(['admin'], { regionPrefix: '211103' });

describe('identity policy', () => {
  it('administrators manage staff; supervisors only read the roster', () => {
    expect(() => assertManagesStaff(countyAdmin)).not.toThrow();
    expect(() => assertManagesStaff(actorWith(['supervisor']))).toThrow('仅系统管理员');
    expect(canReadStaff(actorWith(['supervisor']))).toBe(true);
    expect(canReadStaff(actorWith(['clerk']))).toBe(false);
  });

  it('a staff member is managed only inside the region subtree; applicants are never staff', () => {
    expect(isStaffInScope(countyAdmin, { kind: 'staff', region_code: '211103001' })).toBe(true);
    expect(isStaffInScope(countyAdmin, { kind: 'staff', region_code: '211100' })).toBe(false);
    expect(isStaffInScope(countyAdmin, { kind: 'staff', region_code: null })).toBe(false);
    expect(isStaffInScope(countyAdmin, { kind: 'person', region_code: '211103' })).toBe(false);
  });

  it('window clerks verify identity documents', () => {
    expect(canVerifyAtWindow(actorWith(['clerk']))).toBe(true);
    expect(canVerifyAtWindow(applicantActor())).toBe(false);
  });
});
