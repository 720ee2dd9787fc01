/**
 * `npm run bench`: platform start-up, catalog search under load on PostgreSQL, server memory.
 * Writes a dated section to docs/benchmarks.md. Needs PostgreSQL on 127.0.0.1:5432 and pgbench.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appendResults, machine, pgbench, pgbenchInit, recreateDatabase, rssMb, startServer } from './lib';
import { searchLoad } from './search';

const PORT = 3310;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const CLIENTS = 50;
const results: string[] = [];
const date = new Date().toISOString().slice(0, 10);

// 1. Start-up on the embedded database: cold (empty DATA_DIR: initdb, migrations, demo city) and warm.
const dataDir = path.resolve('.tmp/bench-data');
fs.rmSync(dataDir, { recursive: true, force: true });
const cold = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, PORT);
await new Promise((r) => setTimeout(r, 3000));
const idleRssPglite = rssMb(cold.server.proc.pid!);
await cold.server.stop();
const warm = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, PORT);
await warm.server.stop();
results.push(
  `| start-up, empty DATA_DIR → healthy (PGlite: initdb, migrations, demo city) | ${(cold.msToHealthy / 1000).toFixed(1)} s |`,
  `| start-up, second start (PGlite) | ${(warm.msToHealthy / 1000).toFixed(1)} s |`,
  `| RSS idle after cold start (PGlite in-process) | ${idleRssPglite} MB |`,
);

// 2. Catalog search on PostgreSQL at 50 concurrent clients, pgbench select-only as the reference.
recreateDatabase('yiwang_bench');
const pgUrl = 'postgres://postgres@127.0.0.1:5432/yiwang_bench';
const pgStart = await startServer({ DATABASE_URL: pgUrl }, PORT);
await new Promise((r) => setTimeout(r, 2000));
const idleRssPg = rssMb(pgStart.server.proc.pid!);
let peakRss = idleRssPg;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(pgStart.server.proc.pid!))), 500);
const load = await searchLoad(PORT, CLIENTS, DURATION);
clearInterval(sampler);
await pgStart.server.stop();
if (load.errors > 0) throw new Error(`search load had ${load.errors} errors or non-2xx answers`);

recreateDatabase('yiwang_pgbench');
pgbenchInit('yiwang_pgbench', 10);
const selectOnly = pgbench(['-S', '-c', String(CLIENTS), '-j', '2', '-T', String(DURATION), 'yiwang_pgbench']);

results.push(
  `| catalog search \`GET /api/items?q=…\`, ${CLIENTS} clients, PostgreSQL: throughput | ${Math.round(load.rate)} req/s |`,
  `| catalog search latency p50 / p99 | ${load.p50} ms / ${load.p99} ms |`,
  `| reference: pgbench select-only, ${CLIENTS} clients, same PostgreSQL | ${Math.round(selectOnly)} TPS |`,
  `| ratio: search req/s ÷ pgbench select-only TPS | ${(load.rate / selectOnly).toFixed(3)} |`,
  `| RSS idle (PostgreSQL mode) / peak under search load | ${idleRssPg} MB / ${peakRss} MB |`,
);

const section = `## ${date} — platform foundation\n\nMachine: ${machine()}. Load generator (autocannon) and server share the machine.\n\n| measure | result |\n|---|---|\n${results.join('\n')}`;
console.log(section);
appendResults(section);
