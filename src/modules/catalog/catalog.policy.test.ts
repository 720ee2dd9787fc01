import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertManagesCatalog, seesAllVersions } from './catalog.policy';

describe('catalog policy', () => {
  it('administrators maintain the catalog', () => {
    expect(() => assertManagesCatalog(actorWith(['admin']))).not.toThrow();
    expect(() => assertManagesCatalog(actorWith(['approver', 'chief']))).toThrow('仅系统管理员可以维护事项目录');
  });

  it('drafts and superseded versions are for administrators, not the public', () => {
    expect(seesAllVersions(actorWith(['admin']))).toBe(true);
    expect(seesAllVersions(applicantActor())).toBe(false);
    expect(seesAllVersions(null)).toBe(false);
  });
});
