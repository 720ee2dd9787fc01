/**
 * `npm run bench` (part 4): electronic supervision 电子监察 over ten million generated cases on PostgreSQL
 * (a year of the demo city's work, every department and region; one million still open).
 * - the city overview `GET /api/supervision/overview` and the per-department figures for a year
 *   `GET /api/supervision/figures?groupBy=department&from=…&to=…`: p50/p95/p99 at a few clients
 *   (target p95 < 200 ms), and the count behind the overview without the API's few-seconds cache;
 * - the warning sweep 预警巡检 over the million open cases: time per sweep (called directly).
 *
 * The generated database (yiwang_bench_10m) is kept between runs: generation is skipped once it holds
 * 10M cases and resumes where it stopped otherwise. BENCH_10M=0 skips this bench.
 */
import { openPostgres } from '../src/platform/db';
import { openCaseCounts } from '../src/modules/cases/index';
import { sweepWarnings } from '../src/modules/supervision/index';
import { ApiClient } from '../test/api-client';
import { generateCases, psqlValue } from './generate';
import os from 'node:os';
import { appendResults, machine, recreateDatabase, startServer, stopServerOnCrash, type Server } from './lib';
import { closedLoop, latencyText, percentile } from './load';

if (process.env.BENCH_10M === '0') {
  console.log('supervision bench skipped (BENCH_10M=0)');
  process.exit(0);
}

const PORT = 3342;
const BASE = `http://127.0.0.1:${PORT}`;
const DB = 'yiwang_bench_10m';
const URL = `postgres://postgres@127.0.0.1:5432/${DB}`;
const CASES = Number(process.env.BENCH_SUPERVISION_CASES ?? 10_000_000);
const CLIENTS = 4;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const date = new Date().toISOString().slice(0, 10);
const env = { DATABASE_URL: URL, MODULE_JOBS: '0' };

let server: Server | null = null;
stopServerOnCrash(() => server);

// 1. The database: created (migrations, demo city) and generated once, then reused.
if (psqlValue('postgres', `select count(*) from pg_database where datname = '${DB}'`) === '0') {
  recreateDatabase(DB);
  server = (await startServer(env, PORT)).server;
  await server.stop();
}
const tGen = performance.now();
generateCases(DB, { total: CASES, openEvery: 10 });
const genSeconds = (performance.now() - tGen) / 1000;
// counted by index (the open ones by the partial index of open cases); the spread from the generator's halls × items
const counts = [
  psqlValue(DB, 'select count(*) from cases'),
  psqlValue(DB, "select count(*) from cases where clock_phase in ('running','suspended','suspended_overdue')"),
];
const span = psqlValue(DB, "select first_day || ' … ' || last_day from bench_generation");
const spread = psqlValue(
  DB,
  "select count(distinct department_code) || ' departments, ' || count(distinct competent) || ' competent regions, ' || count(distinct hall_id) || ' halls' from bench_case_combos",
);
console.log(`cases: ${counts[0]} (open ${counts[1]}), ${span}, ${spread}`);

// 2. Overview and figures through the API (migrations that the server applies on start included).
const tStart = performance.now();
server = (await startServer(env, PORT)).server;
const startSeconds = (performance.now() - tStart) / 1000;
const supervisor = await new ApiClient(BASE).signIn('supervisor');
/** The machine is shared: its load when the measurements began goes with the results. */
const loadAtStart = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ');
const today = psqlValue(DB, "select (now() at time zone 'Asia/Shanghai')::date::text");
const yearAgo = psqlValue(DB, `select (date '${today}' - 364)::text`);
const figuresPath = `/api/supervision/figures?groupBy=department&from=${yearAgo}&to=${today}`;

const tFirst = performance.now();
const firstFigures = await supervisor.get<{ rows: unknown[]; total: { received: number; completed: number } }>(
  figuresPath,
);
const firstFiguresMs = performance.now() - tFirst;
const overview = await closedLoop(CLIENTS, SECONDS, async () => {
  await supervisor.get('/api/supervision/overview');
});
const figures = await closedLoop(CLIENTS, SECONDS, async () => {
  await supervisor.get(figuresPath);
});
const ov = await supervisor.get<{ cases: { total: number; overdue: number; near: number } }>(
  '/api/supervision/overview',
);
await server.stop();
server = null;
for (const r of [overview, figures]) if (r.errors) throw new Error(`${r.errors} errors under load`);
console.log(`overview: ${latencyText(overview)}; figures: ${latencyText(figures)}`);

// 3. The count behind the overview (the API answers from its few-seconds cache), then the warning sweep
// over the open cases, both called directly (background jobs were off above).
const database = await openPostgres(URL, 4);
const cityCount: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  await openCaseCounts(database.db, { regionPrefix: '2111', departmentCodes: null }, today);
  cityCount.push(performance.now() - t);
}
cityCount.sort((a, b) => a - b);
const warningsBefore = Number(psqlValue(DB, 'select count(*) from warnings'));
// A live city tells each card as it is raised; a generated year raises a million at once, and its notice
// pass (about 300 cards a second here) would dwarf the sweep. Cards of earlier runs count as told, so the
// sweeps below are steady-state sweeps whose notice pass tells only the cards they raise themselves.
const backlog = psqlValue(
  DB,
  "with t as (insert into warning_notices (warning_id, event, recipients) select id, 'raised', 0 from warnings where state = 'open' on conflict do nothing returning 1) select count(*) from t",
);
const sweeps: { ms: number; scanned: number; raised: number; withdrawn: number; notified: number }[] = [];
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const r = await sweepWarnings(database.db, new Date());
  sweeps.push({
    ms: performance.now() - t,
    scanned: r.scanned,
    raised: r.raised,
    withdrawn: r.withdrawn,
    notified: r.notified,
  });
  console.log(`sweep ${i + 1}: ${((performance.now() - t) / 1000).toFixed(1)} s, ${JSON.stringify(r)}`);
}
await database.close();

const p95 = (l: number[]) => percentile(l, 95);
const rows = [
  `| cases in the database (generated, kept between runs) | ${Number(counts[0]).toLocaleString('en')} | ${Number(counts[1]).toLocaleString('en')} open; submitted ${span}; ${spread}${genSeconds > 5 ? `; generation this run ${(genSeconds / 60).toFixed(0)} min` : ''} |`,
  `| server start on this database (migrations included) | ${startSeconds.toFixed(1)} s | |`,
  `| city overview \`GET /api/supervision/overview\`, ${CLIENTS} clients | ${overview.rate.toFixed(0)} req/s | ${latencyText(overview)}; ${ov.cases.total.toLocaleString('en')} open cases counted — target p95 < 200 ms: ${p95(overview.latencies) < 200 ? 'met' : 'not met'} |`,
  `| the count behind the city overview (open cases by region and deadline state), 5 times | ${percentile(cityCount, 50).toFixed(0)} ms median | min ${cityCount[0]!.toFixed(0)} ms, max ${cityCount[cityCount.length - 1]!.toFixed(0)} ms; the API counts at most once per scope every few seconds |`,
  `| figures by department for a year \`${figuresPath.replace(/from=.*$/, 'from=…&to=…')}\`, ${CLIENTS} clients | ${figures.rate.toFixed(0)} req/s | ${latencyText(figures)}; ${firstFigures.rows.length} departments, ${firstFigures.total.received.toLocaleString('en')} received — target p95 < 200 ms: ${p95(figures.latencies) < 200 ? 'met' : 'not met'} |`,
  `| figures, first request after start (brings the daily rollup up to yesterday; builds it when empty) | ${firstFiguresMs.toFixed(0)} ms | |`,
  ...sweeps.map(
    (s, i) =>
      `| warning sweep ${i + 1} over the open cases | ${(s.ms / 1000).toFixed(1)} s | ${s.scanned.toLocaleString('en')} cases scanned, ${s.raised.toLocaleString('en')} warnings raised, ${s.withdrawn.toLocaleString('en')} withdrawn, ${s.notified.toLocaleString('en')} messages${i === 0 ? ` (${warningsBefore.toLocaleString('en')} warnings before, ${Number(backlog).toLocaleString('en')} of them marked as told)` : ''} |`,
  ),
];
const section = `## ${date} — electronic supervision 电子监察, ${Number(counts[0]).toLocaleString('en')} cases\n\nMachine: ${machine()}. PostgreSQL 15 on the same host, default settings; load generator and server share the machine; background jobs off during the measurements; load average (1/5/15 min) when measuring began: ${loadAtStart}.\n\n| measure | result | detail |\n|---|---|---|\n${rows.join('\n')}`;
console.log(section);
if (process.env.BENCH_RECORD !== '0') appendResults(section);
