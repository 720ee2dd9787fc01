/** Every query on trading's own tables. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import { pageOf, type PageRequest } from '../../platform/paging';
import { containsPattern, regionIn } from '../../platform/scope';
import type { AnnouncementKind, ProjectKind } from './trading.kinds';
import type { ProjectReach } from './trading.policy';
import type { TradingTables } from './trading.tables';

export const q = (db: Db | Tx) => tables<TradingTables>(db);

export type ProjectRow = Selectable<TradingTables['trading_projects']>;
export type LotRow = Selectable<TradingTables['trading_lots']>;
export type AnnouncementRow = Selectable<TradingTables['trading_announcements']>;
export type BlacklistRow = Selectable<TradingTables['trading_blacklist']>;
export type RegistrationRow = Selectable<TradingTables['trading_registrations']>;
export type BidRow = Selectable<TradingTables['trading_bids']>;

export async function nextProjectNumber(db: Db | Tx, year: string): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('trading_project_seq')::text as n`.execute(db);
  return `JY${year}-${rows[0]!.n.padStart(5, '0')}`;
}

export const insertProject = (db: Db | Tx, row: Insertable<TradingTables['trading_projects']>) =>
  q(db).insertInto('trading_projects').values(row).returningAll().executeTakeFirstOrThrow();

export const insertLots = (db: Db | Tx, rows: Insertable<TradingTables['trading_lots']>[]) =>
  q(db).insertInto('trading_lots').values(rows).returningAll().execute();

export const getProject = (db: Db | Tx, id: string) =>
  q(db).selectFrom('trading_projects').selectAll().where('id', '=', id).executeTakeFirst();

export const lotsOf = (db: Db | Tx, projectIds: readonly string[]) =>
  projectIds.length === 0
    ? Promise.resolve([] as LotRow[])
    : q(db)
        .selectFrom('trading_lots')
        .selectAll()
        .where('project_id', 'in', projectIds)
        .orderBy('project_id')
        .orderBy('seq')
        .execute();

/** A lot with the facts of its project that registration and bidding depend on. */
export const getLotWithProject = (db: Db | Tx, lotId: string) =>
  q(db)
    .selectFrom('trading_lots as l')
    .innerJoin('trading_projects as p', 'p.id', 'l.project_id')
    .select([
      'l.id',
      'l.seq',
      'l.name',
      'l.project_id',
      'p.number as project_number',
      'p.title as project_title',
      'p.bid_deadline',
      'p.region_code',
      'p.tenderer_credit_code',
      'p.agency_credit_code',
      'l.opened_at',
    ])
    .where('l.id', '=', lotId)
    .executeTakeFirst();

export interface ProjectFilter {
  kind?: ProjectKind;
  q?: string;
}

export function listProjects(db: Db | Tx, reach: NonNullable<ProjectReach>, f: ProjectFilter, p: PageRequest) {
  let sel = q(db).selectFrom('trading_projects');
  sel =
    reach.by === 'region'
      ? sel.where((eb) => regionIn(eb, 'region_code', reach.regionPrefix))
      : sel.where((eb) =>
          eb.or([eb('tenderer_credit_code', '=', reach.creditCode), eb('agency_credit_code', '=', reach.creditCode)]),
        );
  if (f.kind) sel = sel.where('kind', '=', f.kind);
  if (f.q) {
    const pattern = containsPattern(f.q);
    sel = sel.where((eb) => eb.or([eb('title', 'ilike', pattern), eb('number', 'ilike', pattern)]));
  }
  return pageOf(sel, (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), p);
}

export const insertAnnouncement = (db: Db | Tx, row: Insertable<TradingTables['trading_announcements']>) =>
  q(db).insertInto('trading_announcements').values(row).returningAll().executeTakeFirstOrThrow();

export const getAnnouncement = (db: Db | Tx, id: string) =>
  q(db).selectFrom('trading_announcements').selectAll().where('id', '=', id).executeTakeFirst();

export const announcementsOf = (db: Db | Tx, projectId: string) =>
  q(db)
    .selectFrom('trading_announcements')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();

/** Whether a project has a published announcement of a kind. */
export async function hasPublished(db: Db | Tx, projectId: string, kind: AnnouncementKind): Promise<boolean> {
  const row = await q(db)
    .selectFrom('trading_announcements')
    .select('id')
    .where('project_id', '=', projectId)
    .where('kind', '=', kind)
    .where('state', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Publishes a pending announcement on the version the sender saw; undefined when it changed. The feed's
 * sequence is taken under a transaction-wide lock, so announcements commit in the order of their sequence
 * and a reader paging by it never passes over one committed later with a smaller number.
 */
export async function publishAnnouncement(tx: Tx, id: string, version: number, by: string, now: Date) {
  await sql`select pg_advisory_xact_lock(hashtext('trading_feed'))`.execute(tx);
  return q(tx)
    .updateTable('trading_announcements')
    .set({
      state: 'published',
      published_by: by,
      published_at: now,
      feed_seq: sql<number>`nextval('trading_feed_seq')`,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
}

const publicColumns = [
  'a.id',
  'a.kind',
  'a.title',
  'a.content',
  'a.published_at',
  'a.feed_seq',
  'a.publicity_from',
  'a.publicity_to',
  'p.id as project_id',
  'p.number as project_number',
  'p.title as project_title',
  'p.kind as project_kind',
  'p.procedure',
  'p.region_code',
  'p.bid_deadline',
] as const;

const published = (db: Db | Tx) =>
  q(db)
    .selectFrom('trading_announcements as a')
    .innerJoin('trading_projects as p', 'p.id', 'a.project_id')
    .where('a.state', '=', 'published');

export function publicAnnouncements(db: Db | Tx, f: { q?: string; kind?: AnnouncementKind }, p: PageRequest) {
  let sel = published(db);
  if (f.kind) sel = sel.where('a.kind', '=', f.kind);
  if (f.q) {
    const pattern = containsPattern(f.q);
    sel = sel.where((eb) =>
      eb.or([eb('a.title', 'ilike', pattern), eb('a.content', 'ilike', pattern), eb('p.number', 'ilike', pattern)]),
    );
  }
  return pageOf(sel, (qb) => qb.select(publicColumns).orderBy('a.feed_seq', 'desc'), p);
}

export type PublicAnnouncementRow = Awaited<ReturnType<typeof feedAfter>>[number];

/** The published announcements after a position of the feed, in feed order. */
export const feedAfter = (db: Db | Tx, cursor: number, limit: number) =>
  published(db).select(publicColumns).where('a.feed_seq', '>', cursor).orderBy('a.feed_seq').limit(limit).execute();

export function searchBlacklist(db: Db | Tx, text: string | undefined, p: PageRequest) {
  let sel = q(db).selectFrom('trading_blacklist');
  if (text) {
    const pattern = containsPattern(text);
    sel = sel.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('credit_code', 'ilike', pattern)]));
  }
  return pageOf(sel, (qb) => qb.selectAll().orderBy('listed_from', 'desc').orderBy('id'), p);
}

/** The listing of a firm in force on a day (YYYY-MM-DD), if any. */
export const listingOn = (db: Db | Tx, creditCode: string, day: string) =>
  q(db)
    .selectFrom('trading_blacklist')
    .selectAll()
    .where('credit_code', '=', creditCode)
    .where('listed_from', '<=', day)
    .where((eb) => eb.or([eb('listed_to', 'is', null), eb('listed_to', '>=', day)]))
    .orderBy('listed_from', 'desc')
    .executeTakeFirst();

export const insertBlacklist = (db: Db | Tx, rows: Insertable<TradingTables['trading_blacklist']>[]) =>
  q(db).insertInto('trading_blacklist').values(rows).returningAll().execute();

export const findRegistration = (db: Db | Tx, lotId: string, creditCode: string) =>
  q(db)
    .selectFrom('trading_registrations')
    .selectAll()
    .where('lot_id', '=', lotId)
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();

/** Inserts a registration; undefined when the firm had already registered for the lot. */
export const insertRegistration = (db: Db | Tx, row: Insertable<TradingTables['trading_registrations']>) =>
  q(db)
    .insertInto('trading_registrations')
    .values(row)
    .onConflict((oc) => oc.columns(['lot_id', 'credit_code']).doNothing())
    .returningAll()
    .executeTakeFirst();

export type BidInsert = Omit<Insertable<TradingTables['trading_bids']>, 'uploads' | 'version'>;
const bidMeta = [
  'id',
  'lot_id',
  'registration_id',
  'credit_code',
  'algorithm',
  'hash',
  'size',
  'uploaded_at',
  'uploads',
  'version',
] as const;

/** Stores a firm's bid for a lot, replacing its earlier one (the upload count and version go up). */
export const upsertBid = (db: Db | Tx, row: BidInsert) =>
  q(db)
    .insertInto('trading_bids')
    .values(row)
    .onConflict((oc) =>
      oc.column('registration_id').doUpdateSet((eb) => ({
        algorithm: eb.ref('excluded.algorithm'),
        iv: eb.ref('excluded.iv'),
        ciphertext: eb.ref('excluded.ciphertext'),
        hash: eb.ref('excluded.hash'),
        size: eb.ref('excluded.size'),
        uploaded_at: eb.ref('excluded.uploaded_at'),
        uploads: sql<number>`trading_bids.uploads + 1`,
        version: sql<number>`trading_bids.version + 1`,
      })),
    )
    .returning(bidMeta)
    .executeTakeFirstOrThrow();

/** A firm's own bid for a lot (without the ciphertext). */
export const ownBid = (db: Db | Tx, lotId: string, creditCode: string) =>
  q(db)
    .selectFrom('trading_bids')
    .select(bidMeta)
    .where('lot_id', '=', lotId)
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();

/** Marks a lot opened; undefined when it already was. */
export const openLot = (db: Db | Tx, lotId: string, by: string, now: Date) =>
  q(db)
    .updateTable('trading_lots')
    .set({ opened_at: now, opened_by: by })
    .where('id', '=', lotId)
    .where('opened_at', 'is', null)
    .returning(['id', 'opened_at'])
    .executeTakeFirst();

/** The bids of a lot with their firms, in the order they were last uploaded, then by firm (no ciphertext). */
export const bidsOfLot = (db: Db | Tx, lotId: string) =>
  q(db)
    .selectFrom('trading_bids as b')
    .innerJoin('trading_registrations as r', 'r.id', 'b.registration_id')
    .select(['b.credit_code', 'r.firm_name', 'b.hash', 'b.size', 'b.uploaded_at', 'b.decrypted_at'])
    .where('b.lot_id', '=', lotId)
    .orderBy('b.uploaded_at')
    .orderBy('b.credit_code')
    .execute();

/** A firm's sealed bid for a lot, with the ciphertext. */
export const sealedBidOf = (db: Db | Tx, lotId: string, creditCode: string) =>
  q(db)
    .selectFrom('trading_bids')
    .select(['id', 'algorithm', 'iv', 'ciphertext', 'decrypted_at'])
    .where('lot_id', '=', lotId)
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();

/** Keeps a bid's plaintext once; undefined when it was already decrypted. */
export const storeDecrypted = (db: Db | Tx, bidId: string, plaintext: Uint8Array, sm3: string, now: Date) =>
  q(db)
    .updateTable('trading_bids')
    .set({ decrypted_at: now, plaintext, plaintext_sm3: sm3 })
    .where('id', '=', bidId)
    .where('decrypted_at', 'is', null)
    .returning(['id', 'decrypted_at'])
    .executeTakeFirst();

/** Sets a project's bid deadline on the version read; undefined when it changed. */
export const setBidDeadline = (db: Db | Tx, id: string, version: number, deadline: Date, now: Date) =>
  q(db)
    .updateTable('trading_projects')
    .set({ bid_deadline: deadline, updated_at: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
