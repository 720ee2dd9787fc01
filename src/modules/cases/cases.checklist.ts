/**
 * 预审清单: the clerk's verdict on each material (符合 / 有问题 with the problem in the clerk's words), kept on
 * the server while the clerk checks, and closed by the step that ends the check (pre-review, one-time
 * correction notice, acceptance, refusal), whose history and audit entry record it. Pure rules.
 */
import { badRequest, type FieldError } from '../../platform/errors';
import type { MaterialStatus } from './cases.tables';

export type CheckResult = 'ok' | 'problem';
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = { ok: '符合', problem: '有问题' };

/** Steps that close the check: the checklist goes into their history event and audit entry. */
export const CHECK_ACTIONS: ReadonlySet<string> = new Set(['prereview-pass', 'request-correction', 'accept', 'refuse']);

export interface Check {
  materialId: string;
  result: CheckResult;
  /** The problem as the clerk wrote it (a problem may be saved before it is written out). */
  problem: string | null;
}

interface MaterialState {
  material_id: string;
  name: string;
  status: MaterialStatus;
}

/** Why a material cannot carry this verdict, or null: a material never handed in cannot be 符合. */
export function checkRefusal(m: MaterialState, result: CheckResult): string | null {
  return result === 'ok' && m.status === 'missing' ? `材料「${m.name}」未提交，不能标记为符合` : null;
}

/** The saved checklist with the checks given along with the step (those win, material by material). */
export function mergeChecks(saved: readonly Check[], given: readonly Check[]): Check[] {
  const byMaterial = new Map(saved.map((c) => [c.materialId, c]));
  for (const c of given) byMaterial.set(c.materialId, c);
  return [...byMaterial.values()];
}

/**
 * What stops a pre-review from passing: a material found wanting (it calls for a correction notice), or a
 * material the applicant handed in that nobody checked. Materials fetched from shared data need no check.
 */
export function prereviewRefusal(checks: readonly Check[], materials: readonly MaterialState[]): FieldError[] {
  const verdict = new Map(checks.map((c) => [c.materialId, c.result]));
  return materials.flatMap((m) => {
    const v = verdict.get(m.material_id);
    if (v === 'problem')
      return [{ field: 'checks', message: `材料「${m.name}」有问题，请一次性告知补正，不能预审通过` }];
    if (!v && m.status === 'received') return [{ field: 'checks', message: `材料「${m.name}」尚未检查` }];
    return [];
  });
}

interface Correction {
  materialId?: string;
  field?: string;
  problem: string;
}

/**
 * The corrections of a one-time notice: those the clerk wrote in the step, then every material the checklist
 * found wanting that they do not already name, in the clerk's words. A problem left without words is an error.
 */
export function correctionsWithChecks(
  given: readonly Correction[],
  checks: readonly Check[],
): { corrections: Correction[]; errors: FieldError[] } {
  const named = new Set(given.flatMap((c) => (c.materialId ? [c.materialId] : [])));
  const errors: FieldError[] = [];
  const added: Correction[] = [];
  for (const c of checks) {
    if (c.result !== 'problem' || named.has(c.materialId)) continue;
    const problem = c.problem?.trim();
    if (problem) added.push({ materialId: c.materialId, problem });
    else errors.push({ field: 'checks', message: `请写明材料 ${c.materialId} 的问题` });
  }
  return { corrections: [...given, ...added], errors };
}

/** The checklist as a history event and an audit entry record it. */
export const checksRecord = (checks: readonly Check[], materials: readonly MaterialState[]) =>
  checks.map((c) => ({
    materialId: c.materialId,
    name: materials.find((m) => m.material_id === c.materialId)?.name ?? c.materialId,
    result: c.result,
    ...(c.problem ? { problem: c.problem } : {}),
  }));

/** A correction step's body with the checklist's problems among its corrections (400 naming a problem left unwritten). */
export function withChecklistCorrections<B extends { corrections?: Correction[] }>(
  body: B,
  checks: readonly Check[],
): B {
  const { corrections, errors } = correctionsWithChecks(body.corrections ?? [], checks);
  if (errors.length)
    throw badRequest('预审清单中有问题的材料须写明问题，才能列入补正告知', errors, 'checklist_unwritten');
  return corrections.length ? { ...body, corrections } : body;
}
