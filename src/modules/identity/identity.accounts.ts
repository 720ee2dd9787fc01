/**
 * Account look-ups for other modules (the identity facade): who an applicant is, which online account
 * owns an ID number or credit code, and an actor for a username when the system acts on a user's behalf
 * (demo data, batch jobs).
 */
import type { Actor, DataScope, Role, UserKind } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { getDepartment } from '../org/index';
import * as repo from './identity.repository';

/** Scope prefix that matches no region code: applicants see only what is theirs. */
export const NO_REGION = '-';

type ScopeColumns = Pick<
  repo.UserRow,
  'kind' | 'region_code' | 'region_prefix' | 'department_id' | 'hall_id' | 'window_id'
>;

/** The data scope a user's assignment gives: staff see their region subtree, applicants no region. */
export function scopeOf(u: ScopeColumns): DataScope {
  return {
    regionCode: u.region_code ?? '',
    regionPrefix: u.kind === 'staff' && u.region_prefix ? u.region_prefix : NO_REGION,
    departmentId: u.department_id,
    hallId: u.hall_id,
    windowId: u.window_id,
  };
}

export interface Account {
  id: string;
  username: string;
  kind: UserKind;
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
}

const toAccount = (u: repo.UserRow): Account => ({
  id: u.id,
  username: u.username,
  kind: u.kind,
  name: u.name,
  idNumber: u.id_number,
  creditCode: u.credit_code,
  phone: u.phone,
});

export async function getAccount(db: Db | Tx, id: string): Promise<Account | undefined> {
  const u = await repo.findUserById(db, id);
  return u && toAccount(u);
}

/** The active applicant account registered with this ID number or credit code, if any. */
export async function findApplicantAccount(
  db: Db | Tx,
  code: { idNumber?: string; creditCode?: string },
): Promise<Account | undefined> {
  if (!code.idNumber && !code.creditCode) return undefined;
  const u = await repo.findApplicantByCode(db, code);
  return u && toAccount(u);
}

/** The actor a session of this user would carry, without a session (system work on the user's behalf). */
export async function actorForUsername(db: Db | Tx, username: string): Promise<Actor> {
  const u = await repo.findUserByUsername(db, username);
  if (!u) throw new Error(`no such account: ${username}`);
  return {
    id: u.id,
    username: u.username,
    name: u.name,
    kind: u.kind,
    roles: u.roles,
    scope: scopeOf(u),
    sessionId: '00000000-0000-0000-0000-000000000000',
    csrfToken: '',
    viaCookie: false,
  };
}

/** A staff member to notify: who, without personal data. */
export interface StaffContact {
  id: string;
  username: string;
  name: string;
  roles: Role[];
}

/** Ids of the staff assigned to a window 窗口 (a UUID): the cases they registered are the window's. */
export async function staffIdsAtWindow(db: Db | Tx, windowId: string): Promise<string[]> {
  return repo.staffIdsAtWindow(db, windowId);
}

/**
 * The active staff accounts of a department 部门人员 (by id or code), optionally only those within a
 * region subtree (`regionPrefix`) or at a hall; an unknown department has none.
 */
export async function listDepartmentStaff(
  db: Db | Tx,
  f: { department: string; regionPrefix?: string; hallId?: string },
): Promise<StaffContact[]> {
  const dept = await getDepartment(db, f.department);
  if (!dept) return [];
  const rows = await repo.activeDepartmentStaff(db, {
    departmentId: dept.id,
    regionPrefix: f.regionPrefix,
    hallId: f.hallId,
  });
  return rows.map((u) => ({ id: u.id, username: u.username, name: u.name, roles: u.roles }));
}
