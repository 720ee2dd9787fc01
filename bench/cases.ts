/**
 * `npm run bench` (part 2): case transitions through the HTTP API on PostgreSQL at 8–32 clients against
 * pgbench's TPC-B-like script on the same server, and the inbox with one million cases in the database.
 */
import autocannon from 'autocannon';
import { ApiClient, type CaseState, type ItemForm } from '../test/api-client';
import {
  appendResults,
  machine,
  pgbench,
  pgbenchInit,
  psql,
  psqlValue,
  recreateDatabase,
  startServer,
  stopServerOnCrash,
} from './lib';
import { generateCases } from './generate';
import { LeanConnection } from './lean-http';

/**
 * A short run on a shared machine: BENCH_PORT, BENCH_DB (the pgbench database is `${BENCH_DB}_pgbench`),
 * BENCH_CLIENTS ("8,16"), BENCH_INBOX=0 skips the million-case inbox, BENCH_APPEND=0 only prints the section.
 */
const PORT = Number(process.env.BENCH_PORT ?? 3311);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const DB = process.env.BENCH_DB ?? 'yiwang_bench_cases';
const PGBENCH_DB = process.env.BENCH_DB ? `${process.env.BENCH_DB}_pgbench` : 'yiwang_pgbench';
const CLIENTS = (process.env.BENCH_CLIENTS ?? '8,16,32').split(',').map(Number);
const ITEM = '2111-XK-00002'; // 食品经营许可, decided by the city 行政审批服务局
const date = new Date().toISOString().slice(0, 10);
const rows: string[] = [];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

recreateDatabase(DB);
const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB}` };
let { server } = await startServer(env, PORT);

// 1. Transitions: each client owns one accepted case and alternates 特别程序 suspend / resume (approver).
const company = await new ApiClient(BASE).signIn('company');
const clerk = await new ApiClient(BASE).signIn('clerk-city');
const approver = await new ApiClient(BASE).signIn('approver-city');
const item = await company.get<ItemForm>(`/api/items/${ITEM}`);
const fileId = await company.uploadPdf();
const body = ApiClient.application(ITEM, item, fileId);

async function acceptedCase(): Promise<CaseState> {
  const res = await company.createCase(body);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  const c = await clerk.get<CaseState>(`/api/cases/${((await res.json()) as { id: string }).id}`);
  return clerk.act(c, 'accept');
}

stopServerOnCrash(() => server);

const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
const approverToken = (approver as unknown as { token: string }).token;
/** One transition over a client's own lean keep-alive connection (bench/lean-http.ts). */
async function act(
  conn: LeanConnection,
  c: CaseState,
  action: string,
  extra: object,
  minimal: boolean,
): Promise<CaseState> {
  const headers = { authorization: `Bearer ${approverToken}`, ...(minimal ? { prefer: 'return=minimal' } : {}) };
  const res = await conn.post(
    `/api/cases/${c.id}/actions`,
    headers,
    JSON.stringify({ action, version: c.version, comment: '同意', ...extra }),
  );
  if (res.status !== 200) throw new Error(`${action}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as CaseState;
}

/**
 * Each client works its own cases in turn, so that a case's history stays near the length of a real one's
 * (ten to thirty events; the mean is reported with the results). At a thousand transitions a second, sixty-four
 * cases a client left seventy events a case after both runs at 8 clients; with 128 a case collects about ten
 * to twenty in each run.
 */
const CASES_PER_CLIENT = 128;
const WARMUP_SECONDS = 3;

/** Each client suspends or resumes its cases in turn for `seconds`; the latency of every transition that succeeded. */
async function drive(desks: CaseState[][], minimal: boolean, seconds: number) {
  const latencies: number[] = [];
  let conflicts = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    desks.map(async (desk) => {
      const conn = new LeanConnection('127.0.0.1', PORT);
      for (let k = 0; performance.now() < until; k = (k + 1) % desk.length) {
        const c = desk[k]!;
        const t0 = performance.now();
        try {
          desk[k] =
            c.status === 'suspended'
              ? await act(conn, c, 'resume', {}, minimal)
              : await act(conn, c, 'suspend', { suspension }, minimal);
        } catch {
          conflicts += 1;
          desk[k] = await approver.get<CaseState>(`/api/cases/${c.id}`);
          continue;
        }
        latencies.push(performance.now() - t0);
      }
      conn.close();
    }),
  );
  return { latencies, conflicts };
}

for (const clients of CLIENTS) {
  const desks: CaseState[][] = [];
  for (let i = 0; i < clients; i++)
    desks.push(await Promise.all(Array.from({ length: CASES_PER_CLIENT }, acceptedCase)));
  for (const minimal of [false, true]) {
    await drive(desks, minimal, WARMUP_SECONDS); // unrecorded: the server's code paths warm up first
    const { latencies, conflicts } = await drive(desks, minimal, SECONDS);
    latencies.sort((a, b) => a - b);
    const tps = latencies.length / SECONDS;
    const what = `case transitions (suspend/resume), ${minimal ? 'return=minimal' : 'whole case view'}`;
    console.log(`${what}, ${clients} clients: ${tps.toFixed(0)}/s`);
    rows.push(
      `| ${what}, ${clients} clients | ${tps.toFixed(0)} /s | p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${conflicts ? `, ${conflicts} errors` : ''} |`,
    );
  }
  const ids = desks
    .flat()
    .map((c) => `'${c.id}'`)
    .join(',');
  const history = psqlValue(
    DB,
    `select round(avg(n)) from (select count(*) n from case_events where case_id in (${ids}) group by case_id) h`,
  );
  rows.push(
    `| history length after both runs, ${clients} clients | ${history} events a case (mean) | ${desks.flat().length} cases |`,
  );
}

// 2. The inbox with one million generated cases (bench/generate.ts): 5 % still open, over the whole demo city.
// The server is stopped while the cases are generated (its idle connections would time out meanwhile).
await server.stop();
const inbox = process.env.BENCH_INBOX !== '0';
if (inbox) {
  generateCases(DB, { total: 1_000_000, openEvery: 20 });
  ({ server } = await startServer(env, PORT));
}

async function inboxLatency(user: string, query: string): Promise<string> {
  const c = await new ApiClient(BASE).signIn(user);
  const token = (c as unknown as { token: string }).token;
  const r = await autocannon({
    url: `${BASE}/api/cases?${query}`,
    connections: 8,
    duration: Math.max(5, SECONDS / 2),
    headers: { authorization: `Bearer ${token}` },
  });
  if (r.non2xx > 0) throw new Error(`inbox ${user} ${query}: ${r.non2xx} non-2xx`);
  return `| inbox with 1 000 000 cases: ${user} \`${query}\`, 8 clients | ${Math.round(r.requests.average)} req/s | p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms |`;
}
if (inbox) {
  rows.push(await inboxLatency('clerk-city', 'pageSize=20'));
  rows.push(await inboxLatency('clerk-county', 'deadlineState=overdue&pageSize=20'));
  rows.push(await inboxLatency('supervisor', 'view=all&pageSize=20'));
  rows.push(await inboxLatency('clerk-city', `view=all&q=${encodeURIComponent('申请人4321')}&pageSize=20`));
  await server.stop();
}

// Reference: pgbench TPC-B-like (the default script) on the same PostgreSQL, same client counts.
recreateDatabase(PGBENCH_DB);
pgbenchInit(PGBENCH_DB, 10);
for (const clients of CLIENTS) {
  const tps = pgbench(['-c', String(clients), '-j', '2', '-T', String(SECONDS), PGBENCH_DB]);
  rows.push(`| reference: pgbench TPC-B-like, ${clients} clients | ${tps.toFixed(0)} TPS | |`);
}
psql('postgres', `drop database if exists ${DB} with (force)`);
if (process.env.BENCH_DB) psql('postgres', `drop database if exists ${PGBENCH_DB} with (force)`);

const ratioRows = CLIENTS.flatMap((n) => {
  const ref = Number(/(\d+) TPS/.exec(rows.find((r) => r.includes(`TPC-B-like, ${n} clients`))!)![1]);
  return ['whole case view', 'return=minimal'].map((mode) => {
    const ours = Number(/(\d+) \/s/.exec(rows.find((r) => r.includes(`${mode}, ${n} clients`))!)![1]);
    return `| ratio: transitions (${mode}) ÷ pgbench TPC-B, ${n} clients | ${(ours / ref).toFixed(2)} | target ≥ 0.5 |`;
  });
});

const section = `## ${date} — cases (办件)\n\nMachine: ${machine()}. Load generator and server share the machine; PostgreSQL on the same host.\n\n| measure | result | detail |\n|---|---|---|\n${[...rows, ...ratioRows].join('\n')}`;
console.log(section);
if (process.env.BENCH_APPEND !== '0') appendResults(section);
