/**
 * Who sees and handles ratings and rectifications 好差评数据范围 — pure rules, tested beside this file.
 *
 * - Supervisors 效能监察员 and admins see their region subtree (competent or accepting region).
 * - Approvers / chiefs see their region subtree; bound to a department, only that department's
 *   ratings (an approval office also its parent department's), like cases.
 * - Window clerks see the ratings of cases their hall registered.
 * - An applicant sees the ratings they cast. Anything else is 404.
 * - Handling: department staff (approver, chief, clerk of the hall) and supervisors check validity,
 *   extend and call back; only a supervisor reviews an "invalid" finding and decides appeals;
 *   department staff (not supervisors) file appeals.
 */
import { hasRole, type Actor } from '../../platform/auth';
import { guard, isStaff } from '../../platform/policy';

export interface RatingScopeFacts {
  departmentCode: string;
  regionCode: string;
  acceptRegionCode: string;
  hallId: string | null;
  ratedBy: string | null;
}

/** A row is visible when any branch matches; null branches are off. */
export interface ScopeFilter {
  regionPrefix: string | null;
  /** With `regionPrefix`: only these department codes (null = all). */
  departmentCodes: string[] | null;
  hallId: string | null;
  ratedBy: string | null;
}

const isWatcher = (a: Actor) => isStaff(a) && hasRole(a, 'supervisor', 'admin');
const isDeptHandler = (a: Actor) => isStaff(a) && hasRole(a, 'approver', 'chief');
const isClerk = (a: Actor) => isStaff(a) && hasRole(a, 'clerk') && !!a.scope.hallId;

/** `departmentCodes`: what a department-bound approver/chief covers (null = not bound). */
export function scopeFilterFor(actor: Actor, departmentCodes: string[] | null, includeOwn: boolean): ScopeFilter {
  const f: ScopeFilter = {
    regionPrefix: null,
    departmentCodes: null,
    hallId: null,
    ratedBy: includeOwn ? actor.id : null,
  };
  if (isWatcher(actor)) f.regionPrefix = actor.scope.regionPrefix;
  else if (isDeptHandler(actor)) {
    f.regionPrefix = actor.scope.regionPrefix;
    f.departmentCodes = departmentCodes;
  }
  if (isClerk(actor)) f.hallId = actor.scope.hallId;
  return f;
}

export function visible(f: ScopeFilter, r: RatingScopeFacts): boolean {
  if (f.regionPrefix !== null) {
    const inRegion = r.regionCode.startsWith(f.regionPrefix) || r.acceptRegionCode.startsWith(f.regionPrefix);
    if (inRegion && (!f.departmentCodes || f.departmentCodes.includes(r.departmentCode))) return true;
  }
  if (f.hallId !== null && r.hallId === f.hallId) return true;
  return f.ratedBy !== null && r.ratedBy === f.ratedBy;
}

export type HandleAction = 'check' | 'extend' | 'callback' | 'review' | 'appeal' | 'decide_appeal';

/** Whether an actor who can see the record (staff scope, not as the rater) may take the action. */
export function mayHandle(actor: Actor, action: HandleAction): boolean {
  if (!isStaff(actor)) return false;
  const supervisor = hasRole(actor, 'supervisor');
  const dept = hasRole(actor, 'approver', 'chief') || isClerk(actor);
  switch (action) {
    case 'check':
    case 'extend':
    case 'callback':
      return supervisor || dept;
    case 'review':
    case 'decide_appeal':
      return supervisor;
    case 'appeal':
      return dept;
  }
}

/** Applicants rate their own cases (online); window clerks open the rating device for a case their hall handled. */
export const canRate = (a: Actor) => !isStaff(a) && hasRole(a, 'applicant');
export const canOpenDevice = (a: Actor) => isStaff(a) && hasRole(a, 'clerk');
export const assertRates = guard(canRate, '只有办件的申请人可以评价');
export const assertOpensDevice = guard(canOpenDevice, '只有窗口人员可以发起现场评价');

/** The route's check for a handling action, before the record is looked up. */
export const assertHandles = (action: HandleAction, message?: string) => guard((a) => mayHandle(a, action), message);
