import { describe, expect, it } from 'vitest';
import { checkImport, type BreakdownRow } from './tasks.breakdown';

const row = (r: Partial<BreakdownRow> & { row: number }): BreakdownRow => ({
  number: '',
  problem: '',
  measure: '完善制度',
  lead: '市商务局',
  assisting: '',
  deadline: '2017年6月末前',
  ...r,
});

describe('task breakdown table 任务分解表', () => {
  it('groups measures under the problem above them, also when a problem is named again', () => {
    const { plan, errors } = checkImport([
      row({ row: 2, problem: '审批慢' }),
      row({ row: 3, measure: '压缩时限', deadline: '长期' }),
      row({ row: 4, problem: '收费乱' }),
      row({ row: 5, problem: '审批慢', measure: '并联审批', deadline: new Date('2017-09-30T00:00:00Z') }),
    ]);
    expect(errors).toEqual([]);
    expect(plan.map((p) => [p.title, p.measures.map((m) => m.row)])).toEqual([
      ['审批慢', [2, 3, 5]],
      ['收费乱', [4]],
    ]);
    expect(plan[0]!.measures[0]).toMatchObject({
      deadline: '2017-06-30',
      longTerm: false,
      deadlineText: '2017年6月末前',
    });
    expect(plan[0]!.measures[1]).toMatchObject({ deadline: null, longTerm: true });
    expect(plan[0]!.measures[2]).toMatchObject({ deadline: '2017-09-30', deadlineText: '2017-09-30' });
  });
  it('lists every bad row with its column, and keeps no measure of a bad row', () => {
    const { plan, errors } = checkImport([
      row({ row: 2, problem: '' }),
      row({ row: 3, problem: '审批慢', lead: ' ', deadline: '尽快' }),
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '问题'],
      [3, '牵头单位'],
      [3, '完成时限'],
    ]);
    expect(errors[2]!.message).toContain('第 3 行：完成时限“尽快”无法识别');
    expect(errors[0]!.field).toBe('rows.2.问题');
    expect(plan).toEqual([{ title: '审批慢', measures: [] }]);
  });
  it('refuses a table without rows', () => {
    expect(checkImport([]).errors).toEqual([{ row: 0, column: '', field: 'file', message: '表格中没有数据行' }]);
  });
});
