import { describe, expect, it } from 'vitest';
import { areaOf, homeFor, mayEnter, staffAreas, workbenchLinks } from './areas';
import type { Role } from './types';

const staff = (roles: Role[], departmentId: string | null = null) => ({
  kind: 'staff' as const,
  roles,
  scope: { departmentId },
});

describe('homeFor 登录后落地页', () => {
  it('sends a supervisor who handles no cases to the supervision overview', () => {
    expect(homeFor(staff(['supervisor']))).toBe('/supervision');
  });

  it('sends case handlers to the workbench, even when they also supervise', () => {
    expect(homeFor(staff(['clerk']))).toBe('/workbench');
    expect(homeFor(staff(['approver', 'chief']))).toBe('/workbench');
    expect(homeFor(staff(['agent']))).toBe('/workbench');
    expect(homeFor(staff(['supervisor', 'approver']))).toBe('/workbench');
  });

  it('sends administrators, applicants and inspectors to their own areas', () => {
    expect(homeFor(staff(['admin', 'supervisor']))).toBe('/admin');
    expect(homeFor({ kind: 'person', roles: ['applicant'] })).toBe('/my');
    expect(homeFor({ kind: 'company', roles: ['applicant'] })).toBe('/my');
    expect(homeFor(staff([], 'PJ-SCJG'))).toBe('/regulation');
  });

  it('sends hotline staff with no other role to the hotline', () => {
    expect(homeFor(staff(['operator']))).toBe('/hotline');
    expect(homeFor(staff(['hotline', 'operator']))).toBe('/hotline');
    expect(homeFor(staff(['handler']))).toBe('/hotline');
    expect(homeFor(staff(['handler', 'approver']))).toBe('/workbench');
  });
});

describe('areas 工作区', () => {
  it('lists the staff areas each person may switch between', () => {
    expect(staffAreas(staff(['supervisor']))).toEqual(['workbench', 'supervision', 'regulation']);
    expect(staffAreas(staff(['clerk']))).toEqual(['workbench', 'supervision', 'regulation']);
    expect(staffAreas(staff(['agent']))).toEqual(['workbench', 'regulation']);
    expect(staffAreas(staff(['admin']))).toEqual(['workbench', 'supervision', 'regulation', 'admin']);
    expect(staffAreas(staff([]))).toEqual(['regulation']);
    expect(staffAreas(staff(['operator']))).toEqual(['hotline', 'regulation']);
    expect(staffAreas(staff(['handler', 'clerk']))).toEqual(['workbench', 'supervision', 'hotline', 'regulation']);
    expect(staffAreas({ kind: 'person', roles: ['applicant'] })).toEqual([]);
  });

  it('keeps applicants out of staff areas and staff out of the personal space', () => {
    expect(mayEnter({ kind: 'person', roles: ['applicant'] }, 'workbench')).toBe(false);
    expect(mayEnter({ kind: 'person', roles: ['applicant'] }, 'my')).toBe(true);
    expect(mayEnter(staff(['clerk']), 'my')).toBe(false);
    expect(mayEnter(staff(['clerk']), 'admin')).toBe(false);
    expect(mayEnter(staff(['clerk']), 'hotline')).toBe(false);
    expect(mayEnter(staff(['hotline']), 'workbench')).toBe(false);
  });

  it('tells which area a path belongs to', () => {
    expect(areaOf('/workbench/cases/1')).toBe('workbench');
    expect(areaOf('/supervision')).toBe('supervision');
    expect(areaOf('/hotline/tickets/1')).toBe('hotline');
    expect(areaOf('/my/cases')).toBe('my');
    expect(areaOf('/items/x')).toBe('portal');
    expect(areaOf('/')).toBe('portal');
  });
});

describe('workbenchLinks 工作台快捷入口', () => {
  it('gives a window clerk the identity check and issuing, an agent none of the unit shortcuts', () => {
    expect(workbenchLinks(staff(['clerk']))).toEqual(['promises', 'rectifications', 'issuing', 'identity', 'appeals']);
    expect(workbenchLinks(staff(['agent']))).toEqual([]);
  });

  it('gives department tasks only to staff of a department, and no window shortcuts to a supervisor', () => {
    expect(workbenchLinks(staff(['approver'], 'PJ-XZSP'))).toEqual(['promises', 'rectifications', 'tasks', 'appeals']);
    expect(workbenchLinks(staff(['supervisor']))).not.toContain('identity');
  });
});
