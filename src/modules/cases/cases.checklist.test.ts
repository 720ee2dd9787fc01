import { describe, expect, it } from 'vitest';
import { checkRefusal, checksRecord, correctionsWithChecks, mergeChecks, prereviewRefusal } from './cases.checklist';

const m = (id: string, status: 'received' | 'missing' | 'shared' | 'rejected') => ({
  material_id: id,
  name: `材料${id}`,
  status,
});

describe('pre-review checklist', () => {
  it('refuses 符合 for a material never handed in', () => {
    expect(checkRefusal(m('m4', 'missing'), 'ok')).toContain('未提交');
    expect(checkRefusal(m('m4', 'missing'), 'problem')).toBeNull();
    expect(checkRefusal(m('m1', 'received'), 'ok')).toBeNull();
  });

  it('lets the checks sent with a step override the saved ones', () => {
    const merged = mergeChecks(
      [
        { materialId: 'm1', result: 'problem', problem: '模糊' },
        { materialId: 'm3', result: 'ok', problem: null },
      ],
      [{ materialId: 'm1', result: 'ok', problem: null }],
    );
    expect(merged).toEqual([
      { materialId: 'm1', result: 'ok', problem: null },
      { materialId: 'm3', result: 'ok', problem: null },
    ]);
  });

  it('passes a pre-review only when every material handed in is checked and none is wanting', () => {
    const materials = [m('m1', 'received'), m('m2', 'shared'), m('m3', 'received'), m('m7', 'missing')];
    expect(prereviewRefusal([{ materialId: 'm1', result: 'ok', problem: null }], materials)).toEqual([
      { field: 'checks', message: '材料「材料m3」尚未检查' },
    ]);
    expect(
      prereviewRefusal(
        [
          { materialId: 'm1', result: 'ok', problem: null },
          { materialId: 'm3', result: 'problem', problem: '未盖章' },
        ],
        materials,
      )[0]!.message,
    ).toContain('一次性告知');
    expect(
      prereviewRefusal(
        [
          { materialId: 'm1', result: 'ok', problem: null },
          { materialId: 'm3', result: 'ok', problem: null },
        ],
        materials,
      ),
    ).toEqual([]);
  });

  it('adds the problems the notice does not name yet, in the clerk’s words; a problem without words is an error', () => {
    const r = correctionsWithChecks(
      [
        { materialId: 'm1', problem: '申请书未签字' },
        { field: 'phone', problem: '电话有误' },
      ],
      [
        { materialId: 'm1', result: 'problem', problem: '（清单里的说法）' },
        { materialId: 'm3', result: 'problem', problem: ' 平面图未标明功能分区 ' },
        { materialId: 'm4', result: 'ok', problem: null },
        { materialId: 'm5', result: 'problem', problem: null },
      ],
    );
    expect(r.corrections).toEqual([
      { materialId: 'm1', problem: '申请书未签字' },
      { field: 'phone', problem: '电话有误' },
      { materialId: 'm3', problem: '平面图未标明功能分区' },
    ]);
    expect(r.errors).toEqual([{ field: 'checks', message: '请写明材料 m5 的问题' }]);
  });

  it('records each check with the material’s name', () => {
    expect(checksRecord([{ materialId: 'm3', result: 'problem', problem: '缺页' }], [m('m3', 'received')])).toEqual([
      { materialId: 'm3', name: '材料m3', result: 'problem', problem: '缺页' },
    ]);
  });
});
