/**
 * 预审清单 kept on the server: the clerk's verdict on each material, saved as it is given (so that another
 * browser, or another clerk of the counter, finds it), audited, and closed by the step that records it
 * (see `CHECK_ACTIONS`). Rules in cases.checklist.
 */
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { auditInsert } from '../../platform/audit';
import { insertRows } from '../../platform/writes';
import { conflict, fieldError, forbidden, unprocessable } from '../../platform/errors';
import * as repo from './cases.repository';
import { caseUnderCheck } from './cases.act';
import { CHECK_RESULT_LABELS, checkRefusal, type CheckResult } from './cases.checklist';
import type { CaseChecklist } from './cases.schemas';
import type { z } from 'zod';

type Checklist = z.infer<typeof CaseChecklist>;

async function checklistOf(db: Db, caseId: string): Promise<Checklist> {
  const [rows, materials] = await Promise.all([repo.listChecks(db, caseId), repo.listMaterials(db, caseId)]);
  return {
    checks: rows.map((r) => ({
      materialId: r.material_id,
      materialName: materials.find((m) => m.material_id === r.material_id)?.name ?? r.material_id,
      result: r.result,
      resultLabel: CHECK_RESULT_LABELS[r.result],
      problem: r.problem,
      checkedBy: r.checked_by_name,
      checkedAt: r.checked_at,
    })),
  };
}

/** The checklist of a case, for the staff who see it. */
export async function getChecklist(db: Db, actor: Actor, id: string): Promise<Checklist> {
  if (actor.kind !== 'staff') throw forbidden('预审清单只对工作人员开放');
  await caseUnderCheck(db, actor, id);
  return checklistOf(db, id);
}

/** Saves the verdict on one material while the case is being checked (403 / 409 otherwise). */
export async function saveCheck(
  db: Db,
  ctx: { actor: Actor; ip: string | null; now: Date },
  id: string,
  materialId: string,
  input: { result: CheckResult; problem?: string },
): Promise<Checklist> {
  const { actor } = ctx;
  if (actor.kind !== 'staff') throw forbidden('只有窗口工作人员可以填写预审清单');
  const { closing } = await caseUnderCheck(db, actor, id);
  if (!closing.length) throw conflict('该办件当前不在预审或受理环节，或您不能办理，不能填写预审清单', 'not_checking');
  const material = (await repo.listMaterials(db, id)).find((m) => m.material_id === materialId);
  if (!material) throw fieldError('materialId', `该办件没有材料 ${materialId}`);
  const why = checkRefusal(material, input.result);
  if (why) throw unprocessable(why, [{ field: 'result', message: why }], 'material_not_submitted');
  const problem = input.result === 'problem' ? input.problem?.trim() || null : null;
  const { now } = ctx;
  await db.transaction().execute(async (tx) => {
    const before = (await repo.listChecks(tx, id)).find((c) => c.material_id === materialId);
    await repo.saveCheck(tx, {
      case_id: id,
      material_id: materialId,
      result: input.result,
      problem,
      checked_by: actor.id,
      checked_by_name: actor.name,
      checked_at: now,
    });
    await insertRows(tx, [
      auditInsert({
        actor,
        action: 'cases.case.check',
        entityType: 'case',
        entityId: id,
        before: before ? { materialId, result: before.result, problem: before.problem } : null,
        after: { materialId, result: input.result, problem },
        ip: ctx.ip,
      }),
    ]);
  });
  return checklistOf(db, id);
}
