import type { Generated } from 'kysely';
import type { RegionKind, RegionLevel } from './org.regions';

/** Kysely view of the org module's own tables. */
export interface OrgTables {
  regions: {
    code: string;
    name: string;
    level: RegionLevel;
    kind: RegionKind;
    parent_code: string | null;
    scope_prefix: string;
    official: boolean;
    active: Generated<boolean>;
    sort: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  departments: {
    id: Generated<string>;
    code: string;
    name: string;
    short_name: string | null;
    region_code: string;
    kind: DepartmentKind;
    parent_id: string | null;
    credit_code: string | null;
    active: Generated<boolean>;
    sort: Generated<number>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  halls: {
    id: Generated<string>;
    code: string;
    name: string;
    region_code: string;
    address: string | null;
    phone: string | null;
    hours: string | null;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  windows: {
    id: Generated<string>;
    hall_id: string;
    code: string;
    name: string;
    kind: WindowKind;
    department_id: string | null;
    active: Generated<boolean>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}

export { REGION_LEVELS } from './org.regions';
export type { RegionLevel, RegionKind };
export const DEPARTMENT_KINDS = [
  'department',
  'approval_bureau',
  'approval_office',
  'supervision',
  'service_center',
  'hotline',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const WINDOW_KINDS = ['comprehensive', 'department', 'exit', 'enquiry'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];
