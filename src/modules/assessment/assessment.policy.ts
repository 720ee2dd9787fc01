/**
 * Who may see and change the monthly assessment 绩效考核 — pure rules, tested beside this file.
 *
 * - Scores: supervisors 效能监察员 and admins of their region subtree, approvers and chiefs of their
 *   department (the warnings' data scope, from supervision). Others: 403.
 * - The scoring rules are the city's: admins and city-level supervisors change them.
 * - Weekly bulletins: supervisors and admins read and generate them.
 */
import type { Actor } from '../../platform/auth';
import { anyRole, guard, isCityWide, isStaff } from '../../platform/policy';

export const canSeeScores = (actor: Actor) =>
  isStaff(actor) && anyRole('supervisor', 'admin', 'chief', 'approver')(actor);
export const canEditRules = (actor: Actor) =>
  anyRole('admin')(actor) || (anyRole('supervisor')(actor) && isCityWide(actor));
export const canReport = (actor: Actor) => isStaff(actor) && anyRole('supervisor', 'admin')(actor);

export const assertSeesScores = guard(canSeeScores, '只有效能监察员和部门负责人员可以查看考核');
export const assertEditsRules = guard(canEditRules, '只有系统管理员和市级效能监察员可以修改考核计分规则');
export const assertReports = guard(canReport, '只有效能监察员可以查看和生成每周通报');
