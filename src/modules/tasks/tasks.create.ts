/** A supervisor assigns a problem 交办 with its measures, each led by a department and due by a date or long-term. */
import type { Db, Tx } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { getDepartment } from '../org/index';
import * as repo from './tasks.repository';
import { assertAssigns } from './tasks.policy';
import type { CreateTaskBody, ProblemDetail } from './tasks.schemas';
import type { Ctx } from './tasks.context';
import { getTask } from './tasks.read';

async function validDepartmentCode(db: Db | Tx, code: string, field: string): Promise<string> {
  const d = await getDepartment(db, code);
  if (!d || d.code !== code) throw fieldError(field, `部门 ${code} 不存在`);
  return d.name;
}

export async function createTask(db: Db, ctx: Ctx, body: CreateTaskBody): Promise<ProblemDetail> {
  const { actor } = ctx;
  assertAssigns(actor);
  const names: string[] = [];
  for (const [i, m] of body.measures.entries()) {
    names.push(await validDepartmentCode(db, m.leadDepartmentCode, `measures.${i}.leadDepartmentCode`));
    for (const [j, c] of m.assistingDepartmentCodes.entries())
      await validDepartmentCode(db, c, `measures.${i}.assistingDepartmentCodes.${j}`);
  }
  const id = await db.transaction().execute(async (tx) => {
    const regionCode = actor.scope.regionCode;
    const problem = await repo.insertProblem(tx, {
      number: await repo.nextProblemNumber(tx, regionCode),
      category: body.category ?? null,
      title: body.title,
      description: body.description,
      source: body.source,
      region_code: regionCode,
      created_by: actor.id,
    });
    const measures = await repo.insertMeasures(
      tx,
      body.measures.map((m, i) => ({
        problem_id: problem.id,
        number: i + 1,
        content: m.content,
        lead_department_code: m.leadDepartmentCode,
        lead_department_name: names[i]!,
        co_lead_department_codes: [],
        assisting_department_codes: [...new Set(m.assistingDepartmentCodes)],
        assisting_department_names: '',
        unmatched_department_names: [],
        deadline_text: m.longTerm ? '长期' : m.deadline!,
        deadline: m.longTerm ? null : m.deadline!,
        long_term: m.longTerm,
      })),
    );
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'tasks.problem.create',
      entityType: 'supervision_problem',
      entityId: problem.id,
      after: { problem, measures },
    });
    return problem.id;
  });
  return getTask(db, actor, id);
}
