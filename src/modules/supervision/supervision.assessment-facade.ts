/**
 * Read-only facts about warnings and cards for the assessment module 考核 (monthly scores, weekly
 * bulletin). Exported through `index.ts`; no writes.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import type { WarningScope } from './supervision.repository';
import type { WarningLevel, WarningState } from './supervision.rules';
import { scopeSql } from '../../platform/scope';

export type { WarningScope } from './supervision.repository';

export interface WarningFact {
  id: string;
  /** A case's card, or a 12345 ticket's (then caseId and caseNumber are the ticket's). */
  source: 'case' | 'hotline';
  caseId: string;
  caseNumber: string;
  itemName: string;
  ruleName: string;
  level: WarningLevel;
  state: WarningState;
  /** The unit submitted an explanation 情况说明 (before the decision). */
  explained: boolean;
  regionCode: string;
  departmentCode: string;
  acceptHallId: string | null;
  raisedOn: string;
  explainDue: string;
  reason: string;
}

/** Warnings in scope raised between `from` and `to` (inclusive civil days), oldest first. */
export async function warningFactsBetween(
  db: Db | Tx,
  s: WarningScope,
  from: string,
  to: string,
): Promise<WarningFact[]> {
  const r = await sql<WarningFact>`
    select w.id, w.source, w.case_id as "caseId", w.case_number as "caseNumber", w.item_name as "itemName", coalesce(r.name, w.rule) as "ruleName",
           w.level, w.state, (w.explanation is not null) as explained, w.region_code as "regionCode", w.department_code as "departmentCode",
           w.accept_hall_id::text as "acceptHallId", to_char(w.raised_on, 'YYYY-MM-DD') as "raisedOn", to_char(w.explain_due, 'YYYY-MM-DD') as "explainDue", w.reason
    from warnings w left join warning_rules r on r.code = w.rule
    where w.raised_on between ${from}::date and ${to}::date
      and ${scopeSql(
        { ...s, ownerId: null },
        {
          region: sql.ref('w.region_code'),
          department: sql.ref('w.department_code'),
          hall: sql.ref('w.accept_hall_id'),
        },
      )}
    order by w.raised_on, w.case_number, w.id`.execute(db);
  return r.rows;
}
