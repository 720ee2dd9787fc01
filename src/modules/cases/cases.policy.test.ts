import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/auth';
import { Problem } from '../../platform/errors';
import {
  assertEditsDraft,
  assertFiles,
  assertSupplies,
  caseAccess,
  filingAs,
  handoverRoles,
  isOwner,
  isWindowClerkOf,
  performersFor,
  standsInNoLonger,
  type CaseFacts,
} from './cases.policy';

const staff = (id: string, roles: Role[], regionPrefix: string, departmentId: string | null = null): Actor => ({
  id,
  username: id,
  name: id,
  kind: 'staff',
  roles,
  scope: { regionCode: regionPrefix.padEnd(6, '0'), regionPrefix, departmentId, hallId: null, windowId: null },
  sessionId: 's',
  csrfToken: 'c',
  viaCookie: false,
});
const applicant = (id: string): Actor => ({ ...staff(id, ['applicant'], '-'), kind: 'person' });

const clerkCity = staff('clerk-city', ['clerk'], '2111');
const clerkCounty = staff('clerk-county', ['clerk'], '211103');
const clerkTown = staff('clerk-town', ['clerk'], '211103001');
const approverCity = staff('approver-city', ['approver'], '2111', 'dept-xzsp');
const supervisor = staff('supervisor', ['supervisor'], '2111');
const agent = staff('agent', ['agent'], '2111');
const zhang = applicant('zhang');
const other = applicant('other');

const cityCase: CaseFacts = {
  regionCode: '211100',
  acceptRegionCode: '211100',
  departmentCode: 'PJ-XZSP',
  applicantId: 'zhang',
  createdBy: 'zhang',
  submitted: true,
};

describe('case scope', () => {
  it('city staff act on city cases; county staff do not see them', () => {
    expect(caseAccess(clerkCity, cityCase, null)).toBe('act');
    expect(caseAccess(clerkCounty, cityCase, null)).toBe('none');
    expect(caseAccess(supervisor, cityCase, null)).toBe('act');
    expect(performersFor(supervisor, cityCase, null)).toEqual(['supervisor']); // no standard action is theirs
    expect(performersFor(clerkCity, cityCase, null)).toEqual(['clerk']);
  });

  it('department-bound approvers see their department only', () => {
    expect(caseAccess(approverCity, cityCase, ['PJ-XZSP'])).toBe('act');
    expect(caseAccess(approverCity, { ...cityCase, departmentCode: 'PJ-MZ' }, ['PJ-XZSP'])).toBe('none');
    expect(caseAccess(approverCity, { ...cityCase, departmentCode: 'PJ-SCJG' }, ['PJ-SCJG-SPB', 'PJ-SCJG'])).toBe(
      'act',
    );
  });

  it('the accepting town hall follows a case it reported up, read-only', () => {
    const reported = { ...cityCase, acceptRegionCode: '211103001000', applicantId: null, createdBy: 'clerk-town' };
    expect(caseAccess(clerkTown, reported, null)).toBe('act'); // as the filer of a paper case without an account
    // …but no longer stands in for the applicant once the case is held above the town (no withdrawal)
    expect(performersFor(clerkTown, reported, null)).toEqual([]);
    const linked = { ...reported, applicantId: 'zhang' };
    expect(caseAccess(clerkTown, linked, null)).toBe('view');
    expect(performersFor(clerkTown, linked, null)).toEqual([]);
    expect(caseAccess(staff('clerk-town-2', ['clerk'], '211103001'), linked, null)).toBe('view');
    expect(caseAccess(staff('clerk-other-town', ['clerk'], '211103002'), linked, null)).toBe('none');
  });

  it('applicants see only their own cases; agents the cases they filed', () => {
    expect(caseAccess(zhang, cityCase, null)).toBe('act');
    expect(performersFor(zhang, cityCase, null)).toEqual(['owner']);
    expect(caseAccess(other, cityCase, null)).toBe('none');
    expect(caseAccess(agent, cityCase, null)).toBe('none');
    const filed = { ...cityCase, applicantId: 'company', createdBy: 'agent' };
    expect(isOwner(agent, filed)).toBe(true);
    expect(caseAccess(agent, filed, null)).toBe('act');
  });

  it('a draft never submitted stays private to its creator and applicant', () => {
    const draft = { ...cityCase, submitted: false };
    expect(caseAccess(clerkCity, draft, null)).toBe('none');
    expect(caseAccess(supervisor, draft, null)).toBe('none');
    expect(caseAccess(zhang, draft, null)).toBe('act');
    const windowDraft = { ...draft, applicantId: 'zhang', createdBy: 'clerk-city' };
    expect(caseAccess(clerkCity, windowDraft, null)).toBe('act');
    expect(performersFor(clerkCity, windowDraft, null)).toEqual(['clerk']);
  });
});

describe('a clerk standing in for an applicant', () => {
  // a paper case the town registered for an applicant without an account, decided by the county
  const paperCase: CaseFacts = {
    regionCode: '211103',
    acceptRegionCode: '211103001000',
    departmentCode: 'XLT-MZ',
    applicantId: null,
    createdBy: 'clerk-town',
    submitted: true,
    currentRegionCode: '211103001000',
    currentLevel: 'town',
  };
  const reportedUp: CaseFacts = { ...paperCase, currentRegionCode: '211103', currentLevel: 'county' };

  it('acts as its owner while the case is held at the clerk’s level, no longer once reported up', () => {
    expect(standsInNoLonger(clerkTown, paperCase)).toBe(false);
    expect(performersFor(clerkTown, paperCase, null)).toContain('owner');
    expect(standsInNoLonger(clerkTown, reportedUp)).toBe(true);
    expect(performersFor(clerkTown, reportedUp, null)).not.toContain('owner');
    // the applicant's own account is never cut off
    expect(standsInNoLonger(zhang, { ...reportedUp, applicantId: 'zhang', createdBy: 'zhang' })).toBe(false);
  });
});

const status403 = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof Problem ? `${err.status} ${err.detail}` : String(err);
  }
  return 'allowed';
};

describe('who may do what with a case', () => {
  it('files: online for oneself, at a window as a clerk, for a client as an agent; no one else', () => {
    expect(filingAs(zhang)).toBe('self');
    expect(filingAs(clerkCity)).toBe('window');
    expect(filingAs(agent)).toBe('agent');
    expect(status403(() => assertFiles(supervisor))).toBe('403 当前角色不能提交申请');
    expect(status403(() => filingAs(staff('x', ['applicant'], '2111')))).toBe(
      '403 只有申请人、窗口人员和代办员可以提交申请',
    );
    expect(status403(() => filingAs({ ...zhang, roles: ['clerk'] }))).toBe('403 只有申请人可以网上申请');
  });

  it('changes a draft: the applicant or whoever registered it', () => {
    expect(status403(() => assertEditsDraft(zhang, cityCase, ['owner']))).toBe('allowed');
    expect(status403(() => assertEditsDraft(clerkCity, { createdBy: 'clerk-city' }, []))).toBe('allowed');
    expect(status403(() => assertEditsDraft(clerkCity, cityCase, ['clerk']))).toBe(
      '403 只有申请人或登记该办件的窗口人员可以修改草稿',
    );
  });

  it('supplies a promised material: the applicant, or a clerk of the accepting or holding region', () => {
    const held = { ...cityCase, acceptRegionCode: '211103', currentRegionCode: '211100' };
    expect(isWindowClerkOf(clerkCounty, held)).toBe(true); // accepted in the county
    expect(isWindowClerkOf(clerkCity, held)).toBe(true); // held by the city
    expect(isWindowClerkOf(clerkCounty, cityCase)).toBe(false);
    expect(isWindowClerkOf(approverCity, cityCase)).toBe(false); // not a window
    expect(status403(() => assertSupplies(zhang, cityCase, ['owner']))).toBe('allowed');
    expect(status403(() => assertSupplies(other, cityCase, []))).toBe(
      '403 只有申请人或受理、承办窗口人员可以补交容缺材料',
    );
  });

  it('hands a case over (上报/退回): only in the staff roles the holder acts in', () => {
    expect(handoverRoles(['owner', 'clerk', 'supervisor'])).toEqual(['clerk']);
    expect(handoverRoles(['owner'])).toEqual([]);
  });
});
