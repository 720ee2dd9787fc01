import { sql, type ExpressionBuilder, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { RatingsTables } from './ratings.tables';
import type { ScopeFilter } from './ratings.policy';
import { regionIn, whereRegionIn } from '../../platform/scope';
import { pageOf } from '../../platform/paging';

const q = (db: Db | Tx) => tables<RatingsTables>(db);

export type RatingRow = Selectable<RatingsTables['ratings']>;
export type RectificationRow = Selectable<RatingsTables['rectifications']>;
export type AppealRow = Selectable<RatingsTables['rating_appeals']>;
export type DeviceSessionRow = Selectable<RatingsTables['rating_device_sessions']>;

type ScopedTable = 'ratings' | 'rectifications';

/** The scope filter as SQL; `ratedBy` only applies to ratings. */
function scopeWhere<T extends ScopedTable>(f: ScopeFilter) {
  return (eb: ExpressionBuilder<RatingsTables, T>) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const e = eb as unknown as ExpressionBuilder<any, any>;
    const ors = [];
    if (f.regionPrefix !== null) {
      const region = regionIn(e, ['region_code', 'accept_region_code'], f.regionPrefix);
      ors.push(
        f.departmentCodes
          ? e.and([region, f.departmentCodes.length ? e('department_code', 'in', f.departmentCodes) : e.lit(false)])
          : region,
      );
    }
    if (f.hallId !== null) ors.push(e('hall_id', '=', f.hallId));
    if (f.ratedBy !== null) ors.push(e('rated_by', '=', f.ratedBy));
    return ors.length ? e.or(ors) : e.lit(false);
  };
}

/* ------------------------------------------------------------------ ratings */

export async function insertRating(tx: Tx, row: Insertable<RatingsTables['ratings']>): Promise<RatingRow> {
  return q(tx).insertInto('ratings').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getRating(db: Db | Tx, id: string): Promise<RatingRow | undefined> {
  return q(db).selectFrom('ratings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRating(db: Db | Tx, caseId: string, channel: string): Promise<RatingRow | undefined> {
  return q(db)
    .selectFrom('ratings')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('channel', '=', channel as RatingRow['channel'])
    .executeTakeFirst();
}

export async function setRatingExcluded(tx: Tx, id: string, excluded: boolean): Promise<void> {
  await q(tx).updateTable('ratings').set({ excluded }).where('id', '=', id).execute();
}

export interface RatingFilter {
  level?: number;
  channel?: 'online' | 'window';
  departmentCode?: string;
  from?: string;
  to?: string;
  caseId?: string;
  page: number;
  pageSize: number;
}

export async function listRatings(db: Db | Tx, scope: ScopeFilter, f: RatingFilter) {
  let sel = q(db).selectFrom('ratings').where(scopeWhere<'ratings'>(scope));
  if (f.level !== undefined) sel = sel.where('level', '=', f.level);
  if (f.channel) sel = sel.where('channel', '=', f.channel);
  if (f.departmentCode) sel = sel.where('department_code', '=', f.departmentCode);
  if (f.from) sel = sel.where('rated_on', '>=', f.from);
  if (f.to) sel = sel.where('rated_on', '<=', f.to);
  if (f.caseId) sel = sel.where('case_id', '=', f.caseId);
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), f);
}

export interface SummaryRow {
  department_code: string;
  level: number;
  excluded: boolean;
  n: number;
}

/** Counts per department, level and exclusion, for ratings cast in [from, to] (inclusive) under a region prefix. */
export async function summaryCounts(
  db: Db | Tx,
  f: { from?: string; to?: string; regionPrefix?: string; channel?: 'online' | 'window' },
): Promise<SummaryRow[]> {
  let sel = q(db)
    .selectFrom('ratings')
    .select(['department_code', 'level', 'excluded', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['department_code', 'level', 'excluded']);
  if (f.from) sel = sel.where('rated_on', '>=', f.from);
  if (f.to) sel = sel.where('rated_on', '<=', f.to);
  if (f.channel) sel = sel.where('channel', '=', f.channel);
  if (f.regionPrefix) sel = whereRegionIn(sel, ['region_code', 'accept_region_code'], f.regionPrefix);
  const rows = await sel.execute();
  return rows.map((r) => ({
    department_code: r.department_code,
    level: Number(r.level),
    excluded: r.excluded,
    n: Number(r.n),
  }));
}

/* ------------------------------------------------------------------ device sessions */

export async function insertDeviceSession(
  tx: Tx,
  row: Insertable<RatingsTables['rating_device_sessions']>,
): Promise<DeviceSessionRow> {
  return q(tx).insertInto('rating_device_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getDeviceSessionForUpdate(tx: Tx, token: string): Promise<DeviceSessionRow | undefined> {
  return q(tx)
    .selectFrom('rating_device_sessions')
    .selectAll()
    .where('token', '=', token)
    .forUpdate()
    .executeTakeFirst();
}

export async function useDeviceSession(tx: Tx, token: string): Promise<void> {
  await q(tx)
    .updateTable('rating_device_sessions')
    .set({ used_at: sql<Date>`now()` })
    .where('token', '=', token)
    .execute();
}

/* ------------------------------------------------------------------ rectifications */

export async function insertRectification(
  tx: Tx,
  row: Insertable<RatingsTables['rectifications']>,
): Promise<RectificationRow> {
  return q(tx).insertInto('rectifications').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getRectification(
  db: Db | Tx,
  id: string,
  forUpdate = false,
): Promise<RectificationRow | undefined> {
  let sel = q(db).selectFrom('rectifications').selectAll().where('id', '=', id);
  if (forUpdate) sel = sel.forUpdate();
  return sel.executeTakeFirst();
}

export async function getRectificationByRating(
  db: Db | Tx,
  ratingId: string,
  forUpdate = false,
): Promise<RectificationRow | undefined> {
  let sel = q(db).selectFrom('rectifications').selectAll().where('rating_id', '=', ratingId);
  if (forUpdate) sel = sel.forUpdate();
  return sel.executeTakeFirst();
}

export async function rectificationsByRatings(db: Db | Tx, ratingIds: string[]): Promise<RectificationRow[]> {
  if (!ratingIds.length) return [];
  return q(db).selectFrom('rectifications').selectAll().where('rating_id', 'in', ratingIds).execute();
}

export async function updateRectification(
  tx: Tx,
  id: string,
  patch: Updateable<RatingsTables['rectifications']>,
): Promise<RectificationRow> {
  return q(tx)
    .updateTable('rectifications')
    .set({ ...patch, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface RectificationFilter {
  status?: string;
  departmentCode?: string;
  page: number;
  pageSize: number;
}

export async function listRectifications(db: Db | Tx, scope: ScopeFilter, f: RectificationFilter) {
  let sel = q(db)
    .selectFrom('rectifications')
    .where(scopeWhere<'rectifications'>({ ...scope, ratedBy: null }));
  if (f.status) sel = sel.where('status', '=', f.status as RectificationRow['status']);
  if (f.departmentCode) sel = sel.where('department_code', '=', f.departmentCode);
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), f);
}

/** Rectifications still running whose deadline lies before `today`, locked for the sweep (others skip them). */
export async function dueForOverdue(tx: Tx, today: string, limit: number): Promise<RectificationRow[]> {
  return q(tx)
    .selectFrom('rectifications')
    .selectAll()
    .where('status', '=', 'rectifying')
    .where('deadline', '<', today)
    .orderBy('deadline')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/* ------------------------------------------------------------------ appeals */

export async function insertAppeal(tx: Tx, row: Insertable<RatingsTables['rating_appeals']>): Promise<AppealRow> {
  return q(tx).insertInto('rating_appeals').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function getAppeal(db: Db | Tx, id: string, forUpdate = false): Promise<AppealRow | undefined> {
  let sel = q(db).selectFrom('rating_appeals').selectAll().where('id', '=', id);
  if (forUpdate) sel = sel.forUpdate();
  return sel.executeTakeFirst();
}

export async function appealsByRatings(db: Db | Tx, ratingIds: string[]): Promise<AppealRow[]> {
  if (!ratingIds.length) return [];
  return q(db).selectFrom('rating_appeals').selectAll().where('rating_id', 'in', ratingIds).execute();
}

export async function decideAppeal(
  tx: Tx,
  id: string,
  patch: Updateable<RatingsTables['rating_appeals']>,
): Promise<AppealRow> {
  return q(tx).updateTable('rating_appeals').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Appeals whose ratings lie in scope (the appeal itself has no scope columns), newest first. */
export async function listAppeals(
  db: Db | Tx,
  scope: ScopeFilter,
  f: { status?: AppealRow['status']; page: number; pageSize: number },
) {
  let sel = q(db)
    .selectFrom('rating_appeals')
    .innerJoin('ratings', 'ratings.id', 'rating_appeals.rating_id')
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    .where(scopeWhere<'ratings'>({ ...scope, ratedBy: null }) as any);
  if (f.status) sel = sel.where('rating_appeals.status', '=', f.status);
  const { total, items: appeals } = await pageOf(
    sel,
    (qb) =>
      qb.selectAll('rating_appeals').orderBy('rating_appeals.filed_at', 'desc').orderBy('rating_appeals.id', 'desc'),
    f,
  );
  const ratings = appeals.length
    ? await q(db)
        .selectFrom('ratings')
        .selectAll()
        .where(
          'id',
          'in',
          appeals.map((a) => a.rating_id),
        )
        .execute()
    : [];
  return { total, appeals, ratings };
}
