/**
 * `npm run bench:hotline`: the 12345 hotline on PostgreSQL with BENCH_KB (25 000) knowledge entries and
 * BENCH_TICKETS (1 000 000) tickets generated (bench/hotline-data.ts), against pgbench on the same server in the
 * same run:
 * - knowledge search `GET /api/hotline/kb?q=` at 50 clients, p99 (target < 20 ms), and its rate ÷ pgbench
 *   select-only at 50 clients;
 * - a unit's inbox `GET /api/hotline/tickets` at 8 clients, p95 (target < 100 ms);
 * - the monthly hot-topic report `GET /api/hotline/reports?period=month` (target < 2 s);
 * - ticket actions (申请延期 / 不同意延期, in turn) per second at BENCH_CLIENTS ("8,16") ÷ pgbench TPC-B.
 * A smoke run on a shared machine: BENCH_TICKETS=20000 BENCH_KB=2000 BENCH_SECONDS=5 BENCH_APPEND=0.
 * BENCH_DB names the database (recreated; the reference is `${BENCH_DB}_pgbench`), BENCH_PORT the port.
 */
import { ApiClient } from '../test/api-client';
import {
  appendResults,
  machine,
  pgbench,
  pgbenchInit,
  psql,
  recreateDatabase,
  startServer,
  stopServerOnCrash,
  type Server,
} from './lib';
import { generateKb, generateTickets, KB_QUERIES } from './hotline-data';
import { LeanConnection } from './lean-http';

const PORT = Number(process.env.BENCH_PORT ?? 3311);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const DB = process.env.BENCH_DB ?? 'yiwang_bench_hotline';
const PGBENCH_DB = `${DB}_pgbench`;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const KB = Number(process.env.BENCH_KB ?? 25_000);
const CLIENTS = (process.env.BENCH_CLIENTS ?? '8,16').split(',').map(Number);
const SEARCH_CLIENTS = 50;
const INBOX_CLIENTS = 8;
const TICKETS_PER_CLIENT = 32;
const rows: string[] = [];
const log = (s: string) => console.log(`[hotline bench] ${s}`);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

let server: Server | null = null;
stopServerOnCrash(() => server);

recreateDatabase(DB);
const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB}`, MODULE_JOBS: '0' };
// The first start migrates and seeds the demo city; the data is generated with the server stopped.
server = (await startServer(env, PORT)).server;
await server.stop();
let t0 = performance.now();
generateKb(DB, KB, log);
const kbSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
generateTickets(DB, { total: TICKETS }, log);
const ticketSeconds = (performance.now() - t0) / 1000;
log(`generated ${KB} entries in ${kbSeconds.toFixed(0)} s, ${TICKETS} tickets in ${ticketSeconds.toFixed(0)} s`);
server = (await startServer(env, PORT)).server;

const tokenOf = async (user: string) =>
  ((await new ApiClient(BASE).signIn(user)) as unknown as { token: string }).token;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** `clients` connections each repeating `request` for `seconds`; the sorted latencies of the answers. */
async function load(
  clients: number,
  seconds: number,
  request: (conn: LeanConnection, client: number, n: number) => Promise<{ status: number; body: string }>,
  ok = 200,
) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const conn = new LeanConnection('127.0.0.1', PORT);
      for (let n = 0; performance.now() < until; n++) {
        const start = performance.now();
        const res = await request(conn, client, n);
        if (res.status === ok) latencies.push(performance.now() - start);
        else if (errors++ === 0) log(`unexpected answer ${res.status}: ${res.body.slice(0, 300)}`);
      }
      conn.close();
    }),
  );
  latencies.sort((a, b) => a - b);
  return { latencies, rate: latencies.length / seconds, errors };
}

const operator = await tokenOf('operator');
const chief = await tokenOf('hotline-chief');
const county = await tokenOf('unit-county');
const town = await tokenOf('unit-town');

// 1. Knowledge search at 50 clients, cycling through callers' questions; then pgbench select-only.
const search = (conn: LeanConnection, client: number, n: number) =>
  conn.get(
    `/api/hotline/kb?q=${encodeURIComponent(KB_QUERIES[(client + n) % KB_QUERIES.length]!)}&pageSize=10`,
    auth(operator),
  );
await load(SEARCH_CLIENTS, 3, search); // warm-up
const kb = await load(SEARCH_CLIENTS, SECONDS, search);
recreateDatabase(PGBENCH_DB);
pgbenchInit(PGBENCH_DB, 10);
const selectOnly = pgbench(['-S', '-c', String(SEARCH_CLIENTS), '-j', '2', '-T', String(SECONDS), PGBENCH_DB]);
rows.push(
  `| knowledge search (${KB} entries), ${SEARCH_CLIENTS} clients | ${kb.rate.toFixed(0)} req/s | p50 ${ms(percentile(kb.latencies, 50))}, p99 ${ms(percentile(kb.latencies, 99))} (target < 20 ms)${kb.errors ? `, ${kb.errors} errors` : ''} |`,
  `| reference: pgbench select-only, ${SEARCH_CLIENTS} clients | ${selectOnly.toFixed(0)} TPS | ratio search ÷ select-only ${(kb.rate / selectOnly).toFixed(3)} |`,
);

// 2. A unit's inbox: the county's whole inbox (its towns' included) and what it is handling, and a town's.
for (const [who, token, query] of [
  ['unit-county', county, 'pageSize=20'],
  ['unit-county', county, 'state=handling&pageSize=20'],
  ['unit-town', town, 'pageSize=20'],
] as const) {
  const inbox = (conn: LeanConnection) => conn.get(`/api/hotline/tickets?${query}`, auth(token));
  await load(INBOX_CLIENTS, 2, inbox);
  const r = await load(INBOX_CLIENTS, Math.max(5, SECONDS / 2), inbox);
  rows.push(
    `| inbox with ${TICKETS} tickets: ${who} \`${query}\`, ${INBOX_CLIENTS} clients | ${r.rate.toFixed(0)} req/s | p50 ${ms(percentile(r.latencies, 50))}, p95 ${ms(percentile(r.latencies, 95))} (target < 100 ms)${r.errors ? `, ${r.errors} errors` : ''} |`,
  );
}

// 3. The monthly hot-topic report of last month (the generated tickets run up to yesterday), one at a time.
const lastMonth = new Date(Date.now() - 32 * 86_400_000).toISOString().slice(0, 10); // wall clock: the data's own dates
for (const [who, token] of [
  ['hotline-chief', chief],
  ['unit-county', county],
] as const) {
  const conn = new LeanConnection('127.0.0.1', PORT);
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const res = await conn.get(`/api/hotline/reports?period=month&date=${lastMonth}`, auth(token));
    if (res.status !== 200) throw new Error(`report: ${res.status} ${res.body}`);
    if (i > 0) times.push(performance.now() - start); // the first warms the plan and the caches
  }
  conn.close();
  times.sort((a, b) => a - b);
  rows.push(
    `| monthly hot-topic report, ${who}, one at a time | median ${ms(percentile(times, 50))} | max ${ms(times.at(-1)!)} of ${times.length} (target < 2 s) |`,
  );
}

// 4. Ticket actions: each client owns tickets the county is handling and asks for an extension, which the
// centre refuses, in turn; pgbench TPC-B at as many clients for the ratio.
const centre = new ApiClient(BASE, operator);
type Ticket = { id: string; version: number; state: string };
async function handlingTicket(): Promise<Ticket> {
  const res = await centre.post('/api/hotline/tickets', {
    type: 'complaint',
    categoryCode: 'CSGL-DL',
    title: '小区门口道路被占',
    content: '兴隆台区振兴街道世纪社区门口道路被施工材料占用三天，车辆无法通行。',
    regionCode: '211103001001',
    callerName: '李秀兰',
    callerPhone: '13998761234',
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  let v = (await res.json()) as Ticket;
  for (const [token, body] of [
    [operator, { action: 'dispatch', unit: { kind: 'region', code: '211103' } }],
    [county, { action: 'sign' }],
  ] as const) {
    const r = await new ApiClient(BASE, token).post(`/api/hotline/tickets/${v.id}/actions`, {
      ...body,
      version: v.version,
    });
    if (r.status !== 200) throw new Error(`${body.action}: ${r.status} ${await r.text()}`);
    v = (await r.json()) as Ticket;
  }
  return v;
}
const tps: Record<number, number> = {};
for (const clients of CLIENTS) {
  const desks: Ticket[][] = [];
  for (let i = 0; i < clients; i++) {
    const desk: Ticket[] = [];
    for (let k = 0; k < TICKETS_PER_CLIENT; k++) desk.push(await handlingTicket());
    desks.push(desk);
  }
  const step = async (conn: LeanConnection, client: number, n: number) => {
    const desk = desks[client]!;
    const k = n % desk.length;
    const v = desk[k]!;
    const [token, body] =
      v.state === 'handling'
        ? [county, { action: 'request-extension', days: 5, reason: '需协调施工单位清理' }]
        : [chief, { action: 'refuse-extension', reason: '请按期办结' }];
    const res = await conn.post(
      `/api/hotline/tickets/${v.id}/actions`,
      auth(token),
      JSON.stringify({ ...body, version: v.version }),
    );
    if (res.status === 200) {
      const a = JSON.parse(res.body) as Ticket;
      desk[k] = { id: v.id, version: a.version, state: a.state };
    }
    return res;
  };
  await load(clients, 3, step);
  const r = await load(clients, SECONDS, step);
  tps[clients] = r.rate;
  rows.push(
    `| ticket actions (申请延期 / 不同意延期), ${clients} clients | ${r.rate.toFixed(0)} /s | p50 ${ms(percentile(r.latencies, 50))}, p99 ${ms(percentile(r.latencies, 99))}${r.errors ? `, ${r.errors} errors` : ''} |`,
  );
}
await server.stop();
server = null;
for (const clients of CLIENTS) {
  const ref = pgbench(['-c', String(clients), '-j', '2', '-T', String(SECONDS), PGBENCH_DB]);
  rows.push(
    `| reference: pgbench TPC-B-like, ${clients} clients | ${ref.toFixed(0)} TPS | ratio actions ÷ TPC-B ${(tps[clients]! / ref).toFixed(2)} |`,
  );
}
psql('postgres', `drop database if exists ${PGBENCH_DB} with (force)`);
if (process.env.BENCH_KEEP !== '1') psql('postgres', `drop database if exists ${DB} with (force)`);

const section = `## ${new Date().toISOString().slice(0, 10)} — 12345 hotline\n\nMachine: ${machine()}. Load generator, server and PostgreSQL share the machine; background jobs off. ${KB} knowledge entries and ${TICKETS} tickets generated (entries in ${kbSeconds.toFixed(0)} s, tickets in ${ticketSeconds.toFixed(0)} s); pgbench at scale 10 on the same server in the same run.\n\n| measure | result | detail |\n|---|---|---|\n${rows.join('\n')}`;
console.log(section);
if (process.env.BENCH_APPEND !== '0') appendResults(section);
