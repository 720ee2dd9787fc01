import { sql, type Insertable, type Selectable } from 'kysely';
import { tables, type Db, type Tx } from '../../platform/db';
import type { BundlesTables } from './bundles.tables';
import { containsPattern } from '../../platform/scope';

const q = (db: Db | Tx) => tables<BundlesTables>(db);
export type BundleRow = Selectable<BundlesTables['bundles']>;
export type ApplicationRow = Selectable<BundlesTables['bundle_applications']>;

export const getBundle = (db: Db | Tx, code: string) =>
  q(db).selectFrom('bundles').selectAll().where('code', '=', code).executeTakeFirst();

export async function listBundles(db: Db | Tx, opts: { includeInactive: boolean; limit: number; offset: number }) {
  let base = q(db).selectFrom('bundles');
  if (!opts.includeInactive) base = base.where('active', '=', true);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base.selectAll().orderBy('code').limit(opts.limit).offset(opts.offset).execute();
  return { total, rows };
}

export async function insertBundle(tx: Tx, row: Insertable<BundlesTables['bundles']>) {
  return q(tx)
    .insertInto('bundles')
    .values({
      ...row,
      item_codes: JSON.stringify(row.item_codes) as never,
      shared_fields: JSON.stringify(row.shared_fields) as never,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateBundle(
  tx: Tx,
  code: string,
  version: number,
  set: {
    name: string;
    description: string;
    item_codes: string[];
    shared_fields: unknown;
    mode: 'parallel' | 'serial';
    active: boolean;
    updated_at: Date;
  },
) {
  return q(tx)
    .updateTable('bundles')
    .set({
      ...set,
      item_codes: JSON.stringify(set.item_codes) as never,
      shared_fields: JSON.stringify(set.shared_fields) as never,
      version: version + 1,
    })
    .where('code', '=', code)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export const findApplication = (db: Db | Tx, applicantId: string, key: string) =>
  q(db)
    .selectFrom('bundle_applications')
    .selectAll()
    .where('applicant_id', '=', applicantId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();

export const getApplication = (db: Db | Tx, id: string) =>
  q(db).selectFrom('bundle_applications').selectAll().where('id', '=', id).executeTakeFirst();

export async function lockKey(tx: Tx, applicantId: string, key: string) {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`bundle:${applicantId}:${key}`}, 0))`.execute(tx);
}

export async function insertApplication(tx: Tx, row: Insertable<BundlesTables['bundle_applications']>) {
  return q(tx)
    .insertInto('bundle_applications')
    .values({
      ...row,
      item_codes: JSON.stringify(row.item_codes) as never,
      case_ids: JSON.stringify(row.case_ids) as never,
      case_numbers: JSON.stringify(row.case_numbers) as never,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The applications someone filed, newest first; `q` matches the bundle name or a linked case number. */
export async function listApplicationsOf(
  db: Db | Tx,
  applicantId: string,
  opts: { q?: string | undefined; limit: number; offset: number },
) {
  let base = q(db).selectFrom('bundle_applications').where('applicant_id', '=', applicantId);
  if (opts.q) {
    const like = containsPattern(opts.q);
    base = base.where((eb) =>
      eb.or([eb('bundle_name', 'ilike', like), sql<boolean>`case_numbers::text ilike ${like}`]),
    );
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(opts.limit)
    .offset(opts.offset)
    .execute();
  return { total, rows };
}

/** The application a case was filed by, if any (GIN index on case_ids). */
export const findApplicationByCase = (db: Db | Tx, caseId: string) =>
  q(db)
    .selectFrom('bundle_applications')
    .selectAll()
    .where(sql<boolean>`case_ids @> ${JSON.stringify([caseId])}::jsonb`)
    .executeTakeFirst();

/** The applications any of these cases was filed by (one `@>` per id, each served by the GIN index). */
export async function findApplicationsByCases(db: Db | Tx, caseIds: readonly string[]) {
  if (!caseIds.length) return [];
  return q(db)
    .selectFrom('bundle_applications')
    .select(['id', 'bundle_code', 'bundle_name', 'case_ids'])
    .where((eb) => eb.or(caseIds.map((id) => sql<boolean>`case_ids @> ${JSON.stringify([id])}::jsonb`)))
    .execute();
}
