import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { sql, type Insertable, type Selectable, type SqlBool, type Updateable, type ExpressionBuilder } from 'kysely';
import { EXIT_STATUSES, FRONT_STATUSES, OUTSIDE_STATUSES, type Counter } from './cases.counters';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { executeShape, perDatabase, tables } from '../../platform/db';
import { groupKeyedInserts, insertCtes, insertKeyedBody, type RowInsert } from '../../platform/writes';
import { batcher } from '../../platform/batching';
import type { CasesTables, ClockLogEntry } from './cases.tables';
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

/** One step's write: the row it began from (whose version guards it), the columns it sets, its history event and the rows written alongside it. */
interface StepWrite {
  before: CaseRow;
  set: Record<string, unknown>;
  event: Required<
    Pick<
      NewEvent,
      | 'on_date'
      | 'actor_id'
      | 'actor_name'
      | 'actor_role'
      | 'action'
      | 'from_status'
      | 'to_status'
      | 'clock'
      | 'comment'
      | 'payload'
    >
  > & { at: Date };
  alongside: readonly RowInsert[];
}
type StepWritten = { row: CaseRow; event: EventRow } | undefined;
/** What a step statement answers for each step it wrote: the case and the id of its new event. */
type StepRow = { id: string; event_id: number };

const EVENT_COLUMNS = [
  'at',
  'on_date',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'from_status',
  'to_status',
  'clock',
  'comment',
  'payload',
] as const;
/** Columns of `cases` written as JSON text (see cases.tables.ts): a batch passes them as JSON values. */
const JSON_COLUMNS = new Set(['applicant', 'form', 'linkage_chain', 'pickup']);

/**
 * A versioned step in one statement: the update (only at the version of `before`, the row the step began
 * from), its history event numbered by the new version, and rows of other modules (`alongside`: the
 * applicant's message, the audit entry) written only when the update was. One statement is atomic by itself,
 * so a step without other writes needs no transaction. Outside a transaction, steps on different cases that
 * come while others are being written are written together in one statement (`stepWriterOf`). Undefined when
 * the version was stale; otherwise the row and the event as written (see `stepWritten`).
 */
export async function updateCaseWithEvent(
  db: Db | Tx,
  before: CaseRow,
  patch: CasePatch,
  e: Omit<NewEvent, 'case_id' | 'seq'>,
  alongside: readonly RowInsert[] = [],
): Promise<StepWritten> {
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const now = new Date();
  set.updated_at = now;
  const event = {
    ...e,
    at: e.at ? new Date(e.at) : now,
    actor_id: e.actor_id ?? null,
    from_status: e.from_status ?? null,
    clock: e.clock ?? null,
    comment: e.comment ?? null,
  };
  const w: StepWrite = { before, set, event, alongside };
  return db.isTransaction ? writeStep(db, w) : stepWriterOf(db)(w);
}

/** One step alone: compiled once per shape (the columns it sets, the rows alongside) and run prepared. */
async function writeStep(db: Db | Tx, w: StepWrite): Promise<StepWritten> {
  const eventValues = EVENT_COLUMNS.map((c) => w.event[c]);
  const also = w.alongside.map((ins) => JSON.stringify(ins.row));
  const clockAdded = JSON.stringify(clockLogAddition(w.event));
  const values = [...Object.values(w.set), clockAdded, w.before.id, w.before.version, ...eventValues, ...also];
  const shape = `cases.step:${Object.keys(w.set).join(',')}|${w.alongside.map((ins) => `${ins.table}(${Object.keys(ins.row).join(',')})`).join(';')}`;
  const build = () => {
    const update = q(db)
      .updateTable('cases')
      .set({
        ...w.set,
        ...({ clock_log: sql`clock_log || ${clockAdded}::jsonb` } as Record<string, unknown>),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', w.before.id)
      .where('version', '=', w.before.version)
      .returning(['id', 'version']);
    const [eAt, onDate, actorId, actorName, actorRole, action, fromStatus, toStatus, clock, comment, payload] =
      eventValues;
    const statement = sql<StepRow>`
    with updated as (${update}),
    written as (
      insert into case_events (case_id, seq, at, on_date, actor_id, actor_name, actor_role, action, from_status, to_status, clock, comment, payload)
      select updated.id, updated.version, ${eAt}::timestamptz, ${onDate}::date, ${actorId}::uuid, ${actorName}::text,
             ${actorRole}::text, ${action}::text, ${fromStatus}::text, ${toStatus}::text, ${clock}::text, ${comment}::text, ${payload}::jsonb
      from updated
      returning id)${w.alongside.length ? sql`, ${insertCtes(w.alongside, 'updated')}` : sql``}
    select updated.id, written.id as event_id from updated, written`;
    return { compile: () => statement.compile(db) };
  };
  const [found] = await executeShape(db, shape, build, values);
  return found ? stepWritten(w, found.event_id) : undefined;
}

/** The columns a step sets as the row holds them: JSON columns come as JSON text and are parsed. */
const setValues = (set: StepWrite['set']): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(set).map(([k, v]) => [k, JSON_COLUMNS.has(k) && typeof v === 'string' ? JSON.parse(v) : v]),
  );
const payloadOf = (e: StepWrite['event']): unknown =>
  typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload;

/** What a step's event adds to the row's clock log: itself, when it starts, stops, resumes or ends the clock. */
const clockLogAddition = (e: StepWrite['event']): ClockLogEntry[] =>
  e.clock ? [{ on_date: e.on_date, clock: e.clock }] : [];

/**
 * What a step wrote, without reading it back: the row it began from with the step's columns laid over it, the
 * next version and the clock log's addition; the event as given, with the id the database gave it. The write
 * was guarded by that row's version and no trigger changes `cases`, so this is the row the database now holds
 * (a test compares the two after steps of every kind). Reading it back cost both sides more than the write.
 */
function stepWritten(w: StepWrite, eventId: number): NonNullable<StepWritten> {
  const row = {
    ...w.before,
    ...setValues(w.set),
    version: w.before.version + 1,
    clock_log: [...w.before.clock_log, ...clockLogAddition(w.event)],
  };
  const event = {
    id: eventId,
    case_id: w.before.id,
    seq: w.before.version + 1,
    ...w.event,
    payload: payloadOf(w.event),
  } as EventRow;
  return { row: row as CaseRow, event };
}

/**
 * Several steps on different cases in one statement, each update guarded by its own version, so a stale one
 * writes nothing and leaves the others be. A row another transaction holds locked is skipped, not waited for
 * (the step is then written apart, see `stepWriterOf`), so one busy case never holds up the others. The steps
 * travel as JSON: each update lays its columns over the row (`jsonb_populate_record(c, patch)`), its event and
 * alongside rows are typed by their tables. The text depends only on which columns and tables occur, so it is
 * prepared once per such shape. The planner guesses a hundred steps for any input, and would rather scan every
 * case than look that many up; so the rows are found by key (a lateral lookup, `= any(array(…))`), never joined.
 */
async function writeSteps(db: Db, ws: readonly StepWrite[]): Promise<StepWritten[]> {
  const cols = [...new Set(ws.flatMap((w) => Object.keys(w.set)))].sort();
  const input = JSON.stringify(
    ws.map((w) => ({
      id: w.before.id,
      version: w.before.version,
      patch: setValues(w.set),
      event: { ...w.event, payload: payloadOf(w.event) },
      clock: clockLogAddition(w.event),
    })),
  );
  const groups = groupKeyedInserts(ws.map((w) => ({ key: w.before.id, inserts: w.alongside })));
  const shape = `cases.steps:${cols.join(',')}|${groups.map((g) => `${g.table}(${g.cols.join(',')})`).join(';')}`;
  const build = () => {
    const list = (prefix: string, names: readonly string[]) =>
      sql.join(names.map((n) => (prefix ? sql.ref(`${prefix}.${n}`) : sql.ref(n))));
    const also = groups.map((g, i) => sql`, ${sql.raw(`also${i}`)} as (${insertKeyedBody(g, 'updated')})`);
    const statement = sql<StepRow>`
    with input as (select * from jsonb_to_recordset(${input}::jsonb) as i(id uuid, version int, patch jsonb, event jsonb, clock jsonb)),
    free as (select f.id from input i cross join lateral (select c.id from cases c where c.id = i.id and c.version = i.version for update of c skip locked) f),
    updated as (
      update cases c set (${list('', cols)}) = (select ${list('r', cols)} from jsonb_populate_record(c, i.patch) as r),
        clock_log = c.clock_log || i.clock, version = c.version + 1
      from input i where c.id = any(array(select id from free)) and c.id = i.id and c.version = i.version
      returning c.id, c.version),
    written as (
      insert into case_events (case_id, seq, ${list('', EVENT_COLUMNS)})
      select u.id, u.version, ${list('e', EVENT_COLUMNS)}
      from updated u join input i on i.id = u.id cross join lateral jsonb_populate_record(null::case_events, i.event) as e
      returning id, case_id)${sql.join(also, sql``)}
    select u.id, w.id as event_id from updated u join written w on w.case_id = u.id`;
    return { compile: () => statement.compile(db) };
  };
  const rows = await executeShape(db, shape, build, [input, ...groups.map((g) => g.json)]);
  const eventIds = new Map(rows.map((r) => [r.id, r.event_id]));
  return ws.map((w) => {
    const eventId = eventIds.get(w.before.id);
    return eventId === undefined ? undefined : stepWritten(w, eventId);
  });
}

/** How many case rows a process keeps as its steps last wrote them (a few MB). */
const WRITTEN_ROWS_KEPT = 5000;
const writtenRowsOf = perDatabase(() => new Map<string, CaseRow>());

function keepWritten(db: Db, row: CaseRow): void {
  const rows = writtenRowsOf(db);
  rows.delete(row.id); // re-inserted last: the oldest entry goes first
  rows.set(row.id, row);
  if (rows.size > WRITTEN_ROWS_KEPT) rows.delete(rows.keys().next().value!);
}

/**
 * The case row as this process's last step wrote it, if that step left it at `version`: a step whose caller
 * saw that version may begin from it instead of reading the row. Only rows of steps written outside a
 * transaction are kept (their statement committed when it answered). Every change of what a step reads comes
 * with a new version, and every step's write is guarded by the version it began from, so a row that moved on
 * meanwhile (another server, a transaction) makes the write find another version and write nothing; the step
 * is then taken again from a fresh read. The re-dating of deadlines after a calendar change is the one change
 * without a new version, and a step computes those columns afresh.
 */
export function lastWrittenCase(db: Db, id: string, version: number): CaseRow | undefined {
  const row = writtenRowsOf(db).get(id);
  return row?.version === version ? row : undefined;
}

/**
 * Step statements in flight at once per database; steps that come meanwhile wait and go together. One in
 * flight gathers the most steps a statement (measured: about a third less database CPU a step than with two,
 * at 8 clients); it never waits on a lock, since locked rows are skipped.
 */
const STEP_WRITES_IN_FLIGHT = 1;
const STEP_BATCH_MAX = 16;

/**
 * The step writer of a database: the steps gathered while another statement runs go in one statement (a lone
 * step in one of its own). A step the statement did not write was stale, or its row was locked by a
 * transaction: it is written apart, on its own statement, which waits for the lock and then checks the
 * version, without holding up the next gathered statement. If a gathered statement fails (one bad row), each
 * step is written on its own, so only the one at fault fails.
 */
const stepWriterOf = perDatabase((db) =>
  batcher<StepWrite, StepWritten>({
    key: (w) => w.before.id,
    maxInFlight: STEP_WRITES_IN_FLIGHT,
    maxBatch: STEP_BATCH_MAX,
    run: async (ws) => {
      const results = await writeGathered(db, ws);
      return results.map((r, i) => {
        if (r.status !== 'fulfilled') return r;
        if (!r.value)
          return { status: 'fulfilled', value: writeStep(db, ws[i]!).then((apart) => kept(db, apart)) } as const;
        return { status: 'fulfilled', value: kept(db, r.value) } as const;
      });
    },
  }),
);

async function writeGathered(db: Db, ws: readonly StepWrite[]): Promise<PromiseSettledResult<StepWritten>[]> {
  try {
    return (await writeSteps(db, ws)).map((value) => ({ status: 'fulfilled', value }) as const);
  } catch (err) {
    if (ws.length === 1) return [{ status: 'rejected', reason: err }];
    // Not expected (each step was checked before): say so, and write them one by one.
    console.warn(`办件步骤合并写入失败，改为逐件写入：${err instanceof Error ? err.message : String(err)}`);
  }
  return Promise.allSettled(ws.map((w) => writeStep(db, w)));
}

/** A step written outside a transaction: its row is kept (see lastWrittenCase). */
function kept(db: Db, written: StepWritten): StepWritten {
  if (written) keepWritten(db, written.row);
  return written;
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
): Promise<void> {
  await q(tx)
    .updateTable('case_materials')
    .set({ ...patch, updated_at: new Date() })
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
