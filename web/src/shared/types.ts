/** Shapes of the server's JSON, as written in the API contract. */
export type Role = 'admin' | 'supervisor' | 'clerk' | 'approver' | 'chief' | 'agent' | 'applicant';
export const STAFF_ROLES = ['admin', 'supervisor', 'clerk', 'approver', 'chief', 'agent'] as const;
export type UserKind = 'staff' | 'person' | 'company';
import type { RegionLevel, RegionKind } from './levels';
export { REGION_LEVELS, type RegionLevel, type RegionKind } from './levels';
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
/** Item type codes (GB/T 39554, as the catalog module defines them); labels in i18n `itemType.*`. */
export const ITEM_TYPES = [
  'licence',
  'penalty',
  'enforcement',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other_power',
  'public_service',
  'filing',
] as const;
export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy', 'electronic'] as const;
export const MATERIAL_SOURCES = ['applicant', 'elicence', 'department'] as const;
export const RESULT_TYPES = ['certificate', 'approval_document', 'other'] as const;
export const SPECIAL_PROCEDURE_KINDS = ['site_inspection', 'expert_review', 'hearing', 'inspection', 'other'] as const;
export const ONLINE_DEPTHS = [1, 2, 3, 4, 5, 6, 7] as const;
export const HANDLING_TYPES = ['immediate', 'promised'] as const;

export const CITY_CODE = '211100';

export interface Paged<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface UserScope {
  regionCode: string | null;
  regionName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  hallId: string | null;
  hallName: string | null;
  windowId: string | null;
  windowName?: string | null;
}

export interface User {
  id: string;
  username: string;
  name: string;
  kind: UserKind;
  roles: Role[];
  scope: UserScope;
  phoneMasked?: string | null;
  idNumberMasked?: string | null;
  lastLoginAt?: string | null;
  /** How the claimed ID number / credit code was verified (实名认证); null for staff. */
  verification?: {
    level: VerificationLevel;
    source: string | null;
    simulated: boolean;
    verifiedAt: string | null;
  } | null;
}

export type VerificationLevel = 'unverified' | 'provider' | 'representative' | 'window';

export interface LoginResponse {
  token: string;
  csrfToken: string;
  user: User;
}
/** An anonymous visitor gets `{ user: null, csrfToken: null }`. */
export interface MeResponse {
  user: User | null;
  csrfToken: string | null;
}

export interface Region {
  code: string;
  levelLabel?: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  official: boolean;
  active: boolean;
  childCount: number;
  /** Ancestors from the city down, excluding the region itself. */
  path?: { code: string; name: string }[];
  parentCode?: string | null;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  regionCode: string;
  regionName?: string | null;
  kind: DepartmentKind;
  parentId: string | null;
  creditCode: string | null;
  active: boolean;
}

export interface HallWindow {
  id: string;
  hallId?: string;
  code: string;
  name: string;
  kind: WindowKind;
  departmentId: string | null;
  departmentName?: string | null;
  active: boolean;
}

export interface Hall {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName?: string | null;
  address: string | null;
  phone: string | null;
  hours: string | null;
  active: boolean;
  windows?: HallWindow[];
}

/** A staff row: the scope comes flat (as in the contract) or nested under `scope` (as User). */
export interface Staff extends Partial<UserScope> {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  scope?: UserScope;
  phoneMasked: string | null;
  active: boolean;
  lastLoginAt: string | null;
}

export function staffScope(s: Staff): UserScope {
  return (
    s.scope ?? {
      regionCode: s.regionCode ?? null,
      regionName: s.regionName ?? null,
      departmentId: s.departmentId ?? null,
      departmentName: s.departmentName ?? null,
      hallId: s.hallId ?? null,
      hallName: s.hallName ?? null,
      windowId: s.windowId ?? null,
      windowName: s.windowName ?? null,
    }
  );
}

export interface ItemSummary {
  code: string;
  name: string;
  type: string;
  typeLabel: string;
  departmentCode: string;
  departmentName: string;
  decideLevel: string;
  acceptLevels: string[];
  handlingType: string;
  promisedDays: number | null;
  statutoryDays: number | null;
  visits: number;
  onlineDepth: number | string | null;
}

export interface Material {
  id: string;
  name: string;
  required: boolean;
  form: string;
  copies: number;
  paperSize?: string;
  source: string;
  toleranceAllowed: boolean;
  notes?: string;
  acceptanceStandard?: string;
  basis?: string;
}

export interface TimeLimit {
  days: number;
  unit?: 'working_day';
  note?: string;
}

/** The guide 办事指南 as the catalog module stores it; unknown fields are kept as they are. */
export interface ItemGuide {
  code?: string;
  name: string;
  implementingBody?: {
    name: string;
    nature: string;
    /** Where the body sits in the deciding region (a department by keyword, or the government). */
    office?: { kind: 'department'; keyword: string } | { kind: 'government' };
  };
  serviceObjects?: string[];
  acceptAnywhere?: boolean;
  expressDelivery?: boolean;
  onlinePayment?: boolean;
  appointment?: boolean;
  keywords?: string[];
  formFields?: unknown[];
  type?: string;
  typeLabel?: string;
  departmentCode?: string;
  departmentName?: string;
  version?: number | string;
  legalBasis: { title: string; article: string }[];
  acceptanceConditions: string[];
  materials: Material[];
  fees: { charged: boolean; items: { name: string; amount: string; basis: string }[] };
  statutoryLimit: TimeLimit;
  promisedLimit: TimeLimit;
  handlingType: string;
  visits: number;
  onlineDepth: number | string;
  hall: { name: string; address: string; hours: string };
  contacts: { consultPhone: string; complaintPhone: string };
  process: { step: string; description: string; limitDays?: number }[];
  specialProcedures: { kind: string; name: string; maxDays: number }[];
  /** `validYears`: the certificate's term (absent: 长期有效); `entries`: form-field keys it prints. */
  result: { name: string; type: string; validYears?: number; entries?: string[] };
  acceptLevels: string[];
  decideLevel: string;
  delegations?: Delegation[];
}

export interface Delegation {
  id?: string;
  fromLevel: string;
  toLevel: string;
  regionCode: string;
  regionName?: string;
  basis: string;
  effectiveDate: string;
  note?: string | null;
}

export interface AdminItem {
  code: string;
  name: string;
  type: string;
  typeLabel: string;
  departmentCode: string;
  regionCode: string;
  currentVersion: number | null;
  draftVersion: number | null;
  active: boolean;
  updatedAt: string;
}

export interface ItemVersion {
  version: number;
  status: 'draft' | 'published' | 'superseded';
  name: string;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
}

export type CalendarStatus = 'published' | 'draft' | 'missing';
export interface CalendarYear {
  year: number;
  status: CalendarStatus;
  source: string | null;
  notice: string | null;
  holidayCount: number;
  workdayCount: number;
}
export interface CalendarDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: string | null;
}
export interface CalendarDays {
  year: number;
  status: CalendarStatus;
  items: CalendarDay[];
}

export interface AuditEntry {
  id: string;
  at: string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
  seq: number | string | null;
  hash: string | null;
}
export interface AuditVerify {
  ok: boolean;
  checked: number;
  unsealed: number;
  brokenAtSeq?: number | string | null;
}
