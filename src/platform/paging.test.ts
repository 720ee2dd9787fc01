import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { pageOf, pageWindow } from './paging';

interface T {
  messages: { id: string; created_at: Date; user_id: string };
}

/** A database that records each statement and answers a count of 42 or two rows. */
function recording() {
  const seen: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async <R>(q: CompiledQuery) => {
      seen.push(q);
      return { rows: (q.sql.includes('count(*)') ? [{ n: '42' }] : [{ id: 'a' }, { id: 'b' }]) as R[] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<T>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, seen };
}

describe('pageOf', () => {
  it('counts the filtered rows and selects the requested page of them', async () => {
    const { db, seen } = recording();
    const page = await pageOf(
      db.selectFrom('messages').where('user_id', '=', 'u1'),
      (qb) => qb.select('id').orderBy('created_at', 'desc').orderBy('id', 'desc'),
      { page: 3, pageSize: 20 },
    );
    expect(page).toEqual({ total: 42, items: [{ id: 'a' }, { id: 'b' }] });
    expect(seen.map((q) => q.sql)).toEqual([
      'select count(*) as "n" from "messages" where "user_id" = $1',
      'select "id" from "messages" where "user_id" = $1 order by "created_at" desc, "id" desc limit $2 offset $3',
    ]);
    expect(seen[1]!.parameters).toEqual(['u1', 20, 40]);
  });

  it('without a page request returns every row, counted', async () => {
    const { db, seen } = recording();
    const all = await pageOf(db.selectFrom('messages'), (qb) => qb.select('id').orderBy('id'), null);
    expect(all.total).toBe(2);
    expect(seen).toHaveLength(1);
  });

  it('pageWindow turns a 1-based page into LIMIT / OFFSET', () => {
    expect(pageWindow({ page: 1, pageSize: 50 })).toEqual({ limit: 50, offset: 0 });
    expect(pageWindow({ page: 4, pageSize: 10 })).toEqual({ limit: 10, offset: 30 });
  });
});
