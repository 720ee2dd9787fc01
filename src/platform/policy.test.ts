import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../test/actors';
import { anyRole, checkAccess, guard, isCityWide } from './policy';
import type { Problem } from './errors';

const statusOf = (f: () => void): number | 'ok' => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as Problem).status;
  }
};

describe('route access', () => {
  const admin = actorWith(['admin']);
  const clerk = actorWith(['clerk']);

  it('public lets anyone through; everything else needs a sign-in (401)', () => {
    expect(statusOf(() => checkAccess('public', null))).toBe('ok');
    expect(statusOf(() => checkAccess('signedIn', null))).toBe(401);
    expect(statusOf(() => checkAccess(['admin'], null))).toBe(401);
    expect(statusOf(() => checkAccess(guard(anyRole('admin')), null))).toBe(401);
  });

  it('a role list or a guard refuses other roles with 403', () => {
    expect(statusOf(() => checkAccess('signedIn', applicantActor()))).toBe('ok');
    expect(statusOf(() => checkAccess(['admin', 'supervisor'], admin))).toBe('ok');
    expect(statusOf(() => checkAccess(['admin', 'supervisor'], clerk))).toBe(403);
    const onlyAdmins = guard(anyRole('admin'), '仅系统管理员可以维护');
    expect(statusOf(() => checkAccess(onlyAdmins, admin))).toBe('ok');
    expect(() => checkAccess(onlyAdmins, clerk)).toThrow('仅系统管理员可以维护');
  });

  it('city-wide accounts have the city prefix or a shorter one', () => {
    expect(isCityWide(actorWith(['supervisor'], { regionPrefix: '2111' }))).toBe(true);
    expect(isCityWide(actorWith(['supervisor'], { regionPrefix: '211103' }))).toBe(false);
  });
});
