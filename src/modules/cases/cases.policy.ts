/**
 * Who may see and act on a case 数据范围与办理权限 — pure rules, tested beside this file.
 *
 * - Staff who handle cases (clerk, approver, chief) and who watch them (supervisor, admin) see the
 *   cases of their region subtree. Acting depends on who holds the case now 四级联动: staff act when
 *   the holder (`current_region_code`, at `current_level`) is in their scope AND they work at that
 *   level (a county approver does not act on a case the village still holds). The competent region
 *   (`region_code`), the accepting region (`accept_region_code`) and a holder at another level let
 *   them follow it read-only.
 * - An approver or chief bound to a department sees only that department's items (an approval
 *   office 审批办 also sees its parent department's items): `departmentCodesFor` in org decides.
 * - A draft never submitted is private: only the applicant and whoever created it see it.
 * - The applicant (and the agent who filed for them) own their cases; anyone else gets 404.
 */
import { hasRole, inRegionScope, type Actor, type CaseRole, type Role } from '../../platform/auth';
import { forbidden } from '../../platform/errors';
import { guard } from '../../platform/policy';
import type { Performer } from '../workflow/index';
import { levelOfCode } from './cases.linkage';
import type { Level } from './cases.tables';

/** Roles that see cases by region scope. */
export const REGION_ROLES: readonly Role[] = ['clerk', 'approver', 'chief', 'supervisor', 'admin'];
/** Roles whose work queue the inbox shows (the standard definitions' staff performers). */
export const ACTING_ROLES: readonly Role[] = ['clerk', 'approver', 'chief'];
/** Roles that may file a case. */
export const FILING_ROLES: readonly Role[] = ['applicant', 'agent', 'clerk'];

export interface CaseFacts {
  regionCode: string;
  acceptRegionCode: string;
  departmentCode: string;
  applicantId: string | null;
  createdBy: string;
  /** Submitted at least once; a draft that never was is private to whoever created it and the applicant. */
  submitted: boolean;
  /** Who holds the case now (default: the competent region). */
  currentRegionCode?: string;
  currentLevel?: Level;
}

/** The actor works at the holder of the case: the holder is in scope and at the actor's own level. */
export function holdsCase(
  actor: Actor,
  c: Pick<CaseFacts, 'regionCode' | 'currentRegionCode' | 'currentLevel'>,
): boolean {
  const holder = c.currentRegionCode ?? c.regionCode;
  if (!inRegionScope(actor, holder)) return false;
  const own = levelOfCode(actor.scope.regionCode);
  const level = c.currentLevel ?? levelOfCode(holder);
  return !own || !level || own === level;
}

const followsCase = (actor: Actor, c: CaseFacts) =>
  inRegionScope(actor, c.regionCode) ||
  inRegionScope(actor, c.acceptRegionCode) ||
  (!!c.currentRegionCode && inRegionScope(actor, c.currentRegionCode));

export type CaseAccess = 'none' | 'view' | 'act';

export const isRegionStaff = (actor: Actor) => actor.kind === 'staff' && hasRole(actor, ...REGION_ROLES);

/** The applicant's account, or whoever filed it for them (an agent; a clerk for a paper case without an account). */
export function isOwner(actor: Actor, c: Pick<CaseFacts, 'applicantId' | 'createdBy'>): boolean {
  if (c.applicantId === actor.id) return true;
  return c.createdBy === actor.id && (c.applicantId === null || !hasRole(actor, 'clerk'));
}

/**
 * A clerk who filed a case for an applicant stands in for them only while the case is held at the clerk's own
 * level: once reported up, the level holding it decides (withdrawal included).
 */
export function standsInNoLonger(actor: Actor, c: CaseFacts): boolean {
  return actor.kind === 'staff' && c.createdBy === actor.id && c.applicantId !== actor.id && !holdsCase(actor, c);
}

/**
 * What the actor may do with the case. `departmentCodes` are the department codes a
 * department-bound actor covers (null = not bound).
 */
export function caseAccess(actor: Actor, c: CaseFacts, departmentCodes: readonly string[] | null): CaseAccess {
  const owner = isOwner(actor, c);
  if (isRegionStaff(actor)) {
    const deptOk =
      (c.submitted || c.createdBy === actor.id) && (!departmentCodes || departmentCodes.includes(c.departmentCode));
    if (deptOk && holdsCase(actor, c)) return 'act';
    if (owner) return 'act';
    if (deptOk && followsCase(actor, c)) return 'view';
    if (c.createdBy === actor.id) return 'view';
    return 'none';
  }
  return owner ? 'act' : 'none';
}

/**
 * The performers the workflow engine should consider for this actor on this case: the staff roles
 * (in the competent scope) and `owner`. Which of them may take which action is the definition's business.
 */
export function performersFor(actor: Actor, c: CaseFacts, departmentCodes: readonly string[] | null): Performer[] {
  const out: Performer[] = [];
  if (isRegionStaff(actor)) {
    const deptOk =
      (c.submitted || c.createdBy === actor.id) && (!departmentCodes || departmentCodes.includes(c.departmentCode));
    if (deptOk && holdsCase(actor, c)) out.push(...actor.roles.filter((r): r is CaseRole => REGION_ROLES.includes(r)));
  }
  if (isOwner(actor, c) && !standsInNoLonger(actor, c)) out.push('owner');
  return out;
}

/** Who may file a case: applicants for themselves, window clerks and agents for an applicant. */
export const canFile = (actor: Actor) => hasRole(actor, ...FILING_ROLES);
/** The route's check, before the application is read: the same sentence the service answers with. */
export const assertFiles = guard(canFile, '当前角色不能提交申请');

/** How a filer files: `window` (a clerk registers a case), `agent` (for a client, online) or `self` (online). */
export type FilingAs = 'window' | 'agent' | 'self';

/** How the actor files (a clerk who is also an agent files at the window); 403 when they may not file. */
export function filingAs(actor: Actor): FilingAs {
  assertFiles(actor);
  if (actor.kind === 'staff') {
    if (filesAtWindow(actor)) return 'window';
    if (hasRole(actor, 'agent')) return 'agent';
    throw forbidden('只有申请人、窗口人员和代办员可以提交申请');
  }
  if (!hasRole(actor, 'applicant')) throw forbidden('只有申请人可以网上申请');
  return 'self';
}

/** A clerk files at a window: paper materials count as received (no other filer's do). */
export const filesAtWindow = (actor: Actor) => actor.kind === 'staff' && hasRole(actor, 'clerk');

/** A draft never submitted is changed only by the applicant or whoever registered it. */
export function assertEditsDraft(actor: Actor, c: Pick<CaseFacts, 'createdBy'>, performers: readonly Performer[]) {
  if (!performers.includes('owner') && c.createdBy !== actor.id)
    throw forbidden('只有申请人或登记该办件的窗口人员可以修改草稿');
}

/** A window clerk of the accepting region or of the level holding the case. */
export const isWindowClerkOf = (
  actor: Actor,
  c: Pick<CaseFacts, 'acceptRegionCode' | 'regionCode' | 'currentRegionCode'>,
) =>
  actor.kind === 'staff' &&
  hasRole(actor, 'clerk') &&
  (inRegionScope(actor, c.acceptRegionCode) || inRegionScope(actor, c.currentRegionCode ?? c.regionCode));

/** 补交容缺材料: the applicant's side, or a window clerk of the accepting region or of the holder. */
export const canSupply = (actor: Actor, c: CaseFacts, performers: readonly Performer[]) =>
  performers.includes('owner') || isWindowClerkOf(actor, c);
export function assertSupplies(actor: Actor, c: CaseFacts, performers: readonly Performer[]) {
  if (!canSupply(actor, c, performers)) throw forbidden('只有申请人或受理、承办窗口人员可以补交容缺材料');
}

/**
 * 上报 / 退回 (四级联动): the staff roles in which the actor holds the case (`holderRoles`) that hand it over;
 * none for anyone else.
 */
export const handoverRoles = (holderRoles: readonly Performer[]): Performer[] =>
  holderRoles.filter((r) => (ACTING_ROLES as readonly string[]).includes(r));

/** The tolerance promises list 容缺承诺清单 is for the staff who see cases by region. */
export const assertSeesPromises = guard(isRegionStaff, '只有工作人员和监察人员可以查看容缺承诺清单');
