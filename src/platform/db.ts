import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createHash } from 'node:crypto';
import { CompiledQuery, Kysely, PostgresDialect, type Compilable, type Transaction } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { copyClusterTemplate } from './cluster-template';

// Dates stay plain 'YYYY-MM-DD' strings: working-day arithmetic must never shift a day by time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts (count(*)) as numbers; our counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * The database handle shared by all modules. Each module narrows it to its own tables
 * with `tables<T>()`, so that a module can only name the tables it owns.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = Transaction<any>;

export function tables<T>(db: Db | Tx): Kysely<T> {
  return db as unknown as Kysely<T>;
}

/** What a module keeps for each database handle (a batcher, kept rows): made on first use, dropped with the handle. */
export function perDatabase<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) made.set(db, (value = make(db)));
    return value;
  };
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (used to copy a migrated test template). */
  dump?: () => Promise<Blob>;
}

/**
 * Statements whose text starts with this marker run as named prepared statements: each connection parses
 * them once and PostgreSQL keeps their plan, so a hot statement (a case step's read and write) is neither
 * parsed nor planned again. Only statements whose best plan does not depend on the parameter values are
 * marked (lookups by key); the rest are planned for their values each time.
 */
export const PREPARED = '/* prepared */ ';

/** Marked statements' names by text (a few dozen shapes in all; hashing each text every time would cost more). */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `p${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    if (statementNames.size > 1000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

/** Runs marked statements by name on every connection the pool opens (see PREPARED). */
function preparingMarked(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, values?: unknown, cb?: unknown) => {
      if (typeof config === 'string' && config.startsWith(PREPARED))
        return query({ name: statementName(config), text: config, values }, cb);
      return query(config, values, cb);
    };
  });
  return pool;
}

const shapes = new Map<string, string>();

/**
 * A hot query of a fixed shape, built and compiled once per `key` and then run as a prepared statement with
 * `values` for its parameters (building and compiling with Kysely costs more than running a lookup by key).
 * `build` (given `values`) must yield the same text for every call with this key, and take its parameters
 * in the order of `values`: the first compile checks that it did.
 */
export async function executeShape<R>(
  db: Db | Tx,
  key: string,
  build: (...values: unknown[]) => Compilable<R>,
  values: readonly unknown[],
): Promise<R[]> {
  let text = shapes.get(key);
  if (text === undefined) {
    const c = build(...values).compile();
    if (c.parameters.length !== values.length || c.parameters.some((p, i) => p !== values[i])) {
      throw new Error(
        `query shape ${key}: its ${c.parameters.length} parameters are not the ${values.length} values given, in order`,
      );
    }
    shapes.set(key, (text = PREPARED + c.sql));
  }
  return (await db.executeQuery<R>(CompiledQuery.raw(text, [...values]))).rows;
}

export async function openPostgres(url: string, max = 16): Promise<Database> {
  const pool = preparingMarked(new pg.Pool({ connectionString: url, max }));
  // An idle connection closed by the server (restart, failover, admin) must not crash the process:
  // the pool drops it and the next query opens a new one.
  pool.on('error', (err) => console.warn(`PostgreSQL 空闲连接已断开：${err.message}`));
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/**
 * PostgreSQL settings of the embedded database: 16 MB of shared buffers instead of 128 MB (they live in the
 * process's WebAssembly memory, and the files they cache stay in the operating system's cache anyway).
 * `PGLITE_SHARED_BUFFERS` overrides it.
 */
export function pgliteStartParams(env: NodeJS.ProcessEnv = process.env): string[] {
  const buffers = env.PGLITE_SHARED_BUFFERS || '16MB';
  if (!/^\d+(kB|MB|GB)$/.test(buffers)) throw new Error(`PGLITE_SHARED_BUFFERS 无效：${buffers}（如 16MB）`);
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${buffers}`];
}

/** Embedded PostgreSQL (PGlite, WASM) in a data directory; `memory://` for tests. */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = await PGlite.create(dataDir, {
    extensions: { pg_trgm, btree_gin },
    loadDataDir,
    startParams: pgliteStartParams(),
  });
  const pool = preparingMarked(new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig));
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    dump: async () => pglite.dumpDataDir('gzip'),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * PostgreSQL at `databaseUrl`, else the embedded cluster in `dataDir/pg`. A first start (no cluster yet) copies
 * the first of `templates` (prepared cluster directories, see platform/cluster-template.ts) that exists instead
 * of running initdb; `copiedFrom` then names it.
 */
export async function openDatabase(
  opts: { databaseUrl?: string; dataDir: string },
  templates: readonly string[] = [],
): Promise<Database & { copiedFrom?: string }> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  const dir = path.join(opts.dataDir, 'pg');
  const fresh = !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
  if (fresh) {
    for (const template of templates) {
      try {
        if (copyClusterTemplate(template, dir)) return { ...(await openPglite(dir)), copiedFrom: template };
      } catch (err) {
        console.warn(`预置数据库模板不可用（${template}：${(err as Error).message}），改用下一个或初始化新数据库`);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return openPglite(dir);
}

/**
 * A handle on `tx` whose `transaction().execute(fn)` runs `fn` inside `tx` itself, so that a use case
 * which opens its own transaction joins the caller's instead (all or nothing across several use cases).
 * Methods are bound to the real transaction (Kysely keeps private state on its instances).
 */
export function joinTransaction(tx: Tx): Db {
  const proxy: Db = new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction')
        return () => ({ execute: <T>(fn: (t: Tx) => Promise<T>) => fn(proxy as unknown as Tx) });
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as Db;
  return proxy;
}
