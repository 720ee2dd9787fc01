/**
 * Who may do what with supervision tasks 督查督办 — pure rules, tested beside this file.
 *
 * - Supervisors 效能监察员 and admins assign problems, import breakdown tables, urge, mark overdue and
 *   record accountability, for the problems of their region subtree.
 * - Department staff see the measures their department leads or assists and report on them; only a
 *   leading department completes a measure.
 * - Anyone else: 403. A problem or measure outside what the actor sees: 404.
 */
import type { Actor } from '../../platform/auth';
import { anyRole, guard, isStaff } from '../../platform/policy';

export const canSupervise = anyRole('admin', 'supervisor');

/** How an actor reaches tasks: a supervisor by region, department staff by their department, others not at all. */
export function taskReach(actor: Actor): 'region' | 'department' | null {
  if (canSupervise(actor)) return 'region';
  if (isStaff(actor) && actor.scope.departmentId) return 'department';
  return null;
}

export const canSeeTasks = (actor: Actor) => taskReach(actor) !== null;

export const assertSeesTasks = guard(canSeeTasks, '仅督查人员和承担整改任务的部门人员可查看督查督办任务');
export const assertAssigns = guard(canSupervise, '仅督查人员可交办督查任务');
export const assertImports = guard(canSupervise, '仅督查人员可导入任务分解表');
export const assertSupervises = guard(canSupervise, '仅督查人员可执行此操作');

/** The departments of a measure. */
export interface MeasureDepartments {
  lead_department_code: string | null;
  co_lead_department_codes: readonly string[];
  assisting_department_codes: readonly string[];
}

/** The department leads the measure (alone or as a co-lead). */
export const leads = (m: MeasureDepartments, code: string) =>
  m.lead_department_code === code || m.co_lead_department_codes.includes(code);

/** The department leads or assists the measure: its staff see it. */
export const involves = (m: MeasureDepartments, code: string) =>
  leads(m, code) || m.assisting_department_codes.includes(code);

/**
 * What department staff may do with a measure: report on it when their department is involved,
 * complete it (`leadOnly`) when it leads; 'hidden' when it is not theirs (404).
 */
export function measureAccess(m: MeasureDepartments, code: string, leadOnly: boolean): 'act' | 'hidden' | 'not-lead' {
  if (!involves(m, code)) return 'hidden';
  if (leadOnly && !leads(m, code)) return 'not-lead';
  return 'act';
}
