import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { tables } from '../../platform/db';
import type { CatalogTables } from './catalog.tables';
import type { ItemGuide, ItemLevel, ItemType } from './catalog.schemas';
import { guideIndex } from './catalog.search';
import { containsPattern } from '../../platform/scope';

const q = (db: Db | Tx) => tables<CatalogTables>(db);

export type ItemRow = Selectable<CatalogTables['items']>;
export type VersionRow = Selectable<CatalogTables['item_versions']>;
export type DelegationRow = Selectable<CatalogTables['item_delegations']>;

/** Denormalised search/filter columns of `items` computed from a guide. */
export function itemColumnsFor(g: ItemGuide) {
  const idx = guideIndex(g);
  return {
    cols: {
      name: g.name,
      type: g.type,
      department_code: g.departmentCode,
      decide_level: g.decideLevel,
      accept_levels: g.acceptLevels,
      keywords: g.keywords,
      handling_type: g.handlingType,
      promised_days: g.promisedLimit.days,
      statutory_days: g.statutoryLimit.days,
      visits: g.visits,
      online_depth: g.onlineDepth,
      search_tokens: idx.tokens.join(' '),
      search_terms: idx.tokens,
      primary_terms: idx.primary,
    },
    searchText: idx.text,
  };
}

export async function findItem(db: Db | Tx, code: string, forUpdate = false): Promise<ItemRow | undefined> {
  let qb = q(db).selectFrom('items').selectAll().where('code', '=', code);
  if (forUpdate) qb = qb.forUpdate();
  return qb.executeTakeFirst();
}

export async function insertItems(db: Db | Tx, rows: Insertable<CatalogTables['items']>[]): Promise<ItemRow[]> {
  if (!rows.length) return [];
  return q(db).insertInto('items').values(rows).returningAll().execute();
}

/** Updates an item; `updated_at` is the instant of the request that changes it. */
export async function updateItem(
  db: Db | Tx,
  id: string,
  patch: Updateable<CatalogTables['items']> & { updated_at: Date },
): Promise<ItemRow> {
  return q(db).updateTable('items').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertVersions(db: Db | Tx, rows: Insertable<CatalogTables['item_versions']>[]): Promise<void> {
  if (rows.length) await q(db).insertInto('item_versions').values(rows).execute();
}

export async function getVersion(db: Db | Tx, itemId: string, version: number): Promise<VersionRow | undefined> {
  return q(db)
    .selectFrom('item_versions')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function maxVersion(db: Db | Tx, itemId: string): Promise<number> {
  const r = await q(db)
    .selectFrom('item_versions')
    .select((eb) => eb.fn.max<number>('version').as('v'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function listVersions(db: Db | Tx, itemId: string, includeDraft: boolean): Promise<VersionRow[]> {
  let qb = q(db).selectFrom('item_versions').selectAll().where('item_id', '=', itemId);
  if (!includeDraft) qb = qb.where('status', '!=', 'draft');
  return qb.orderBy('version', 'desc').execute();
}

export async function updateVersion(
  db: Db | Tx,
  itemId: string,
  version: number,
  patch: Updateable<CatalogTables['item_versions']>,
): Promise<void> {
  await q(db)
    .updateTable('item_versions')
    .set(patch)
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .execute();
}

export async function insertDelegations(
  db: Db | Tx,
  rows: Insertable<CatalogTables['item_delegations']>[],
): Promise<DelegationRow[]> {
  if (!rows.length) return [];
  return q(db).insertInto('item_delegations').values(rows).returningAll().execute();
}

export async function listDelegations(db: Db | Tx, itemId: string): Promise<DelegationRow[]> {
  return q(db)
    .selectFrom('item_delegations')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('effective_date')
    .orderBy('created_at')
    .execute();
}

export interface SearchFilter {
  tokens: string[];
  /** The raw query, for name substring and trigram similarity. */
  text?: string;
  /** Region codes whose items apply (the region and its ancestors). */
  regionCodes?: string[];
  department?: string;
  type?: ItemType;
  level?: ItemLevel;
  sort: 'relevance' | 'name' | 'code';
  page: number;
  pageSize: number;
}

/** Name similarity above which a name counts as a fuzzy hit (pg_trgm default is 0.3). */
const NAME_SIMILARITY = 0.3;

/**
 * Public search over active, published items: all (or most) query tokens, or a name hit.
 * Rank: name contains the query, then tokens in name/keywords/result, then tokens anywhere, then trigram similarity.
 */
export async function searchItems(db: Db | Tx, f: SearchFilter): Promise<{ total: number; items: ItemRow[] }> {
  let base = q(db).selectFrom('items').where('active', '=', true).where('current_version', 'is not', null);
  if (f.regionCodes) base = base.where('region_code', 'in', f.regionCodes.length ? f.regionCodes : ['-']);
  if (f.department) base = base.where('department_code', '=', f.department);
  if (f.type) base = base.where('type', '=', f.type);
  if (f.level) {
    const level = f.level;
    base = base.where((eb) => eb.or([eb('decide_level', '=', level), sql<SqlBool>`${level} = any(accept_levels)`]));
  }

  const text = f.text?.trim();
  let nameHit: Expression<number> = sql<number>`0`;
  let matched: Expression<number> = sql<number>`0`;
  let primary: Expression<number> = sql<number>`0`;
  let similarity: Expression<number> = sql<number>`0`;
  if (text) {
    const pattern = containsPattern(text);
    nameHit = sql<number>`(case when name ilike ${pattern} then 1 else 0 end)`;
    similarity = sql<number>`similarity(name, ${text})`;
    const parts = f.tokens.map((t) => sql`(case when search_terms @> ${[t]}::text[] then 1 else 0 end)`);
    matched = parts.length ? sql<number>`(${sql.join(parts, sql` + `)})` : sql<number>`0`;
    const primaryParts = f.tokens.map((t) => sql`(case when primary_terms @> ${[t]}::text[] then 1 else 0 end)`);
    primary = primaryParts.length ? sql<number>`(${sql.join(primaryParts, sql` + `)})` : sql<number>`0`;
    // "Most" tokens: all of one or two, three quarters of longer queries.
    const need = f.tokens.length <= 2 ? f.tokens.length : Math.ceil(f.tokens.length * 0.75);
    const tokenHit = f.tokens.length
      ? sql<SqlBool>`(search_terms && ${f.tokens}::text[] and ${matched} >= ${need})`
      : sql<SqlBool>`false`;
    base = base.where(
      sql<SqlBool>`(name ilike ${pattern} or similarity(name, ${text}) > ${NAME_SIMILARITY} or ${tokenHit})`,
    );
  }

  return pageOf(
    base,
    (qb) => {
      let rows = qb.selectAll();
      if (f.sort === 'name') rows = rows.orderBy('name').orderBy('code');
      else if (f.sort === 'code') rows = rows.orderBy('code');
      else if (text) {
        rows = rows.orderBy(nameHit, 'desc');
        // A query of punctuation alone has no tokens: no token ranks (a constant would be read as a column position).
        if (f.tokens.length) rows = rows.orderBy(primary, 'desc').orderBy(matched, 'desc');
        rows = rows.orderBy(similarity, 'desc').orderBy('code');
      } else rows = rows.orderBy('department_code').orderBy('code');
      return rows;
    },
    f,
  );
}

export interface AdminFilter {
  text?: string;
  status: 'all' | 'published' | 'draft' | 'inactive' | 'unpublished';
  page: number;
  pageSize: number;
}

/** Back-office list: every item, drafts and cancelled ones included. */
export async function adminListItems(db: Db | Tx, f: AdminFilter): Promise<{ total: number; items: ItemRow[] }> {
  let base = q(db).selectFrom('items');
  if (f.text) {
    const pattern = containsPattern(f.text);
    base = base.where((eb) =>
      eb.or([eb('name', 'ilike', pattern), eb('code', 'ilike', pattern), eb('department_code', 'ilike', pattern)]),
    );
  }
  if (f.status === 'published') base = base.where('current_version', 'is not', null).where('active', '=', true);
  if (f.status === 'draft') base = base.where('draft_version', 'is not', null);
  if (f.status === 'inactive') base = base.where('active', '=', false);
  if (f.status === 'unpublished') base = base.where('current_version', 'is', null);
  return pageOf(base, (qb) => qb.selectAll().orderBy('updated_at', 'desc').orderBy('code'), f);
}

/** Published items for other modules (case workflow, hall): by code list or all. */
export async function listPublished(db: Db | Tx, codes?: string[]): Promise<ItemRow[]> {
  let qb = q(db).selectFrom('items').selectAll().where('active', '=', true).where('current_version', 'is not', null);
  if (codes) qb = qb.where('code', 'in', codes.length ? codes : ['-']);
  return qb.orderBy('code').execute();
}
