// Writes the web client's types from the API's OpenAPI document (`npm run api:gen`), or checks that the
// committed ones are current (`npm run api:check`, run in CI). The routes are registered on a database
// handle that never connects: building the document reads only the route schemas.
import fs from 'node:fs';
import path from 'node:path';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseIntrospector,
} from 'kysely';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import type { Database, Db } from '../src/platform/db';

const OUT = path.resolve('web/src/shared/api-gen/schema.d.ts');
const HEADER = '// Generated from /api/openapi.json by `npm run api:gen`. Do not edit.\n\n';

async function generate(): Promise<string> {
  const db = new Kysely({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k: Kysely<unknown>): DatabaseIntrospector => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  }) as unknown as Db;
  const database: Database = { db, kind: 'postgres', close: async () => db.destroy() };
  const config = { ...loadConfig({}), logLevel: 'silent', webDist: '/nonexistent' };
  const app = await buildApp(config, database);
  await app.ready();
  const document = app.swagger() as unknown as Parameters<typeof openapiTS>[0];
  await app.close();
  const ast = await openapiTS(document, { alphabetize: true });
  return HEADER + astToString(ast);
}

const text = await generate();
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(process.cwd(), OUT)} is stale: run \`npm run api:gen\` and commit the result.`);
    process.exit(1);
  }
  console.log('API types are current.');
} else {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}
