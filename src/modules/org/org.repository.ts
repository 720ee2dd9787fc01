import type { Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { tables } from '../../platform/db';
import type { OrgTables, RegionLevel, RegionKind, DepartmentKind, WindowKind } from './org.tables';
import { UUID_RE } from '../../platform/schemas';
import { containsPattern, regionIn, whereRegionIn } from '../../platform/scope';

const q = (db: Db | Tx) => tables<OrgTables>(db);

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parentCode: string | null;
  scopePrefix: string;
  official: boolean;
  active: boolean;
}
export interface Department {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  regionCode: string;
  kind: DepartmentKind;
  parentId: string | null;
  creditCode: string | null;
  active: boolean;
}
export interface Hall {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
  active: boolean;
}
export interface Window {
  id: string;
  hallId: string;
  code: string;
  name: string;
  kind: WindowKind;
  departmentId: string | null;
  active: boolean;
}

export const toRegion = (r: Selectable<OrgTables['regions']>): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  kind: r.kind,
  parentCode: r.parent_code,
  scopePrefix: r.scope_prefix,
  official: r.official,
  active: r.active,
});
export const toDepartment = (r: Selectable<OrgTables['departments']>): Department => ({
  id: r.id,
  code: r.code,
  name: r.name,
  shortName: r.short_name,
  regionCode: r.region_code,
  kind: r.kind,
  parentId: r.parent_id,
  creditCode: r.credit_code,
  active: r.active,
});
export const toHall = (r: Selectable<OrgTables['halls']>): Hall => ({
  id: r.id,
  code: r.code,
  name: r.name,
  regionCode: r.region_code,
  address: r.address,
  phone: r.phone,
  hours: r.hours,
  active: r.active,
});
export const toWindow = (r: Selectable<OrgTables['windows']>): Window => ({
  id: r.id,
  hallId: r.hall_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
  departmentId: r.department_id,
  active: r.active,
});

export async function getRegion(db: Db | Tx, code: string): Promise<Region | undefined> {
  const r = await q(db).selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toRegion(r);
}

/** The region and its ancestors, city first. */
export async function getRegionPath(db: Db | Tx, code: string): Promise<Region[]> {
  const path: Region[] = [];
  let cur = await getRegion(db, code);
  while (cur) {
    path.unshift(cur);
    cur = cur.parentCode ? await getRegion(db, cur.parentCode) : undefined;
  }
  return path;
}

const UUID = UUID_RE;

export async function getDepartment(db: Db | Tx, idOrCode: string): Promise<Department | undefined> {
  const col = UUID.test(idOrCode) ? 'id' : 'code';
  const r = await q(db).selectFrom('departments').selectAll().where(col, '=', idOrCode).executeTakeFirst();
  return r && toDepartment(r);
}

export async function getHall(db: Db | Tx, idOrCode: string): Promise<Hall | undefined> {
  const col = UUID.test(idOrCode) ? 'id' : 'code';
  const r = await q(db).selectFrom('halls').selectAll().where(col, '=', idOrCode).executeTakeFirst();
  return r && toHall(r);
}

export async function getWindow(db: Db | Tx, id: string): Promise<Window | undefined> {
  if (!UUID.test(id)) return undefined;
  const r = await q(db).selectFrom('windows').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toWindow(r);
}

export async function findWindow(db: Db | Tx, hallId: string, code: string): Promise<Window | undefined> {
  const r = await q(db)
    .selectFrom('windows')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r && toWindow(r);
}

// ---- queries used by the service, the routes and the demo seed ----

type RegionRow = Selectable<OrgTables['regions']>;
type DepartmentRow = Selectable<OrgTables['departments']>;
type HallRow = Selectable<OrgTables['halls']>;
type WindowRow = Selectable<OrgTables['windows']>;
export type { RegionRow, DepartmentRow, HallRow, WindowRow };

const contains = containsPattern;

/** Multi-row inserts in chunks (keeps far below PostgreSQL's bind-parameter limit). */
function chunks<T>(rows: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function getRegionRow(db: Db | Tx, code: string): Promise<RegionRow | undefined> {
  return q(db).selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function countChildren(db: Db | Tx, code: string, includeInactive = false): Promise<number> {
  let qb = q(db)
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_code', '=', code);
  if (!includeInactive) qb = qb.where('active', '=', true);
  return Number((await qb.executeTakeFirstOrThrow()).n);
}

export async function listChildRegions(db: Db | Tx, parentCode: string, includeInactive: boolean) {
  let qb = q(db)
    .selectFrom('regions as r')
    .selectAll('r')
    .select((eb) => {
      let sub = eb
        .selectFrom('regions as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.parent_code', '=', 'r.code');
      if (!includeInactive) sub = sub.where('c.active', '=', true);
      return sub.as('child_count');
    })
    .where('r.parent_code', '=', parentCode);
  if (!includeInactive) qb = qb.where('r.active', '=', true);
  return qb.orderBy('r.sort').orderBy('r.code').execute();
}

export interface RegionFilter {
  q?: string;
  level?: RegionLevel;
  within?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

export async function searchRegions(db: Db | Tx, f: RegionFilter) {
  let qb = q(db).selectFrom('regions');
  if (f.q) qb = qb.where('name', 'ilike', contains(f.q));
  if (f.level) qb = qb.where('level', '=', f.level);
  if (f.within) qb = whereRegionIn(qb, 'scope_prefix', f.within);
  if (!f.includeInactive) qb = qb.where('active', '=', true);
  return pageOf(qb, (qb) => qb.selectAll().orderBy('code'), f);
}

export interface NewRegion {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
  parent_code: string | null;
  scope_prefix: string;
  official: boolean;
  sort?: number;
}

export async function insertRegions(db: Db | Tx, rows: NewRegion[]): Promise<void> {
  for (const c of chunks(rows)) await q(db).insertInto('regions').values(c).execute();
}

export async function updateRegion(
  db: Db | Tx,
  code: string,
  patch: { name?: string; sort?: number; active?: boolean },
  at: Date,
) {
  return q(db)
    .updateTable('regions')
    .set({ ...patch, updated_at: at })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

// departments

export async function getDepartmentRow(db: Db | Tx, id: string): Promise<DepartmentRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return q(db).selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface DepartmentFilter {
  regionCode?: string;
  /** Only departments whose region code starts with this prefix (the caller's scope). */
  within?: string;
  kind?: DepartmentKind;
  parentId?: string;
  q?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

export async function listDepartments(db: Db | Tx, f: DepartmentFilter) {
  let qb = q(db).selectFrom('departments as d').innerJoin('regions as r', 'r.code', 'd.region_code');
  if (f.regionCode) qb = qb.where('d.region_code', '=', f.regionCode);
  if (f.within) qb = whereRegionIn(qb, 'd.region_code', f.within);
  if (f.kind) qb = qb.where('d.kind', '=', f.kind);
  if (f.parentId) qb = qb.where('d.parent_id', '=', f.parentId);
  if (f.q)
    qb = qb.where((eb) => eb.or([eb('d.name', 'ilike', contains(f.q!)), eb('d.short_name', 'ilike', contains(f.q!))]));
  if (!f.includeInactive) qb = qb.where('d.active', '=', true);
  return pageOf(
    qb,
    (qb) =>
      qb.selectAll('d').select('r.name as region_name').orderBy('d.region_code').orderBy('d.sort').orderBy('d.code'),
    f,
  );
}

export async function departmentCodeTaken(db: Db | Tx, code: string): Promise<boolean> {
  return !!(await q(db).selectFrom('departments').select('id').where('code', '=', code).executeTakeFirst());
}

export async function creditCodeOwner(db: Db | Tx, creditCode: string): Promise<string | undefined> {
  const r = await q(db).selectFrom('departments').select('id').where('credit_code', '=', creditCode).executeTakeFirst();
  return r?.id;
}

export interface NewDepartment {
  code: string;
  name: string;
  short_name: string | null;
  region_code: string;
  kind: DepartmentKind;
  parent_id: string | null;
  credit_code: string | null;
  sort?: number;
}

export async function insertDepartments(db: Db | Tx, rows: NewDepartment[]): Promise<DepartmentRow[]> {
  const out: DepartmentRow[] = [];
  for (const c of chunks(rows)) out.push(...(await q(db).insertInto('departments').values(c).returningAll().execute()));
  return out;
}

export async function updateDepartment(
  db: Db | Tx,
  id: string,
  patch: { name?: string; short_name?: string | null; credit_code?: string | null; sort?: number; active?: boolean },
  at: Date,
) {
  return q(db)
    .updateTable('departments')
    .set({ ...patch, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countActiveDepartments(
  db: Db | Tx,
  by: { regionCode?: string; parentId?: string },
): Promise<number> {
  let qb = q(db)
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', true);
  if (by.regionCode) qb = qb.where('region_code', '=', by.regionCode);
  if (by.parentId) qb = qb.where('parent_id', '=', by.parentId);
  return Number((await qb.executeTakeFirstOrThrow()).n);
}

// halls and windows

export async function getHallRow(db: Db | Tx, id: string): Promise<HallRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return q(db).selectFrom('halls').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface HallFilter {
  prefix?: string;
  within?: string;
  q?: string;
  includeInactive?: boolean;
  page: number;
  pageSize: number;
}

export async function listHalls(db: Db | Tx, f: HallFilter) {
  let qb = q(db).selectFrom('halls as h').innerJoin('regions as r', 'r.code', 'h.region_code');
  if (f.prefix) qb = whereRegionIn(qb, 'h.region_code', f.prefix);
  if (f.within) qb = whereRegionIn(qb, 'h.region_code', f.within);
  if (f.q)
    qb = qb.where((eb) => eb.or([eb('h.name', 'ilike', contains(f.q!)), eb('h.address', 'ilike', contains(f.q!))]));
  if (!f.includeInactive) qb = qb.where('h.active', '=', true);
  return pageOf(
    qb,
    (qb) =>
      qb
        .selectAll('h')
        .select(['r.name as region_name', 'r.level as region_level'])
        .select((eb) =>
          eb
            .selectFrom('windows as w')
            .select(eb.fn.countAll<number>().as('n'))
            .whereRef('w.hall_id', '=', 'h.id')
            .where('w.active', '=', true)
            .as('window_count'),
        )
        .orderBy('r.level') // city < county < town < village, alphabetically too
        .orderBy('h.region_code')
        .orderBy('h.code'),
    f,
  );
}

export async function hallCodeTaken(db: Db | Tx, code: string): Promise<boolean> {
  return !!(await q(db).selectFrom('halls').select('id').where('code', '=', code).executeTakeFirst());
}

export interface NewHall {
  code: string;
  name: string;
  region_code: string;
  address: string | null;
  phone: string | null;
  hours: string | null;
}

export async function insertHalls(db: Db | Tx, rows: NewHall[]): Promise<HallRow[]> {
  const out: HallRow[] = [];
  for (const c of chunks(rows)) out.push(...(await q(db).insertInto('halls').values(c).returningAll().execute()));
  return out;
}

export async function updateHall(
  db: Db | Tx,
  id: string,
  patch: { name?: string; address?: string | null; phone?: string | null; hours?: string | null; active?: boolean },
  at: Date,
) {
  return q(db)
    .updateTable('halls')
    .set({ ...patch, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countActiveHalls(db: Db | Tx, regionCode: string): Promise<number> {
  const r = await q(db)
    .selectFrom('halls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('region_code', '=', regionCode)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function listWindowsOfHall(db: Db | Tx, hallId: string, includeInactive = true) {
  let qb = q(db)
    .selectFrom('windows as w')
    .leftJoin('departments as d', 'd.id', 'w.department_id')
    .selectAll('w')
    .select('d.name as department_name')
    .where('w.hall_id', '=', hallId);
  if (!includeInactive) qb = qb.where('w.active', '=', true);
  return qb.orderBy('w.code').execute();
}

export interface NewWindow {
  hall_id: string;
  code: string;
  name: string;
  kind: WindowKind;
  department_id: string | null;
}

export async function insertWindows(db: Db | Tx, rows: NewWindow[]): Promise<WindowRow[]> {
  const out: WindowRow[] = [];
  for (const c of chunks(rows)) out.push(...(await q(db).insertInto('windows').values(c).returningAll().execute()));
  return out;
}

export async function updateWindow(
  db: Db | Tx,
  id: string,
  patch: { name?: string; kind?: WindowKind; department_id?: string | null; active?: boolean },
  at: Date,
) {
  return q(db)
    .updateTable('windows')
    .set({ ...patch, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Closes every open window of a hall; returns their codes. */
export async function deactivateWindowsOfHall(db: Db | Tx, hallId: string, at: Date): Promise<string[]> {
  const rows = await q(db)
    .updateTable('windows')
    .set({ active: false, updated_at: at })
    .where('hall_id', '=', hallId)
    .where('active', '=', true)
    .returning('code')
    .execute();
  return rows.map((r) => r.code).sort();
}

export async function countActiveWindowsOfDepartment(db: Db | Tx, departmentId: string): Promise<number> {
  const r = await q(db)
    .selectFrom('windows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('department_id', '=', departmentId)
    .where('active', '=', true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

// ---- facade queries for other modules ----

/** Active halls whose region lies in the subtree selected by `regionPrefix` (a region's scope prefix). */
export async function listHallsInRegion(db: Db | Tx, regionPrefix: string): Promise<Hall[]> {
  const rows = await q(db)
    .selectFrom('halls')
    .selectAll()
    .where((eb) => regionIn(eb, 'region_code', regionPrefix))
    .where('active', '=', true)
    .orderBy('region_code')
    .orderBy('code')
    .execute();
  return rows.map(toHall);
}

/** Active regions at one level within a scope prefix (e.g. every county of the city), in code order. */
export async function listRegionsAt(db: Db | Tx, scopePrefix: string, level: RegionLevel): Promise<Region[]> {
  const rows = await q(db)
    .selectFrom('regions')
    .selectAll()
    .where((eb) => regionIn(eb, 'scope_prefix', scopePrefix))
    .where('level', '=', level)
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  return rows.map(toRegion);
}

/** Active departments of any kind located exactly at these regions (an item's implementing body is one of them). */
export async function listDepartmentsAt(db: Db | Tx, regionCodes: readonly string[]): Promise<Department[]> {
  if (!regionCodes.length) return [];
  const rows = await q(db)
    .selectFrom('departments')
    .selectAll()
    .where('region_code', 'in', [...regionCodes])
    .where('active', '=', true)
    .orderBy('region_code')
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return rows.map(toDepartment);
}

/** Active departments of one kind located exactly at a region (e.g. the county's approval bureau). */
export async function getDepartmentsByKind(
  db: Db | Tx,
  regionCode: string,
  kind: DepartmentKind,
): Promise<Department[]> {
  const rows = await q(db)
    .selectFrom('departments')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('kind', '=', kind)
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return rows.map(toDepartment);
}

export async function getWindowWithDepartment(db: Db | Tx, id: string) {
  if (!UUID.test(id)) return undefined;
  return q(db)
    .selectFrom('windows as w')
    .leftJoin('departments as d', 'd.id', 'w.department_id')
    .selectAll('w')
    .select('d.name as department_name')
    .where('w.id', '=', id)
    .executeTakeFirst();
}
