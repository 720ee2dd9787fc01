import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql, type Insertable, type Selectable, type SqlBool, type Updateable, type ExpressionBuilder } from 'kysely';
import { EXIT_STATUSES, FRONT_STATUSES, OUTSIDE_STATUSES, type Counter } from './cases.counters';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { executeShape, perDatabase, tables } from '../../platform/db';
import { batcher } from '../../platform/batching';
import type { CasesTables } from './cases.tables';
import { CASE_NUMBER_RE } from './cases.numbering';
import { caseDocumentsColumn, caseDocumentsFrom, type ListedDocument } from './cases.outputs';
import { containsPattern, prefixPattern, regionIn } from '../../platform/scope';
import { deadlineStateIs, OPEN_PHASES } from './cases.deadline';

const q = (db: Db | Tx) => tables<CasesTables>(db);

export type CaseRow = Selectable<CasesTables['cases']>;
export type MaterialRowDb = Selectable<CasesTables['case_materials']>;
export type EventRow = Selectable<CasesTables['case_events']>;
export type NewCase = Insertable<CasesTables['cases']>;
export type CasePatch = Updateable<CasesTables['cases']>;
export type NewEvent = Insertable<CasesTables['case_events']>;

/* ------------------------------------------------------------------ numbering and idempotency */

/** Next daily sequence for a number prefix, bumped in the caller's transaction (row lock until commit). */
export async function nextNumberSeq(tx: Tx, prefix: string, day: string): Promise<number> {
  const r = await sql<{ seq: number }>`
    insert into case_number_counters (prefix, day, seq) values (${prefix}, ${day}, 1)
    on conflict (prefix, day) do update set seq = case_number_counters.seq + 1
    returning seq`.execute(tx);
  return Number(r.rows[0]!.seq);
}

/** Serialises requests with the same (user, Idempotency-Key) until the transaction ends. */
export async function lockIdempotencyKey(tx: Tx, userId: string, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`cases:${userId}:${key}`}, 0))`.execute(tx);
}

export async function findByIdempotencyKey(db: Db | Tx, userId: string, key: string): Promise<CaseRow | undefined> {
  return q(db)
    .selectFrom('cases')
    .selectAll()
    .where('created_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/* ------------------------------------------------------------------ cases */

export async function insertCase(tx: Tx, row: NewCase): Promise<CaseRow> {
  return q(tx).insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

const caseRowsQuery = (db: Db | Tx, ids: unknown) =>
  q(db)
    .selectFrom('cases')
    .selectAll()
    .where(sql<SqlBool>`id = any(${ids}::uuid[])`);

/** Case reads in flight at once per database; more wait and go together in one statement. */
const CASE_READS_IN_FLIGHT = 1;
const CASE_READ_BATCH_MAX = 32;
const caseReaderOf = perDatabase((db) =>
  batcher<string, CaseRow | undefined>({
    key: (caseId) => caseId,
    maxInFlight: CASE_READS_IN_FLIGHT,
    maxBatch: CASE_READ_BATCH_MAX,
    run: async (ids) => {
      const rows = await executeShape(db, 'cases.rows', (list) => caseRowsQuery(db, list), [ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((caseId) => ({ status: 'fulfilled', value: byId.get(caseId) }) as const);
    },
  }),
);

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case row by id, prepared. Outside a transaction, reads that come while others run go together in one
 * statement (every step and most views begin with this read; one statement for several costs the database
 * and the server less than one each). An id that is no UUID names no case, and never reaches a shared statement.
 */
export async function getCase(db: Db | Tx, id: string): Promise<CaseRow | undefined> {
  if (!UUID_RE.test(id)) return undefined;
  if (db.isTransaction) return (await executeShape(db, 'cases.rows', (ids) => caseRowsQuery(db, ids), [[id]]))[0];
  return caseReaderOf(db)(id);
}

/** What a step may need besides the row: the case's materials and 容缺 promises. */
export interface CaseParts {
  materials: MaterialRowDb[];
  promises: PromiseRow[];
}

/** A case row with everything recorded about it: history, materials, 容缺 promises and documents. */
export interface CaseWithRecord extends CaseParts {
  row: CaseRow;
  events: EventRow[];
  documents: ListedDocument[];
}

/** Timestamps arrive as text inside JSON aggregates. */
function reviveDates<T>(rows: readonly object[], keys: readonly (keyof T)[]): T[] {
  const out = rows as T[];
  for (const r of out)
    for (const k of keys) if (r[k] != null) (r as Record<keyof T, unknown>)[k] = new Date(r[k] as string);
  return out;
}

const materialsOf = (eb: Eb) =>
  jsonArrayFrom(
    eb.selectFrom('case_materials').selectAll('case_materials').whereRef('case_materials.case_id', '=', 'cases.id'),
  );
const promisesOf = (eb: Eb) =>
  jsonArrayFrom(
    eb
      .selectFrom('case_promises')
      .selectAll('case_promises')
      .whereRef('case_promises.case_id', '=', 'cases.id')
      .orderBy('due_date')
      .orderBy('material_id'),
  );
const partsFrom = (materials: object[], promises: object[]): CaseParts => ({
  materials: reviveDates<MaterialRowDb>(materials, ['updated_at']),
  promises: reviveDates<PromiseRow>(promises, ['created_at', 'fulfilled_at']),
});

function caseWithRecordQuery(db: Db | Tx, id: string) {
  return q(db)
    .selectFrom('cases')
    .selectAll('cases')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('case_events')
          .selectAll('case_events')
          .whereRef('case_events.case_id', '=', 'cases.id')
          .orderBy('seq'),
      ).as('record_events'),
      materialsOf(eb).as('record_materials'),
      promisesOf(eb).as('record_promises'),
      caseDocumentsColumn(db).as('record_documents'),
    ])
    .where('cases.id', '=', id);
}

/** The case and its whole record in one statement (the case view, and an action that answers with it). */
export async function getCaseWithRecord(db: Db | Tx, id: string): Promise<CaseWithRecord | undefined> {
  // Built once, prepared once per connection.
  const [r] = await executeShape(db, 'cases.record', (caseId) => caseWithRecordQuery(db, String(caseId)), [id]);
  if (!r) return undefined;
  const { record_events, record_materials, record_promises, record_documents, ...row } = r;
  return {
    row,
    events: reviveDates<EventRow>(record_events, ['at']),
    ...partsFrom(record_materials, record_promises),
    documents: caseDocumentsFrom(record_documents),
  };
}

/** A case's materials and 容缺 promises in one statement (a step that checks or changes them reads them after the row). */
export async function getCaseParts(db: Db | Tx, id: string): Promise<CaseParts> {
  const build = (caseId: unknown) =>
    q(db)
      .selectFrom('cases')
      .select((eb) => [materialsOf(eb).as('materials'), promisesOf(eb).as('promises')])
      .where('cases.id', '=', String(caseId));
  const [r] = await executeShape(db, 'cases.parts', build, [id]);
  return r ? partsFrom(r.materials, r.promises) : { materials: [], promises: [] };
}

export async function getCases(db: Db | Tx, ids: readonly string[]): Promise<CaseRow[]> {
  if (!ids.length) return [];
  return q(db)
    .selectFrom('cases')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function getCaseByNumber(db: Db | Tx, number: string): Promise<CaseRow | undefined> {
  return q(db).selectFrom('cases').selectAll().where('number', '=', number).executeTakeFirst();
}

export type CheckRowDb = Selectable<CasesTables['case_checks']>;

/** The pre-review checklist of a case, in the order the materials were checked. */
export async function listChecks(db: Db | Tx, caseId: string): Promise<CheckRowDb[]> {
  return q(db).selectFrom('case_checks').selectAll().where('case_id', '=', caseId).orderBy('checked_at').execute();
}

/** Saves the verdict on one material (replacing an earlier one). */
export async function saveCheck(tx: Tx, row: Insertable<CasesTables['case_checks']>): Promise<void> {
  await q(tx)
    .insertInto('case_checks')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['case_id', 'material_id']).doUpdateSet({
        result: row.result,
        problem: row.problem ?? null,
        checked_by: row.checked_by,
        checked_by_name: row.checked_by_name,
        checked_at: row.checked_at,
      }),
    )
    .execute();
}

/** Closes the checklist of a case (the step that ends the check has recorded it). */
export async function clearChecks(tx: Tx, caseId: string): Promise<void> {
  await q(tx).deleteFrom('case_checks').where('case_id', '=', caseId).execute();
}

/** Failed progress queries of a case number since `since` (whatever address sent them). */
export async function countTrackFailures(db: Db | Tx, number: string, since: Date): Promise<number> {
  const r = await q(db)
    .selectFrom('case_track_failures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('number', '=', number)
    .where('failed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Counts a failed progress query of a case number, and forgets that number's failures older than `forgetBefore`. */
export async function recordTrackFailure(db: Db, number: string, at: Date, forgetBefore: Date): Promise<void> {
  await sql`
    with gone as (delete from case_track_failures where number = ${number} and failed_at < ${forgetBefore})
    insert into case_track_failures (number, failed_at) values (${number}, ${at})`.execute(db);
}

/** Open cases (their clock runs or is suspended), keyset-paged by id, with what re-dating them needs. */
export async function openCasesPage(db: Db | Tx, afterId: string | null, limit: number) {
  let sel = q(db)
    .selectFrom('cases')
    .select([
      'id',
      'version',
      'promised_days',
      'statutory_days',
      'accepted_on',
      'promised_deadline',
      'statutory_deadline',
      'near_on',
      'overdue_on',
      'deadline_provisional',
      'clock_phase',
      'clock_log',
    ])
    .where('clock_phase', 'in', [...OPEN_PHASES]);
  if (afterId) sel = sel.where('id', '>', afterId);
  return sel.orderBy('id').limit(limit).execute();
}

/** Clock columns refreshed without a state change (e.g. after the calendar moved a deadline). */
export async function updateCaseClock(db: Db | Tx, id: string, version: number, patch: CasePatch): Promise<void> {
  await q(db).updateTable('cases').set(patch).where('id', '=', id).where('version', '=', version).execute();
}

/* ------------------------------------------------------------------ materials */

export async function insertMaterials(tx: Tx, rows: Insertable<CasesTables['case_materials']>[]): Promise<void> {
  if (rows.length) await q(tx).insertInto('case_materials').values(rows).execute();
}

export async function listMaterials(db: Db | Tx, caseId: string): Promise<MaterialRowDb[]> {
  return q(db).selectFrom('case_materials').selectAll().where('case_id', '=', caseId).execute();
}

export async function updateMaterial(
  tx: Tx,
  caseId: string,
  materialId: string,
  patch: Updateable<CasesTables['case_materials']>,
  now: Date,
): Promise<void> {
  await q(tx)
    .updateTable('case_materials')
    .set({ ...patch, updated_at: now })
    .where('case_id', '=', caseId)
    .where('material_id', '=', materialId)
    .execute();
}

/** Whether a file is attached to one of the case's materials (downloads are scoped by the case). */
export async function caseHasFile(db: Db | Tx, caseId: string, fileId: string): Promise<boolean> {
  const r = await q(db)
    .selectFrom('case_materials')
    .select('material_id')
    .where('case_id', '=', caseId)
    .where(sql<SqlBool>`${fileId}::uuid = any(file_ids)`)
    .executeTakeFirst();
  return !!r;
}

/* ------------------------------------------------------------------ events (append only) */

export async function insertEvent(tx: Tx, e: NewEvent): Promise<EventRow> {
  return q(tx).insertInto('case_events').values(e).returningAll().executeTakeFirstOrThrow();
}

export async function listEvents(db: Db | Tx, caseId: string): Promise<EventRow[]> {
  return q(db).selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/* ------------------------------------------------------------------ inbox */

export type DeadlineFilter = 'on_time' | 'near' | 'overdue';

/** Roles with their own work-queue index (see the migration). */
export const QUEUE_ROLES = ['clerk', 'approver', 'chief'] as const;

/** Counting stops here: a scope with more matches answers `totalExact: false`. */
export const COUNT_CAP = 10_000;

export interface CaseListFilter {
  actorId: string;
  /** `owner`: the caller's own cases; `staff`: by region scope (and the caller's own filings). */
  mode: 'owner' | 'staff';
  /** Only cases waiting for the caller (todo) or everything visible (all). */
  todo: boolean;
  regionPrefix: string;
  /** The caller's own level (todo: only cases held at that level); null = any. */
  level?: string | null;
  /** Department codes a department-bound approver/chief covers; null = not bound. */
  departmentCodes: string[] | null;
  /** The caller's acting roles (clerk/approver/chief), for the todo view. */
  roles: string[];
  status?: string;
  itemCode?: string;
  deadlineState?: DeadlineFilter;
  counter?: Counter;
  from?: string;
  to?: string;
  q?: string;
  /** 监控 filters: a region subtree by its prefix (where the case belongs, was accepted or is held), a department, a hall (accepting or holding), the staff who registered it. */
  subtree?: string;
  departmentCode?: string;
  hallId?: string;
  createdBy?: readonly string[];
  today: string;
  sort: 'deadline' | 'created';
  page: number;
  pageSize: number;
}

type Eb = ExpressionBuilder<CasesTables, 'cases'>;
type Where = (eb: Eb) => ReturnType<Eb['and']>;

/**
 * What the caller sees. Staff todo is a union of branches, each shaped for one partial queue index
 * (role literals from a fixed list keep the planner matching them); the other views are one condition.
 */
function branches(f: CaseListFilter): Where[] {
  const dept = (eb: Eb) =>
    f.departmentCodes ? [eb('department_code', 'in', f.departmentCodes.length ? f.departmentCodes : ['-'])] : [];
  if (f.mode === 'owner') {
    return [
      (eb) =>
        eb.and([
          eb.or([eb('applicant_id', '=', f.actorId), eb('created_by', '=', f.actorId)]),
          ...(f.todo ? [sql<SqlBool>`'owner' = any(actionable)`] : []),
        ]),
    ];
  }
  if (f.todo) {
    const roles = QUEUE_ROLES.filter((r) => f.roles.includes(r));
    return [
      ...roles.map(
        (r): Where =>
          (eb) =>
            eb.and([
              sql<SqlBool>`${sql.lit(r)} = any(actionable)`,
              eb('submitted_at', 'is not', null),
              // 四级联动: the queue follows who holds the case now, at the caller's own level.
              regionIn(eb, 'current_region_code', f.regionPrefix),
              ...(f.level ? [eb('current_level', '=', f.level as never)] : []),
              ...dept(eb),
            ]),
      ),
      // The caller's own window drafts, and paper cases they carry on for an applicant without an account.
      (eb) =>
        eb.and([
          eb('created_by', '=', f.actorId),
          eb.or([
            eb('submitted_at', 'is', null),
            eb.and([eb('applicant_id', 'is', null), sql<SqlBool>`'owner' = any(actionable)`]),
          ]),
          sql<SqlBool>`actionable <> '{}'`,
        ]),
    ];
  }
  // Drafts never submitted are private to their creator and applicant.
  return [
    (eb) =>
      eb.or([
        eb.and([
          regionIn(eb, ['region_code', 'accept_region_code', 'current_region_code'], f.regionPrefix),
          eb('submitted_at', 'is not', null),
          ...dept(eb),
        ]),
        eb('created_by', '=', f.actorId),
      ]),
  ];
}

function filters(f: CaseListFilter): Where {
  return (eb) => {
    const out = [];
    if (f.status) out.push(eb('status', '=', f.status));
    if (f.itemCode) out.push(eb('item_code', '=', f.itemCode));
    if (f.subtree) out.push(regionIn(eb, ['region_code', 'accept_region_code', 'current_region_code'], f.subtree));
    if (f.departmentCode) out.push(eb('department_code', '=', f.departmentCode));
    if (f.hallId) out.push(eb.or([eb('accept_hall_id', '=', f.hallId), eb('current_hall_id', '=', f.hallId)]));
    if (f.createdBy)
      out.push(
        eb('created_by', 'in', f.createdBy.length ? [...f.createdBy] : ['00000000-0000-0000-0000-000000000000']),
      );
    if (f.counter === 'front') out.push(eb('status', 'in', [...FRONT_STATUSES]));
    else if (f.counter === 'exit') out.push(eb('status', 'in', [...EXIT_STATUSES]));
    else if (f.counter === 'back')
      out.push(eb('status', 'not in', [...FRONT_STATUSES, ...EXIT_STATUSES, ...OUTSIDE_STATUSES]));
    if (f.deadlineState) out.push(deadlineStateIs(f.deadlineState, f.today));
    if (f.from) out.push(eb('created_at', '>=', new Date(`${f.from}T00:00:00+08:00`)));
    if (f.to) out.push(eb('created_at', '<', sql<Date>`${`${f.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`));
    // A number (or its beginning) is looked up by prefix; anything else is part of the applicant's name.
    const text = f.q?.trim();
    if (text && CASE_NUMBER_RE.test(text.toUpperCase())) out.push(eb('number', '=', text.toUpperCase()));
    else if (text && /^[0-9A-Za-z-]+$/.test(text) && /\d/.test(text))
      out.push(eb('number', 'like', prefixPattern(text.toUpperCase())));
    else if (text) out.push(eb('applicant_name', 'ilike', containsPattern(text)));
    return eb.and(out);
  };
}

/**
 * 办件列表: page through the union of the caller's branches, first as (id, sort keys) only — which the
 * covering queue indexes answer without touching the table — then load the page's rows.
 */
export async function listCases(
  db: Db | Tx,
  f: CaseListFilter,
): Promise<{ total: number; totalExact: boolean; items: CaseRow[] }> {
  const parts = branches(f).map((b) =>
    q(db)
      .selectFrom('cases')
      .select(['id', 'green_channel', 'promised_deadline', 'created_at'])
      .where(b)
      .where(filters(f)),
  );
  // One branch stays a plain query (the planner may walk `cases_green_deadline`, the list order, and stop at the page).
  const union = parts.slice(1).reduce((acc, p) => acc.union(p), parts[0]!);
  const counted = await q(db)
    .selectFrom(
      q(db)
        .selectFrom(union.as('u'))
        .select('u.id')
        .limit(COUNT_CAP + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(counted.n);
  let page = q(db).selectFrom(union.as('u')).select('u.id');
  // 绿色通道 first, then by deadline (or newest first).
  page = page.orderBy('u.green_channel', 'desc');
  page =
    f.sort === 'created'
      ? page.orderBy('u.created_at', 'desc').orderBy('u.id', 'desc')
      : page
          .orderBy(sql`u.promised_deadline asc nulls last`)
          .orderBy('u.created_at', 'asc')
          .orderBy('u.id');
  const ids = (
    await page
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute()
  ).map((r) => r.id);
  if (!ids.length) return { total: Math.min(n, COUNT_CAP), totalExact: n <= COUNT_CAP, items: [] };
  const rows = await q(db).selectFrom('cases').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total: Math.min(n, COUNT_CAP), totalExact: n <= COUNT_CAP, items: ids.flatMap((id) => byId.get(id) ?? []) };
}

/* ------------------------------------------------------------------ promises 容缺承诺 */

export type PromiseRow = Selectable<CasesTables['case_promises']>;

export async function insertPromises(tx: Tx, rows: Insertable<CasesTables['case_promises']>[]): Promise<void> {
  if (rows.length) await q(tx).insertInto('case_promises').values(rows).execute();
}

export async function listPromises(db: Db | Tx, caseId: string): Promise<PromiseRow[]> {
  return q(db)
    .selectFrom('case_promises')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('due_date')
    .orderBy('material_id')
    .execute();
}

export async function fulfilPromise(
  tx: Tx,
  caseId: string,
  materialId: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const r = await q(tx)
    .updateTable('case_promises')
    .set({ status: 'fulfilled', fulfilled_at: at, fulfilled_by: by })
    .where('case_id', '=', caseId)
    .where('material_id', '=', materialId)
    .where('status', '<>', 'fulfilled')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export interface PromiseListFilter {
  /** open: not fulfilled and not yet due; overdue: not fulfilled and past due; fulfilled. */
  state: 'open' | 'overdue' | 'fulfilled';
  today: string;
  regionPrefix: string;
  page: number;
  pageSize: number;
}

/** Promises of the cases in the caller's region scope (competent, accepting or holding region). */
export async function listPromisesInScope(db: Db | Tx, f: PromiseListFilter) {
  let qb = q(db)
    .selectFrom('case_promises as p')
    .innerJoin('cases as c', 'c.id', 'p.case_id')
    .where((eb) => regionIn(eb, ['c.region_code', 'c.accept_region_code', 'c.current_region_code'], f.regionPrefix));
  if (f.state === 'fulfilled') qb = qb.where('p.status', '=', 'fulfilled');
  else if (f.state === 'overdue') qb = qb.where('p.status', '<>', 'fulfilled').where('p.due_date', '<', f.today);
  else qb = qb.where('p.status', '<>', 'fulfilled').where('p.due_date', '>=', f.today);
  return pageOf(
    qb,
    (rows) =>
      rows
        .select([
          'p.id',
          'p.case_id',
          'p.material_id',
          'p.material_name',
          'p.due_date',
          'p.status',
          'p.fulfilled_at',
          'c.number',
          'c.item_name',
          'c.applicant_name',
          'c.accept_region_code',
          'c.current_region_code',
        ])
        .orderBy('p.due_date')
        .orderBy('p.id'),
    f,
  );
}

/** Unfulfilled promises due on or before `until` (reminders, overdue marking). */
export async function promisesDueBy(db: Db | Tx, until: string): Promise<PromiseRow[]> {
  return q(db)
    .selectFrom('case_promises')
    .selectAll()
    .where('status', '<>', 'fulfilled')
    .where('due_date', '<=', until)
    .orderBy('due_date')
    .execute();
}

export async function markPromise(tx: Tx, id: string, patch: Updateable<CasesTables['case_promises']>): Promise<void> {
  await q(tx).updateTable('case_promises').set(patch).where('id', '=', id).execute();
}
