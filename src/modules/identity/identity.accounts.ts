/**
 * Account look-ups for other modules (the identity facade): who an applicant is, which online account
 * holds an ID number or credit code verified (the one place that decides which account a case binds to:
 * an unverified claim binds none), and an actor for a username when the system acts on a user's behalf
 * (demo data, batch jobs).
 */
import type { Actor, DataScope, Role, UserKind } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { unprocessable } from '../../platform/errors';
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
  /** The claimed ID number / credit code is verified (实名认证); only then does it bind cases. */
  verified: boolean;
}

/** What an applicant's account is assigned: no region, department, hall or window (it sees only its own records). */
export const APPLICANT_ASSIGNMENT = {
  roles: ['applicant'] as Role[],
  region_code: null,
  region_prefix: null,
  department_id: null,
  hall_id: null,
  window_id: null,
};

export const toAccount = (u: repo.UserRow): Account => ({
  id: u.id,
  username: u.username,
  kind: u.kind,
  name: u.name,
  idNumber: u.id_number,
  creditCode: u.credit_code,
  phone: u.phone,
  verified: u.kind !== 'staff' && u.verification !== 'unverified',
});

export async function getAccount(db: Db | Tx, id: string): Promise<Account | undefined> {
  const u = await repo.findUserById(db, id);
  return u && toAccount(u);
}

/**
 * The active applicant account that holds this ID number or credit code verified, if any: the account a
 * case filed for the code binds to. An account that only claims the code (unverified) is never answered,
 * so it neither sees nor acts on cases filed for that code by others.
 */
export async function findApplicantAccount(
  db: Db | Tx,
  code: { idNumber?: string; creditCode?: string },
): Promise<Account | undefined> {
  if (!code.idNumber && !code.creditCode) return undefined;
  const u = await repo.findVerifiedApplicantByCode(db, code);
  return u && toAccount(u);
}

/**
 * An applicant's own account for an online filing: its claim must be verified first (an unverified
 * account could otherwise file, and be issued documents, in someone else's name). 422 otherwise.
 */
export async function verifiedApplicantAccount(db: Db | Tx, id: string): Promise<Account> {
  const account = await getAccount(db, id);
  if (!account?.verified)
    throw unprocessable(
      '网上申请须先完成实名认证：请在“账号安全”中认证，或携带有效证件到政务服务大厅窗口办理',
      [],
      'identity_unverified',
    );
  return account;
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
