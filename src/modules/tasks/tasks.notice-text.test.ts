import { describe, expect, it } from 'vitest';
import { leadDepartments, overdueNotice, urgedNotice, type MeasureFacts } from './tasks.notice-text';

const m: MeasureFacts = {
  problemNumber: 3,
  problemTitle: '审批前置要件过多，群众反映办事难',
  measureNumber: 2,
  content: '全面清理审批前置要件，公布保留清单',
  deadlineText: '2017年6月末前',
};

describe('measure notices', () => {
  it('an urging names the measure, who urged, the note and the deadline', () => {
    expect(urgedNotice(m, '赵监察', ' 请于本周内报送 ')).toEqual({
      title: '【催办】督办事项 3.2：审批前置要件过多，群众反映办事难',
      body: '赵监察催办：请于本周内报送\n整改措施：全面清理审批前置要件，公布保留清单\n完成时限：2017年6月末前。请在“我的督办”中报送整改进展。',
    });
  });

  it('an overdue notice names the day it was marked and shortens long titles', () => {
    const n = overdueNotice({ ...m, problemTitle: '长'.repeat(150) }, '2017-07-01');
    expect(n.title).toBe('【逾期】督办事项 3.2 已超过完成时限');
    expect(n.body).toContain(`问题：${'长'.repeat(99)}…\n`);
    expect(n.body).toContain('完成时限：2017年6月末前，2017-07-01 起标记为逾期。');
  });

  it('tells the lead and co-lead departments once each; an unmatched lead none', () => {
    expect(leadDepartments({ leadDepartmentCode: 'PJ-ZJ', coLeadDepartmentCodes: ['PJ-CZ', 'PJ-ZJ'] })).toEqual([
      'PJ-ZJ',
      'PJ-CZ',
    ]);
    expect(leadDepartments({ leadDepartmentCode: null, coLeadDepartmentCodes: [] })).toEqual([]);
  });
});
