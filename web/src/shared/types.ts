/** Names for the server's JSON, taken from the generated API schema, and the enumerations the forms offer. */
import type { Res, Row } from './client';
export const STAFF_ROLES = [
  'admin',
  'supervisor',
  'clerk',
  'approver',
  'chief',
  'agent',
  'operator',
  'hotline',
  'handler',
  'trading',
] as const;
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

/** A paged list as every list route answers it. */
export interface Paged<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

/** The signed-in user (`GET /api/auth/me`). */
export type User = NonNullable<Res<'/api/auth/me'>['user']>;
export type Role = User['roles'][number];
export type UserKind = User['kind'];
export type UserScope = User['scope'];
export type VerificationLevel = NonNullable<User['verification']>['level'];
export type LoginResponse = Res<'/api/auth/login', 'post'>;
/** An anonymous visitor gets `{ user: null, csrfToken: null }`. */
export type MeResponse = Res<'/api/auth/me'>;

export type Region = Res<'/api/regions/{code}'>;
export type Department = Row<'/api/departments'>;
export type Hall = Row<'/api/halls'> & { windows?: HallWindow[] };
export type HallWindow = Res<'/api/halls/{id}'>['windows'][number];
export type Staff = Row<'/api/staff'>;

export type ItemSummary = Row<'/api/items'>;
/** The published guide 办事指南 of an item (`GET /api/items/{code}`). */
export type ItemGuide = Res<'/api/items/{code}'>;
export type Material = ItemGuide['materials'][number];
export type Delegation = ItemGuide['delegations'][number];
export type AdminItem = Row<'/api/admin/items'>;
export type ItemVersion = Res<'/api/items/{code}/versions'>[number];

export type CalendarYear = Res<'/api/calendar/years'>[number];
export type CalendarStatus = CalendarYear['status'];
export type CalendarDays = Res<'/api/calendar/days'>;
export type CalendarDay = CalendarDays['items'][number];

export type AuditEntry = Row<'/api/audit'>;
export type AuditVerify = Res<'/api/audit/verify', 'post'>;
