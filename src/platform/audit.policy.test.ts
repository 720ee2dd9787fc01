import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../test/actors';
import { assertReadsAudit, canReadAudit } from './audit.policy';

describe('audit policy', () => {
  it('administrators and supervisors read the audit log; others do not', () => {
    expect(canReadAudit(actorWith(['admin']))).toBe(true);
    expect(canReadAudit(actorWith(['supervisor']))).toBe(true);
    expect(canReadAudit(actorWith(['clerk', 'approver', 'chief']))).toBe(false);
    expect(() => assertReadsAudit(applicantActor())).toThrow('仅系统管理员和效能监察员可以查看审计日志');
  });
});
