/**
 * What the hotline's use cases share: their context, the settings and categories (cached), the
 * actor's unit and reach, and the units as org knows them.
 */
import type { Actor } from '../../platform/auth';
import { readCache } from '../../platform/cache';
import type { Db, Tx } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { scopeOf } from '../../platform/scope';
import { getDepartment, getRegion, levelOfCode } from '../org/index';
import { DEFAULT_LIMITS, type LimitTable } from './hotline.clock';
import type { Unit } from './hotline.dispatch';
import { isCentre, isHandler } from './hotline.policy';
import * as repo from './hotline.repository';
import type { UnitRef } from './hotline.schemas';

/** A use case's context: who acts, from where, and the instant of the request. */
export interface Ctx {
  actor: Actor;
  ip?: string;
  now: Date;
}

export interface Settings {
  limits: LimitTable;
  signHours: number;
  maxReopens: number;
}
export const DEFAULT_SETTINGS: Settings = { limits: DEFAULT_LIMITS, signHours: 24, maxReopens: 2 };

export const hotlineCache = readCache(60_000);

export const settingsOf = (db: Db | Tx): Promise<Settings> =>
  hotlineCache.get(db, 'settings', async () => {
    const row = await repo.getSettings(db);
    if (!row) return DEFAULT_SETTINGS;
    return { limits: row.limits as LimitTable, signHours: row.sign_hours, maxReopens: row.max_reopens };
  });

export const categoriesOf = (db: Db | Tx) =>
  hotlineCache.get(db, 'categories', async () => new Map((await repo.listCategories(db)).map((c) => [c.code, c])));

/** A unit as org knows it, or undefined. */
export async function unitOf(db: Db | Tx, ref: UnitRef): Promise<Unit | undefined> {
  if (ref.kind === 'department') {
    const d = await getDepartment(db, ref.code);
    if (!d || !d.active || d.code !== ref.code) return undefined;
    return {
      kind: 'department',
      code: d.code,
      name: d.name,
      regionCode: d.regionCode,
      level: levelOfCode(d.regionCode) ?? 'city',
    };
  }
  const r = await getRegion(db, ref.code);
  if (!r || !r.active) return undefined;
  return { kind: 'region', code: r.code, name: r.name, regionCode: r.code, level: r.level };
}

/** The unit a handler works for: its department, else its region's government. */
export async function actorUnit(db: Db | Tx, actor: Actor): Promise<Unit | null> {
  if (!isHandler(actor)) return null;
  if (actor.scope.departmentId) {
    const d = await getDepartment(db, actor.scope.departmentId);
    return d ? ((await unitOf(db, { kind: 'department', code: d.code })) ?? null) : null;
  }
  return (await unitOf(db, { kind: 'region', code: actor.scope.regionCode })) ?? null;
}

/** Which tickets an actor reaches: the centre where they are located, a handler what its unit or below holds. */
export function reachOf(actor: Actor, unit: Unit | null): repo.TicketScope {
  if (isCentre(actor)) return { scope: scopeOf(actor), by: 'location' };
  if (unit?.kind === 'department') return { scope: scopeOf(actor, { departmentCodes: [unit.code] }), by: 'unit' };
  // A handler without a unit reaches nothing: an empty department list matches no row.
  return { scope: scopeOf(actor, { departmentCodes: unit ? null : [] }), by: 'unit' };
}

/** The unit a request names, or a 400 naming the field. */
export async function requireUnit(db: Db | Tx, ref: UnitRef, field = 'unit'): Promise<Unit> {
  const u = await unitOf(db, ref);
  if (!u) throw fieldError(`${field}.code`, `承办单位 ${ref.code} 不存在或已停用`);
  return u;
}
