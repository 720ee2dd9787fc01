/**
 * Read-only facts about ratings 好差评 for the assessment module 考核: the valid bad ratings, the
 * 非常满意 ratings and the rectifications that ran late. Exported through `index.ts`; no writes.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { scopeSql } from '../../platform/scope';

/** Same shape as the supervision scope: competent-region prefix, department codes (null = all), accepting hall. */
export interface RatingScope {
  regionPrefix: string;
  departmentCodes: readonly string[] | null;
  hallId: string | null;
}

export interface RatingFact {
  id: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  level: number;
  departmentCode: string;
  hallId: string | null;
  ratedOn: string;
  comment: string | null;
}

const scopeWhere = (s: RatingScope, t: string) =>
  scopeSql(
    { ...s, ownerId: null },
    { region: sql.ref(`${t}.region_code`), department: sql.ref(`${t}.department_code`), hall: sql.ref(`${t}.hall_id`) },
  );

/**
 * Ratings in the period that count in the assessment: 差评 (levels 1–2) that are valid — not excluded by
 * an upheld appeal 申诉成立 and not closed as invalid 无效差评 after the check — and 非常满意 (level 5)
 * not excluded.
 */
export async function ratingFactsBetween(db: Db | Tx, s: RatingScope, from: string, to: string): Promise<RatingFact[]> {
  const r = await sql<RatingFact>`
    select g.id, g.case_id as "caseId", g.case_number as "caseNumber", g.item_name as "itemName", g.level, g.department_code as "departmentCode",
           g.hall_id::text as "hallId", to_char(g.rated_on, 'YYYY-MM-DD') as "ratedOn", g.comment
    from ratings g
    where g.rated_on between ${from}::date and ${to}::date and not g.excluded and (g.level <= 2 or g.level = 5)
      and ${scopeWhere(s, 'g')}
      and not exists (select 1 from rectifications x where x.rating_id = g.id and x.status = 'closed_invalid')
    order by g.rated_on, g.case_number`.execute(db);
  return r.rows;
}

export interface LateRectificationFact {
  id: string;
  caseId: string;
  caseNumber: string;
  departmentCode: string;
  hallId: string | null;
  overdueOn: string;
}

/** Rectifications 差评整改 that went past their deadline within the period (marked by the daily sweep). */
export async function lateRectificationsBetween(
  db: Db | Tx,
  s: RatingScope,
  from: string,
  to: string,
): Promise<LateRectificationFact[]> {
  const r = await sql<LateRectificationFact>`
    select x.id, g.case_id as "caseId", g.case_number as "caseNumber", x.department_code as "departmentCode", x.hall_id::text as "hallId",
           to_char(x.overdue_on, 'YYYY-MM-DD') as "overdueOn"
    from rectifications x join ratings g on g.id = x.rating_id
    where x.was_overdue and x.overdue_on between ${from}::date and ${to}::date and ${scopeWhere(s, 'x')}
    order by x.overdue_on, g.case_number`.execute(db);
  return r.rows;
}
