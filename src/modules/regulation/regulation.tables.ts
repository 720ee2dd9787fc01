import type { ColumnType, Generated } from 'kysely';
import type { PushStatus } from './regulation.chase';

type DateCol = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | undefined, Date>;

export type EntityKind = 'person' | 'company';
/** 监管结果 pushed back by the regulator. */
export type SupervisionResult = 'qualified' | 'rectify' | 'case_filed' | 'revoked' | 'other';
export type PlanStatus = 'draft' | 'drawn' | 'published';
export type InspectionResult = 'qualified' | 'problem';

/** An inspector as drawn for a target (snapshot: the roster may change later). */
export interface DrawnInspector {
  accountId: string;
  name: string;
  certificateNumber: string;
}

/** The recorded inputs of a draw, enough to re-run it. */
export interface DrawCandidates {
  targets: { id: string; name: string; regionCode: string; creditCode: string | null }[];
  inspectors: { id: string; residenceRegionCode: string | null; conflicts: string[] }[];
  lastInspectors: Record<string, string[]>;
}

/** Kysely view of the regulation module's own tables. */
export interface RegulationTables {
  regulation_assignments: {
    id: Generated<string>;
    item_code: string;
    item_name: string;
    region_code: string;
    /** Scope prefix of region_code: the mapping covers cases whose region starts with it. */
    region_prefix: string;
    department_id: string;
    department_code: string;
    department_name: string;
    version: Generated<number>;
    updated_by: string;
    updated_at: Stamp;
  };
  regulation_pushes: {
    id: Generated<string>;
    case_id: string;
    case_number: string;
    item_code: string;
    item_name: string;
    approving_department_code: string;
    region_code: string;
    entity_name: string;
    entity_kind: EntityKind;
    credit_code: string | null;
    licence_number: string | null;
    granted_on: DateCol;
    status: PushStatus;
    regulator_department_id: string | null;
    regulator_department_name: string | null;
    pushed_at: Date | null;
    due_on: DateCol | null;
    received_at: Date | null;
    received_by_name: string | null;
    result: SupervisionResult | null;
    result_text: string | null;
    result_on: DateCol | null;
    returned_at: Date | null;
    returned_by_name: string | null;
    reminded_on: DateCol | null;
    reminders: Generated<number>;
    version: Generated<number>;
    created_at: Stamp;
  };
  regulation_cursor: {
    name: string;
    after_updated_at: Date | null;
    after_id: string | null;
  };
  regulation_entities: {
    id: Generated<string>;
    case_id: string | null;
    name: string;
    entity_kind: EntityKind;
    credit_code: string | null;
    item_code: string;
    item_name: string;
    licence_number: string | null;
    region_code: string;
    regulator_department_id: string | null;
    source: 'grant' | 'register';
    active: Generated<boolean>;
    created_at: Stamp;
  };
  regulation_inspectors: {
    account_id: string;
    username: string;
    name: string;
    department_id: string;
    department_name: string;
    region_code: string;
    certificate_number: string;
    residence_region_code: string | null;
    conflicts: string[];
    active: Generated<boolean>;
    version: Generated<number>;
    updated_at: Stamp;
  };
  regulation_plans: {
    id: Generated<string>;
    department_id: string;
    department_name: string;
    region_code: string;
    name: string;
    target_region_code: string;
    item_codes: string[];
    target_count: number;
    inspectors_per_target: number;
    status: ColumnType<PlanStatus, PlanStatus | undefined, PlanStatus>;
    seed: string | null;
    candidates: ColumnType<DrawCandidates | null, string | null | undefined, string | null>;
    drawn_at: Date | null;
    drawn_by_name: string | null;
    published_at: Date | null;
    created_by_name: string;
    created_at: Stamp;
    version: Generated<number>;
  };
  regulation_plan_targets: {
    id: Generated<string>;
    plan_id: string;
    seq: number;
    entity_id: string;
    entity_name: string;
    entity_kind: EntityKind;
    credit_code: string | null;
    item_name: string;
    region_code: string;
    inspectors: ColumnType<DrawnInspector[], string, string>;
    result: InspectionResult | null;
    result_text: string | null;
    result_on: DateCol | null;
    recorded_by_name: string | null;
    recorded_at: Date | null;
  };
}
