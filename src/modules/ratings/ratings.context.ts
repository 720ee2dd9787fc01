/**
 * What every ratings use case starts from: its context (actor, address), the actor's scope over ratings
 * and the check that a staff member may handle one (404 outside the scope, 403 without the role).
 */
import type { Actor } from '../../platform/auth';
import type { Db, Tx } from '../../platform/db';
import { forbidden, notFound } from '../../platform/errors';
import { departmentCodesFor } from '../org/index';
import type { RatingRow } from './ratings.repository';
import {
  mayHandle,
  scopeFilterFor,
  visible,
  type HandleAction,
  type RatingScopeFacts,
  type ScopeFilter,
} from './ratings.policy';

export interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The instant the request acts at. */
  now: Date;
}

export const RATING = '评价';
export const RECT = '差评整改';
export const APPEAL = '申诉';

export async function scopeOf(db: Db | Tx, actor: Actor, includeOwn: boolean): Promise<ScopeFilter> {
  return scopeFilterFor(actor, await departmentCodesFor(db, actor), includeOwn);
}

export const factsOfRating = (r: RatingRow): RatingScopeFacts => ({
  departmentCode: r.department_code,
  regionCode: r.region_code,
  acceptRegionCode: r.accept_region_code,
  hallId: r.hall_id,
  ratedBy: r.rated_by,
});

/** Whether the rating is in the actor's scope (`includeOwn`: also the ratings the actor made). */
export const seesRating = async (db: Db | Tx, actor: Actor, r: RatingRow, includeOwn: boolean) =>
  visible(await scopeOf(db, actor, includeOwn), factsOfRating(r));

/** Staff scope (not as the rater) and the role for the action, else 404 / 403. */
export async function assertHandle(db: Db | Tx, actor: Actor, r: RatingRow, action: HandleAction, what: string) {
  if (!(await seesRating(db, actor, r, false))) throw notFound(what);
  if (!mayHandle(actor, action)) throw forbidden();
}
