import type { ColumnType, Generated } from 'kysely';
import type { RatingChannel } from './ratings.rules';
import type { RectificationStatus } from './ratings.rectification';

type DateCol = ColumnType<string, string, string>;
type Created = ColumnType<Date, Date | undefined, never>;

/** Kysely view of the ratings module's own tables. */
export interface RatingsTables {
  ratings: {
    id: Generated<string>;
    case_id: string;
    case_number: string;
    item_code: string;
    item_name: string;
    channel: RatingChannel;
    level: number;
    indicators: string[];
    comment: string | null;
    department_code: string;
    region_code: string;
    accept_region_code: string;
    hall_id: string | null;
    /** The applicant's account; null when cast on the window device for an applicant without one. */
    rated_by: string | null;
    via_device: Generated<boolean>;
    rated_on: DateCol;
    /** Excluded from statistics by an upheld appeal 申诉成立. */
    excluded: Generated<boolean>;
    created_at: Created;
  };
  rating_device_sessions: {
    token: string;
    case_id: string;
    hall_id: string | null;
    created_by: string;
    expires_at: Date;
    used_at: Date | null;
    created_at: Created;
  };
  rectifications: {
    id: Generated<string>;
    rating_id: string;
    status: RectificationStatus;
    department_code: string;
    region_code: string;
    accept_region_code: string;
    hall_id: string | null;
    check_valid: boolean | null;
    check_reason: string | null;
    checked_by: string | null;
    checked_by_name: string | null;
    checked_at: Date | null;
    review_confirm: boolean | null;
    review_comment: string | null;
    reviewed_by: string | null;
    reviewed_by_name: string | null;
    reviewed_at: Date | null;
    started_on: DateCol | null;
    deadline: DateCol | null;
    deadline_provisional: Generated<boolean>;
    extended: Generated<boolean>;
    extension_reason: string | null;
    extension_days: number | null;
    measures: string | null;
    callback_by: string | null;
    callback_by_name: string | null;
    callback_at: Date | null;
    callback_method: string | null;
    callback_result: string | null;
    applicant_satisfied: boolean | null;
    was_overdue: Generated<boolean>;
    overdue_on: DateCol | null;
    closed_at: Date | null;
    version: Generated<number>;
    created_at: Created;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  rating_appeals: {
    id: Generated<string>;
    rating_id: string;
    status: 'pending' | 'upheld' | 'rejected';
    reason: string;
    evidence: string;
    filed_by: string;
    filed_by_name: string;
    filed_at: Created;
    decided_by: string | null;
    decided_by_name: string | null;
    decided_at: Date | null;
    decision_comment: string | null;
  };
}
