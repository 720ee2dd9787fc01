/** The credit blacklist 严重失信主体名单: who is barred from bidding, on which day, and why. */
import type { Db, Tx } from '../../platform/db';
import type { PageRequest } from '../../platform/paging';
import { todayInShanghai } from '../calendar/index';
import * as repo from './trading.repository';

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
