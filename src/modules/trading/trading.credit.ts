/** The credit blacklist 严重失信主体名单: who is barred from bidding, on which day, and why. */
import { recordAudit } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import type { PageRequest } from '../../platform/paging';
import { todayInShanghai } from '../calendar/index';
import { checkCreditCode } from '../identity/index';
import type { Ctx } from './trading.context';
import * as repo from './trading.repository';
import type { ListingBody } from './trading.schemas';

export interface Listing {
  creditCode: string;
  name: string;
  source: string;
  reason: string;
  basis: string;
  listedFrom: string;
  listedTo: string | null;
}

const toListing = (r: repo.BlacklistRow): Listing => ({
  creditCode: r.credit_code,
  name: r.name,
  source: r.source,
  reason: r.reason,
  basis: r.basis,
  listedFrom: r.listed_from,
  listedTo: r.listed_to,
});

/** Whether a listing is in force on a day (YYYY-MM-DD): from its first day to its last, inclusive. */
export const inForceOn = (l: Pick<Listing, 'listedFrom' | 'listedTo'>, day: string): boolean =>
  l.listedFrom <= day && (l.listedTo === null || day <= l.listedTo);

/**
 * The listing that bars a firm (by its unified social credit code) on the Shanghai day of an instant,
 * or null. Other modules ask through `isBlacklisted`.
 */
export async function listingOf(db: Db | Tx, creditCode: string, on: Date): Promise<Listing | null> {
  const row = await repo.listingOn(db, creditCode.toUpperCase(), todayInShanghai(on));
  return row ? toListing(row) : null;
}

/** Whether a firm is on the credit blacklist on the day of an instant. */
export const isBlacklisted = async (db: Db | Tx, creditCode: string, on: Date): Promise<boolean> =>
  (await listingOf(db, creditCode, on)) !== null;

export async function searchCredit(db: Db, f: { q?: string } & PageRequest, now: Date) {
  const page = await repo.searchBlacklist(db, f.q, f);
  const today = todayInShanghai(now);
  return {
    total: page.total,
    page: f.page,
    pageSize: f.pageSize,
    items: page.items.map((r) => {
      const l = toListing(r);
      return { ...l, inForce: inForceOn(l, today) };
    }),
  };
}

/** The trading centre lists a seriously dishonest firm, as the authority named decided (数据来源). */
export async function addListing(db: Db, ctx: Ctx, body: ListingBody) {
  const problem = checkCreditCode(body.creditCode);
  if (problem) throw fieldError('creditCode', problem);
  if (body.listedTo !== null && body.listedTo < body.listedFrom)
    throw fieldError('listedTo', '惩戒期限截止日不能早于起始日');
  return db.transaction().execute(async (tx) => {
    const [row] = await repo.insertBlacklist(tx, [
      {
        credit_code: body.creditCode,
        name: body.name,
        source: body.source,
        reason: body.reason,
        basis: body.basis,
        listed_from: body.listedFrom,
        listed_to: body.listedTo,
        created_at: ctx.now,
      },
    ]);
    const listing = toListing(row!);
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'trading.credit.list',
      entityType: 'trading_blacklist',
      entityId: row!.id,
      after: listing,
    });
    return { ...listing, inForce: inForceOn(listing, todayInShanghai(ctx.now)) };
  });
}
