import { describe, expect, it } from 'vitest';
import { actorWith } from '../../../test/actors';
import { assertInScope, assertManagesOrg } from './org.policy';

describe('org policy', () => {
  it('administrators change the organisation; supervisors do not', () => {
    expect(() => assertManagesOrg(actorWith(['admin']))).not.toThrow();
    expect(() => assertManagesOrg(actorWith(['supervisor']))).toThrow(expect.objectContaining({ status: 403 }));
  });

  it('a record outside the region subtree is 404', () => {
    const countyAdmin = actorWith(['admin'], { regionPrefix: '211103' });
    expect(() => assertInScope(countyAdmin, '211103001', '区划')).not.toThrow();
    expect(() => assertInScope(countyAdmin, '211102', '区划')).toThrow(expect.objectContaining({ status: 404 }));
  });
});
