import { describe, expect, it } from 'vitest';
import { checkAccess } from '../../platform/policy';
import { publicView, VERIFY_ACCESS } from './documents.policy';

describe('documents policy', () => {
  it('anyone may verify, without signing in', () => {
    expect(() => checkAccess(VERIFY_ACCESS, null)).not.toThrow();
  });

  it('a verification shows the document and its office, nothing about the case or who issued it', () => {
    const record = {
      id: 'd1',
      caseId: 'case-1',
      kind: 'certificate' as const,
      kindLabel: '证照',
      title: '食品经营许可证',
      number: '辽盘〔2026〕1号',
      issuedOn: '2026-03-02',
      issuedBy: 'approver-city',
      officeName: '盘锦市行政审批服务局',
      sha256: 'ab',
      size: 10,
    };
    const view = publicView(record);
    expect(view).toMatchObject({ valid: true, number: '辽盘〔2026〕1号', officeName: '盘锦市行政审批服务局' });
    expect(Object.keys(view)).not.toContain('caseId');
    expect(Object.keys(view)).not.toContain('issuedBy');
  });
});
