import type { Actor } from '../../platform/auth';

/**
 * Department binding, decided here only. An approver or chief with a department and no cross-department
 * role (clerk, supervisor, admin, …) is bound to it: it sees and acts on that department's items only.
 * Everyone else is not bound (their data scope is the region subtree, and the hall for a clerk).
 */
export function isDepartmentBound(actor: Pick<Actor, 'roles' | 'scope'>): boolean {
  return (
    !!actor.scope.departmentId && actor.roles.length > 0 && actor.roles.every((r) => r === 'approver' || r === 'chief')
  );
}

/**
 * The department codes a bound actor covers: its own department and, for an approval office 审批办
 * (a department with a parent), the parent's — items are catalogued under the parent department.
 */
export function coveredDepartmentCodes(department: { code: string }, parent?: { code: string }): string[] {
  return parent ? [department.code, parent.code] : [department.code];
}
