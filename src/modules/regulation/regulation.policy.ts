/** Who may do what in after-approval supervision 审管联动. */
import { hasRole, inRegionScope, type Actor } from '../../platform/auth';
import { anyRole, guard, isStaff } from '../../platform/policy';

/** Staff of the regulator department 监管部门 (by their assignment, whatever their role). */
export const isStaffOf = (actor: Actor, departmentId: string | null) =>
  isStaff(actor) && departmentId !== null && actor.scope.departmentId === departmentId;

/** System administrators configure the item → regulator table and the inspector roster in their region. */
export const isAdminFor = (actor: Actor, regionCode: string) =>
  hasRole(actor, 'admin') && inRegionScope(actor, regionCode);

/** Only staff work in after-approval supervision; applicants see the published inspections only. */
export const assertStaff = guard(isStaff, '仅限工作人员');

/** Administrators maintain the item → regulator table and the inspector roster. */
export const assertAdmin = guard(anyRole('admin'), '仅系统管理员可以维护监管配置');

/** The approving side 审批部门: approvers and chiefs (of the item's department when bound to one); supervisors and admins see their whole region. */
export const isApprovingSide = (actor: Actor) => hasRole(actor, 'admin', 'supervisor', 'approver', 'chief');
