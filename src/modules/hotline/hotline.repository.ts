/** Every query on the hotline's own tables. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import { pageOf, type PageRequest } from '../../platform/paging';
import { containsPattern, prefixPattern, whereInScope, type Scope } from '../../platform/scope';
import type { HotlineTables, TicketType } from './hotline.tables';

export const q = (db: Db | Tx) => tables<HotlineTables>(db);

export type TicketRow = Selectable<HotlineTables['hotline_tickets']>;
export type TicketInsert = Insertable<HotlineTables['hotline_tickets']>;
export type TicketUpdate = Updateable<HotlineTables['hotline_tickets']>;
export type EventRow = Selectable<HotlineTables['hotline_ticket_events']>;
export type EventInsert = Insertable<HotlineTables['hotline_ticket_events']>;
export type CategoryRow = Selectable<HotlineTables['hotline_categories']>;
export type RuleRow = Selectable<HotlineTables['hotline_dispatch_rules']>;
export type CallRow = Selectable<HotlineTables['hotline_calls']>;
export type SettingsRow = Selectable<HotlineTables['hotline_settings']>;

/** Which column locates a ticket for the reach of the scope: where it is (centre) or the unit holding it. */
export type TicketScope = { scope: Scope; by: 'location' | 'unit' };

export const scopeColumns = (by: TicketScope['by']) =>
  by === 'location'
    ? ({ region: 'region_code' } as const)
    : ({ region: 'unit_region_code', department: 'unit_code' } as const);

export const listCategories = (db: Db | Tx) =>
  q(db).selectFrom('hotline_categories').selectAll().orderBy('sort').orderBy('code').execute();

export const getSettings = (db: Db | Tx) => q(db).selectFrom('hotline_settings').selectAll().executeTakeFirst();

/** Writes the one settings row (created on the first write). */
export const putSettings = (
  db: Db | Tx,
  row: { limits: string; sign_hours: number; max_reopens: number; updated_at: Date },
) =>
  q(db)
    .insertInto('hotline_settings')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();

export async function nextTicketNumber(db: Db | Tx, day: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('hotline_ticket_seq')::text as n`.execute(db);
  return `${day.replaceAll('-', '')}${rows[0]!.n.padStart(6, '0')}`;
}

export const insertTicket = (db: Db | Tx, row: TicketInsert) =>
  q(db).insertInto('hotline_tickets').values(row).returningAll().executeTakeFirstOrThrow();

export const insertEvent = (db: Db | Tx, row: EventInsert) =>
  q(db).insertInto('hotline_ticket_events').values(row).execute();

/** The ticket in scope, or undefined (404). */
export function getTicket(db: Db | Tx, id: string, reach: TicketScope | null) {
  let sel = q(db).selectFrom('hotline_tickets').selectAll().where('id', '=', id);
  if (reach) sel = whereInScope(sel, reach.scope, scopeColumns(reach.by));
  return sel.executeTakeFirst();
}

/** The version-checked update of an action; undefined when the version moved on (409). */
export const updateTicket = (db: Db | Tx, id: string, version: number, set: TicketUpdate) =>
  q(db)
    .updateTable('hotline_tickets')
    .set({ ...set, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const ticketEvents = (db: Db | Tx, id: string) =>
  q(db).selectFrom('hotline_ticket_events').selectAll().where('ticket_id', '=', id).orderBy('seq').execute();

export interface TicketFilter {
  state?: string;
  unit?: string;
  type?: TicketType;
  category?: string;
  q?: string;
  phone?: string;
}

export function listTickets(db: Db | Tx, reach: TicketScope, f: TicketFilter, page: PageRequest | null) {
  let sel = whereInScope(q(db).selectFrom('hotline_tickets'), reach.scope, scopeColumns(reach.by));
  if (f.state) sel = sel.where('state', '=', f.state);
  if (f.unit) sel = sel.where('unit_code', '=', f.unit);
  if (f.type) sel = sel.where('type', '=', f.type);
  if (f.category)
    sel = sel.where((eb) =>
      eb.or([eb('category_code', '=', f.category!), eb('category_code', 'like', prefixPattern(`${f.category}-`))]),
    );
  if (f.phone) sel = sel.where('caller_phone', '=', f.phone);
  if (f.q) {
    const p = containsPattern(f.q);
    sel = sel.where((eb) =>
      eb.or([eb('number', 'like', p), eb('title', 'like', p), eb('content', 'like', p), eb('address', 'like', p)]),
    );
  }
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), page);
}

/** Tickets merged into `mainId`. */
export const closeMerged = (db: Db | Tx, mainId: string, set: TicketUpdate) =>
  q(db)
    .updateTable('hotline_tickets')
    .set({ ...set, version: sql`version + 1` })
    .where('merged_into', '=', mainId)
    .where('state', '=', 'merged')
    .returning(['id', 'number'])
    .execute();

export const listRules = (db: Db | Tx) =>
  q(db).selectFrom('hotline_dispatch_rules').selectAll().orderBy('category_code').orderBy('region_code').execute();

export const upsertRule = (db: Db | Tx, row: Insertable<HotlineTables['hotline_dispatch_rules']>) =>
  q(db)
    .insertInto('hotline_dispatch_rules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['category_code', 'region_code']).doUpdateSet({
        unit_kind: row.unit_kind,
        unit_code: row.unit_code,
        unit_name: row.unit_name,
        unit_region_code: row.unit_region_code,
        updated_at: sql`now()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteRule = (db: Db | Tx, id: string) =>
  q(db).deleteFrom('hotline_dispatch_rules').where('id', '=', id).returningAll().executeTakeFirst();

export const insertCall = (db: Db | Tx, row: Insertable<HotlineTables['hotline_calls']>) =>
  q(db).insertInto('hotline_calls').values(row).returningAll().executeTakeFirstOrThrow();

export const getCall = (db: Db | Tx, id: string) =>
  q(db).selectFrom('hotline_calls').selectAll().where('id', '=', id).executeTakeFirst();

export const linkCall = (db: Db | Tx, id: string, ticketId: string) =>
  q(db).updateTable('hotline_calls').set({ ticket_id: ticketId }).where('id', '=', id).execute();

export type KbRow = Selectable<HotlineTables['hotline_kb_entries']>;
export type KbVersionRow = Selectable<HotlineTables['hotline_kb_versions']>;

export interface KbFilter {
  tokens: string[];
  text?: string;
  category?: string;
  state?: string;
  /** Only entries in force on this day. */
  inForceOn?: string;
}

/** Knowledge entries matching the words of a query, best first: question words, then all words, then use. */
export function searchKb(db: Db | Tx, f: KbFilter, page: PageRequest) {
  let base = q(db).selectFrom('hotline_kb_entries');
  if (f.state) base = base.where('state', '=', f.state as KbRow['state']);
  if (f.category)
    base = base.where((eb) =>
      eb.or([eb('category_code', '=', f.category!), eb('category_code', 'like', prefixPattern(`${f.category}-`))]),
    );
  if (f.inForceOn) {
    const day = f.inForceOn;
    base = base
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]));
  }
  const hits = (column: 'search_terms' | 'primary_terms') =>
    f.tokens.length
      ? sql<number>`(${sql.join(
          f.tokens.map((t) => sql`(case when ${sql.ref(column)} @> ${[t]}::text[] then 1 else 0 end)`),
          sql` + `,
        )})`
      : sql<number>`0`;
  if (f.text) {
    // A caller speaks in sentences: half the words found is a candidate; the ranking does the rest.
    const need = Math.ceil(f.tokens.length / 2);
    const pattern = containsPattern(f.text);
    base = base.where(
      f.tokens.length
        ? sql<boolean>`(question like ${pattern} or (search_terms && ${f.tokens}::text[] and ${hits('search_terms')} >= ${need}))`
        : sql<boolean>`question like ${pattern}`,
    );
  }
  return pageOf(
    base,
    (qb) => {
      let rows = qb.selectAll();
      if (f.tokens.length) rows = rows.orderBy(hits('primary_terms'), 'desc').orderBy(hits('search_terms'), 'desc');
      return rows.orderBy('use_count', 'desc').orderBy('id');
    },
    page,
  );
}

export const getKb = (db: Db | Tx, id: string) =>
  q(db).selectFrom('hotline_kb_entries').selectAll().where('id', '=', id).executeTakeFirst();

export const kbVersions = (db: Db | Tx, id: string) =>
  q(db).selectFrom('hotline_kb_versions').selectAll().where('entry_id', '=', id).orderBy('version', 'desc').execute();

export const insertKb = (db: Db | Tx, row: Insertable<HotlineTables['hotline_kb_entries']>) =>
  q(db).insertInto('hotline_kb_entries').values(row).returningAll().executeTakeFirstOrThrow();

export const updateKb = (
  db: Db | Tx,
  id: string,
  version: number,
  set: Updateable<HotlineTables['hotline_kb_entries']>,
) =>
  q(db)
    .updateTable('hotline_kb_entries')
    .set(set)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

export const insertKbVersion = (db: Db | Tx, row: Insertable<HotlineTables['hotline_kb_versions']>) =>
  q(db).insertInto('hotline_kb_versions').values(row).execute();

export const bumpKbCount = (db: Db | Tx, id: string, column: 'use_count' | 'not_helpful_count') =>
  q(db)
    .updateTable('hotline_kb_entries')
    .set({ [column]: sql`${sql.ref(column)} + 1` })
    .where('id', '=', id)
    .where('state', '=', 'published')
    .returning(['id', 'use_count', 'not_helpful_count'])
    .executeTakeFirst();

export type FigureGroup = 'unit' | 'category' | 'region';

/** Counts per group of the tickets registered in [from, to) that the reach covers. */
export async function listFigures(db: Db | Tx, reach: TicketScope, groupBy: FigureGroup, from: Date, to: Date) {
  const key =
    groupBy === 'unit'
      ? sql<string>`coalesce(unit_code, '')`
      : groupBy === 'category'
        ? sql<string>`split_part(category_code, '-', 1)`
        : sql<string>`left(region_code, 6)`;
  const name = groupBy === 'unit' ? sql<string>`coalesce(max(unit_name), '热线中心（未派单）')` : key;
  const n = (cond: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${cond}))::int`;
  const rows = await whereInScope(q(db).selectFrom('hotline_tickets'), reach.scope, scopeColumns(reach.by))
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .select([
      key.as('key'),
      (groupBy === 'unit' ? name : sql<string>`min(${key})`).as('name'),
      sql<number>`count(*)::int`.as('total'),
      n(sql`answered_at_once`).as('answered_at_once'),
      n(sql`first_unit_code is not null`).as('dispatched'),
      n(sql`signed_at is not null`).as('signed'),
      n(sql`finished_at is not null and not answered_at_once and state <> 'merged'`).as('finished'),
      n(sql`finished_at is not null and not answered_at_once and state <> 'merged' and finished_at <= due_at`).as(
        'on_time',
      ),
      n(sql`satisfaction is not null`).as('called_back'),
      n(sql`solved`).as('solved'),
      n(sql`satisfaction in ('satisfied', 'basically')`).as('satisfied'),
      n(sql`reopen_count > 0`).as('reopened'),
    ])
    .groupBy(key)
    .orderBy(key)
    .execute();
  return rows;
}
