/** Every query on the assessment module's own tables (assessment_rules, assessment_bulletins). */
import { sql, type Selectable } from 'kysely';
import { tables, type Db, type Tx } from '../../platform/db';
import type { AssessmentTables, BulletinSummary } from './assessment.tables';
import { regionIn } from '../../platform/scope';
import { pageOf } from '../../platform/paging';

const q = (db: Db | Tx) => tables<AssessmentTables>(db);

export type RuleRow = Selectable<AssessmentTables['assessment_rules']>;
export type BulletinMeta = Omit<Selectable<AssessmentTables['assessment_bulletins']>, 'pdf'>;

export async function listRules(db: Db | Tx): Promise<RuleRow[]> {
  return q(db).selectFrom('assessment_rules').selectAll().orderBy('sort').execute();
}

export async function getRuleForUpdate(db: Db | Tx, code: string): Promise<RuleRow | undefined> {
  return q(db).selectFrom('assessment_rules').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function updateRule(
  db: Db | Tx,
  code: string,
  set: { points: number; cap: number | null; updatedByName: string },
  now: Date,
): Promise<RuleRow> {
  return q(db)
    .updateTable('assessment_rules')
    .set({
      points: set.points,
      cap: set.cap,
      updated_by_name: set.updatedByName,
      updated_at: now,
      version: sql<number>`version + 1`,
    })
    .where('code', '=', code)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const metaColumns = [
  'id',
  'region_prefix',
  'region_name',
  'week_from',
  'week_to',
  'title',
  'summary',
  'generated_at',
  'generated_by',
  'generated_by_name',
] as const;

const dateText = (col: 'week_from' | 'week_to') => sql<string>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`.as(col);

/** Bulletins of a scope and the scopes below it (the city-wide scope '' sees all), newest week first. */
export async function listBulletins(
  db: Db | Tx,
  regionPrefix: string,
  page: number,
  pageSize: number,
): Promise<{ total: number; items: BulletinMeta[] }> {
  const base = q(db)
    .selectFrom('assessment_bulletins')
    .where((eb) => regionIn(eb, 'region_prefix', regionPrefix));
  return pageOf(
    base,
    (qb) =>
      qb
        .select(metaColumns.filter((c) => c !== 'week_from' && c !== 'week_to'))
        .select([dateText('week_from'), dateText('week_to')])
        .orderBy('week_from', 'desc')
        .orderBy('region_prefix'),
    { page, pageSize },
  );
}

export async function getBulletinMeta(db: Db | Tx, id: string): Promise<BulletinMeta | undefined> {
  return q(db)
    .selectFrom('assessment_bulletins')
    .select(metaColumns.filter((c) => c !== 'week_from' && c !== 'week_to'))
    .select([dateText('week_from'), dateText('week_to')])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function getBulletinPdf(db: Db | Tx, id: string): Promise<Buffer | undefined> {
  const r = await q(db).selectFrom('assessment_bulletins').select('pdf').where('id', '=', id).executeTakeFirst();
  return r ? Buffer.from(r.pdf) : undefined;
}

export async function findBulletin(
  db: Db | Tx,
  regionPrefix: string,
  weekFrom: string,
): Promise<{ id: string } | undefined> {
  return q(db)
    .selectFrom('assessment_bulletins')
    .select('id')
    .where('region_prefix', '=', regionPrefix)
    .where('week_from', '=', weekFrom)
    .executeTakeFirst();
}

export interface NewBulletin {
  region_prefix: string;
  region_name: string;
  week_from: string;
  week_to: string;
  title: string;
  summary: BulletinSummary;
  pdf: Buffer;
  generated_by: string | null;
  generated_by_name: string;
  generated_at: Date;
}

/**
 * Stores a bulletin; one per (scope, week). `replace` regenerates an existing one (a supervisor's
 * request); without it an existing bulletin is kept (the Monday job) and null is returned.
 */
export async function upsertBulletin(
  db: Db | Tx,
  b: NewBulletin,
  replace: boolean,
): Promise<{ id: string; created: boolean } | null> {
  const values = { ...b, summary: JSON.stringify(b.summary) };
  const r = await q(db)
    .insertInto('assessment_bulletins')
    .values(values)
    .onConflict((oc) =>
      replace
        ? oc.columns(['region_prefix', 'week_from']).doUpdateSet(values)
        : oc.columns(['region_prefix', 'week_from']).doNothing(),
    )
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirst();
  return r ? { id: r.id, created: r.created } : null;
}
