import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/harness';
import { openTestDatabase } from '../../../../test/template';
import { seedDemoHistory } from '../../index';
import { DEMO_ITEM_CODES } from '../../catalog/index';
import { sweepWarnings } from '../../supervision/index';
import { todayInShanghai } from '../../calendar/index';
import type { Db } from '../../../platform/db';

/** The history is loaded at real start only; here on a test database, with a pinned instant. */
const NOW = new Date();
const SEED = 7;

let t: TestApp;
let loaded: Awaited<ReturnType<typeof seedDemoHistory>>;
beforeAll(async () => {
  t = await createTestApp();
  loaded = await seedDemoHistory(t.db, { now: NOW, seed: SEED });
}, 120_000);
afterAll(async () => t?.close());

const rows = async <R>(db: Db, q: ReturnType<typeof sql<R>>) => (await q.execute(db)).rows;

describe('demo history', () => {
  it('spreads thousands of cases over the four levels, every state and both channels', async () => {
    expect(loaded.cases).toBeGreaterThan(2500);
    const byLevel = await rows(
      t.db,
      sql<{ level: string; n: number }>`
        select case when region_code ~ '^[0-9]{4}00$' then 'city' when region_code ~ '^[0-9]{6}$' then 'county'
                    when region_code ~ '000$' then 'town' else 'village' end as level, count(*)::int as n
        from cases where idempotency_key like 'history-%' group by 1`,
    );
    expect(Object.fromEntries(byLevel.map((r) => [r.level, r.n > 0]))).toEqual({
      city: true,
      county: true,
      town: true,
      village: true,
    });
    const states = new Set(
      (
        await rows(
          t.db,
          sql<{ status: string }>`select distinct status from cases where idempotency_key like 'history-%'`,
        )
      ).map((r) => r.status),
    );
    for (const s of ['completed', 'accepted', 'reviewed', 'suspended', 'refused', 'denied', 'correction_requested'])
      expect(states, s).toContain(s);
    const [mix] = await rows(
      t.db,
      sql<{ online: number; window: number; green: number; reported: number; overdue: number; near: number }>`
        select count(*) filter (where channel = 'online')::int as online, count(*) filter (where channel = 'window')::int as window,
               count(*) filter (where green_channel)::int as green,
               count(*) filter (where jsonb_array_length(linkage_chain) > 1)::int as reported,
               count(*) filter (where clock_phase = 'running' and overdue_on <= ${todayInShanghai(NOW)}::date)::int as overdue,
               count(*) filter (where clock_phase = 'running' and near_on <= ${todayInShanghai(NOW)}::date)::int as near
        from cases where idempotency_key like 'history-%'`,
    );
    for (const [k, v] of Object.entries(mix!)) expect(v, k).toBeGreaterThan(0);
  });

  it('is the same history for the same seed and instant', async () => {
    const other = await openTestDatabase();
    try {
      await seedDemoHistory(other.db, { now: NOW, seed: SEED });
      const shape = (db: Db) =>
        rows(
          db,
          sql<{ h: string }>`
            select md5(string_agg(concat_ws('|', c.number, c.status, c.item_code, c.region_code, c.accept_hall_id is not null,
                   c.clock_log::text, c.version, c.promised_deadline, e.trail), ',' order by c.number)) as h
            from cases c join lateral (
              select string_agg(concat_ws(':', ev.action, ev.actor_name, ev.on_date), ';' order by ev.seq) as trail
              from case_events ev where ev.case_id = c.id) e on true
            where c.idempotency_key like 'history-%'`,
        );
      expect(await shape(other.db)).toEqual(await shape(t.db));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('keeps each row as its history left it: the clock log, the version and the dates', async () => {
    const [bad] = await rows(
      t.db,
      sql<{ log: number; version: number; order: number }>`
        select count(*) filter (where c.clock_log <> coalesce(e.log, '[]'::jsonb))::int as log,
               count(*) filter (where c.version <> e.n)::int as version,
               count(*) filter (where e.first_at <> c.created_at or e.last_at <> c.step_entered_at or not e.ordered)::int as order
        from cases c join lateral (
          select jsonb_agg(jsonb_build_object('on_date', on_date, 'clock', clock) order by seq) filter (where clock is not null) as log,
                 count(*)::int as n, min(at) as first_at, max(at) as last_at,
                 bool_and(seq = 1 or at >= (select at from case_events p where p.case_id = ev.case_id and p.seq = ev.seq - 1)) as ordered
          from case_events ev where ev.case_id = c.id) e on true
        where c.idempotency_key like 'history-%'`,
    );
    expect(bad).toEqual({ log: 0, version: 0, order: 0 });
  });

  it('lets the next step be taken on a history case through the service', async () => {
    const [c] = await rows(
      t.db,
      sql<{ id: string; version: number; promised_deadline: string; region_code: string }>`
        select id, version, to_char(promised_deadline, 'YYYY-MM-DD') as promised_deadline, region_code from cases
        where idempotency_key like 'history-%' and status = 'accepted' and current_region_code = region_code
          and ((region_code = '211100' and department_code = 'PJ-XZSP') or (region_code = '211103' and department_code = 'XLT-XZSP'))
        order by number limit 1`,
    );
    expect(c).toBeDefined();
    const approver = await t.as(c!.region_code === '211100' ? 'approver-city' : 'approver-county');
    const res = await t.post(`/api/cases/${c!.id}/actions`, approver, {
      action: 'review-pass',
      version: c!.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(c!.version + 1);
    // The view computes the clock from the whole history; the row's columns were written from its log.
    expect(res.json().deadlines.promised).toBe(c!.promised_deadline);
  });

  it('advances the numbering past the history: a new case takes the next number of the day', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...(await t.as('clerk-city')), 'idempotency-key': 'after-history-1' },
      payload: {
        itemCode: DEMO_ITEM_CODES.companyRegistration,
        channel: 'window',
        submit: true,
        applicant: {
          kind: 'company',
          name: '盘锦辽河示范科技有限公司',
          creditCode: '91211103MA0Y8K2P7J',
          phone: '13804275678',
        },
        form: {
          companyName: '盘锦辽河示范科技有限公司',
          creditCode: '91211103MA0Y8K2P7J',
          legalRepresentative: '王志强',
          contactPhone: '13804275678',
          address: '辽宁省盘锦市兴隆台区石油大街 96 号',
          enterpriseName: '盘锦辽河示范咨询有限公司',
          registeredCapital: 50,
          enterpriseType: '有限责任公司',
          businessScope: '企业管理咨询',
        },
        materials: ['m1', 'm2', 'm4', 'm5'].map((materialId) => ({ materialId, fileIds: [], paper: true })),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const number: string = res.json().number;
    const [max] = await rows(
      t.db,
      sql<{
        n: string;
      }>`select max(number) as n from cases where number like ${`${number.slice(0, 15)}%`} and number <> ${number}`,
    );
    if (max?.n) expect(number > max.n).toBe(true);
  });

  it('gives the supervision overview, figures, warnings, ratings and assessment something to show', async () => {
    const sup = await t.as('supervisor');
    const overview = (await t.get('/api/supervision/overview', sup)).json();
    expect(overview.cases.total).toBeGreaterThan(50);
    expect(overview.byLevel.length).toBeGreaterThanOrEqual(2);
    expect(overview.warnings.red + overview.warnings.yellow).toBeGreaterThan(0);
    const from = todayInShanghai(new Date(NOW.getTime() - 90 * 86_400_000));
    for (const groupBy of ['region', 'department', 'hall', 'clerk', 'item']) {
      const fig = await t.get(`/api/supervision/figures?groupBy=${groupBy}&from=${from}`, sup);
      expect(fig.statusCode, fig.body).toBe(200);
      expect(fig.json().rows.length, groupBy).toBeGreaterThan(1);
      expect(fig.json().total.completed, groupBy).toBeGreaterThan(1000);
    }
    const warnings = (await t.get('/api/supervision/warnings?state=confirmed&pageSize=5', sup)).json();
    expect(warnings.total).toBeGreaterThan(0);
    const ratings = (await t.get('/api/ratings?pageSize=5', sup)).json();
    expect(ratings.total).toBeGreaterThan(1000);
    const scores = await t.get('/api/assessment/scores', sup);
    expect(scores.statusCode, scores.body).toBe(200);
    expect(JSON.stringify(scores.json())).not.toBe('{}');
  });

  it('leaves the first sweep nothing to raise or withdraw on the history', async () => {
    const before = new Date();
    await sweepWarnings(t.db, NOW);
    const [n] = await rows(
      t.db,
      sql<{ raised: number; withdrawn: number }>`
        select count(*) filter (where w.raised_at >= ${before})::int as raised,
               count(*) filter (where w.decided_at >= ${before})::int as withdrawn
        from warnings w join cases c on c.id = w.case_id where c.idempotency_key like 'history-%'`,
    );
    expect(n).toEqual({ raised: 0, withdrawn: 0 });
  });
});
