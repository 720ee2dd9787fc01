/** Every query on the regulation module's own tables. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import { tables, type Db, type Tx } from '../../platform/db';
import type { RegulationTables } from './regulation.tables';
import { containsPattern, prefixCovers, regionIn, whereRegionIn } from '../../platform/scope';
import { pageOf } from '../../platform/paging';

const q = (db: Db | Tx) => tables<RegulationTables>(db);
type T = RegulationTables;
export type AssignmentRow = Selectable<T['regulation_assignments']>;
export type PushRow = Selectable<T['regulation_pushes']>;
export type EntityRow = Selectable<T['regulation_entities']>;
export type InspectorRow = Selectable<T['regulation_inspectors']>;
export type PlanRow = Selectable<T['regulation_plans']>;
export type TargetRow = Selectable<T['regulation_plan_targets']>;

/** ILIKE pattern for a search term (wildcards in the term are literal). */
const contains = containsPattern;

/* ---------------------------------------------------------------- assignments */

export async function listAssignments(
  db: Db | Tx,
  f: { regionPrefix: string; q?: string; page: number; pageSize: number },
) {
  let b = q(db)
    .selectFrom('regulation_assignments')
    .where((eb) => regionIn(eb, 'region_code', f.regionPrefix));
  if (f.q)
    b = b.where((eb) =>
      eb.or([
        eb('item_name', 'ilike', contains(f.q!)),
        eb('item_code', 'ilike', contains(f.q!)),
        eb('department_name', 'ilike', contains(f.q!)),
      ]),
    );
  return pageOf(b, (qb) => qb.selectAll().orderBy('item_code').orderBy('region_code'), f);
}
export const getAssignment = (db: Db | Tx, id: string) =>
  q(db).selectFrom('regulation_assignments').selectAll().where('id', '=', id).executeTakeFirst();
export const insertAssignment = (db: Db | Tx, row: Insertable<T['regulation_assignments']>) =>
  q(db).insertInto('regulation_assignments').values(row).returningAll().executeTakeFirstOrThrow();
export const updateAssignment = (
  db: Db | Tx,
  id: string,
  version: number,
  patch: Updateable<T['regulation_assignments']>,
  now: Date,
) =>
  q(db)
    .updateTable('regulation_assignments')
    .set({ ...patch, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
export const deleteAssignment = (db: Db | Tx, id: string) =>
  q(db).deleteFrom('regulation_assignments').where('id', '=', id).executeTakeFirst();

/** The mapping for an item at a case's region: the most specific region whose prefix covers it. */
export const findAssignmentFor = (db: Db | Tx, itemCode: string, regionCode: string) =>
  q(db)
    .selectFrom('regulation_assignments')
    .selectAll()
    .where('item_code', '=', itemCode)
    .where(prefixCovers(sql.ref('region_prefix'), regionCode))
    .orderBy(sql`length(region_prefix)`, 'desc')
    .limit(1)
    .executeTakeFirst();

/* ---------------------------------------------------------------- pushes */

export interface PushFilter {
  regulatorDepartmentId?: string;
  regionPrefix?: string;
  approvingDepartmentCodes?: string[];
  status?: string;
  overdueOn?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listPushes(db: Db | Tx, f: PushFilter) {
  let b = q(db).selectFrom('regulation_pushes');
  if (f.regulatorDepartmentId) b = b.where('regulator_department_id', '=', f.regulatorDepartmentId);
  if (f.regionPrefix) b = whereRegionIn(b, 'region_code', f.regionPrefix);
  if (f.approvingDepartmentCodes)
    b = f.approvingDepartmentCodes.length
      ? b.where('approving_department_code', 'in', f.approvingDepartmentCodes)
      : b.where(sql<boolean>`false`);
  if (f.status) b = b.where('status', '=', f.status as PushRow['status']);
  if (f.overdueOn) b = b.where('status', '=', 'pushed').where('due_on', '<', f.overdueOn);
  if (f.q)
    b = b.where((eb) =>
      eb.or([
        eb('entity_name', 'ilike', contains(f.q!)),
        eb('case_number', 'ilike', contains(f.q!)),
        eb('credit_code', '=', f.q!),
        eb('item_name', 'ilike', contains(f.q!)),
      ]),
    );
  return pageOf(b, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id'), f);
}
export const getPush = (db: Db | Tx, id: string) =>
  q(db).selectFrom('regulation_pushes').selectAll().where('id', '=', id).executeTakeFirst();
export const updatePush = (db: Db | Tx, id: string, version: number, patch: Updateable<T['regulation_pushes']>) =>
  q(db)
    .updateTable('regulation_pushes')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const pushesForCases = (db: Db | Tx, caseIds: string[]) =>
  caseIds.length
    ? q(db)
        .selectFrom('regulation_pushes')
        .select(['case_id', 'licence_number'])
        .where('case_id', 'in', caseIds)
        .execute()
    : Promise.resolve([]);

/** A granted case once: a second sighting only fills in a licence number issued since. */
export const upsertPush = (db: Db | Tx, row: Insertable<T['regulation_pushes']>) =>
  q(db)
    .insertInto('regulation_pushes')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('case_id')
        .doUpdateSet({ licence_number: sql`coalesce(regulation_pushes.licence_number, excluded.licence_number)` }),
    )
    .returning(['id', 'status', sql<boolean>`xmax = 0`.as('inserted')])
    .executeTakeFirstOrThrow();

export const upsertGrantEntity = (db: Db | Tx, row: Insertable<T['regulation_entities']>) =>
  q(db)
    .insertInto('regulation_entities')
    .values(row)
    .onConflict((oc) =>
      oc.column('case_id').doUpdateSet({
        licence_number: sql`coalesce(regulation_entities.licence_number, excluded.licence_number)`,
        regulator_department_id: sql`coalesce(regulation_entities.regulator_department_id, excluded.regulator_department_id)`,
      }),
    )
    .execute();

/**
 * 证照号 issued after the grant: filled in once, on the push and on its directory entry. It leaves
 * `version` alone, like a reminder (nothing the regulator decides on has changed).
 */
export async function fillLicenceNumber(db: Db | Tx, caseId: string, licenceNumber: string) {
  const r = await q(db)
    .updateTable('regulation_pushes')
    .set({ licence_number: licenceNumber })
    .where('case_id', '=', caseId)
    .where('licence_number', 'is', null)
    .executeTakeFirst();
  await q(db)
    .updateTable('regulation_entities')
    .set({ licence_number: licenceNumber })
    .where('case_id', '=', caseId)
    .where('licence_number', 'is', null)
    .execute();
  return Number(r.numUpdatedRows) > 0;
}

/** Unassigned pushes of an item under a region prefix (they get a regulator when the mapping appears). */
export const unassignedPushes = (db: Db | Tx, itemCode: string, regionPrefix: string) =>
  q(db)
    .selectFrom('regulation_pushes')
    .selectAll()
    .where('status', '=', 'unassigned')
    .where('item_code', '=', itemCode)
    .where((eb) => regionIn(eb, 'region_code', regionPrefix))
    .execute();

export const setEntityRegulator = (db: Db | Tx, caseIds: string[], departmentId: string) =>
  caseIds.length
    ? q(db)
        .updateTable('regulation_entities')
        .set({ regulator_department_id: departmentId })
        .where('case_id', 'in', caseIds)
        .where('regulator_department_id', 'is', null)
        .execute()
    : Promise.resolve();

export const pushesToChase = (db: Db | Tx, today: string) =>
  q(db)
    .selectFrom('regulation_pushes')
    .selectAll()
    .where('status', '=', 'pushed')
    .where('due_on', '<', today)
    .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
    .execute();

/**
 * 催办 mark: once per day and only while unconfirmed. It leaves `version` alone, so a regulator
 * confirming at the same moment is not told that someone else changed the push.
 */
export const markReminded = (db: Db | Tx, id: string, today: string) =>
  q(db)
    .updateTable('regulation_pushes')
    .set({ reminded_on: today, reminders: sql`reminders + 1` })
    .where('id', '=', id)
    .where('status', '=', 'pushed')
    .where((eb) => eb.or([eb('reminded_on', 'is', null), eb('reminded_on', '<', today)]))
    .returningAll()
    .executeTakeFirst();

export const getCursor = (db: Db | Tx, name: string) =>
  q(db).selectFrom('regulation_cursor').selectAll().where('name', '=', name).executeTakeFirst();
/** A cursor's position: an instant, and for keyset pages over this module's own rows also their id. */
export const saveCursor = (db: Db | Tx, name: string, updatedAt: Date, id: string | null = null) =>
  q(db)
    .insertInto('regulation_cursor')
    .values({ name, after_updated_at: updatedAt, after_id: id })
    .onConflict((oc) => oc.column('name').doUpdateSet({ after_updated_at: updatedAt, after_id: id }))
    .execute();

/* ---------------------------------------------------------------- directory and roster */

export async function listEntities(
  db: Db | Tx,
  f: { regionPrefix: string; q?: string; itemCode?: string; page: number; pageSize: number },
) {
  let b = q(db)
    .selectFrom('regulation_entities')
    .where('active', '=', true)
    .where((eb) => regionIn(eb, 'region_code', f.regionPrefix));
  if (f.itemCode) b = b.where('item_code', '=', f.itemCode);
  if (f.q)
    b = b.where((eb) =>
      eb.or([eb('name', 'ilike', contains(f.q!)), eb('credit_code', '=', f.q!), eb('licence_number', '=', f.q!)]),
    );
  return pageOf(b, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id'), f);
}
export const insertEntities = (db: Db | Tx, rows: Insertable<T['regulation_entities']>[]) =>
  rows.length ? q(db).insertInto('regulation_entities').values(rows).execute() : Promise.resolve();

/** Candidate targets of a plan: active entities supervised by the department, in the region, of the items. */
export const candidateEntities = (db: Db | Tx, departmentId: string, regionPrefix: string, itemCodes: string[]) => {
  let b = q(db)
    .selectFrom('regulation_entities')
    .selectAll()
    .where('active', '=', true)
    .where('regulator_department_id', '=', departmentId)
    .where((eb) => regionIn(eb, 'region_code', regionPrefix));
  if (itemCodes.length) b = b.where('item_code', 'in', itemCodes);
  return b.orderBy('id').execute();
};

/** Inspectors of each entity's latest drawn inspection. */
export async function lastInspectorsOf(db: Db | Tx, entityIds: string[]): Promise<Record<string, string[]>> {
  if (!entityIds.length) return {};
  const r = await sql<{ entity_id: string; inspectors: { accountId: string }[] }>`
    select distinct on (t.entity_id) t.entity_id, t.inspectors
      from regulation_plan_targets t join regulation_plans p on p.id = t.plan_id
     where t.entity_id in (${sql.join(entityIds.map((id) => sql`${id}::uuid`))})
     order by t.entity_id, p.drawn_at desc`.execute(db);
  return Object.fromEntries(r.rows.map((row) => [row.entity_id, row.inspectors.map((i) => i.accountId)]));
}

export async function listInspectors(
  db: Db | Tx,
  f: { departmentId?: string; regionPrefix: string; q?: string; page: number; pageSize: number },
) {
  let b = q(db)
    .selectFrom('regulation_inspectors')
    .where((eb) => regionIn(eb, 'region_code', f.regionPrefix));
  if (f.departmentId) b = b.where('department_id', '=', f.departmentId);
  if (f.q)
    b = b.where((eb) =>
      eb.or([
        eb('name', 'ilike', contains(f.q!)),
        eb('username', 'ilike', contains(f.q!)),
        eb('certificate_number', '=', f.q!),
      ]),
    );
  return pageOf(b, (qb) => qb.selectAll().orderBy('department_name').orderBy('name'), f);
}
export const activeInspectors = (db: Db | Tx, departmentId: string) =>
  q(db)
    .selectFrom('regulation_inspectors')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('active', '=', true)
    .orderBy('account_id')
    .execute();
export const getInspector = (db: Db | Tx, accountId: string) =>
  q(db).selectFrom('regulation_inspectors').selectAll().where('account_id', '=', accountId).executeTakeFirst();
export const insertInspector = (db: Db | Tx, row: Insertable<T['regulation_inspectors']>) =>
  q(db).insertInto('regulation_inspectors').values(row).returningAll().executeTakeFirstOrThrow();
export const updateInspector = (
  db: Db | Tx,
  accountId: string,
  version: number,
  patch: Updateable<T['regulation_inspectors']>,
  now: Date,
) =>
  q(db)
    .updateTable('regulation_inspectors')
    .set({ ...patch, version: sql`version + 1`, updated_at: now })
    .where('account_id', '=', accountId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

/* ---------------------------------------------------------------- plans */

export async function listPlans(
  db: Db | Tx,
  f: { departmentId?: string; regionPrefix?: string; status?: string; q?: string; page: number; pageSize: number },
) {
  let b = q(db).selectFrom('regulation_plans');
  if (f.departmentId) b = b.where('department_id', '=', f.departmentId);
  if (f.regionPrefix) b = whereRegionIn(b, 'region_code', f.regionPrefix);
  if (f.status) b = b.where('status', '=', f.status as PlanRow['status']);
  if (f.q)
    b = b.where((eb) => eb.or([eb('name', 'ilike', contains(f.q!)), eb('department_name', 'ilike', contains(f.q!))]));
  const order = f.status === 'published' ? ('published_at' as const) : ('created_at' as const);
  return pageOf(b, (qb) => qb.selectAll().orderBy(order, 'desc').orderBy('id'), f);
}
export const getPlan = (db: Db | Tx, id: string) =>
  q(db).selectFrom('regulation_plans').selectAll().where('id', '=', id).executeTakeFirst();
export const insertPlan = (db: Db | Tx, row: Insertable<T['regulation_plans']>) =>
  q(db).insertInto('regulation_plans').values(row).returningAll().executeTakeFirstOrThrow();
export const updatePlan = (db: Db | Tx, id: string, version: number, patch: Updateable<T['regulation_plans']>) =>
  q(db)
    .updateTable('regulation_plans')
    .set({ ...patch, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
export const planTargets = (db: Db | Tx, planId: string) =>
  q(db).selectFrom('regulation_plan_targets').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
export const insertTargets = (db: Db | Tx, rows: Insertable<T['regulation_plan_targets']>[]) =>
  q(db).insertInto('regulation_plan_targets').values(rows).execute();
export const updateTarget = (db: Db | Tx, id: string, patch: Updateable<T['regulation_plan_targets']>) =>
  q(db).updateTable('regulation_plan_targets').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
export const problemCounts = async (db: Db | Tx, planIds: string[]): Promise<Map<string, number>> => {
  if (!planIds.length) return new Map();
  const rows = await q(db)
    .selectFrom('regulation_plan_targets')
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', 'in', planIds)
    .where('result', '=', 'problem')
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
};
