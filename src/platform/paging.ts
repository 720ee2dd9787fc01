import type { SelectQueryBuilder } from 'kysely';

/** Which page of a list: 1-based `page` of `pageSize` rows (`PageQuery` in platform/schemas.ts). */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of a list and how many rows the whole list has (`paged(item)` in platform/schemas.ts). */
export interface Page<R> {
  total: number;
  items: R[];
}

/** LIMIT and OFFSET of a page. */
export const pageWindow = (p: PageRequest) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });

/**
 * The list paging, written once: how many rows `filtered` matches, and the requested page of them as
 * `rows` selects and orders them (order by a unique key last, so pages neither repeat nor skip rows).
 * Both statements run at once. Without a page request every row is returned and counted.
 *
 *   pageOf(q(db).selectFrom('messages').where('user_id', '=', id),
 *          (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), f)
 */
export async function pageOf<DB, TB extends keyof DB, O, R>(
  filtered: SelectQueryBuilder<DB, TB, O>,
  rows: (qb: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, R>,
  p: PageRequest | null,
): Promise<Page<R>> {
  if (!p) {
    const items = (await rows(filtered).execute()) as R[];
    return { total: items.length, items };
  }
  const { limit, offset } = pageWindow(p);
  const [count, items] = await Promise.all([
    filtered.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
    rows(filtered).limit(limit).offset(offset).execute(),
  ]);
  return { total: Number((count as { n: string | number }).n), items: items as R[] };
}
