import { describe, expect, it } from 'vitest';
import type { FormField, Material } from '../catalog/index';
import {
  mergeFormFields,
  mergeGuides,
  mergeMaterials,
  normaliseMaterialName,
  splitApplication,
  totalPromisedDays,
  type BundleItem,
} from './bundles.merge';

const field = (key: string, type: FormField['type'] = 'text', required = true, options?: string[]): FormField => ({
  key,
  label: key,
  type,
  required,
  ...(options ? { options } : {}),
});
const mat = (id: string, name: string, over: Partial<Material> = {}): Material => ({
  id,
  name,
  required: true,
  form: 'original',
  copies: 1,
  source: 'applicant',
  toleranceAllowed: false,
  ...over,
});
const item = (code: string, formFields: FormField[], materials: Material[], promisedDays = 5): BundleItem => ({
  code,
  name: `事项${code}`,
  formFields,
  materials,
  promisedDays,
});

const A = item(
  'A',
  [field('companyName'), field('creditCode', 'creditCode'), field('capital', 'number', false)],
  [mat('m1', '营业执照', { source: 'elicence' }), mat('m2', '申请书A')],
  1,
);
const B = item(
  'B',
  [field('companyName'), field('capital', 'number', true), field('enterpriseName')],
  [mat('m1', '营业执照 ', { required: false }), mat('m2', '申请书B'), mat('m3', '法定代表人（负责人）身份证明')],
  5,
);
const C = item(
  'C',
  [field('creditCode', 'creditCode')],
  [mat('x9', '法定代表人(负责人)身份证明', { toleranceAllowed: true })],
  3,
);

describe('mergeFormFields', () => {
  it('takes the union by key, required when any item requires it', () => {
    const { fields, errors } = mergeFormFields([A, B, C]);
    expect(errors).toEqual([]);
    expect(fields.map((f) => f.key)).toEqual(['companyName', 'creditCode', 'capital', 'enterpriseName']);
    expect(fields.find((f) => f.key === 'capital')).toMatchObject({ required: true, itemCodes: ['A', 'B'] });
    expect(fields.find((f) => f.key === 'creditCode')!.itemCodes).toEqual(['A', 'C']);
  });

  it('reports the same key with conflicting types as a configuration error naming the key and items', () => {
    const D = item('D', [field('capital', 'text')], []);
    const { errors } = mergeFormFields([A, D]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.field).toBe('formFields.capital');
    expect(errors[0]!.message).toContain('事项A');
    expect(errors[0]!.message).toContain('事项D');
    expect(errors[0]!.message).toContain('类型冲突');
  });

  it('reports select fields with different options', () => {
    const x = item('X', [field('kind', 'select', true, ['a', 'b'])], []);
    const y = item('Y', [field('kind', 'select', true, ['a', 'c'])], []);
    expect(mergeFormFields([x, y]).errors[0]!.message).toContain('可选项不一致');
    expect(mergeFormFields([x, item('Z', [field('kind', 'select', true, ['b', 'a'])], [])]).errors).toEqual([]);
  });

  it('checks shared-field groups: keys must exist, agree in type and belong to one group', () => {
    expect(mergeFormFields([A, B], [{ label: '企业名称', keys: ['companyName', 'enterpriseName'] }]).errors).toEqual(
      [],
    );
    expect(
      mergeFormFields([A, B], [{ label: '企业名称', keys: ['companyName', 'nope'] }]).errors[0]!.message,
    ).toContain('nope');
    expect(mergeFormFields([A, B], [{ label: '混合', keys: ['companyName', 'capital'] }]).errors[0]!.message).toContain(
      '类型不一致',
    );
    const twice = mergeFormFields(
      [A, B],
      [
        { label: 'g1', keys: ['companyName', 'enterpriseName'] },
        { label: 'g2', keys: ['enterpriseName', 'companyName'] },
      ],
    );
    expect(twice.errors.map((e) => e.message).join()).toContain('已属于共享字段「g1」');
    const ok = mergeFormFields([A, B], [{ label: '企业名称', keys: ['companyName', 'enterpriseName'] }]);
    expect(ok.fields.find((f) => f.key === 'enterpriseName')!.sharedGroup).toBe('企业名称');
  });
});

describe('mergeMaterials', () => {
  it('de-duplicates by normalised name and keeps every source', () => {
    const { materials, before } = mergeMaterials([A, B, C]);
    expect(before).toBe(6);
    expect(materials.map((m) => m.name)).toEqual(['营业执照', '申请书A', '申请书B', '法定代表人（负责人）身份证明']);
    expect(materials.map((m) => m.id)).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(materials[0]).toMatchObject({
      required: true,
      sources: [
        { itemCode: 'A', materialId: 'm1' },
        { itemCode: 'B', materialId: 'm1' },
      ],
    });
    expect(materials[3]).toMatchObject({
      toleranceAllowed: false,
      sources: [
        { itemCode: 'B', materialId: 'm3' },
        { itemCode: 'C', materialId: 'x9' },
      ],
    });
  });

  it('normalises width, spaces and quotes but not meaning', () => {
    expect(normaliseMaterialName(' 身份证明（原件） ')).toBe(normaliseMaterialName('身份证明(原件)'));
    expect(normaliseMaterialName('申请书A')).not.toBe(normaliseMaterialName('申请书B'));
  });

  it('counts before and after on the merged guide', () => {
    const g = mergeGuides([A, B, C]);
    expect([g.materialCountBefore, g.materialCountAfter]).toEqual([6, 4]);
  });
});

describe('totalPromisedDays', () => {
  it('is the longest item in parallel and the sum in series', () => {
    expect(totalPromisedDays([A, B, C], 'parallel')).toBe(5);
    expect(totalPromisedDays([A, B, C], 'serial')).toBe(9);
    expect(totalPromisedDays([], 'serial')).toBe(0);
  });
});

describe('splitApplication', () => {
  const shared = [{ label: '企业名称', keys: ['companyName', 'enterpriseName'] }];
  const guide = mergeGuides([A, B, C], shared);

  it('gives each item its own keys and its own material ids', () => {
    const r = splitApplication([A, B, C], guide, shared, {
      form: { companyName: '盘锦甲公司', creditCode: '91211103MA0Y8K2P7J', capital: 10 },
      materials: [
        { materialId: 'b1', fileIds: ['f1'] },
        { materialId: 'b4', fileIds: ['f4'] },
      ],
    });
    expect(r.invalid).toEqual([]);
    expect(r.conflicts).toEqual([]);
    expect(r.filings[0]).toEqual({
      itemCode: 'A',
      form: { companyName: '盘锦甲公司', creditCode: '91211103MA0Y8K2P7J', capital: 10 },
      materials: [{ materialId: 'm1', fileIds: ['f1'] }],
    });
    // the shared group fills enterpriseName from companyName
    expect(r.filings[1]!.form).toEqual({ companyName: '盘锦甲公司', capital: 10, enterpriseName: '盘锦甲公司' });
    expect(r.filings[1]!.materials).toEqual([
      { materialId: 'm1', fileIds: ['f1'] },
      { materialId: 'm3', fileIds: ['f4'] },
    ]);
    expect(r.filings[2]).toEqual({
      itemCode: 'C',
      form: { creditCode: '91211103MA0Y8K2P7J' },
      materials: [{ materialId: 'x9', fileIds: ['f4'] }],
    });
  });

  it('names both keys when one logical field is given two different values', () => {
    const r = splitApplication([A, B], guide, shared, {
      form: { companyName: '甲公司', enterpriseName: '乙公司' },
      materials: [],
    });
    expect(r.conflicts.map((c) => c.field)).toEqual(['form.companyName', 'form.enterpriseName']);
    expect(r.conflicts[0]!.message).toContain('企业名称');
    const same = splitApplication([A, B], guide, shared, {
      form: { companyName: '甲公司', enterpriseName: ' 甲公司 ' },
      materials: [],
    });
    expect(same.conflicts).toEqual([]);
  });

  it('rejects unknown fields and materials and a material given twice', () => {
    const r = splitApplication([A, B, C], guide, shared, {
      form: { bogus: 1 },
      materials: [
        { materialId: 'm1', fileIds: [] },
        { materialId: 'b2', fileIds: [] },
        { materialId: 'b2', fileIds: [] },
      ],
    });
    expect(r.invalid.map((e) => e.field)).toEqual(['form.bogus', 'materials.0.materialId', 'materials.2.materialId']);
  });
});
