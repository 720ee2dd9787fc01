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
