import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db';
import { migrate, seedDemo } from '../src/app';

/**
 * Test databases are copies of one migrated template with the demo city loaded:
 * a dumped PGlite data directory, or a PostgreSQL `TEMPLATE` database when TEST_DATABASE_URL is set.
 */
// One template per test run (named after the run's main process), so parallel runs never share one.
const RUN_ID = process.env.YW_TEST_RUN ?? (process.env.YW_TEST_RUN = String(process.pid));
export const TEMPLATE_FILE = path.resolve(`.tmp/test-template-${RUN_ID}.tgz`);
export const PG_TEMPLATE = `yiwang_test_template_${RUN_ID}`;

export function serverUrl(dbName: string): string {
  const u = new URL(process.env.TEST_DATABASE_URL!);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function buildTemplate(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    await adminQuery(`drop database if exists ${PG_TEMPLATE} with (force)`);
    await adminQuery(`create database ${PG_TEMPLATE}`);
    const database = await openPostgres(serverUrl(PG_TEMPLATE), 4);
    try {
      await migrate(database);
      await seedDemo(database);
    } finally {
      await database.close();
    }
    return;
  }
  const database = await openPglite('memory://');
  await migrate(database);
  await seedDemo(database);
  const dump = await dumpPglite(database);
  await database.close();
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  fs.writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
}

export async function dropTemplate(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) await adminQuery(`drop database if exists ${PG_TEMPLATE} with (force)`);
  else fs.rmSync(TEMPLATE_FILE, { force: true });
}

async function dumpPglite(database: Database): Promise<Blob> {
  if (!database.dump) throw new Error('not a PGlite database');
  return database.dump();
}

let counter = 0;

/** A fresh copy of the template for one test file. */
export async function openTestDatabase(): Promise<Database> {
  if (process.env.TEST_DATABASE_URL) {
    const name = `yiwang_t_${process.pid}_${Date.now()}_${counter++}`;
    await adminQuery(`create database ${name} template ${PG_TEMPLATE}`);
    const database = await openPostgres(serverUrl(name), 8);
    return {
      ...database,
      close: async () => {
        await database.close();
        await adminQuery(`drop database if exists ${name} with (force)`);
      },
    };
  }
  const blob = new Blob([fs.readFileSync(TEMPLATE_FILE)]);
  return openPglite('memory://', blob);
}
