/**
 * Generated cases for the benchmarks: set-based SQL straight into a migrated, demo-seeded database,
 * in batches of `generate_series`, resumable (a progress row per database) and idempotent.
 *
 * Every case is a plausible one of the demo city: an item the hall's level may accept (items.accept_levels),
 * the competent region at the item's deciding level above the hall 办理机关, the county approval bureau as
 * department when a county decides, the four-level chain 四级联动 (accepting hall → pre-review levels →
 * deciding level) and, for open cases, a holder anywhere along that chain. Volume by accepting level:
 * 20 % city hall, 30 % the county halls, 20 % the 50 town halls, 30 % the 544 village stations, spread
 * evenly over each level's halls × items. Case dates run over `days` days ending yesterday (today stays
 * free for the live numbering 办件编号); open cases were submitted in the last 30 days.
 * No history rows (case_events) are generated.
 */
import { execFileSync } from 'node:child_process';
import { psql } from './lib';

export interface GenerateOptions {
  /** Number of generated cases wanted in the database (generation resumes up to it). */
  total: number;
  /** One case in `openEvery` is open (clock running or suspended); the rest are closed. */
  openEvery: number;
  /** Days the cases are spread over, ending yesterday (Shanghai). */
  days?: number;
  /** Rows per statement. */
  batch?: number;
  /** Drop the secondary indexes of `cases` during the load and build them once at the end (large loads). */
  rebuildIndexes?: boolean;
  log?: (line: string) => void;
}

/** One value from a query (psql unaligned, tuples only). */
export function psqlValue(db: string, sqlText: string): string {
  return execFileSync(
    'psql',
    ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-qAtc', sqlText],
    { encoding: 'utf8' },
  ).trim();
}

/** The halls × items every generated case is drawn from, numbered per accepting level (k), with chain and department. */
const COMBOS_SQL = `
  drop table if exists bench_case_combos;
  create table bench_case_combos as
  with lv(level, rank) as (values ('city', 1), ('county', 2), ('town', 3), ('village', 4)),
  hall as (
    select h.id as hall_id, r.code, r.level::text as level,
      jsonb_build_object(r.level::text, r.code) || (case when p1.code is null then '{}' else jsonb_build_object(p1.level::text, p1.code) end) ||
        (case when p2.code is null then '{}' else jsonb_build_object(p2.level::text, p2.code) end) || (case when p3.code is null then '{}' else jsonb_build_object(p3.level::text, p3.code) end) as path
    from halls h join regions r on r.code = h.region_code
    left join regions p1 on p1.code = r.parent_code
    left join regions p2 on p2.code = p1.parent_code
    left join regions p3 on p3.code = p2.parent_code
    where h.active
  ),
  first_hall as (select distinct on (region_code) region_code, id from halls where active order by region_code, code),
  pair as (
    select hall.*, la.rank as accept_rank, i.code as item_code, i.current_version, i.name as item_name, i.department_code as item_department,
      i.region_code as item_region, i.decide_level::text as decide_level, ld.rank as decide_rank, i.accept_levels::text[] as accept_levels,
      i.handling_type, i.promised_days, i.statutory_days,
      case when i.decide_level::text = 'city' then i.region_code else hall.path ->> i.decide_level::text end as competent
    from hall
    join lv la on la.level = hall.level
    join items i on i.active and i.current_version is not null and hall.level = any(i.accept_levels::text[])
    join lv ld on ld.level = i.decide_level::text and ld.rank <= la.rank
  )
  select p.level, (row_number() over (partition by p.level order by p.code, p.hall_id, p.item_code) - 1)::int as k,
    p.hall_id, p.code as accept_region, p.item_code, p.current_version, p.item_name, p.handling_type, p.promised_days, p.statutory_days,
    p.competent,
    case when p.competent = p.item_region then p.item_department
         else coalesce((select d.code from departments d where d.region_code = p.competent and d.kind = 'approval_bureau' and d.active order by d.sort, d.code limit 1), p.item_department) end as department_code,
    ch.chain, jsonb_array_length(ch.chain) as hops
  from pair p
  cross join lateral (
    select jsonb_agg(jsonb_build_object('level', l.level, 'regionCode', hop.code, 'hallId', case when l.level = p.level then p.hall_id else fh.id end) order by l.rank desc) as chain
    from lv l
    cross join lateral (select case when l.level = p.level then p.code when l.level = p.decide_level then p.competent else p.path ->> l.level end as code) hop
    left join first_hall fh on fh.region_code = hop.code
    where l.level = p.level or l.level = p.decide_level or (l.rank > p.decide_rank and l.rank < p.accept_rank and l.level = any(p.accept_levels))
  ) ch
  where p.competent is not null;
  create unique index on bench_case_combos (level, k);
  drop table if exists bench_case_levels;
  create table bench_case_levels as
  select level, count(*)::int as n, case level when 'city' then 0 when 'county' then 20 when 'town' then 50 else 70 end as lo
  from bench_case_combos group by level;
  analyze bench_case_combos; analyze bench_case_levels;`;

/** Inserts generated cases g in [from, to]; `first` and `last` are the first and last case day. */
function batchSql(from: number, to: number, o: { openEvery: number; days: number; first: string; last: string }) {
  return `
  insert into cases (number, item_code, item_version, item_name, department_code, process_key, region_code, accept_region_code, accept_hall_id, channel,
     applicant_id, applicant, applicant_name, applicant_id_tail, created_by, idempotency_key, request_hash, status, suspended_from, version, actionable, form,
     handling_type, promised_days, statutory_days, accepted_on, promised_deadline, statutory_deadline, near_on, overdue_on, clock_phase,
     finished_on, step_entered_at, submitted_at, created_at, updated_at, current_region_code, current_level, current_hall_id, linkage_chain, pickup, green_channel)
  select left(c.competent, 6) || '-' || to_char(s.d, 'YYYYMMDD') || '-' || lpad(s.seq::text, 6, '0'),
     c.item_code, c.current_version, c.item_name, c.department_code, 'standard', c.competent, c.accept_region,
     case when s.online then null else c.hall_id end, case when s.online then 'online' else 'window' end,
     gen_random_uuid(),
     case when g % 3 = 0 then jsonb_build_object('kind', 'company', 'name', '示范企业' || (g % 50000)) else jsonb_build_object('kind', 'person', 'name', '申请人' || (g % 50000)) end,
     case when g % 3 = 0 then '示范企业' || (g % 50000) else '申请人' || (g % 50000) end, lpad((g % 999999)::text, 6, '0'),
     gen_random_uuid(), 'bench-' || g, 'h', s.status, case when s.status = 'suspended' then 'accepted' end, 3,
     case when not s.open then '{}'::text[] when s.status = 'reviewed' then array['chief'] when s.status = 'suspended' then array['approver']
          when s2.hop < c.hops - 1 then array['clerk'] else array['approver'] end,
     '{}'::jsonb, c.handling_type, c.promised_days, c.statutory_days,
     s.d, s.d + s.promised_cal, s.d + s.statutory_cal, s.d + greatest(s.promised_cal - 2, 0), s.d + s.promised_cal + 1,
     case when not s.open then 'finished' when s.status = 'suspended' then 'suspended' else 'running' end,
     s.finished, s2.stepped, s.submitted, s.submitted,
     case when s.open then s2.stepped else (s.finished + time '17:30') at time zone 'Asia/Shanghai' end,
     h.hop ->> 'regionCode', h.hop ->> 'level', (h.hop ->> 'hallId')::uuid, c.chain,
     case when c.hall_id is not null then jsonb_build_object('method', 'hall', 'hallId', c.hall_id) end, g % 50 = 7
  from generate_series(${from}, ${to}) g
  join bench_case_levels lv on g % 100 >= lv.lo and g % 100 < lv.lo + case lv.level when 'city' then 20 when 'county' then 30 when 'town' then 20 else 30 end
  join bench_case_combos c on c.level = lv.level and c.k = (g / 100) % lv.n
  cross join lateral (
    select *, (d + time '09:00' + (g % 480) * interval '1 minute') at time zone 'Asia/Shanghai' as submitted,
      case when open then null else least(d + (promised_cal * ((g / 7) % 23) / 20)::int, date '${o.last}') end as finished
    from (
      select g % ${o.openEvery} = 0 as open, g % 5 < 3 as online,
        case when g % ${o.openEvery} = 0 then date '${o.last}' - ((g / ${o.openEvery}) % 30)::int else date '${o.first}' + ((g * 37) % ${o.days})::int end as d,
        case when g % ${o.openEvery} = 0 then 500000 + g / (${o.openEvery} * 30) else 100000 + g / ${o.days} end as seq,
        case when g % ${o.openEvery} <> 0 then (case when g % 23 = 1 then 'denied' else 'completed' end)
             else (array['accepted','accepted','accepted','accepted','reviewed','reviewed','suspended'])[1 + (g / ${o.openEvery}) % 7] end as status,
        (c.promised_days * 7 + 4) / 5 as promised_cal, (c.statutory_days * 7 + 4) / 5 as statutory_cal
    ) s0
  ) s
  cross join lateral (
    select case when not s.open then 0 when s.status = 'accepted' then ((g / ${o.openEvery} / 7) % c.hops)::int else c.hops - 1 end as hop,
      (s.submitted + interval '1 day' + ((g / 3) % 5) * interval '1 day') as stepped
  ) s2
  cross join lateral (select c.chain -> s2.hop as hop) h`;
}

/**
 * Fills `db` with generated cases up to `o.total` (counting only generated ones), printing progress.
 * Returns the number of generated cases present.
 */
export function generateCases(db: string, o: GenerateOptions): number {
  const log = o.log ?? ((l: string) => console.log(l));
  const days = o.days ?? 365;
  const batch = o.batch ?? 200_000;
  psql(
    db,
    'create table if not exists bench_generation (total bigint not null, done bigint not null, first_day date not null, last_day date not null, open_every int not null)',
  );
  let row = psqlValue(
    db,
    "select total || ' ' || done || ' ' || first_day || ' ' || last_day || ' ' || open_every from bench_generation",
  );
  if (!row) {
    const last = psqlValue(db, "select ((now() at time zone 'Asia/Shanghai')::date - 1)::text");
    const first = psqlValue(db, `select (date '${last}' - ${days - 1})::text`);
    log(`generation: preparing halls × items of the demo city in ${db}`);
    psql(db, COMBOS_SQL);
    psql(db, `insert into bench_generation values (${o.total}, 0, '${first}', '${last}', ${o.openEvery})`);
    row = psqlValue(
      db,
      "select total || ' ' || done || ' ' || first_day || ' ' || last_day || ' ' || open_every from bench_generation",
    );
  }
  const [, doneText, first, last, openEveryText] = row.split(' ');
  let done = Number(doneText);
  if (done >= o.total) return done;
  if (Number(openEveryText) !== o.openEvery)
    throw new Error(`${db} was generated with one open case in ${openEveryText}, not ${o.openEvery}`);
  psql(db, `update bench_generation set total = ${o.total}`);

  // Secondary indexes cost more row by row than built once: keep their definitions, drop, load, rebuild.
  const rebuild = o.rebuildIndexes ?? o.total - done >= 2_000_000;
  if (rebuild) {
    psql(db, 'create table if not exists bench_saved_indexes (name text primary key, def text not null)');
    psql(
      db,
      `insert into bench_saved_indexes select i.relname, pg_get_indexdef(x.indexrelid) from pg_index x join pg_class i on i.oid = x.indexrelid
       where x.indrelid = 'cases'::regclass and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid) on conflict do nothing`,
    );
    const names = psqlValue(
      db,
      "select string_agg(quote_ident(name), ', ') from bench_saved_indexes s where exists (select 1 from pg_class where relname = s.name)",
    );
    if (names) psql(db, `drop index ${names}`);
  }

  const t0 = performance.now();
  const start = done;
  while (done < o.total) {
    const to = Math.min(o.total, done + batch);
    psql(
      db,
      `${batchSql(done + 1, to, { openEvery: o.openEvery, days, first: first!, last: last! })}; update bench_generation set done = ${to};`,
    );
    done = to;
    const rate = (done - start) / ((performance.now() - t0) / 1000);
    log(
      `generation: ${done.toLocaleString('en')} / ${o.total.toLocaleString('en')} cases, ${Math.round(rate).toLocaleString('en')} rows/s, ~${Math.round((o.total - done) / rate / 60)} min left`,
    );
  }
  if (rebuild) {
    const defs = psqlValue(db, "select string_agg(name || '\t' || def, E'\\n') from bench_saved_indexes")
      .split('\n')
      .filter(Boolean);
    for (const line of defs) {
      const [name, def] = line.split('\t');
      const t = performance.now();
      psql(db, `set maintenance_work_mem = '1GB'; ${def!.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')}`);
      log(`generation: index ${name} rebuilt in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    }
    psql(db, 'drop table bench_saved_indexes');
  }
  log('generation: vacuum analyze cases');
  psql(db, 'vacuum analyze cases');
  return done;
}
