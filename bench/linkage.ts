/**
 * `npm run bench` (part 3): four-level linkage 四级联动 on PostgreSQL with one million generated cases over
 * the city, its counties, towns and villages (bench/generate.ts). Through the HTTP API at 8 clients:
 * routing — 上报上级 `report-up` by the village station and 退回下级 `send-down` by the town, each client
 * bouncing its own 最低生活保障审批 case — and the inbox of a village clerk, a town clerk, a county approver
 * and the city; pgbench on the same server in the same run is the reference.
 */
import { DEMO_ITEM_CODES } from '../src/modules/catalog/index';
import { ApiClient, type CaseState, type ItemForm } from '../test/api-client';
import { generateCases, psqlValue } from './generate';
import os from 'node:os';
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
import { closedLoop, latencyText, percentile } from './load';

const PORT = 3341;
const BASE = `http://127.0.0.1:${PORT}`;
const DB = 'yiwang_bench_linkage';
const CLIENTS = 8;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CASES = Number(process.env.BENCH_LINKAGE_CASES ?? 1_000_000);
const ITEM = DEMO_ITEM_CODES.minimumLiving; // accepted at the village, pre-reviewed by the town, decided by the county
const date = new Date().toISOString().slice(0, 10);
const env = { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB}`, MODULE_JOBS: '0' };

let server: Server | null = null;
stopServerOnCrash(() => server);

// The demo city (migrations, seed), then one million cases, 5 % open, held along their chains.
recreateDatabase(DB);
server = (await startServer(env, PORT)).server;
await server.stop();
const tGen = performance.now();
generateCases(DB, { total: CASES, openEvery: 20 });
const genSeconds = (performance.now() - tGen) / 1000;
const byLevel = psqlValue(
  DB,
  "select string_agg(current_level || ' ' || n, ', ' order by current_level) from (select current_level, count(*) n from cases group by 1) t",
);
const openByLevel = psqlValue(
  DB,
  "select string_agg(current_level || ' ' || n, ', ' order by current_level) from (select current_level, count(*) n from cases where clock_phase <> 'finished' group by 1) t",
);
server = (await startServer(env, PORT)).server;

const village = await new ApiClient(BASE).signIn('clerk-village');
const town = await new ApiClient(BASE).signIn('clerk-town');
const item = await village.get<ItemForm>(`/api/items/${ITEM}`);
const fileId = await village.uploadPdf();
const applicant = { kind: 'person', name: '张明', idNumber: '211103199001011234', phone: '13804271234' };

/** A case the village station registered for a resident and accepted: held at the village, next hop the town. */
type HeldCase = CaseState & { currentLevel: string };
async function acceptedAtVillage(): Promise<HeldCase> {
  const res = await village.createCase({ ...ApiClient.application(ITEM, item, fileId), applicant, channel: 'window' });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  const c = await village.get<CaseState>(`/api/cases/${((await res.json()) as { id: string }).id}`);
  return (await village.act(c, 'accept')) as HeldCase;
}

/** The machine is shared: its load when the measurements began goes with the results. */
const loadAtStart = os
  .loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ');
// 1. Routing: each client's case goes up to the town and is sent back down, one action per operation.
const cases = await Promise.all(Array.from({ length: CLIENTS }, acceptedAtVillage));
const up: number[] = [];
const down: number[] = [];
const routing = await closedLoop(
  CLIENTS,
  SECONDS,
  async (w) => {
    const t = performance.now();
    const atVillage = cases[w]!.currentLevel === 'village';
    cases[w] = atVillage
      ? ((await village.act(cases[w]!, 'report-up', { comment: '经入户核查，情况属实，同意上报' })) as HeldCase)
      : ((await town.act(cases[w]!, 'send-down', { reason: '请补充入户调查记录' })) as HeldCase);
    (atVillage ? up : down).push(performance.now() - t);
  },
  async (w) => {
    cases[w] = await village.get<HeldCase>(`/api/cases/${cases[w]!.id}`);
  },
);
for (const l of [up, down]) l.sort((a, b) => a - b);
const pq = (l: number[]) => `p50 ${percentile(l, 50).toFixed(1)} ms, p99 ${percentile(l, 99).toFixed(1)} ms`;

// 2. Inboxes (待办): the first page of each holder's work queue.
const inboxes: [string, string, string][] = [
  ['clerk-village', 'village clerk 村社区便民服务站', 'pageSize=20'],
  ['clerk-town', 'town clerk 镇街便民服务中心', 'pageSize=20'],
  ['approver-county', 'county approver 兴隆台区行政审批局', 'pageSize=20'],
  ['approver-city', 'city approver 市行政审批服务局', 'pageSize=20'],
];
const inboxRows: { label: string; rate: number; text: string; total: number }[] = [];
for (const [user, label, query] of inboxes) {
  const c = await new ApiClient(BASE).signIn(user);
  const total = (await c.get<{ total: number }>(`/api/cases?${query}`)).total;
  const r = await closedLoop(CLIENTS, Math.max(5, SECONDS / 2), async () => {
    await c.get(`/api/cases?${query}`);
  });
  if (r.errors) throw new Error(`inbox ${user}: ${r.errors} errors`);
  inboxRows.push({ label: `${label} \`GET /api/cases?${query}\``, rate: r.rate, text: latencyText(r), total });
  console.log(`inbox ${user}: ${r.rate.toFixed(0)} req/s, ${latencyText(r)}`);
}
await server.stop();
server = null;

// Reference: pgbench on the same PostgreSQL (its tables beside ours), same client count.
pgbenchInit(DB, 10);
const tpcb = pgbench(['-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), DB]);
const selectOnly = pgbench(['-S', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), DB]);
psql('postgres', `drop database if exists ${DB} with (force)`);

const rows = [
  `| generated cases (by holder level) | ${CASES.toLocaleString('en')} | ${byLevel}; open ${openByLevel}; generated in ${genSeconds.toFixed(0)} s |`,
  `| routing \`report-up\` village → town, ${CLIENTS} clients | ${(up.length / routing.seconds).toFixed(0)} /s | ${pq(up)} |`,
  `| routing \`send-down\` town → village, ${CLIENTS} clients | ${(down.length / routing.seconds).toFixed(0)} /s | ${pq(down)}${routing.errors ? `, ${routing.errors} errors` : ''} |`,
  `| routing, both actions | ${routing.rate.toFixed(0)} /s | ${latencyText(routing, [50, 99])} |`,
  ...inboxRows.map(
    (r) =>
      `| inbox, ${r.label}, ${CLIENTS} clients (${r.total.toLocaleString('en')} in queue) | ${r.rate.toFixed(0)} req/s | ${r.text} |`,
  ),
  `| reference: pgbench TPC-B-like, ${CLIENTS} clients | ${tpcb.toFixed(0)} TPS | |`,
  `| reference: pgbench select-only, ${CLIENTS} clients | ${selectOnly.toFixed(0)} TPS | |`,
  `| ratio: routing actions ÷ pgbench TPC-B | ${(routing.rate / tpcb).toFixed(2)} | |`,
  ...inboxRows.map(
    (r) => `| ratio: inbox ${r.label.split(' `')[0]} ÷ pgbench select-only | ${(r.rate / selectOnly).toFixed(3)} | |`,
  ),
];
const section = `## ${date} — four-level linkage 四级联动, ${CASES.toLocaleString('en')} cases\n\nMachine: ${machine()}. Load generator and server share the machine; PostgreSQL on the same host; background jobs off; load average (1/5/15 min) when measuring began: ${loadAtStart}.\n\n| measure | result | detail |\n|---|---|---|\n${rows.join('\n')}`;
console.log(section);
if (process.env.BENCH_RECORD !== '0') appendResults(section);
