import { forbidden } from './errors';
import type { Actor, Role } from './auth';

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
