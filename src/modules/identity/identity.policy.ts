/**
 * Who may do what with accounts 账号与人员 — pure rules, tested beside this file.
 *
 * - Anyone signs in, registers and asks for a challenge; a signed-in account manages its own password,
 *   sessions, sign-in history and real-name verification.
 * - Administrators 系统管理员 create, change, (de)activate and reset staff of their region subtree and read
 *   the sign-in attempts; supervisors 效能监察员 read the staff roster of their subtree. A staff member
 *   outside the subtree is 404.
 * - Window clerks 窗口人员 verify an applicant's identity documents at the window 窗口实名核验.
 */
import { inRegionScope, type Actor, type UserKind } from '../../platform/auth';
import { anyRole, guard } from '../../platform/policy';

export const canManageStaff = anyRole('admin');
export const canReadStaff = anyRole('admin', 'supervisor');
export const canVerifyAtWindow = anyRole('clerk');

export const assertManagesStaff = guard(canManageStaff, '仅系统管理员可以管理人员和查看登录记录');
export const assertReadsStaff = guard(canReadStaff, '仅系统管理员和效能监察员可以查看人员');
export const assertVerifiesAtWindow = guard(canVerifyAtWindow, '仅窗口人员可以办理窗口实名核验');

/** A staff member the actor manages: staff, placed in a region inside the actor's subtree. */
export const isStaffInScope = (actor: Actor, u: { kind: UserKind; region_code: string | null }) =>
  u.kind === 'staff' && !!u.region_code && inRegionScope(actor, u.region_code);
