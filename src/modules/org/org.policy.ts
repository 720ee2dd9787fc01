import type { FastifyRequest } from 'fastify';
import { inRegionScope, requireActor, type Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { allow, definePolicy } from '../../platform/policy';

/** Who may change the organisation: system administrators 系统管理员, inside their region subtree. */
const orgPolicy = definePolicy([allow('admin', 'manage', 'org')]);

/** Administrators change the organisation (403 for other roles). */
export const assertManagesOrg = (actor: Actor) => orgPolicy.assert(actor, 'manage', 'org');

/** The signed-in administrator (401 without sign-in, 403 for other roles). */
export function requireOrgAdmin(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  assertManagesOrg(actor);
  return actor;
}

/** A record outside the actor's region subtree answers 404, as if it did not exist. */
export function assertInScope(actor: Actor, regionCode: string, what: string): void {
  if (!inRegionScope(actor, regionCode)) throw notFound(what);
}
