import { describe, expect, it } from 'vitest';
import { owedAtAcceptance, owedRefusal } from './cases.tolerance';

const def = (
  id: string,
  over: Partial<{ required: boolean; source: 'applicant' | 'elicence'; toleranceAllowed: boolean }> = {},
) => ({
  id,
  name: `材料${id}`,
  required: true,
  source: 'applicant' as const,
  toleranceAllowed: false,
  ...over,
});
const defs = [
  def('m1'),
  def('m2', { source: 'elicence' }),
  def('m3', { required: false }),
  def('m4', { toleranceAllowed: true }),
  def('m5', { toleranceAllowed: true }),
];

describe('materials owed at acceptance', () => {
  it('lists required materials from the applicant neither in hand nor promised', () => {
    const materials = [
      { material_id: 'm1', status: 'received' as const },
      { material_id: 'm2', status: 'shared' as const },
      { material_id: 'm3', status: 'missing' as const },
      { material_id: 'm4', status: 'missing' as const },
      { material_id: 'm5', status: 'rejected' as const },
    ];
    expect(owedAtAcceptance(defs, materials, new Set()).map((m) => m.materialId)).toEqual(['m4', 'm5']);
    expect(owedAtAcceptance(defs, materials, new Set(['m4'])).map((m) => m.materialId)).toEqual(['m5']);
    expect(owedAtAcceptance(defs, materials, new Set(['m4', 'm5']))).toEqual([]);
    // a required material with no row at all is owed as well
    expect(owedAtAcceptance(defs, materials.slice(1), new Set(['m4', 'm5']))).toEqual([
      { materialId: 'm1', name: '材料m1', tolerable: false },
    ]);
  });

  it('names every owed material in the refusal, and says how 容缺 is recorded', () => {
    const r = owedRefusal([
      { materialId: 'm1', name: '申请书', tolerable: false },
      { materialId: 'm4', name: '规章制度目录', tolerable: true },
    ]);
    expect(r.detail).toContain('缺少必需材料 m1「申请书」');
    expect(r.detail).toContain('m4「规章制度目录」');
    expect(r.detail).toContain('约定补交日期');
    expect(r.errors.map((e) => e.field)).toEqual(['materials', 'deferredMaterials']);
  });
});
