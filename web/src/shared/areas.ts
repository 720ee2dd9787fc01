/**
 * Work areas 工作区: which parts of the app a signed-in person may enter, where each person lands after
 * signing in, and which area a path belongs to. Pure (no React, no antd), so the route guards, the
 * header's area switch and the sign-in redirect read the same rules.
 */
import type { Role, User } from './types';

export type StaffArea = 'workbench' | 'supervision' | 'hotline' | 'regulation' | 'admin';
export type Area = 'portal' | 'my' | StaffArea;

type Person = Pick<User, 'kind' | 'roles'> & { scope?: Pick<User['scope'], 'departmentId'> };

/** The roles of the 12345 hotline: 话务员, 热线中心, 承办人员. */
const HOTLINE_ROLES: Role[] = ['operator', 'hotline', 'handler'];

/** The roles each staff area admits (the route guards of App.tsx); `regulation` admits every staff member. */
export const AREA_ROLES: Record<Exclude<StaffArea, 'regulation'>, Role[]> = {
  admin: ['admin'],
  workbench: ['supervisor', 'clerk', 'approver', 'chief', 'agent', 'admin'],
  supervision: ['supervisor', 'admin', 'approver', 'chief', 'clerk'],
  hotline: HOTLINE_ROLES,
};

/** Roles that handle cases themselves (an inbox of their own). */
const CASE_ROLES: Role[] = ['clerk', 'approver', 'chief', 'agent'];

export const AREA_PATH: Record<Area, string> = {
  portal: '/',
  my: '/my',
  workbench: '/workbench',
  supervision: '/supervision',
  hotline: '/hotline',
  regulation: '/regulation',
  admin: '/admin',
};

const has = (u: Person, roles: readonly Role[]) => u.roles.some((r) => roles.includes(r));

/** Whether the person may enter the area. */
export function mayEnter(u: Person, area: Area): boolean {
  switch (area) {
    case 'portal':
      return true;
    case 'my':
      return u.kind !== 'staff';
    case 'regulation':
      return u.kind === 'staff';
    default:
      return u.kind === 'staff' && has(u, AREA_ROLES[area]);
  }
}

/** The staff areas the person may enter, in the order the area switch lists them. */
export function staffAreas(u: Person): StaffArea[] {
  return (['workbench', 'supervision', 'hotline', 'regulation', 'admin'] as const).filter((a) => mayEnter(u, a));
}

/**
 * Where a person lands after signing in: an administrator in administration, an applicant in the personal
 * space, a supervisor who handles no cases in the supervision overview, staff without a case role (a
 * regulator's inspectors) in 审管联动, hotline staff with no other role in the hotline, everyone else in the
 * workbench.
 */
export function homeFor(u: Person): string {
  if (u.roles.includes('admin')) return AREA_PATH.admin;
  if (u.kind !== 'staff' || u.roles.includes('applicant')) return AREA_PATH.my;
  if (!u.roles.length) return AREA_PATH.regulation;
  if (u.roles.includes('supervisor') && !has(u, CASE_ROLES)) return AREA_PATH.supervision;
  if (u.roles.every((r) => HOTLINE_ROLES.includes(r))) return AREA_PATH.hotline;
  return AREA_PATH.workbench;
}

/** The area a path belongs to (`/workbench/cases/…` → workbench; anything public → portal). */
export function areaOf(pathname: string): Area {
  const first = pathname.split('/')[1] ?? '';
  if (first === 'my') return 'my';
  if (
    first === 'workbench' ||
    first === 'supervision' ||
    first === 'hotline' ||
    first === 'regulation' ||
    first === 'admin'
  )
    return first;
  return 'portal';
}

export type WorkbenchLink = 'promises' | 'rectifications' | 'issuing' | 'tasks' | 'identity' | 'appeals';

/**
 * The shortcuts of the workbench home that fit the person: 容缺 promises, rectifications and rating appeals
 * for those who answer for a unit or supervise one, issuing for the exit counter and its supervisors,
 * department tasks for staff of a department, the identity check for window clerks. An agent files
 * cases and sees none of them.
 */
export function workbenchLinks(u: Person): WorkbenchLink[] {
  const links: WorkbenchLink[] = [];
  const unit = has(u, ['clerk', 'approver', 'chief', 'supervisor']);
  if (unit) links.push('promises', 'rectifications');
  if (has(u, ['clerk', 'supervisor', 'admin'])) links.push('issuing');
  if (u.scope?.departmentId) links.push('tasks');
  if (has(u, ['clerk'])) links.push('identity');
  if (unit) links.push('appeals');
  return links;
}
