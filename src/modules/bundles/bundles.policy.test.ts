import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertManagesBundles, seesUnavailable } from './bundles.policy';

describe('bundles policy', () => {
  it('administrators maintain bundles; nobody else does', () => {
    expect(() => assertManagesBundles(actorWith(['admin']))).not.toThrow();
    expect(() => assertManagesBundles(actorWith(['clerk']))).toThrow('仅系统管理员可以维护一件事');
    expect(() => assertManagesBundles(applicantActor())).toThrow();
  });

  it('only administrators see inactive or unavailable bundles, not anonymous readers', () => {
    expect(seesUnavailable(actorWith(['admin']))).toBe(true);
    expect(seesUnavailable(actorWith(['supervisor']))).toBe(false);
    expect(seesUnavailable(null)).toBe(false);
  });
});
