import { forbidden, unauthorized } from './errors';
import { hasRole, type Actor, type Role } from './auth';

/**
 * Who may do what 权限规则. Each module keeps its rules in `<module>.policy.ts`: pure `can…` functions over
 * the actor (and the facts of a resource), `assert…` functions that throw 403, and the `access` each route
 * declares. Data scope (which records an actor sees; 404 outside it) is `platform/scope.ts`.
 */

/** One line of "who may do what": role, action, resource kind, and an optional condition. */
export interface Rule<R> {
  role: Role;
  action: string;
  resource: string;
  when?: (actor: Actor, resource: R) => boolean;
}

export const allow = <R = unknown>(role: Role, action: string, resource: string, when?: Rule<R>['when']): Rule<R> => ({
  role,
  action,
  resource,
  when,
});

export interface Policy<R> {
  can(actor: Actor, action: string, resource: string, subject?: R): boolean;
  /** Throws 403 when no rule allows it. */
  assert(actor: Actor, action: string, resource: string, subject?: R): void;
}

export function definePolicy<R = unknown>(rules: Rule<R>[]): Policy<R> {
  const can = (actor: Actor, action: string, resource: string, subject?: R) =>
    rules.some(
      (r) =>
        r.action === action &&
        r.resource === resource &&
        actor.roles.includes(r.role) &&
        (!r.when || (subject !== undefined && r.when(actor, subject))),
    );
  return {
    can,
    assert(actor, action, resource, subject) {
      if (!can(actor, action, resource, subject)) throw forbidden();
    },
  };
}

/** An `assert…` rule: throws 403 (with the module's own sentence) when the actor may not. */
export type Guard = (actor: Actor) => void;

/** The guard of a `can…` rule: `export const assertCanAssign = guard(canAssign, '仅督查人员可交办督查任务')`. */
export const guard =
  (can: (actor: Actor) => boolean, message?: string): Guard =>
  (actor) => {
    if (!can(actor)) throw forbidden(message);
  };

/** The `can…` rule "holds one of these roles". */
export const anyRole =
  (...roles: Role[]) =>
  (actor: Actor): boolean =>
    hasRole(actor, ...roles);

/** Staff accounts (whatever their role), as opposed to applicants' accounts. */
export const isStaff = (actor: Actor): boolean => actor.kind === 'staff';

/**
 * Who may call a route at all, declared on the route (`config: { access }`) and checked when the request
 * arrives, before its body is read or validated: anonymous → 401, role not allowed → 403.
 * - `'public'`: anyone, signed in or not;
 * - `'signedIn'`: any signed-in account (what it sees is then the service's data scope);
 * - a list of roles: signed in with one of them;
 * - a guard from the module's policy: signed in and let through by it.
 */
export type RouteAccess = 'public' | 'signedIn' | readonly Role[] | Guard;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** Throws the 401 or 403 the route's declared access calls for. */
export function checkAccess(access: RouteAccess, actor: Actor | null): void {
  if (access === 'public') return;
  if (!actor) throw unauthorized();
  if (access === 'signedIn') return;
  if (typeof access === 'function') access(actor);
  else if (!hasRole(actor, ...access)) throw forbidden();
}

/** The actor's region subtree is the whole city (a city-level account: the city's 4-digit prefix or shorter). */
export const isCityWide = (actor: Pick<Actor, 'scope'>): boolean => actor.scope.regionPrefix.length <= 4;
