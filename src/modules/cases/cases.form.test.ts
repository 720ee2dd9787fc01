import { describe, expect, it } from 'vitest';
import type { FormField, Material } from '../catalog/index';
import { applicantFromForm, idTail, validateApplicant, validateForm, validateMaterials } from './cases.form';

const fields: FormField[] = [
  { key: 'companyName', label: '单位名称', type: 'text', required: true },
  { key: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: true },
  { key: 'idNumber', label: '经办人身份证号', type: 'idNumber', required: false },
  { key: 'contactPhone', label: '联系电话', type: 'phone', required: true },
  { key: 'openedOn', label: '开业日期', type: 'date', required: false },
  { key: 'capital', label: '注册资本', type: 'number', required: false },
  { key: 'mainForm', label: '主体业态', type: 'select', required: true, options: ['食品销售经营者', '餐饮服务经营者'] },
];
const good = {
  companyName: ' 盘锦辽河示范科技有限公司 ',
  creditCode: '91211103ma0y8k2p7j',
  contactPhone: '13804275678',
  mainForm: '餐饮服务经营者',
};
const fieldsOf = (r: { errors: { field: string }[] }) => r.errors.map((e) => e.field);

describe('application form', () => {
  it('accepts a complete form and normalises it (trim, upper-case codes, numbers)', () => {
    const r = validateForm(
      fields,
      { ...good, capital: '100.5', openedOn: '2026-02-28', idNumber: '' },
      { submit: true },
    );
    expect(r.errors).toEqual([]);
    expect(r.form).toEqual({
      companyName: '盘锦辽河示范科技有限公司',
      creditCode: '91211103MA0Y8K2P7J',
      contactPhone: '13804275678',
      mainForm: '餐饮服务经营者',
      capital: 100.5,
      openedOn: '2026-02-28',
    });
  });

  it('enforces required fields only on submission', () => {
    expect(fieldsOf(validateForm(fields, { companyName: 'x' }, { submit: true }))).toEqual([
      'form.creditCode',
      'form.contactPhone',
      'form.mainForm',
    ]);
    expect(validateForm(fields, { companyName: 'x' }, { submit: false }).errors).toEqual([]);
  });

  it('checks each type and names the field', () => {
    const r = validateForm(
      fields,
      {
        ...good,
        creditCode: '91211103MA0Y8K2P7X',
        idNumber: '211103199001011235',
        contactPhone: '12345',
        openedOn: '2026-02-30',
        capital: 'many',
        mainForm: '批发',
      },
      { submit: true },
    );
    expect(fieldsOf(r)).toEqual([
      'form.creditCode',
      'form.idNumber',
      'form.contactPhone',
      'form.openedOn',
      'form.capital',
      'form.mainForm',
    ]);
    expect(r.errors.find((e) => e.field === 'form.creditCode')!.message).toContain('校验位');
    expect(r.errors.find((e) => e.field === 'form.mainForm')!.message).toContain('餐饮服务经营者');
  });

  it('rejects keys the item does not ask for, and values of the wrong shape', () => {
    expect(fieldsOf(validateForm(fields, { ...good, hobby: 'x' }, { submit: true }))).toEqual(['form.hobby']);
    expect(fieldsOf(validateForm(fields, { ...good, companyName: { a: 1 } }, { submit: true }))).toEqual([
      'form.companyName',
    ]);
    expect(fieldsOf(validateForm(fields, { ...good, companyName: 'x'.repeat(201) }, { submit: true }))).toEqual([
      'form.companyName',
    ]);
  });

  it('takes landlines with area code as phones', () => {
    expect(validateForm(fields, { ...good, contactPhone: '0427-2812345' }, { submit: true }).errors).toEqual([]);
  });
});

const m = (id: string, over: Partial<Material> = {}): Material => ({
  id,
  name: `材料${id}`,
  required: true,
  form: 'original',
  copies: 1,
  source: 'applicant',
  toleranceAllowed: false,
  ...over,
});
const defs = [
  m('m1'),
  m('m2', { source: 'elicence' }),
  m('m3', { toleranceAllowed: true }),
  m('m4', { required: false }),
];
const F1 = '00000000-0000-4000-8000-000000000001';

describe('materials', () => {
  it('needs every required material the applicant must hand in, on submission', () => {
    const r = validateMaterials(defs, [], { submit: true, window: false });
    expect(r.invalid).toEqual([]);
    expect(r.missing.map((e) => e.message)).toEqual([expect.stringContaining('m1')]);
    expect(validateMaterials(defs, [], { submit: false, window: false }).missing).toEqual([]);
  });

  it('records what was given and what is fetched from shared data', () => {
    const r = validateMaterials(defs, [{ materialId: 'm1', fileIds: [F1] }], { submit: true, window: false });
    expect(r.missing).toEqual([]);
    expect(r.rows.map((x) => [x.materialId, x.status])).toEqual([
      ['m1', 'received'],
      ['m2', 'shared'],
      ['m3', 'missing'],
      ['m4', 'missing'],
    ]);
  });

  it('names unknown, repeated and paper-outside-a-window materials by index', () => {
    const r = validateMaterials(
      defs,
      [
        { materialId: 'm1', fileIds: [F1] },
        { materialId: 'm9', fileIds: [] },
        { materialId: 'm1', fileIds: [] },
        { materialId: 'm4', fileIds: [F1, F1], paper: true },
      ],
      { submit: false, window: false },
    );
    expect(r.invalid.map((e) => e.field)).toEqual([
      'materials.1.materialId',
      'materials.2.materialId',
      'materials.3.paper',
      'materials.3.fileIds',
    ]);
  });

  it('lets a window check a paper original instead of a scan', () => {
    const r = validateMaterials(defs, [{ materialId: 'm1', fileIds: [], paper: true }], { submit: true, window: true });
    expect(r.invalid).toEqual([]);
    expect(r.missing).toEqual([]);
    expect(r.rows[0]).toMatchObject({ status: 'received', paper: true });
  });
});

describe('applicant', () => {
  it('checks the code that fits the kind', () => {
    expect(
      validateApplicant({ kind: 'person', name: '张明', idNumber: '211103199001011234', phone: '13804271234' }),
    ).toEqual([]);
    expect(validateApplicant({ kind: 'person', name: '张明' }).map((e) => e.field)).toEqual(['applicant.idNumber']);
    expect(
      validateApplicant({
        kind: 'company',
        name: 'x',
        creditCode: '91211103MA0Y8K2P7J',
        idNumber: '211103199001011234',
      }).map((e) => e.field),
    ).toEqual(['applicant.idNumber']);
    expect(
      validateApplicant({ kind: 'company', name: 'x', creditCode: 'ABC', phone: '1' }).map((e) => e.field),
    ).toEqual(['applicant.creditCode', 'applicant.phone']);
  });

  it('takes the identity declared on the form, else the account', () => {
    const person = {
      kind: 'person' as const,
      name: '张明',
      idNumber: '211103199001011234',
      creditCode: null,
      phone: '13804271234',
    };
    expect(applicantFromForm(person, {})).toEqual({
      kind: 'person',
      name: '张明',
      idNumber: '211103199001011234',
      phone: '13804271234',
    });
    expect(
      applicantFromForm(person, {
        companyName: '张明便利店',
        creditCode: '92211103MA0XXXXXX1',
        contactPhone: '0427-2812345',
      }),
    ).toEqual({
      kind: 'company',
      name: '张明便利店',
      creditCode: '92211103MA0XXXXXX1',
      phone: '0427-2812345',
    });
  });

  it('keeps the last 6 characters of the code, upper case', () => {
    expect(idTail({ idNumber: '21110319900101123x' })).toBe('01123X');
    expect(idTail({})).toBeNull();
  });
});
