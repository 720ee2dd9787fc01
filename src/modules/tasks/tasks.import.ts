/**
 * Importing a task breakdown table 任务分解表: a preview that stores nothing, the import itself (all or
 * nothing), and the demo's problems, stored the same way.
 */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { badRequest } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import { getRegion, listDepartmentsAt, listRegionsAt } from '../org/index';
import * as repo from './tasks.repository';
import { assertImports } from './tasks.policy';
import { mapMeasureUnits, parseDeadline, type NamedDepartment } from './tasks.rules';
import { checkImport, type BreakdownRow, type PlannedMeasure, type PlannedProblem } from './tasks.breakdown';
import type { ImportPreview, ImportResult } from './tasks.schemas';
import type { Ctx } from './tasks.context';
import { DEMO_PROBLEMS, DEMO_SOURCE } from './tasks.demo-data';

/** The demo's city, whose problems the demo stores. */
const DEMO_CITY = '211100';

/**
 * Every active department of a region and of the counties below it, for mapping the unit names of a 牵头单位
 * column to codes: a city's table names city and county departments.
 */
export async function knownDepartments(db: Db | Tx, regionCode: string): Promise<NamedDepartment[]> {
  const region = await getRegion(db, regionCode);
  if (!region) return [];
  const counties = region.level === 'city' ? await listRegionsAt(db, region.scopePrefix, 'county') : [];
  const departments = await listDepartmentsAt(db, [region.code, ...counties.map((c) => c.code)]);
  return departments.map((d) => ({ code: d.code, name: d.name, shortName: d.shortName }));
}

/** Validates rows (all or nothing) and groups them by problem; throws 400 listing every bad row. */
export function planImport(rows: BreakdownRow[]): PlannedProblem[] {
  const { plan, errors } = checkImport(rows);
  if (errors.length)
    throw badRequest(
      errors.map((e) => e.message).join('；'),
      errors.map((e) => ({ field: e.field, message: e.message })),
      'import_invalid',
    );
  return plan;
}

/** What an import would store — problems, measures and their departments as mapped — and every bad row; stores nothing. */
export async function previewBreakdown(db: Db, actor: Actor, rows: BreakdownRow[]): Promise<ImportPreview> {
  assertImports(actor);
  const { plan, errors } = checkImport(rows);
  const departments = await knownDepartments(db, actor.scope.regionCode);
  const problems = plan.map((p) => ({
    title: p.title,
    measures: p.measures.map((m) => {
      const units = mapMeasureUnits(m.lead, m.assisting, departments);
      return {
        row: m.row,
        content: m.content,
        leadUnits: m.lead,
        leadDepartmentCodes: units.leadCodes,
        assistingUnits: m.assisting,
        assistingDepartmentCodes: units.assistingCodes,
        unmatchedUnits: units.unmatched,
        deadlineText: m.deadlineText,
        deadline: m.deadline,
        longTerm: m.longTerm,
      };
    }),
  }));
  return { rows: rows.length, measures: problems.reduce((n, p) => n + p.measures.length, 0), problems, errors };
}

async function storePlanned(
  tx: Tx,
  actor: Actor | null,
  regionCode: string,
  source: string,
  problems: { title: string; category?: string; description?: string; measures: PlannedMeasure[] }[],
  departments: NamedDepartment[],
) {
  const unmatchedUnits: { row: number; name: string }[] = [];
  const problemIds: string[] = [];
  let number = await repo.nextProblemNumber(tx, regionCode);
  let count = 0;
  for (const p of problems) {
    const problem = await repo.insertProblem(tx, {
      number: number++,
      category: p.category ?? null,
      title: p.title,
      description: p.description ?? '',
      source,
      region_code: regionCode,
      created_by: actor?.id ?? null,
    });
    problemIds.push(problem.id);
    const rows = p.measures.map((m, i) => {
      const units = mapMeasureUnits(m.lead, m.assisting, departments);
      for (const name of units.unmatched) unmatchedUnits.push({ row: m.row, name });
      return {
        problem_id: problem.id,
        number: i + 1,
        content: m.content,
        lead_department_code: units.leadCodes[0] ?? null,
        lead_department_name: m.lead,
        co_lead_department_codes: units.leadCodes.slice(1),
        assisting_department_codes: units.assistingCodes,
        assisting_department_names: m.assisting,
        unmatched_department_names: units.unmatched,
        deadline_text: m.deadlineText,
        deadline: m.deadline,
        long_term: m.longTerm,
      };
    });
    const measures = await repo.insertMeasures(tx, rows);
    count += measures.length;
    await recordAudit(tx, {
      actor,
      action: actor ? 'tasks.problem.import' : 'tasks.problem.demo',
      entityType: 'supervision_problem',
      entityId: problem.id,
      after: { problem, measures },
    });
  }
  return { problems: problemIds.length, measures: count, unmatchedUnits, problemIds };
}

export async function importBreakdown(
  db: Db,
  ctx: Ctx,
  rows: BreakdownRow[],
  fileName: string | undefined,
): Promise<ImportResult> {
  const { actor } = ctx;
  assertImports(actor);
  const plan = planImport(rows);
  const departments = await knownDepartments(db, actor.scope.regionCode);
  return db
    .transaction()
    .execute((tx) =>
      storePlanned(
        tx,
        actor,
        actor.scope.regionCode,
        `任务分解表导入${fileName ? `：${fileName}` : ''}`,
        plan,
        departments,
      ),
    );
}

/** Demo: seed 004's 21 problems and 37 measures for the city. */
export async function seedTasksDemo(db: Db): Promise<void> {
  const departments = await knownDepartments(db, DEMO_CITY);
  await db.transaction().execute(async (tx) => {
    await storePlanned(
      tx,
      null,
      DEMO_CITY,
      DEMO_SOURCE,
      DEMO_PROBLEMS.map((p) => ({
        title: p.title,
        category: p.category,
        description: p.description,
        measures: p.measures.map((m) => {
          const d = parseDeadline(m.deadline) ?? { deadline: null, longTerm: false };
          return {
            content: m.content,
            lead: m.lead,
            assisting: '',
            deadlineText: m.deadline,
            deadline: d.deadline,
            longTerm: d.longTerm,
            row: 0,
          };
        }),
      })),
      departments,
    );
  });
}
