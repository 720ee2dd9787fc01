import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { checkAccess } from '../../platform/policy';
import { ownsFile, UPLOAD_ACCESS } from './files.policy';

describe('files policy', () => {
  it('uploading needs a sign-in, whatever the role', () => {
    expect(() => checkAccess(UPLOAD_ACCESS, null)).toThrow('请先登录');
    expect(() => checkAccess(UPLOAD_ACCESS, applicantActor())).not.toThrow();
  });

  it('only the uploader reads a file back here, an administrator included', () => {
    expect(ownsFile(applicantActor('zhang'), { ownerId: 'zhang' })).toBe(true);
    expect(ownsFile(applicantActor('li'), { ownerId: 'zhang' })).toBe(false);
    expect(ownsFile(actorWith(['admin']), { ownerId: 'zhang' })).toBe(false);
  });
});
