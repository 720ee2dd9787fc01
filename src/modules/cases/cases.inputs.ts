/**
 * Checks of what an applicant or clerk sends, shared by filing, drafts and steps: field errors as one
 * problem, material files the sender may attach, missing materials, and the applicant of an online filing.
 */
import type { Db } from '../../platform/db';
import { type Actor } from '../../platform/auth';
import { badRequest, unprocessable, type FieldError } from '../../platform/errors';
import { assertFilesOwnedBy } from '../files/index';
import type * as repo from './cases.repository';
import type { CaseRow, MaterialRowDb } from './cases.repository';
import { applicantFromForm, idTail, type MaterialInput } from './cases.form';
import { verifiedApplicantAccount } from '../identity/index';
import type { ApplicantInfo } from './cases.tables';

export function throwFieldErrors(errors: FieldError[], what: string, code: string): void {
  if (errors.length)
    throw badRequest(`${what}：${errors.map((e) => `${e.field}：${e.message}`).join('；')}`, errors, code);
}

/** File ownership: every file of every material (except those `keep` already accepted) was uploaded by the filer. */
export async function assertMaterialFiles(
  db: Db,
  ownerId: string,
  materials: readonly MaterialInput[],
  keep: (m: MaterialInput) => boolean = () => false,
): Promise<void> {
  const ids: string[] = [];
  const names: string[] = [];
  materials.forEach((m, i) => {
    if (keep(m)) return;
    m.fileIds.forEach((f, j) => {
      ids.push(f);
      names.push(`materials.${i}.fileIds.${j}`);
    });
  });
  if (ids.length) await assertFilesOwnedBy(db, ownerId, ids, (k) => names[k]!);
}

export function missingMaterials(missing: FieldError[]): never {
  throw unprocessable(
    `材料不齐全，不能提交：${missing.map((m) => m.message).join('；')}`,
    missing,
    'materials_missing',
  );
}

/**
 * The applicant of an online filing: the signed-in account, as declared on the form. The account's
 * verified code binds: a person applies for themself, a company for itself (others go through a
 * window or an agent).
 */
export async function onlineApplicant(db: Db, actor: Actor, form: Record<string, unknown>): Promise<ApplicantInfo> {
  const account = await verifiedApplicantAccount(db, actor.id);
  const kind = actor.kind === 'company' ? 'company' : 'person';
  const applicant = applicantFromForm(
    {
      kind,
      name: actor.name,
      idNumber: account?.idNumber ?? null,
      creditCode: account?.creditCode ?? null,
      phone: account?.phone ?? null,
    },
    form,
  );
  if (applicant.kind === 'person' && account?.idNumber && applicant.idNumber !== account.idNumber) {
    throw unprocessable(
      '网上申请只能为本人办理：申请表中的身份证号与登录账号不一致（代他人办理请到窗口或委托代办）',
      [{ field: 'form.idNumber', message: '与登录账号的身份证号不一致' }],
      'applicant_mismatch',
    );
  }
  if (applicant.kind === 'company' && account?.creditCode && applicant.creditCode !== account.creditCode) {
    throw unprocessable(
      '网上申请只能为本单位办理：申请表中的统一社会信用代码与登录账号不一致',
      [{ field: 'form.creditCode', message: '与登录账号的统一社会信用代码不一致' }],
      'applicant_mismatch',
    );
  }
  return applicant;
}

/** Columns that follow the applicant when an online applicant changes their own form. */
export async function applicantColumns(
  db: Db,
  actor: Actor,
  row: CaseRow,
  form: Record<string, unknown>,
): Promise<{ cols: repo.CasePatch; applicant: ApplicantInfo | null }> {
  if (row.channel !== 'online' || row.applicant_id !== actor.id || row.created_by !== actor.id)
    return { cols: {}, applicant: null };
  const a = await onlineApplicant(db, actor, form);
  return { cols: { applicant: JSON.stringify(a), applicant_name: a.name, applicant_id_tail: idTail(a) }, applicant: a };
}

/** The material as sent is the one the case holds (same files in the same order, same paper flag). */
export function isUnchanged(m: MaterialInput, current: MaterialRowDb[]): boolean {
  const c = current.find((x) => x.material_id === m.materialId);
  return (
    !!c &&
    c.paper === !!m.paper &&
    c.file_ids.length === m.fileIds.length &&
    c.file_ids.every((f, i) => f === m.fileIds[i])
  );
}
