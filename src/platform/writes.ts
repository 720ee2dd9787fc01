import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from './db';

/**
 * A row bound for a table, prepared by the module that owns the table and written by another in the same
 * statement as its own change (a case's step writes its history event, the applicant's message and the audit
 * row together). Values are as JSON gives them: objects and arrays for jsonb and array columns (never
 * pre-stringified JSON), ISO strings or Dates for timestamps; columns left out take their defaults.
 */
export interface RowInsert {
  table: string;
  row: Record<string, unknown>;
}

/**
 * The insert as a statement body (for a `with` list): the row is passed as one jsonb parameter and typed by
 * `jsonb_populate_record` against the table itself, so no caller spells out column types. With `guard`, the
 * row is written only when that CTE (e.g. a version-checked update) returned a row.
 */
export function insertBody(ins: RowInsert, guard?: string): RawBuilder<unknown> {
  const cols = sql.join(Object.keys(ins.row).map((c) => sql.ref(c)));
  const table = sql.table(ins.table);
  const when = guard ? sql` where exists (select 1 from ${sql.table(guard)})` : sql``;
  return sql`insert into ${table} (${cols}) select ${cols} from jsonb_populate_record(null::${table}, ${JSON.stringify(ins.row)}::jsonb)${when}`;
}

/**
 * Rows bound for tables on behalf of several owners at once (steps on several cases in one statement), each
 * row to be written only if its owner's change was. Grouped by table and columns, since a row that leaves a
 * column out must get its default, not a null from a neighbour that has it.
 */
export interface KeyedInsertGroup {
  table: string;
  cols: string[];
  /** JSON array of `{ key, row }`: one statement parameter. */
  json: string;
}

export function groupKeyedInserts(
  owners: readonly { key: string; inserts: readonly RowInsert[] }[],
): KeyedInsertGroup[] {
  const groups = new Map<
    string,
    { table: string; cols: string[]; rows: { key: string; row: Record<string, unknown> }[] }
  >();
  for (const { key, inserts } of owners) {
    for (const ins of inserts) {
      const cols = Object.keys(ins.row).sort();
      const id = `${ins.table}(${cols.join(',')})`;
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { table: ins.table, cols, rows: [] }));
      g.rows.push({ key, row: ins.row });
    }
  }
  return [...groups.values()].map((g) => ({ table: g.table, cols: g.cols, json: JSON.stringify(g.rows) }));
}

/** A group's insert as a statement body: a row goes in only when `guard` (a CTE with a uuid `id`) returned its key. */
export function insertKeyedBody(g: KeyedInsertGroup, guard: string): RawBuilder<unknown> {
  const cols = (prefix?: string) => sql.join(g.cols.map((c) => sql.ref(prefix ? `${prefix}.${c}` : c)));
  const table = sql.table(g.table);
  return sql`insert into ${table} (${cols()})
      select ${cols('r')} from jsonb_to_recordset(${g.json}::jsonb) as x(key uuid, "row" jsonb)
        cross join lateral jsonb_populate_record(null::${table}, x."row") as r
      where exists (select 1 from ${sql.table(guard)} g where g.id = x.key)`;
}

/** `with` entries for the inserts, named `<prefix>0`, `<prefix>1`, … (to follow other entries after a comma). */
export function insertCtes(inserts: readonly RowInsert[], guard?: string, prefix = 'also'): RawBuilder<unknown> {
  return sql.join(
    inserts.map((ins, i) => sql`${sql.raw(`${prefix}${i}`)} as (${insertBody(ins, guard)})`),
    sql`, `,
  );
}

/** Writes the rows in one statement (one round trip however many tables they go to). */
export async function insertRows(db: Db | Tx, inserts: readonly RowInsert[]): Promise<void> {
  if (inserts.length === 0) return;
  if (inserts.length === 1) {
    await insertBody(inserts[0]!).execute(db);
    return;
  }
  await sql`with ${insertCtes(inserts.slice(0, -1))} ${insertBody(inserts.at(-1)!)}`.execute(db);
}
