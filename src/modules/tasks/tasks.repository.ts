import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { TasksTables } from './tasks.tables';
import type { Selectable } from 'kysely';

const q = (db: Db | Tx) => tables<TasksTables>(db);

export type ProblemRow = Selectable<TasksTables['supervision_problems']>;
export type MeasureRow = Selectable<TasksTables['supervision_measures']>;
export type ReportRow = Selectable<TasksTables['measure_reports']>;
export type UrgingRow = Selectable<TasksTables['measure_urgings']>;

export async function listProblemsInRegion(db: Db | Tx, regionPrefix: string): Promise<ProblemRow[]> {
  return q(db).selectFrom('supervision_problems').selectAll().where('region_code', 'like', `${regionPrefix}%`).orderBy('number').orderBy('created_at').execute();
}

export async function getProblem(db: Db | Tx, id: string): Promise<ProblemRow | undefined> {
  return q(db).selectFrom('supervision_problems').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function measuresOf(db: Db | Tx, problemIds: string[]): Promise<MeasureRow[]> {
  if (!problemIds.length) return [];
  return q(db).selectFrom('supervision_measures').selectAll().where('problem_id', 'in', problemIds).orderBy('problem_id').orderBy('number').execute();
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

export async function updateMeasure(db: Db | Tx, id: string, v: Partial<Omit<MeasureRow, 'id' | 'created_at'>>): Promise<MeasureRow> {
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
  return q(db).selectFrom('measure_reports').selectAll().where('measure_id', 'in', measureIds).orderBy('reported_at').execute();
}

export async function urgingsOf(db: Db | Tx, measureIds: string[]): Promise<UrgingRow[]> {
  if (!measureIds.length) return [];
  return q(db).selectFrom('measure_urgings').selectAll().where('measure_id', 'in', measureIds).orderBy('at').execute();
}

/** Marks open dated measures past their deadline overdue; returns the ids marked. */
export async function markOverdue(db: Db | Tx, today: string): Promise<string[]> {
  const rows = await q(db)
    .updateTable('supervision_measures')
    .set({ status: 'overdue', overdue_on: today })
    .where('status', '=', 'open')
    .where('long_term', '=', false)
    .where('deadline', 'is not', null)
    .where('deadline', '<', today)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
