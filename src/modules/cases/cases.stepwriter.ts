/**
 * The step writer 办件步骤写入 (ADR 0006, ADR 0007): how a case step's versioned update, its history event and the
 * rows written with it reach the database. Two writers behind one interface:
 *
 * - `plainStepWriter(db)`, the default: one step, one statement, on `db` or inside the caller's transaction.
 *   Nothing is kept (a transaction may roll back).
 * - `batchedStepWriter(db)`, for steps outside a transaction: steps on different cases that come while another
 *   statement runs go together in one statement (`writeSteps`, one in flight per database), and the rows it
 *   wrote are kept, so that a minimal step on the version this server last wrote may begin from its row
 *   (`lastWrittenCase`, ADR 0007).
 *
 * `stepWriterFor(db)` picks one: the plain writer inside a transaction, the batched one outside. A use case
 * never calls a writer itself: it goes through the pipeline (`cases.pipeline.ts`) and `recordStep`.
 * The hand-built CTE SQL of both statements lives here and nowhere else.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { executeShape, perDatabase, tables } from '../../platform/db';
import { groupKeyedInserts, insertCtes, insertKeyedBody, type RowInsert } from '../../platform/writes';
import { batcher } from '../../platform/batching';
import type { CasesTables, ClockLogEntry } from './cases.tables';
import type { CasePatch, CaseRow, EventRow, NewEvent } from './cases.repository';

const q = (db: Db | Tx) => tables<CasesTables>(db);

/** Writes steps on cases. */
export interface StepWriter {
  /** Writes one step; undefined when the row was no longer at the version the step began from. */
  write(w: StepWrite): Promise<StepWritten>;
}

/** The plain writer: one step in one statement, on `db` alone or in the caller's transaction. */
export const plainStepWriter = (db: Db | Tx): StepWriter => ({ write: (w) => writeOne(db, w) });

/** The writer of a step on `db`: the plain one inside a transaction, the batched one outside. */
export const stepWriterFor = (db: Db | Tx): StepWriter =>
  db.isTransaction ? plainStepWriter(db) : batchedStepWriter(db as Db);

/** A step's history event as its use case builds it: the case and its place in the history are added. */
export type StepEvent = Omit<NewEvent, 'case_id' | 'seq' | 'at'> & { at: Date };

/** One step's write: the row it began from (whose version guards it), the columns it sets, its history event and the rows written alongside it. */
export interface StepWrite {
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
export type StepWritten = { row: CaseRow; event: EventRow } | undefined;
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
 * so a step without other writes needs no transaction. Written by `stepWriterFor(db)`; undefined when the
 * version was stale, otherwise the row and the event as written (see `stepWritten`).
 */
export function writeCaseStep(
  db: Db | Tx,
  before: CaseRow,
  patch: CasePatch,
  e: StepEvent,
  alongside: readonly RowInsert[] = [],
): Promise<StepWritten> {
  const set: Record<string, unknown> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const at = new Date(e.at);
  set.updated_at = at;
  const event = {
    ...e,
    at,
    actor_id: e.actor_id ?? null,
    from_status: e.from_status ?? null,
    clock: e.clock ?? null,
    comment: e.comment ?? null,
  };
  return stepWriterFor(db).write({ before, set, event, alongside });
}

/** One step alone: compiled once per shape (the columns it sets, the rows alongside) and run prepared. */
async function writeOne(db: Db | Tx, w: StepWrite): Promise<StepWritten> {
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
 * (the step is then written apart, see `batchedStepWriter`), so one busy case never holds up the others. The steps
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
  return lastWrittenIn(db, id, version);
}

function lastWrittenIn(db: Db, id: string, version: number): CaseRow | undefined {
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
 * The batched writer of a database: the steps gathered while another statement runs go in one statement (a lone
 * step in one of its own). A step the statement did not write was stale, or its row was locked by a
 * transaction: it is written apart, on its own statement, which waits for the lock and then checks the
 * version, without holding up the next gathered statement. If a gathered statement fails (one bad row), each
 * step is written on its own, so only the one at fault fails. Every row it wrote is kept (`lastWritten`).
 */
export const batchedStepWriter = perDatabase((db: Db): StepWriter & { lastWritten: typeof lastWrittenIn } => {
  const write = batcher<StepWrite, StepWritten>({
    key: (w) => w.before.id,
    maxInFlight: STEP_WRITES_IN_FLIGHT,
    maxBatch: STEP_BATCH_MAX,
    run: async (ws) => {
      const results = await writeGathered(db, ws);
      return results.map((r, i) => {
        if (r.status !== 'fulfilled') return r;
        if (!r.value)
          return { status: 'fulfilled', value: writeOne(db, ws[i]!).then((apart) => kept(db, apart)) } as const;
        return { status: 'fulfilled', value: kept(db, r.value) } as const;
      });
    },
  });
  return { write, lastWritten: lastWrittenIn };
});

async function writeGathered(db: Db, ws: readonly StepWrite[]): Promise<PromiseSettledResult<StepWritten>[]> {
  try {
    return (await writeSteps(db, ws)).map((value) => ({ status: 'fulfilled', value }) as const);
  } catch (err) {
    if (ws.length === 1) return [{ status: 'rejected', reason: err }];
    // Not expected (each step was checked before): say so, and write them one by one.
    console.warn(`办件步骤合并写入失败，改为逐件写入：${err instanceof Error ? err.message : String(err)}`);
  }
  return Promise.allSettled(ws.map((w) => writeOne(db, w)));
}

/** A step written outside a transaction: its row is kept (see lastWrittenCase). */
function kept(db: Db, written: StepWritten): StepWritten {
  if (written) keepWritten(db, written.row);
  return written;
}
