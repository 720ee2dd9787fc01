import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/auth';
import { canOpenDevice, canRate, mayHandle, scopeFilterFor, visible, type RatingScopeFacts } from './ratings.policy';

const actor = (roles: Role[], scope: Partial<Actor['scope']> = {}, kind: Actor['kind'] = 'staff'): Actor => ({
  id: 'u1',
  username: 'u',
  name: 'U',
  kind,
  roles,
  scope: { regionCode: '211100', regionPrefix: '2111', departmentId: null, hallId: null, windowId: null, ...scope },
  sessionId: 's',
  csrfToken: 'c',
  viaCookie: false,
});
const rating: RatingScopeFacts = {
  departmentCode: 'PJ-SCJG',
  regionCode: '211100',
  acceptRegionCode: '211100',
  hallId: 'hall-city',
  ratedBy: 'u9',
};

describe('ratings data scope', () => {
  it('a supervisor sees its region subtree only', () => {
    expect(visible(scopeFilterFor(actor(['supervisor']), null, false), rating)).toBe(true);
    const county = actor(['supervisor'], { regionCode: '211103', regionPrefix: '211103' });
    expect(visible(scopeFilterFor(county, null, false), rating)).toBe(false);
    expect(visible(scopeFilterFor(county, null, false), { ...rating, acceptRegionCode: '211103001' })).toBe(true);
  });
  it('a department-bound approver sees its department only', () => {
    expect(visible(scopeFilterFor(actor(['approver']), ['PJ-SCJG-SPB', 'PJ-SCJG'], false), rating)).toBe(true);
    expect(visible(scopeFilterFor(actor(['approver']), ['PJ-GA'], false), rating)).toBe(false);
  });
  it('a clerk sees the ratings of its hall', () => {
    expect(visible(scopeFilterFor(actor(['clerk'], { hallId: 'hall-city' }), null, false), rating)).toBe(true);
    expect(visible(scopeFilterFor(actor(['clerk'], { hallId: 'hall-county' }), null, false), rating)).toBe(false);
  });
  it('an applicant sees only what they rated', () => {
    const a = { ...actor(['applicant'], {}, 'person'), id: 'u9' };
    expect(visible(scopeFilterFor(a, null, true), rating)).toBe(true);
    expect(visible(scopeFilterFor(a, null, false), rating)).toBe(false);
    expect(visible(scopeFilterFor({ ...a, id: 'u8' }, null, true), rating)).toBe(false);
  });
  it('only supervisors review invalid findings and decide appeals; departments appeal', () => {
    expect(mayHandle(actor(['supervisor']), 'review')).toBe(true);
    expect(mayHandle(actor(['approver']), 'review')).toBe(false);
    expect(mayHandle(actor(['approver']), 'appeal')).toBe(true);
    expect(mayHandle(actor(['supervisor']), 'appeal')).toBe(false);
    expect(mayHandle(actor(['clerk'], { hallId: 'h' }), 'callback')).toBe(true);
    expect(mayHandle(actor(['applicant'], {}, 'person'), 'check')).toBe(false);
  });
  it('applicants rate online; window clerks open the rating device', () => {
    expect(canRate(actor(['applicant'], {}, 'company'))).toBe(true);
    expect(canRate(actor(['clerk']))).toBe(false);
    expect(canRate(actor(['agent'], {}, 'person'))).toBe(false);
    expect(canOpenDevice(actor(['clerk'], { hallId: 'h' }))).toBe(true);
    expect(canOpenDevice(actor(['supervisor']))).toBe(false);
  });
});
