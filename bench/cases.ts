/**
 * `npm run bench` (part 2): case transitions through the HTTP API on PostgreSQL at 8–32 clients against
 * pgbench's TPC-B-like script on the same server, and the inbox with one million cases in the database.
 */
import autocannon from 'autocannon';
import { ApiClient, type CaseState, type ItemForm } from '../test/api-client';
import { appendResults, machine, pgbench, pgbenchInit, psql, recreateDatabase, startServer } from './lib';

const PORT = 3311;
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const DB = 'yiwang_bench_cases';
const ITEM = '2111-XK-00002'; // 食品经营许可, decided by the city 行政审批服务局
const date = new Date().toISOString().slice(0, 10);
const rows: string[] = [];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

recreateDatabase(DB);
const { server } = await startServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB}`}, PORT);

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

process.on('uncaughtException', (err) => {
  console.error(err);
  server.proc.kill('SIGKILL');
  process.exit(1);
});
process.on('unhandledRejection', (err) => {
  console.error(err);
  server.proc.kill('SIGKILL');
  process.exit(1);
});

const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
for (const clients of [8, 16, 32]) {
  const cases = await Promise.all(Array.from({ length: clients }, acceptedCase));
  const latencies: number[] = [];
  let conflicts = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    cases.map(async (start) => {
      let c = start;
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          c = c.status === 'suspended' ? await approver.act(c, 'resume') : await approver.act(c, 'suspend', { suspension });
        } catch {
          conflicts += 1;
          c = await approver.get<CaseState>(`/api/cases/${c.id}`);
          continue;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const tps = latencies.length / SECONDS;
  console.log(`transitions, ${clients} clients: ${tps.toFixed(0)}/s`);
  rows.push(
    `| case transitions (suspend/resume), ${clients} clients | ${tps.toFixed(0)} /s | p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${conflicts ? `, ${conflicts} errors` : ''} |`,
  );
}

// 2. The inbox with one million cases: 5 % still open, spread over the city, its districts, a town and a village.
psql(
  DB,
  `insert into cases (number, item_code, item_version, item_name, department_code, process_key, region_code, accept_region_code, channel,
     applicant_id, applicant, applicant_name, applicant_id_tail, created_by, idempotency_key, request_hash, status, version, actionable, form,
     handling_type, promised_days, statutory_days, accepted_on, promised_deadline, statutory_deadline, near_on, overdue_on, clock_phase,
     finished_on, step_entered_at, submitted_at, created_at, updated_at, current_region_code, current_level)
   select left(r.code, 6) || '-' || to_char(d, 'YYYYMMDD') || '-' || lpad((g % 1000000)::text, 6, '0'),
     '${ITEM}', 1, '食品经营许可', case when g % 5 = 0 then 'PJ-XZSP' else 'PJ-SCJG' end, 'standard', r.code, r.code, 'online',
     gen_random_uuid(), '{"kind":"company","name":"示范"}'::jsonb, '申请人' || (g % 50000), lpad((g % 999999)::text, 6, '0'),
     gen_random_uuid(), 'bench-' || g, 'h',
     case when g % 20 = 0 then (array['submitted','accepted','reviewed','prereviewed','suspended'])[1 + (g / 20) % 5] else 'completed' end, 3,
     case when g % 20 <> 0 then '{}'::text[] when (g / 20) % 5 in (0, 3) then array['clerk','owner']
          when (g / 20) % 5 = 2 then array['chief','owner'] else array['approver','chief','owner'] end,
     '{}'::jsonb, 'promised', 5, 10,
     d::date, (d + interval '7 days')::date, (d + interval '14 days')::date, (d + interval '5 days')::date, (d + interval '8 days')::date,
     case when g % 20 = 0 then 'running' else 'finished' end, case when g % 20 = 0 then null else (d + interval '6 days')::date end,
     d, d, d, d, r.code,
     case when length(r.code) = 12 then 'village' when r.code = '211100' then 'city' else 'county' end
   from generate_series(1, 1000000) g,
     lateral (select (array['211100','211102','211103','211104','211122','211103001001'])[1 + g % 6] as code) r,
     lateral (select timestamp '2023-01-01' + (g % 1400) * interval '1 day' as d) dd`,
);
psql(DB, 'vacuum analyze cases');

async function inboxLatency(user: string, query: string): Promise<string> {
  const c = await new ApiClient(BASE).signIn(user);
  const token = (c as unknown as { token: string }).token;
  const r = await autocannon({ url: `${BASE}/api/cases?${query}`, connections: 8, duration: Math.max(5, SECONDS / 2), headers: { authorization: `Bearer ${token}` } });
  if (r.non2xx > 0) throw new Error(`inbox ${user} ${query}: ${r.non2xx} non-2xx`);
  return `| inbox with 1 000 000 cases: ${user} \`${query}\`, 8 clients | ${Math.round(r.requests.average)} req/s | p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms |`;
}
rows.push(await inboxLatency('clerk-city', 'pageSize=20'));
rows.push(await inboxLatency('clerk-county', 'deadlineState=overdue&pageSize=20'));
rows.push(await inboxLatency('supervisor', 'view=all&pageSize=20'));
rows.push(await inboxLatency('clerk-city', `view=all&q=${encodeURIComponent('申请人4321')}&pageSize=20`));
await server.stop();

// Reference: pgbench TPC-B-like (the default script) on the same PostgreSQL, same client counts.
recreateDatabase('yiwang_pgbench');
pgbenchInit('yiwang_pgbench', 10);
for (const clients of [8, 16, 32]) {
  const tps = pgbench(['-c', String(clients), '-j', '2', '-T', String(SECONDS), 'yiwang_pgbench']);
  rows.push(`| reference: pgbench TPC-B-like, ${clients} clients | ${tps.toFixed(0)} TPS | |`);
}
psql('postgres', `drop database if exists ${DB} with (force)`);

const ratioRows = [8, 16, 32].map((n) => {
  const ours = Number(/(\d+) \/s/.exec(rows.find((r) => r.includes(`${n} clients`) && r.includes('transitions'))!)![1]);
  const ref = Number(/(\d+) TPS/.exec(rows.find((r) => r.includes(`TPC-B-like, ${n} clients`))!)![1]);
  return `| ratio: transitions ÷ pgbench TPC-B, ${n} clients | ${(ours / ref).toFixed(2)} | target ≥ 0.5 |`;
});

const section = `## ${date} — cases (办件)\n\nMachine: ${machine()}. Load generator and server share the machine; PostgreSQL on the same host.\n\n| measure | result | detail |\n|---|---|---|\n${[...rows, ...ratioRows].join('\n')}`;
console.log(section);
appendResults(section);
