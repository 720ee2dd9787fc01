/** Queries of the outside channels: Open311 clients and public requests, and a citizen's own tickets. */
import type { Insertable, Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { pageOf, type PageRequest } from '../../platform/paging';
import { q } from './hotline.repository';
import type { HotlineTables } from './hotline.tables';

export type Open311ClientRow = Selectable<HotlineTables['hotline_open311_clients']>;

export const listClients = (db: Db | Tx) =>
  q(db).selectFrom('hotline_open311_clients').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();

export const insertClient = (db: Db | Tx, row: Insertable<HotlineTables['hotline_open311_clients']>) =>
  q(db).insertInto('hotline_open311_clients').values(row).returningAll().executeTakeFirstOrThrow();

/** Revokes a key still in force; undefined when there is none by that id (or it is revoked already). */
export const revokeClient = (db: Db | Tx, id: string, at: Date) =>
  q(db)
    .updateTable('hotline_open311_clients')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();

export const getClient = (db: Db | Tx, id: string) =>
  q(db).selectFrom('hotline_open311_clients').selectAll().where('id', '=', id).executeTakeFirst();

/** The client holding a key by its hash, in force. */
export const clientByKeyHash = (db: Db | Tx, hash: string) =>
  q(db)
    .selectFrom('hotline_open311_clients')
    .selectAll()
    .where('key_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();

/** The columns a public request shows: nothing that names a person. */
const PUBLIC_COLUMNS = [
  'number',
  'type',
  'state',
  'category_code',
  'title',
  'unit_name',
  'address',
  'lat',
  'lon',
  'media_url',
  'created_at',
  'updated_at',
  'due_at',
] as const;

export interface PublicFilter {
  numbers?: string[];
  serviceCode?: string;
  from?: Date;
  to?: Date;
  states?: string[];
  limit: number;
}

/** Public requests, newest first: never a 举报. */
export function listPublic(db: Db | Tx, f: PublicFilter) {
  let sel = q(db).selectFrom('hotline_tickets').select(PUBLIC_COLUMNS).where('type', '<>', 'report');
  if (f.numbers) sel = sel.where('number', 'in', f.numbers);
  if (f.serviceCode) sel = sel.where('category_code', '=', f.serviceCode);
  if (f.from) sel = sel.where('created_at', '>=', f.from);
  if (f.to) sel = sel.where('created_at', '<=', f.to);
  if (f.states) sel = sel.where('state', 'in', f.states);
  return sel.orderBy('created_at', 'desc').orderBy('number', 'desc').limit(f.limit).execute();
}

export const numberByToken = (db: Db | Tx, token: string) =>
  q(db).selectFrom('hotline_tickets').select(['number']).where('open311_token', '=', token).executeTakeFirst();

/** A citizen's own ticket, or undefined (404). */
export const ownTicket = (db: Db | Tx, applicantId: string, id: string) =>
  q(db)
    .selectFrom('hotline_tickets')
    .selectAll()
    .where('id', '=', id)
    .where('applicant_id', '=', applicantId)
    .executeTakeFirst();

export function listOwn(db: Db | Tx, applicantId: string, f: { state?: string }, page: PageRequest) {
  let sel = q(db).selectFrom('hotline_tickets').where('applicant_id', '=', applicantId);
  if (f.state) sel = sel.where('state', '=', f.state);
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('number', 'desc'), page);
}
