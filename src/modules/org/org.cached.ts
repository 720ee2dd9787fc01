/**
 * Cached look-ups for other modules: regions, departments and halls are read on nearly every request
 * (scope checks, case views) and change rarely. Org writes clear the cache (see org.service.ts);
 * another node sees a change within ORG_CACHE_MS.
 */
import { readCache } from '../../platform/cache';
import type { Db, Tx } from '../../platform/db';
import * as repo from './org.repository';
import type { Actor } from '../../platform/auth';
import { coveredDepartmentCodes, isDepartmentBound } from './org.departments';

export const ORG_CACHE_MS = 30_000;
export const orgCache = readCache(ORG_CACHE_MS);

export const getRegion = (db: Db | Tx, code: string) =>
  orgCache.get(db, `region:${code}`, () => repo.getRegion(db, code));
export const getDepartment = (db: Db | Tx, idOrCode: string) =>
  orgCache.get(db, `department:${idOrCode}`, () => repo.getDepartment(db, idOrCode));
export const getHall = (db: Db | Tx, idOrCode: string) =>
  orgCache.get(db, `hall:${idOrCode}`, () => repo.getHall(db, idOrCode));

/**
 * The department codes an actor covers when bound to a department (`isDepartmentBound`): its own and,
 * for an approval office, its parent's; null when not bound (the whole region subtree); [] when its
 * department no longer exists.
 */
export async function departmentCodesFor(db: Db | Tx, actor: Pick<Actor, 'roles' | 'scope'>): Promise<string[] | null> {
  if (!isDepartmentBound(actor)) return null;
  const d = await getDepartment(db, actor.scope.departmentId!);
  if (!d) return [];
  const parent = d.parentId ? await getDepartment(db, d.parentId) : undefined;
  return coveredDepartmentCodes(d, parent);
}
