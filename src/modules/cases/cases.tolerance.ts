/**
 * 容缺受理 at acceptance: a required material the applicant has not handed in may be accepted as owed only
 * against a recorded promise (which material, by when). What the acceptance notice lists as owed is what the
 * case records as promised: both come from the promises of the acceptance, never from the materials' state.
 */
import type { Material } from '../catalog/index';
import type { MaterialStatus } from './cases.tables';

export interface OwedMaterial {
  materialId: string;
  name: string;
  /** The guide allows it to follow under a promise. */
  tolerable: boolean;
}

const IN_HAND: ReadonlySet<MaterialStatus> = new Set(['received', 'shared']);

/**
 * Required materials from the applicant that are not in hand and not covered by a promise (`promised`: the
 * materials named for 容缺 by this acceptance or promised before), in the guide's order.
 */
export function owedAtAcceptance(
  defs: readonly Pick<Material, 'id' | 'name' | 'required' | 'source' | 'toleranceAllowed'>[],
  materials: readonly { material_id: string; status: MaterialStatus }[],
  promised: ReadonlySet<string>,
): OwedMaterial[] {
  const status = new Map(materials.map((m) => [m.material_id, m.status]));
  return defs
    .filter((d) => d.required && d.source === 'applicant' && !promised.has(d.id))
    .filter((d) => !IN_HAND.has(status.get(d.id) ?? 'missing'))
    .map((d) => ({ materialId: d.id, name: d.name, tolerable: d.toleranceAllowed }));
}

/** The refusal of an acceptance that leaves materials owed without a promise: message and fields, in Chinese. */
export function owedRefusal(owed: readonly OwedMaterial[]): {
  detail: string;
  errors: { field: string; message: string }[];
} {
  const names = (list: readonly OwedMaterial[]) => list.map((m) => `${m.materialId}「${m.name}」`).join('、');
  const tolerable = owed.filter((m) => m.tolerable);
  const not = owed.filter((m) => !m.tolerable);
  const parts = [
    ...(not.length ? [`缺少必需材料 ${names(not)}，不能受理，请一次性告知补正`] : []),
    ...(tolerable.length
      ? [`材料 ${names(tolerable)} 尚未收取：如容缺受理，须列为容缺材料并约定补交日期（申请人书面承诺）`]
      : []),
  ];
  return {
    detail: `${parts.join('；')}。`,
    errors: owed.map((m) => ({
      field: m.tolerable ? 'deferredMaterials' : 'materials',
      message: m.tolerable
        ? `${m.materialId}「${m.name}」未收取，须列为容缺材料`
        : `${m.materialId}「${m.name}」未收取`,
    })),
  };
}
