/**
 * Application form and materials rules 表单与材料校验: pure functions over the item's guide.
 * Every problem names its field the way the request body spells it (`form.idNumber`,
 * `materials.2.materialId`), so the portal can put the message next to the input.
 */
import type { FieldError } from '../../platform/errors';
import type { FormField, Material } from '../catalog/index';
import { checkCreditCode, checkIdNumber } from '../identity/index';
import type { ApplicantInfo, MaterialStatus } from './cases.tables';

/** Mobile 13x–19x, or a landline with area code (0427-2812345, extension allowed). */
export const PHONE_RE = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const MAX_LENGTH: Record<FormField['type'], number> = {
  text: 200,
  textarea: 5000,
  address: 300,
  number: 40,
  date: 10,
  select: 100,
  idNumber: 18,
  creditCode: 18,
  phone: 30,
};

export function isRealDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** One field's value, normalised (trimmed; codes upper-cased; numbers as numbers), or the problem. */
export function checkFieldValue(f: FormField, raw: unknown): { value: unknown } | { error: string } {
  if (f.type === 'number') {
    const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(n)) return { error: `「${f.label}」应为数字` };
    return { value: n };
  }
  if (typeof raw !== 'string') return { error: `「${f.label}」应为文本` };
  let v = raw.trim();
  if (v.length > MAX_LENGTH[f.type]) return { error: `「${f.label}」最多 ${MAX_LENGTH[f.type]} 个字符` };
  switch (f.type) {
    case 'idNumber': {
      v = v.toUpperCase();
      const bad = checkIdNumber(v);
      return bad ? { error: bad } : { value: v };
    }
    case 'creditCode': {
      v = v.toUpperCase();
      const bad = checkCreditCode(v);
      return bad ? { error: bad } : { value: v };
    }
    case 'phone':
      return PHONE_RE.test(v) ? { value: v } : { error: `「${f.label}」应为 11 位手机号或带区号的固定电话` };
    case 'date':
      return isRealDate(v) ? { value: v } : { error: `「${f.label}」应为存在的日期，格式 YYYY-MM-DD` };
    case 'select':
      return f.options?.includes(v)
        ? { value: v }
        : { error: `「${f.label}」只能选择：${(f.options ?? []).join('、')}` };
    default:
      return { value: v };
  }
}

export interface FormCheck {
  errors: FieldError[];
  /** The form with normalised values and blank optional fields dropped. */
  form: Record<string, unknown>;
}

/**
 * Checks a form against the item's fields. Unknown keys are errors; required fields are enforced
 * only when the application is submitted (a draft may be incomplete).
 */
export function validateForm(
  fields: readonly FormField[],
  form: Record<string, unknown>,
  opts: { submit: boolean },
): FormCheck {
  const errors: FieldError[] = [];
  const out: Record<string, unknown> = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(form)) {
    if (!byKey.has(key)) errors.push({ field: `form.${key}`, message: `该事项的申请表没有字段 ${key}` });
  }
  for (const f of fields) {
    const raw = form[f.key];
    if (isBlank(raw)) {
      if (f.required && opts.submit) errors.push({ field: `form.${f.key}`, message: `请填写「${f.label}」` });
      continue;
    }
    const r = checkFieldValue(f, raw);
    if ('error' in r) errors.push({ field: `form.${f.key}`, message: r.error });
    else out[f.key] = r.value;
  }
  return { errors, form: out };
}

export interface MaterialInput {
  materialId: string;
  fileIds: string[];
  /** Paper original checked at the window (window registrations only). */
  paper?: boolean;
}

export interface MaterialRow {
  materialId: string;
  name: string;
  required: boolean;
  fileIds: string[];
  paper: boolean;
  status: MaterialStatus;
}

export interface MaterialCheck {
  /** Malformed input (unknown or repeated material, paper outside a window): 400. */
  invalid: FieldError[];
  /** Required materials not provided on submission: 422. */
  missing: FieldError[];
  /** One row per material of the item, in the guide's order. */
  rows: MaterialRow[];
}

/**
 * A material must be handed in by the applicant when it is required, comes from the applicant and
 * may not be promised later (容缺); e-licence and department materials are fetched by the hall.
 */
export const mustProvide = (m: Material) => m.required && m.source === 'applicant' && !m.toleranceAllowed;

function statusWhenAbsent(m: Material): MaterialStatus {
  return m.source === 'applicant' ? 'missing' : 'shared';
}

export function validateMaterials(
  defs: readonly Material[],
  input: readonly MaterialInput[],
  opts: { submit: boolean; window: boolean },
): MaterialCheck {
  const invalid: FieldError[] = [];
  const byId = new Map(defs.map((m) => [m.id, m]));
  const given = new Map<string, MaterialInput>();
  input.forEach((m, i) => {
    if (!byId.has(m.materialId))
      invalid.push({ field: `materials.${i}.materialId`, message: `该事项没有材料 ${m.materialId}` });
    else if (given.has(m.materialId))
      invalid.push({ field: `materials.${i}.materialId`, message: `材料 ${m.materialId} 重复提交` });
    else given.set(m.materialId, m);
    if (m.paper && !opts.window)
      invalid.push({ field: `materials.${i}.paper`, message: '只有窗口登记的办件可以登记纸质原件' });
    if (new Set(m.fileIds).size !== m.fileIds.length)
      invalid.push({ field: `materials.${i}.fileIds`, message: '同一文件重复提交' });
  });
  const rows: MaterialRow[] = defs.map((m) => {
    const g = given.get(m.id);
    const provided = !!g && (g.fileIds.length > 0 || !!g.paper);
    return {
      materialId: m.id,
      name: m.name,
      required: m.required,
      fileIds: g?.fileIds ?? [],
      paper: !!g?.paper,
      status: provided ? 'received' : statusWhenAbsent(m),
    };
  });
  const missing: FieldError[] = opts.submit
    ? rows.flatMap((r, i) =>
        mustProvide(defs[i]!) && r.status !== 'received'
          ? [{ field: 'materials', message: `缺少必需材料 ${r.materialId}「${r.name}」` }]
          : [],
      )
    : [];
  return { invalid, missing, rows };
}

/** Last six characters of the applicant's ID number or credit code (kept with the case for finding it). */
export function idTail(a: Pick<ApplicantInfo, 'idNumber' | 'creditCode'>): string | null {
  const id = a.idNumber ?? a.creditCode;
  return id ? id.slice(-6).toUpperCase() : null;
}

/** Checks an applicant typed in at a window (or by an agent): name, code by kind, phone. */
export function validateApplicant(a: ApplicantInfo, prefix = 'applicant'): FieldError[] {
  const errors: FieldError[] = [];
  if (a.kind === 'person') {
    if (!a.idNumber) errors.push({ field: `${prefix}.idNumber`, message: '自然人须填写身份证号' });
    else {
      const bad = checkIdNumber(a.idNumber);
      if (bad) errors.push({ field: `${prefix}.idNumber`, message: bad });
    }
    if (a.creditCode) errors.push({ field: `${prefix}.creditCode`, message: '自然人不填写统一社会信用代码' });
  } else {
    if (!a.creditCode) errors.push({ field: `${prefix}.creditCode`, message: '法人须填写统一社会信用代码' });
    else {
      const bad = checkCreditCode(a.creditCode);
      if (bad) errors.push({ field: `${prefix}.creditCode`, message: bad });
    }
    if (a.idNumber)
      errors.push({ field: `${prefix}.idNumber`, message: '法人不填写身份证号（经办人信息请填在申请表中）' });
  }
  if (a.phone && !PHONE_RE.test(a.phone))
    errors.push({ field: `${prefix}.phone`, message: '联系电话应为 11 位手机号或带区号的固定电话' });
  return errors;
}

/** Keys the standard application forms use for the applicant's phone (see the catalog's demo guides). */
const PHONE_KEYS = ['contactPhone', 'phone'];

/**
 * The applicant of an online case: the signed-in account, with the identity and phone declared on
 * the form where the form asks for them (a person may apply for an item of a company they run).
 */
export function applicantFromForm(
  account: {
    kind: 'person' | 'company';
    name: string;
    idNumber?: string | null;
    creditCode?: string | null;
    phone?: string | null;
  },
  form: Record<string, unknown>,
): ApplicantInfo {
  const str = (k: string) =>
    typeof form[k] === 'string' && (form[k] as string).trim() ? (form[k] as string).trim() : undefined;
  const creditCode = str('creditCode');
  const idNumber = str('idNumber');
  const kind: ApplicantInfo['kind'] = creditCode ? 'company' : idNumber ? 'person' : account.kind;
  const name =
    (kind === 'company' ? (str('companyName') ?? str('enterpriseName')) : str('applicantName')) ?? account.name;
  const phone = PHONE_KEYS.map(str).find(Boolean) ?? account.phone ?? undefined;
  const out: ApplicantInfo = { kind, name };
  if (kind === 'company') {
    const cc = creditCode ?? account.creditCode ?? undefined;
    if (cc) out.creditCode = cc;
  } else {
    const id = idNumber ?? account.idNumber ?? undefined;
    if (id) out.idNumber = id;
  }
  if (phone) out.phone = phone;
  return out;
}
