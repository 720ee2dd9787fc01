/**
 * `npm run bench:search`: catalog search `GET /api/items?q=` at 50 clients on PostgreSQL, each round followed by
 * pgbench select-only at 50 clients on the same server for the ratio. BENCH_ROUNDS (3) rounds of BENCH_SECONDS
 * (15) s; BENCH_DB names the database (recreated), BENCH_PORT the port. Writes a dated section to
 * docs/benchmarks.md unless BENCH_WRITE=0.
 */
import os from 'node:os';
import autocannon from 'autocannon';
import {
  appendResults,
  machine,
  pgbench,
  pgbenchInit,
  recreateDatabase,
  rssMb,
  startServer,
  stopServerOnCrash,
  type Server,
} from './lib';

export const SEARCH_TERMS = [
  '营业执照',
  '低保',
  '食品经营',
  '施工许可',
  '养老保险',
  '不动产',
  '户口',
  '医疗机构',
  '道路',
  '许可',
];

export interface SearchRound {
  rate: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One round of catalog search at `clients` concurrent clients, cycling through SEARCH_TERMS. */
export async function searchLoad(port: number, clients: number, seconds: number): Promise<SearchRound> {
  let i = 0;
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: clients,
    duration: seconds,
    requests: [
      {
        setupRequest: (req) => ({
          ...req,
          path: `/api/items?q=${encodeURIComponent(SEARCH_TERMS[i++ % SEARCH_TERMS.length]!)}&pageSize=20`,
        }),
      },
    ],
  });
  return { rate: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.non2xx + r.errors };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const PORT = Number(process.env.BENCH_PORT ?? 3311);
  const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const CLIENTS = 50;
  const db = process.env.BENCH_DB ?? 'yiwang_bench_search';
  const refDb = `${db}_pgbench`;
  let server: Server | null = null;
  stopServerOnCrash(() => server);

  recreateDatabase(db);
  recreateDatabase(refDb);
  pgbenchInit(refDb, 10);
  const started = await startServer(
    { DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${db}`, MODULE_JOBS: '0' },
    PORT,
  );
  server = started.server;
  await new Promise((r) => setTimeout(r, 2000));
  const idleRss = rssMb(server.proc.pid!);
  await searchLoad(PORT, CLIENTS, 3); // warm-up
  const rows: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const s = await searchLoad(PORT, CLIENTS, SECONDS);
    if (s.errors) throw new Error(`search round ${round}: ${s.errors} errors or non-2xx answers`);
    const ref = pgbench(['-S', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), refDb]);
    rows.push(
      `| ${round} | ${load} | ${Math.round(s.rate)} req/s | ${s.p50} ms | ${s.p99} ms | ${Math.round(ref)} TPS | ${(s.rate / ref).toFixed(3)} |`,
    );
    console.log(rows.at(-1));
  }
  const peakRss = rssMb(server.proc.pid!);
  await server.stop();
  server = null;
  recreateDatabase(refDb); // the reference tables are not kept
  const section = `## ${new Date().toISOString().slice(0, 10)} — catalog search\n\nMachine: ${machine()}. Load generator (autocannon), server and PostgreSQL share the machine; background jobs off; ${CLIENTS} clients, ${ROUNDS} rounds of ${SECONDS} s, each followed by pgbench select-only (scale 10, ${CLIENTS} clients, 2 threads) on the same server. Server RSS idle ${idleRss} MB, after the rounds ${peakRss} MB.\n\n| round | load average (1/5/15 min) before | search | p50 | p99 | pgbench select-only | ratio |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}`;
  console.log(section);
  if (process.env.BENCH_WRITE !== '0') appendResults(section);
}
