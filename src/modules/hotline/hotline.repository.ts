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

const scopeColumns = (by: TicketScope['by']) =>
  by === 'location'
    ? ({ region: 'region_code' } as const)
    : ({ region: 'unit_region_code', department: 'unit_code' } as const);

export const listCategories = (db: Db | Tx) =>
  q(db).selectFrom('hotline_categories').selectAll().orderBy('sort').orderBy('code').execute();

export const getSettings = (db: Db | Tx) => q(db).selectFrom('hotline_settings').selectAll().executeTakeFirst();

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
