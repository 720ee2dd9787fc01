/**
 * Who may do what in running supervision 运行监管（预警） — pure rules, tested beside this file.
 *
 * - Staff who watch or handle cases see warnings: supervisors 效能监察员 and admins their whole region
 *   subtree, approvers and chiefs their department's (and its approval office's), window clerks the
 *   cases accepted in their hall (without a hall, their region subtree). Applicants and agents: 403.
 * - The responsible unit (approver, chief, clerk) explains a warning; supervisors and admins confirm or
 *   revoke it, run the sweep and read the rules; only city-level ones change the rules.
 * - The figures and the overview are for supervisors, admins, approvers and chiefs.
 */
import { hasRole, type Actor } from '../../platform/auth';
import { anyRole, guard, isCityWide, isStaff } from '../../platform/policy';

/** How an actor's warnings are narrowed beyond the region subtree; null: the actor sees none. */
export function warningReach(actor: Actor): 'region' | 'department' | 'hall' | null {
  if (!isStaff(actor)) return null;
  if (hasRole(actor, 'supervisor', 'admin')) return 'region';
  if (hasRole(actor, 'approver', 'chief')) return 'department';
  if (hasRole(actor, 'clerk')) return 'hall';
  return null;
}

export const canSeeWarnings = (actor: Actor) => warningReach(actor) !== null;
export const canWatch = (actor: Actor) => isStaff(actor) && hasRole(actor, 'supervisor', 'admin');
export const canExplainWarnings = anyRole('approver', 'chief', 'clerk');
export const canEditRules = (actor: Actor) => canWatch(actor) && isCityWide(actor);
export const canSeeFigures = (actor: Actor) =>
  canSeeWarnings(actor) && anyRole('supervisor', 'admin', 'chief', 'approver')(actor);

export const assertSeesWarnings = guard(canSeeWarnings);
export const assertWatches = guard(canWatch);
export const assertExplains = guard(canExplainWarnings, '只有责任单位的办理人员可以提交情况说明');
export const assertDecides = guard(canWatch, '只有效能监察员可以确认或撤销预警');
export const assertEditsRules = guard(canEditRules, '只有市级效能监察员可以修改预警规则');
export const assertSeesFigures = guard(canSeeFigures);
