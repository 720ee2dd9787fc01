import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { todayInShanghai } from '../calendar/index';
import { startSupervisionWorker, sweepWarnings } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post } = api(() => t);
const countWarnings = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from warnings`.execute(t.db)).rows[0]!.n);

interface W {
  id: string;
  caseId: string;
  caseNumber: string;
  rule: string;
  level: string;
  state: string;
}

describe('warning sweep 预警巡检', () => {
  it('raises yellow and red cards on the demo cases, idempotently', async () => {
    const sup = await as('supervisor');
    const first = await post('/api/supervision/sweep', sup);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().raised).toBeGreaterThan(0);
    const n = await countWarnings();
    expect(n).toBe(first.json().raised);

    const list = await get('/api/supervision/warnings?pageSize=200', sup);
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as W[];
    expect(items.length).toBe(n);
    expect(items.some((w) => w.rule === 'overdue' && w.level === 'red')).toBe(true);
    expect(items.some((w) => w.rule === 'near_deadline' && w.level === 'yellow')).toBe(true);
    expect(items.every((w) => w.state === 'open')).toBe(true);

    // The overdue red cards are exactly the open cases the monitoring screen counts as overdue.
    const ov = (await get('/api/supervision/overview', sup)).json();
    expect(items.filter((w) => w.rule === 'overdue').length).toBe(ov.cases.overdue);
    expect(ov.cases.overdue).toBeGreaterThanOrEqual(1);
    expect(ov.cases.suspended).toBeGreaterThanOrEqual(1);
    expect(ov.warnings.red).toBe(items.filter((w) => w.level === 'red').length);

    // A suspended case (clock stopped in time) gets no card.
    const suspended = (
      await sql<{ id: string }>`select id from cases where clock_phase = 'suspended'`.execute(t.db)
    ).rows.map((r) => r.id);
    expect(suspended.length).toBeGreaterThan(0);
    expect(items.filter((w) => suspended.includes(w.caseId))).toEqual([]);

    const again = await post('/api/supervision/sweep', sup);
    expect(again.json().raised).toBe(0);
    expect(await countWarnings()).toBe(n);
    // Small pages give the same answer (keyset paging walks every open case).
    const paged = await sweepWarnings(t.db, new Date(), { pageSize: 1 });
    expect(paged.raised).toBe(0);
    expect(paged.pages).toBeGreaterThanOrEqual(3);
  });

  it('filters by level and state', async () => {
    const sup = await as('supervisor');
    const red = (await get('/api/supervision/warnings?level=red', sup)).json();
    expect(red.total).toBeGreaterThan(0);
    expect((red.items as W[]).every((w) => w.level === 'red')).toBe(true);
    const bad = await get('/api/supervision/warnings?level=purple', sup);
    expect(bad.statusCode).toBe(400);
  });

  it('the background worker sweeps and stops', async () => {
    let result: { scanned: number } | undefined;
    const done = new Promise<void>((resolve) => {
      const stop = startSupervisionWorker(t.db, {
        intervalMs: 60_000,
        onResult: (r) => {
          result = r;
          void stop().then(resolve);
        },
      });
    });
    await done;
    expect(result!.scanned).toBeGreaterThan(0);
  });
});

describe('conduct rules and withdrawal', () => {
  it('repeated returns and a refusal without reason raise cards; a finished case loses its open near-deadline warning', async () => {
    const now = new Date();
    const today = todayInShanghai(now);
    const open = (
      await sql<{ id: string }>`select id from cases where clock_phase = 'running' order by number limit 1`.execute(
        t.db,
      )
    ).rows[0]!.id;
    // History rows as a legacy import would have them (the API itself requires a reason for a refusal).
    await sql`
      insert into case_events (case_id, seq, on_date, actor_name, actor_role, action, to_status, comment)
      select ${open}::uuid, max(seq) + g, ${today}::date, '测试', 'chief', a, 'accepted', c
      from case_events, (values (1, 'return', '退回补充审查'), (2, 'return', '再次退回'), (3, 'refuse', '  ')) v(g, a, c)
      where case_id = ${open}::uuid group by g, a, c`.execute(t.db);
    const r = await sweepWarnings(t.db, now);
    expect(r.raised).toBe(2);
    const rules = (
      await sql<{
        rule: string;
        level: string;
      }>`select rule, level from warnings where case_id = ${open} order by rule`.execute(t.db)
    ).rows;
    expect(rules).toContainEqual({ rule: 'repeated_returns', level: 'yellow' });
    expect(rules).toContainEqual({ rule: 'refusal_without_reason', level: 'red' });

    const near = (
      await sql<{
        case_id: string;
        id: string;
      }>`select w.case_id, w.id from warnings w where w.rule = 'near_deadline' and w.state = 'open'
        and not exists (select 1 from warnings o where o.case_id = w.case_id and o.rule = 'overdue') limit 1`.execute(
        t.db,
      )
    ).rows[0]!;
    expect(near).toBeTruthy();
    // The case may also hold an open step-limit warning (the demo's cases are dated from the moment the data was made): both end with the case.
    const transient = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from warnings where case_id = ${near.case_id}::uuid and state = 'open' and rule in ('near_deadline', 'step_overdue')`.execute(
        t.db,
      )
    ).rows[0]!.n;
    await sql`update cases set clock_phase = 'finished', finished_on = ${today}::date, updated_at = now() where id = ${near.case_id}::uuid`.execute(
      t.db,
    );
    const after = await sweepWarnings(t.db, now);
    expect(after.withdrawn).toBe(transient);
    expect(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from warnings where case_id = ${near.case_id}::uuid and state = 'open' and rule in ('near_deadline', 'step_overdue')`.execute(
          t.db,
        )
      ).rows[0]!.n,
    ).toBe(0);
    const w = (
      await sql<{
        state: string;
        decided_by_name: string;
      }>`select state, decided_by_name from warnings where id = ${near.id}::uuid`.execute(t.db)
    ).rows[0]!;
    expect(w).toEqual({ state: 'revoked', decided_by_name: '系统' });
    // Facts (not transient conditions) stay: the conduct cards are still open.
    expect((await sweepWarnings(t.db, now)).withdrawn).toBe(0);
  });
});

describe('explanation and decision 说明与确认', () => {
  it('the responsible unit explains, the supervisor confirms; scope is enforced', async () => {
    const sup = await as('supervisor');
    const items = (await get('/api/supervision/warnings?state=open&level=red', sup)).json().items as W[];
    const w = items.find((x) => x.rule === 'overdue')!;
    expect(w).toBeTruthy();

    // Another department / another county sees nothing and gets 404 on this warning.
    const county = await as('approver-county');
    const theirs = await get('/api/supervision/warnings', county);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().total).toBe(0);
    expect((await get(`/api/supervision/warnings/${w.id}`, county)).statusCode).toBe(404);
    expect((await post(`/api/supervision/warnings/${w.id}/explain`, county, { text: '不是我们的件' })).statusCode).toBe(
      404,
    );
    // Applicants have no business here; a supervisor does not explain.
    expect((await get('/api/supervision/warnings', await as('applicant'))).statusCode).toBe(403);
    expect((await post(`/api/supervision/warnings/${w.id}/explain`, sup, { text: '说明' })).statusCode).toBe(403);

    const approver = await as('approver-city');
    const mine = (await get('/api/supervision/warnings?pageSize=200', approver)).json();
    expect((mine.items as W[]).map((x) => x.id)).toContain(w.id);
    expect((await post(`/api/supervision/warnings/${w.id}/explain`, approver, { text: '' })).statusCode).toBe(400);
    const explained = await post(`/api/supervision/warnings/${w.id}/explain`, approver, {
      text: '现场踏勘需协调申请人，已于当日完成',
    });
    expect(explained.statusCode, explained.body).toBe(200);
    expect(explained.json().state).toBe('explained');
    expect(explained.json().explainedBy).toBe('王建国');
    expect((await post(`/api/supervision/warnings/${w.id}/explain`, approver, { text: '再说明一次' })).statusCode).toBe(
      409,
    );

    // Only a supervisor decides; rejecting the explanation confirms the card.
    expect((await post(`/api/supervision/warnings/${w.id}/decide`, approver, { decision: 'revoke' })).statusCode).toBe(
      403,
    );
    const decided = await post(`/api/supervision/warnings/${w.id}/decide`, sup, {
      decision: 'confirm',
      comment: '说明理由不充分，红牌确认',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().state).toBe('confirmed');
    expect(decided.json().decidedBy).toBe('赵监察');
    expect(
      (await post(`/api/supervision/warnings/${w.id}/decide`, sup, { decision: 'revoke', comment: '' })).statusCode,
    ).toBe(409);

    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_id = ${w.id} order by id`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual(['supervision.warning.explain', 'supervision.warning.decide']);

    // A confirmed card survives the next sweep unchanged (no duplicate, no reset).
    await sweepWarnings(t.db, new Date());
    expect((await get(`/api/supervision/warnings/${w.id}`, sup)).json().state).toBe('confirmed');
  });

  it('rules can be listed and switched off by the city supervisor', async () => {
    const sup = await as('supervisor');
    const rules = (await get('/api/supervision/rules', sup)).json().items as {
      code: string;
      enabled: boolean;
      params: Record<string, number>;
    }[];
    expect(rules.map((r) => r.code).sort()).toEqual([
      'decision_late',
      'hotline_near',
      'hotline_overdue',
      'hotline_unsigned',
      'near_deadline',
      'overdue',
      'refusal_without_reason',
      'repeated_returns',
      'step_overdue',
    ]);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/supervision/rules/near_deadline',
      headers: sup,
      payload: { params: { days: 3 } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().params.days).toBe(3);
    expect(res.json().params.explainDays).toBe(3);
    const denied = await t.app.inject({
      method: 'PATCH',
      url: '/api/supervision/rules/overdue',
      headers: await as('approver-city'),
      payload: { enabled: false },
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe('monitoring 运行监管', () => {
  it('overview counts open cases by state and level; scoped by region', async () => {
    const sup = await as('supervisor');
    const res = await get('/api/supervision/overview', sup);
    expect(res.statusCode, res.body).toBe(200);
    const ov = res.json();
    const open = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from cases where clock_phase in ('running','suspended','suspended_overdue')`.execute(
        t.db,
      )
    ).rows[0]!.n;
    expect(ov.cases.total).toBe(open);
    expect(ov.cases.onTime + ov.cases.near + ov.cases.overdue + ov.cases.suspended).toBe(open);
    expect(ov.byLevel.reduce((a: number, l: { total: number }) => a + l.total, 0)).toBe(open);
    // A region outside the supervisor's subtree is 404; the county approver sees no cases of the city.
    expect((await get('/api/supervision/overview?regionCode=210200', sup)).statusCode).toBe(404);
    expect((await get('/api/supervision/overview', await as('approver-county'))).json().cases.total).toBe(0);
    expect((await get('/api/supervision/overview')).statusCode).toBe(401);
  });

  it('streams the overview as server-sent events', async () => {
    const sup = await as('supervisor');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const got = await new Promise<{ type: string | undefined; text: string }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/supervision/stream', headers: sup }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\ndata: ')) {
            resolve({ type: res.headers['content-type'], text });
            req.destroy();
          }
        });
        res.on('error', () => undefined);
      });
      req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
      setTimeout(() => reject(new Error('no event within 5 s')), 5000);
    });
    expect(got.type).toMatch(/^text\/event-stream/);
    const line = got.text.split('\n').find((l) => l.startsWith('data: '))!;
    expect(JSON.parse(line.slice(6)).cases.total).toBeGreaterThan(0);
    const anon = await get('/api/supervision/stream');
    expect(anon.statusCode).toBe(401);
  });
});

describe('efficiency figures 效能统计', () => {
  const from = '2000-01-01';
  it('totals match the cases', async () => {
    const sup = await as('supervisor');
    const to = todayInShanghai(new Date());
    const res = await get(`/api/supervision/figures?groupBy=item&from=${from}&to=${to}`, sup);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    const c = (
      await sql<{ received: number; accepted: number; completed: number; on_time: number; immediate: number }>`
        select count(*) filter (where submitted_at is not null)::int as received,
               count(*) filter (where accepted_on is not null)::int as accepted,
               count(*) filter (where clock_phase = 'finished')::int as completed,
               count(*) filter (where clock_phase = 'finished' and finished_on <= promised_deadline)::int as on_time,
               count(*) filter (where accepted_on is not null and handling_type = 'immediate')::int as immediate
        from cases`.execute(t.db)
    ).rows[0]!;
    expect(f.total.received).toBe(c.received);
    expect(f.total.accepted).toBe(c.accepted);
    expect(f.total.completed).toBe(c.completed);
    expect(c.completed).toBeGreaterThan(0);
    expect(f.total.onTimeRate).toBeCloseTo(c.on_time / c.completed, 3);
    expect(f.total.immediateShare).toBeCloseTo(c.immediate / c.accepted, 3);
    expect(f.rows.reduce((a: number, r: { received: number }) => a + r.received, 0)).toBe(c.received);
    expect(f.total.avgWorkingDaysUsed).not.toBeNull();
    expect(f.rows.every((r: { label: string }) => r.label.length > 0)).toBe(true);

    for (const g of ['region', 'department', 'hall', 'clerk']) {
      const r = await get(`/api/supervision/figures?groupBy=${g}&from=${from}&to=${to}`, sup);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().total.received).toBe(c.received);
    }
    expect((await get(`/api/supervision/figures?from=${to}&to=${from}`, sup)).statusCode).toBe(400);
    expect((await get('/api/supervision/figures?groupBy=window', sup)).statusCode).toBe(400);
    expect((await get('/api/supervision/figures', await as('applicant'))).statusCode).toBe(403);
  });

  it('exports an Excel workbook', async () => {
    const res = await get(`/api/supervision/figures.xlsx?groupBy=department&from=${from}`, await as('supervisor'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
