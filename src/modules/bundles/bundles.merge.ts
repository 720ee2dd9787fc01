/**
 * 一件事一次办: pure rules that turn several items' guides into one form and one material list,
 * and split one application back into one filing per item. No I/O.
 */
import type { FieldError } from '../../platform/errors';
import type { FormField, Material } from '../catalog/index';

export interface BundleItem {
  code: string;
  name: string;
  formFields: readonly FormField[];
  materials: readonly Material[];
  promisedDays: number;
}

/** Several form keys of different items that mean one logical field (e.g. 企业名称). */
export interface SharedFieldGroup {
  label: string;
  keys: string[];
}

export interface MergedField extends FormField {
  /** Items whose form has this key. */
  itemCodes: string[];
  /** The shared-field group (its label) the key belongs to. */
  sharedGroup?: string;
}

export interface MergedMaterial {
  /** Merged id, `b1`, `b2` … in first-appearance order. */
  id: string;
  name: string;
  required: boolean;
  source: Material['source'];
  toleranceAllowed: boolean;
  sources: { itemCode: string; materialId: string }[];
}

export interface MergedGuide {
  fields: MergedField[];
  materials: MergedMaterial[];
  materialCountBefore: number;
  materialCountAfter: number;
  /** Configuration errors (shown to the administrator when saving). */
  errors: FieldError[];
}

export const FIELD_TYPE_LABELS: Record<FormField['type'], string> = {
  text: '文本',
  textarea: '多行文本',
  number: '数字',
  date: '日期',
  select: '选择',
  idNumber: '身份证号',
  creditCode: '统一社会信用代码',
  phone: '电话',
  address: '地址',
};

/** Material names compared loosely: full-width/half-width unified (NFKC), whitespace and brackets' notes kept, case folded. */
export function normaliseMaterialName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[“”"'‘’]/g, '')
    .toLowerCase();
}

const sameOptions = (a?: readonly string[], b?: readonly string[]) => {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
};

/** Union of form fields by key; the same key with another type (or other options) is a configuration error. */
export function mergeFormFields(
  items: readonly BundleItem[],
  shared: readonly SharedFieldGroup[] = [],
): { fields: MergedField[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byKey = new Map<string, MergedField & { firstItem: string }>();
  for (const item of items) {
    for (const f of item.formFields) {
      const seen = byKey.get(f.key);
      if (!seen) {
        byKey.set(f.key, { ...f, itemCodes: [item.code], firstItem: item.name });
        continue;
      }
      seen.itemCodes.push(item.code);
      seen.required = seen.required || f.required;
      if (seen.type !== f.type) {
        errors.push({
          field: `formFields.${f.key}`,
          message: `字段「${f.key}」在「${seen.firstItem}」中为${FIELD_TYPE_LABELS[seen.type]}，在「${item.name}」中为${FIELD_TYPE_LABELS[f.type]}，类型冲突`,
        });
      } else if (f.type === 'select' && !sameOptions(seen.options, f.options)) {
        errors.push({
          field: `formFields.${f.key}`,
          message: `字段「${f.key}」在「${seen.firstItem}」与「${item.name}」中的可选项不一致`,
        });
      }
    }
  }
  const grouped = new Map<string, string>();
  shared.forEach((g, gi) => {
    const types = new Set<string>();
    g.keys.forEach((k, ki) => {
      const f = byKey.get(k);
      if (!f)
        errors.push({
          field: `sharedFields.${gi}.keys.${ki}`,
          message: `共享字段「${g.label}」引用的字段「${k}」不在任何事项的申请表中`,
        });
      else types.add(f.type);
      const other = grouped.get(k);
      if (other !== undefined)
        errors.push({ field: `sharedFields.${gi}.keys.${ki}`, message: `字段「${k}」已属于共享字段「${other}」` });
      else grouped.set(k, g.label);
    });
    if (types.size > 1)
      errors.push({
        field: `sharedFields.${gi}`,
        message: `共享字段「${g.label}」所含字段类型不一致（${[...types].map((t) => FIELD_TYPE_LABELS[t as FormField['type']]).join('、')}）`,
      });
  });
  const fields = [...byKey.values()].map(({ firstItem: _first, ...f }) => ({
    ...f,
    ...(grouped.has(f.key) ? { sharedGroup: grouped.get(f.key)! } : {}),
  }));
  return { fields, errors };
}

/** Materials of all items, de-duplicated by normalised name (营业执照 asked by three items is handed in once). */
export function mergeMaterials(items: readonly BundleItem[]): { materials: MergedMaterial[]; before: number } {
  const byName = new Map<string, MergedMaterial>();
  let before = 0;
  for (const item of items) {
    for (const m of item.materials) {
      before++;
      const key = normaliseMaterialName(m.name);
      const seen = byName.get(key);
      if (seen) {
        seen.required = seen.required || m.required;
        seen.toleranceAllowed = seen.toleranceAllowed && m.toleranceAllowed;
        if (m.source === 'applicant') seen.source = 'applicant';
        seen.sources.push({ itemCode: item.code, materialId: m.id });
      } else {
        byName.set(key, {
          id: `b${byName.size + 1}`,
          name: m.name,
          required: m.required,
          source: m.source,
          toleranceAllowed: m.toleranceAllowed,
          sources: [{ itemCode: item.code, materialId: m.id }],
        });
      }
    }
  }
  return { materials: [...byName.values()], before };
}

export function mergeGuides(items: readonly BundleItem[], shared: readonly SharedFieldGroup[] = []): MergedGuide {
  const f = mergeFormFields(items, shared);
  const m = mergeMaterials(items);
  return {
    fields: f.fields,
    materials: m.materials,
    materialCountBefore: m.before,
    materialCountAfter: m.materials.length,
    errors: f.errors,
  };
}

/** Total promised working days: parallel items run at once (max), serial ones one after another (sum). */
export function totalPromisedDays(
  items: readonly Pick<BundleItem, 'promisedDays'>[],
  mode: 'parallel' | 'serial',
): number {
  const days = items.map((i) => i.promisedDays);
  if (!days.length) return 0;
  return mode === 'serial' ? days.reduce((a, b) => a + b, 0) : Math.max(...days);
}

export interface ApplicationInput {
  form: Record<string, unknown>;
  materials: { materialId: string; fileIds: string[] }[];
}

export interface ItemFiling {
  itemCode: string;
  form: Record<string, unknown>;
  materials: { materialId: string; fileIds: string[] }[];
}

export interface SplitResult {
  filings: ItemFiling[];
  /** 400: unknown fields or materials. */
  invalid: FieldError[];
  /** 422: one logical field given different values. */
  conflicts: FieldError[];
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const comparable = (v: unknown) =>
  typeof v === 'string' ? v.trim().toUpperCase() : typeof v === 'number' ? String(v) : JSON.stringify(v);

/**
 * Splits one bundle application into one filing per item. Values of a shared-field group fill the
 * group's other keys; two different values inside one group are a conflict naming every key.
 */
export function splitApplication(
  items: readonly BundleItem[],
  guide: Pick<MergedGuide, 'fields' | 'materials'>,
  shared: readonly SharedFieldGroup[],
  input: ApplicationInput,
): SplitResult {
  const invalid: FieldError[] = [];
  const conflicts: FieldError[] = [];
  const keys = new Set(guide.fields.map((f) => f.key));
  const form: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input.form)) {
    if (!keys.has(k)) invalid.push({ field: `form.${k}`, message: '合并申请表中没有该字段' });
    else form[k] = v;
  }
  for (const g of shared) {
    const given = g.keys.filter((k) => !isBlank(form[k]));
    const distinct = new Set(given.map((k) => comparable(form[k])));
    if (distinct.size > 1) {
      for (const k of given)
        conflicts.push({
          field: `form.${k}`,
          message: `「${g.label}」在各事项中应一致，所填值相互矛盾（${given.join('、')}）`,
        });
      continue;
    }
    if (given.length) for (const k of g.keys) if (isBlank(form[k])) form[k] = form[given[0]!];
  }
  const byId = new Map(guide.materials.map((m) => [m.id, m]));
  const seen = new Set<string>();
  input.materials.forEach((m, i) => {
    if (!byId.has(m.materialId))
      invalid.push({ field: `materials.${i}.materialId`, message: `合并材料清单中没有材料 ${m.materialId}` });
    else if (seen.has(m.materialId))
      invalid.push({ field: `materials.${i}.materialId`, message: `材料 ${m.materialId} 重复提交` });
    seen.add(m.materialId);
  });
  const filings = items.map((item) => {
    const own = new Set(item.formFields.map((f) => f.key));
    const itemForm = Object.fromEntries(Object.entries(form).filter(([k]) => own.has(k)));
    const materials: ItemFiling['materials'] = [];
    for (const m of input.materials) {
      const merged = byId.get(m.materialId);
      for (const s of merged?.sources ?? [])
        if (s.itemCode === item.code) materials.push({ materialId: s.materialId, fileIds: m.fileIds });
    }
    return { itemCode: item.code, form: itemForm, materials };
  });
  return { filings, invalid, conflicts };
}
