import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { MeasureStatus, TasksTables } from './tasks.tables';
import { sql, type ExpressionBuilder, type Expression, type Selectable, type SqlBool } from 'kysely';
import { regionIn } from '../../platform/scope';
import { pageOf, type Page, type PageRequest } from '../../platform/paging';

const q = (db: Db | Tx) => tables<TasksTables>(db);

export type ProblemRow = Selectable<TasksTables['supervision_problems']>;
export type MeasureRow = Selectable<TasksTables['supervision_measures']>;
export type ReportRow = Selectable<TasksTables['measure_reports']>;
export type UrgingRow = Selectable<TasksTables['measure_urgings']>;

/** Which measures a list shows: the actor's department (scope) and the filter, all optional. */
export interface MeasureCriteria {
  /** Department staff see only measures their department leads, co-leads or assists. */
  scopeDepartment?: string;
  department?: string;
  status?: MeasureStatus;
  overdue?: boolean;
  longTerm?: boolean;
  /** A keyword in the problem or the measure (content, lead and assisting units). */
  q?: string;
}

export const hasMeasureCriteria = (c: MeasureCriteria) =>
  c.scopeDepartment !== undefined ||
  c.department !== undefined ||
  c.status !== undefined ||
  c.overdue !== undefined ||
  c.longTerm !== undefined ||
  !!c.q;

type MeasureEb = ExpressionBuilder<
  TasksTables & { m: TasksTables['supervision_measures']; p: TasksTables['supervision_problems'] },
  'm' | 'p'
>;

const involvesDepartment = (code: string) =>
  sql<SqlBool>`(m.lead_department_code = ${code} or ${code} = any(m.co_lead_department_codes) or ${code} = any(m.assisting_department_codes))`;

/** The criteria as one condition on measure `m` of problem `p`. */
function measureMatches(eb: MeasureEb, c: MeasureCriteria): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (c.scopeDepartment !== undefined) all.push(involvesDepartment(c.scopeDepartment));
  if (c.department !== undefined) all.push(involvesDepartment(c.department));
  if (c.status !== undefined) all.push(eb('m.status', '=', c.status));
  if (c.overdue !== undefined) all.push(c.overdue ? eb('m.status', '=', 'overdue') : eb('m.status', '!=', 'overdue'));
  if (c.longTerm !== undefined) all.push(eb('m.long_term', '=', c.longTerm));
  if (c.q)
    all.push(
      sql<SqlBool>`strpos(p.title || ' ' || p.description || ' ' || m.content || ' ' || m.lead_department_name || ' ' || m.assisting_department_names, ${c.q}) > 0`,
    );
  return eb.and(all);
}

/**
 * One page of the problems in a region subtree having at least one measure that meets the criteria
 * (without criteria: every problem), in problem-number order, and how many there are in all.
 */
export async function pageProblems(
  db: Db | Tx,
  regionPrefix: string,
  c: MeasureCriteria,
  page: PageRequest | null,
): Promise<Page<ProblemRow>> {
  let base = q(db)
    .selectFrom('supervision_problems as p')
    .where((eb) => regionIn(eb, 'p.region_code', regionPrefix));
  if (hasMeasureCriteria(c))
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supervision_measures as m')
          .select('m.id')
          .whereRef('m.problem_id', '=', 'p.id')
          .where((mb) => measureMatches(mb as unknown as MeasureEb, c)),
      ),
    );
  return pageOf(base, (qb) => qb.selectAll('p').orderBy('p.number').orderBy('p.created_at').orderBy('p.id'), page);
}

/** The measures of these problems that meet the criteria, by problem then number. */
export async function matchingMeasuresOf(db: Db | Tx, problemIds: string[], c: MeasureCriteria): Promise<MeasureRow[]> {
  if (!problemIds.length) return [];
  return q(db)
    .selectFrom('supervision_measures as m')
    .innerJoin('supervision_problems as p', 'p.id', 'm.problem_id')
    .selectAll('m')
    .where('m.problem_id', 'in', problemIds)
    .where((eb) => measureMatches(eb as unknown as MeasureEb, c))
    .orderBy('m.problem_id')
    .orderBy('m.number')
    .execute();
}

export async function getProblem(db: Db | Tx, id: string): Promise<ProblemRow | undefined> {
  return q(db).selectFrom('supervision_problems').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getProblems(db: Db | Tx, ids: string[]): Promise<ProblemRow[]> {
  if (!ids.length) return [];
  return q(db).selectFrom('supervision_problems').selectAll().where('id', 'in', ids).execute();
}

export async function measuresOf(db: Db | Tx, problemIds: string[]): Promise<MeasureRow[]> {
  if (!problemIds.length) return [];
  return q(db)
    .selectFrom('supervision_measures')
    .selectAll()
    .where('problem_id', 'in', problemIds)
    .orderBy('problem_id')
    .orderBy('number')
    .execute();
}

export async function getMeasure(db: Db | Tx, id: string, forUpdate = false): Promise<MeasureRow | undefined> {
  let qb = q(db).selectFrom('supervision_measures').selectAll().where('id', '=', id);
  if (forUpdate) qb = qb.forUpdate();
  return qb.executeTakeFirst();
}

export async function nextProblemNumber(db: Db | Tx, regionCode: string): Promise<number> {
  const r = await q(db)
    .selectFrom('supervision_problems')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('region_code', '=', regionCode)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export async function insertProblem(db: Db | Tx, v: Omit<ProblemRow, 'id' | 'created_at'>): Promise<ProblemRow> {
  return q(db).insertInto('supervision_problems').values(v).returningAll().executeTakeFirstOrThrow();
}

export type NewMeasure = Pick<
  MeasureRow,
  | 'problem_id'
  | 'number'
  | 'content'
  | 'lead_department_code'
  | 'lead_department_name'
  | 'co_lead_department_codes'
  | 'assisting_department_codes'
  | 'assisting_department_names'
  | 'unmatched_department_names'
  | 'deadline_text'
  | 'deadline'
  | 'long_term'
>;

export async function insertMeasures(db: Db | Tx, rows: NewMeasure[]): Promise<MeasureRow[]> {
  if (!rows.length) return [];
  return q(db).insertInto('supervision_measures').values(rows).returningAll().execute();
}

export async function updateMeasure(
  db: Db | Tx,
  id: string,
  v: Partial<Omit<MeasureRow, 'id' | 'created_at'>>,
): Promise<MeasureRow> {
  return q(db).updateTable('supervision_measures').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertReport(db: Db | Tx, v: Omit<ReportRow, 'id' | 'reported_at'>): Promise<ReportRow> {
  return q(db).insertInto('measure_reports').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function insertUrging(db: Db | Tx, v: Omit<UrgingRow, 'id' | 'at'>): Promise<UrgingRow> {
  return q(db).insertInto('measure_urgings').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function reportsOf(db: Db | Tx, measureIds: string[]): Promise<ReportRow[]> {
  if (!measureIds.length) return [];
  return q(db)
    .selectFrom('measure_reports')
    .selectAll()
    .where('measure_id', 'in', measureIds)
    .orderBy('reported_at')
    .execute();
}

export async function urgingsOf(db: Db | Tx, measureIds: string[]): Promise<UrgingRow[]> {
  if (!measureIds.length) return [];
  return q(db).selectFrom('measure_urgings').selectAll().where('measure_id', 'in', measureIds).orderBy('at').execute();
}

/** Marks open dated measures past their deadline overdue; returns the measures marked. */
export async function markOverdue(db: Db | Tx, today: string): Promise<MeasureRow[]> {
  return q(db)
    .updateTable('supervision_measures')
    .set({ status: 'overdue', overdue_on: today })
    .where('status', '=', 'open')
    .where('long_term', '=', false)
    .where('deadline', 'is not', null)
    .where('deadline', '<', today)
    .returningAll()
    .execute();
}
