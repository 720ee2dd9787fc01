/** The queries of the hot-topic reports and the big screen on the hotline's tickets. */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { whereInScope } from '../../platform/scope';
import { q, scopeColumns, type TicketScope } from './hotline.repository';
import type { TicketType } from './hotline.tables';

/** Tickets the reach covers, registered in [from, to). */
const registeredIn = (db: Db | Tx, reach: TicketScope, from: Date, to: Date) =>
  whereInScope(q(db).selectFrom('hotline_tickets'), reach.scope, scopeColumns(reach.by))
    .where('created_at', '>=', from)
    .where('created_at', '<', to);

const DAY = sql<string>`((created_at at time zone 'Asia/Shanghai')::date)::text`;
const CATEGORY = sql<string>`split_part(category_code, '-', 1)`;
const COUNTY = sql<string>`left(region_code, 6)`;

export interface VolumeRows {
  total: number;
  answeredAtOnce: number;
  byDay: { key: string; count: number }[];
  byType: { key: TicketType; count: number }[];
  byCategory: { key: string; count: number }[];
  byRegion: { key: string; count: number }[];
}

/** Volume of the period by day, type, top-level category and county, and in all: one statement (grouping sets). */
export async function reportVolume(db: Db | Tx, reach: TicketScope, from: Date, to: Date): Promise<VolumeRows> {
  const rows = await registeredIn(db, reach, from, to)
    .select([
      sql<number>`grouping(${DAY}, type, ${CATEGORY}, ${COUNTY})`.as('g'),
      DAY.as('day'),
      'type',
      CATEGORY.as('category'),
      COUNTY.as('region'),
      sql<number>`count(*)::int`.as('n'),
      sql<number>`(count(*) filter (where answered_at_once))::int`.as('at_once'),
    ])
    .groupBy(sql`grouping sets ((${DAY}), (type), (${CATEGORY}), (${COUNTY}), ())`)
    .execute();
  const out: VolumeRows = { total: 0, answeredAtOnce: 0, byDay: [], byType: [], byCategory: [], byRegion: [] };
  const desc = <T extends { count: number; key: string }>(a: T, b: T) =>
    b.count - a.count || a.key.localeCompare(b.key);
  for (const r of rows) {
    // grouping() sets a bit for each expression left out of the row's set (first = highest bit).
    const g = Number(r.g);
    if (g === 0b1111) {
      out.total = r.n;
      out.answeredAtOnce = r.at_once;
    } else if (g === 0b0111) out.byDay.push({ key: r.day, count: r.n });
    else if (g === 0b1011) out.byType.push({ key: r.type, count: r.n });
    else if (g === 0b1101) out.byCategory.push({ key: r.category, count: r.n });
    else if (g === 0b1110) out.byRegion.push({ key: r.region, count: r.n });
  }
  out.byDay.sort((a, b) => a.key.localeCompare(b.key));
  out.byType.sort(desc);
  out.byCategory.sort(desc);
  out.byRegion.sort(desc);
  return out;
}

/** The keywords most tickets of the period mention (each ticket counts a word once), most first. */
export function topKeywords(db: Db | Tx, reach: TicketScope, from: Date, to: Date, limit: number) {
  const words = registeredIn(db, reach, from, to).select(sql<string>`unnest(keywords)`.as('word'));
  return q(db)
    .selectFrom(words.as('k'))
    .select(['k.word', sql<number>`count(*)::int`.as('count')])
    .groupBy('k.word')
    .orderBy('count', 'desc')
    .orderBy('k.word')
    .limit(limit)
    .execute();
}

/** How many tickets of the period mention each of `words`, and how many tickets the period has. */
export async function keywordCounts(db: Db | Tx, reach: TicketScope, from: Date, to: Date, words: string[]) {
  const [total, counts] = await Promise.all([
    registeredIn(db, reach, from, to)
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
    words.length
      ? q(db)
          .selectFrom(
            registeredIn(db, reach, from, to)
              .where(sql<boolean>`keywords && ${words}::text[]`)
              .select(sql<string>`unnest(keywords)`.as('word'))
              .as('k'),
          )
          .where('k.word', 'in', words)
          .select(['k.word', sql<number>`count(*)::int`.as('count')])
          .groupBy('k.word')
          .execute()
      : Promise.resolve([]),
  ]);
  return { total: total.n, counts };
}

/** Open tickets the reach covers (neither closed nor merged) and how many of them are past their due instant (a paused clock has none). */
export const openTickets = (db: Db | Tx, reach: TicketScope, now: Date) =>
  whereInScope(q(db).selectFrom('hotline_tickets'), reach.scope, scopeColumns(reach.by))
    .where('finished_at', 'is', null)
    .where('state', 'not in', ['closed', 'merged'])
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`(count(*) filter (where due_at < ${now}))::int`.as('overdue'),
    ])
    .executeTakeFirstOrThrow();
