import { sql, type Expression, type Insertable, type Selectable } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db, Tx } from '../../platform/db';
import { executeShape, tables } from '../../platform/db';
import type { DocumentsTables } from './documents.tables';

const q = (db: Db | Tx) => tables<DocumentsTables>(db);

export type DocumentRow = Selectable<DocumentsTables['documents']>;
export type DocumentMetaRow = Omit<DocumentRow, 'content'> & { size: number };

const META = [
  'id',
  'case_id',
  'kind',
  'number',
  'title',
  'sha256',
  'issued_on',
  'issued_by',
  'office_name',
  'created_at',
] as const;
const size = sql<number>`octet_length(content)`.as('size');

/** The next serial of a prefix and year; the row stays locked until the transaction ends (gapless). */
export async function nextSerial(db: Db | Tx, prefix: string, year: number): Promise<number> {
  const r = await q(db)
    .insertInto('document_counters')
    .values({ prefix, year, last_serial: 1 })
    .onConflict((oc) =>
      oc.columns(['prefix', 'year']).doUpdateSet({ last_serial: sql`document_counters.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return r.last_serial;
}

export async function insertDocument(
  db: Db | Tx,
  row: Insertable<DocumentsTables['documents']>,
): Promise<DocumentMetaRow> {
  return q(db)
    .insertInto('documents')
    .values(row)
    .returning([...META, size])
    .executeTakeFirstOrThrow();
}

export async function getMeta(db: Db | Tx, id: string): Promise<DocumentMetaRow | undefined> {
  return q(db)
    .selectFrom('documents')
    .select([...META, size])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getWithContent(db: Db | Tx, id: string): Promise<(DocumentRow & { size: number }) | undefined> {
  return q(db).selectFrom('documents').selectAll().select(size).where('id', '=', id).executeTakeFirst();
}

/** A case's documents in issue order, the case given as a value or as a column of an enclosing query. */
function ofCase(db: Db | Tx, caseId: string | Expression<string>) {
  return q(db)
    .selectFrom('documents')
    .select([...META, size])
    .where('documents.case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('number');
}

/** A case's documents (prepared once per connection). */
export async function listForCase(db: Db | Tx, caseId: string): Promise<DocumentMetaRow[]> {
  return executeShape(db, 'documents.of-case', (id) => ofCase(db, String(id)), [caseId]);
}

/**
 * A case's documents as a JSON array, for a read of another module to carry along (the case view reads its
 * case and documents in one statement); `caseIdColumn` names the case id in that read.
 */
export function listForCaseJson(db: Db | Tx, caseIdColumn: Expression<string>) {
  return jsonArrayFrom(ofCase(db, caseIdColumn));
}

export async function findBySha256(db: Db | Tx, sha256: string): Promise<DocumentMetaRow | undefined> {
  return q(db)
    .selectFrom('documents')
    .select([...META, size])
    .where('sha256', '=', sha256)
    .orderBy('created_at')
    .executeTakeFirst();
}
