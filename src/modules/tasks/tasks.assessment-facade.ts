/** Read-only facts about 督查督办 measures for the assessment module's weekly bulletin 每周通报. Exported through `index.ts`; no writes. */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { regionInSql } from '../../platform/scope';

export interface OverdueMeasureFact {
  id: string;
  problemNumber: number;
  problemTitle: string;
  measureNumber: number;
  content: string;
  leadDepartmentName: string;
  deadline: string | null;
  overdueOn: string | null;
  urgeCount: number;
}

/** Measures still overdue 逾期未完成 on `asOf` (marked overdue on or before it) of problems in the region subtree. */
export async function overdueMeasuresAsOf(
  db: Db | Tx,
  regionPrefix: string,
  asOf: string,
  limit = 200,
): Promise<OverdueMeasureFact[]> {
  const r = await sql<OverdueMeasureFact>`
    select m.id, p.number as "problemNumber", p.title as "problemTitle", m.number as "measureNumber", m.content,
           m.lead_department_name as "leadDepartmentName", to_char(m.deadline, 'YYYY-MM-DD') as deadline,
           to_char(m.overdue_on, 'YYYY-MM-DD') as "overdueOn", m.urge_count as "urgeCount"
    from supervision_measures m join supervision_problems p on p.id = m.problem_id
    where m.status = 'overdue' and m.overdue_on <= ${asOf}::date and ${regionInSql(sql.ref('p.region_code'), regionPrefix)}
    order by m.overdue_on, p.number, m.number
    limit ${limit}`.execute(db);
  return r.rows;
}
