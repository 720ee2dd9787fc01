import type { ColumnType, Generated } from 'kysely';
import type { RuleCode, WarningLevel, WarningState } from './supervision.rules';

export type NoticeEvent = 'raised' | 'decided';
export type WarningSource = 'case' | 'hotline';

type DateCol = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

/** Kysely view of the supervision module's own tables. */
export interface SupervisionTables {
  warning_rules: {
    code: RuleCode;
    name: string;
    level: WarningLevel;
    enabled: boolean;
    params: Json<Record<string, unknown>>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  warnings: {
    id: Generated<string>;
    /** What the warning concerns: a case, or a 12345 ticket (its id, number and title in the case columns). */
    source: ColumnType<WarningSource, WarningSource | undefined, WarningSource>;
    case_id: string;
    case_number: string;
    item_name: string;
    rule: RuleCode;
    level: WarningLevel;
    reason: string;
    region_code: string;
    department_code: string;
    accept_hall_id: string | null;
    /** A ticket's card: the unit holding the ticket and its deadline. */
    unit_name: ColumnType<string | null, string | null | undefined, string | null>;
    due_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    state: ColumnType<WarningState, WarningState | undefined, WarningState>;
    raised_on: DateCol;
    raised_at: ColumnType<Date, Date | undefined, never>;
    explain_due: DateCol;
    explanation: string | null;
    explained_by: string | null;
    explained_by_name: string | null;
    explained_at: Date | null;
    decided_by: string | null;
    decided_by_name: string | null;
    decided_at: Date | null;
    decision_comment: string | null;
    version: Generated<number>;
  };
  /** Notifications sent to the responsible unit, one row per (warning, event). */
  warning_notices: {
    warning_id: string;
    event: NoticeEvent;
    recipients: number;
    notified_at: ColumnType<Date, Date | undefined, never>;
  };
}
