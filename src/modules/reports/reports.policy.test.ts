import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertReadsReports, canReadReports } from './reports.policy';

describe('reports policy', () => {
  it('administrators and supervisors read the reports', () => {
    expect(canReadReports(actorWith(['admin']))).toBe(true);
    expect(canReadReports(actorWith(['supervisor'], { regionPrefix: '211103' }))).toBe(true);
    expect(canReadReports(actorWith(['chief', 'approver']))).toBe(false);
    expect(() => assertReadsReports(applicantActor())).toThrow('仅系统管理员和效能监察员可以查看报表');
  });
});
