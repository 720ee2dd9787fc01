/**
 * Cached look-ups for other modules: regions, departments and halls are read on nearly every request
 * (scope checks, case views) and change rarely. Org writes clear the cache (see org.service.ts);
 * another node sees a change within ORG_CACHE_MS.
 */
import { readCache } from '../../platform/cache';
import type { Db, Tx } from '../../platform/db';
import * as repo from './org.repository';

export const ORG_CACHE_MS = 30_000;
export const orgCache = readCache(ORG_CACHE_MS);

export const getRegion = (db: Db | Tx, code: string) =>
  orgCache.get(db, `region:${code}`, () => repo.getRegion(db, code));
export const getDepartment = (db: Db | Tx, idOrCode: string) =>
  orgCache.get(db, `department:${idOrCode}`, () => repo.getDepartment(db, idOrCode));
export const getHall = (db: Db | Tx, idOrCode: string) =>
  orgCache.get(db, `hall:${idOrCode}`, () => repo.getHall(db, idOrCode));
