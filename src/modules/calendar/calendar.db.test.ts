import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { addWorkdays, countWorkdays, isWorkday, loadCalendar } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}
const fields = (body: ProblemBody) => (body.errors ?? []).map((e) => e.field);

const { get } = api(() => t);
const add = (from: string, days: number | string) => get(`/api/calendar/workdays/add?from=${from}&days=${days}`);

interface YearSummary {
  year: number;
  status: string;
  source: string | null;
  notice: string | null;
  holidayCount: number;
  workdayCount: number;
}

describe('public working-day arithmetic', () => {
  it('adds working days across 2025 国庆+中秋 (10-01..08 off, 09-28 and 10-11 worked)', async () => {
    const res = await add('2025-09-30', 1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2025-10-09', provisional: false });
    expect((await add('2025-09-30', 3)).json()).toEqual({ date: '2025-10-11', provisional: false });
    expect((await add('2025-09-26', 1)).json()).toEqual({ date: '2025-09-28', provisional: false });
    expect((await add('2025-09-30', 0)).json()).toEqual({ date: '2025-09-30', provisional: false });
  });

  it('adds across 2026 春节', async () => {
    expect((await add('2026-02-13', 2)).json()).toEqual({ date: '2026-02-24', provisional: false });
  });

  it('counts working days in (from, to]', async () => {
    const res = await get('/api/calendar/workdays/count?from=2025-09-30&to=2025-10-11');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 3, provisional: false });
    expect((await get('/api/calendar/workdays/count?from=2025-10-11&to=2025-09-30')).json()).toEqual({
      count: -3,
      provisional: false,
    });
    expect((await get('/api/calendar/workdays/count?from=2024-12-31&to=2025-12-31')).json()).toEqual({
      count: 248,
      provisional: false,
    });
  });

  it('is provisional when the span reaches 2027, which is not entered', async () => {
    expect((await add('2026-12-25', 10)).json()).toEqual({ date: '2027-01-08', provisional: true });
    expect((await get('/api/calendar/workdays/count?from=2026-12-25&to=2027-01-08')).json()).toEqual({
      count: 10,
      provisional: true,
    });
  });

  it('answers bad dates with 400 naming from / to', async () => {
    for (const from of ['2026-02-30', '2026-1-1', 'tomorrow', '1800-01-01']) {
      const res = await add(from, 1);
      expect(res.statusCode, from).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(fields(res.json()), from).toEqual(['from']);
    }
    const missing = await get('/api/calendar/workdays/add?days=1');
    expect(missing.statusCode).toBe(400);
    expect(fields(missing.json())).toEqual(['from']);
    const badTo = await get('/api/calendar/workdays/count?from=2026-01-01&to=2026-02-29');
    expect(badTo.statusCode).toBe(400);
    expect(fields(badTo.json())).toEqual(['to']);
  });

  it('answers a bad day count with 400 naming days', async () => {
    for (const days of ['-1', '1.5', 'abc', '3651', '', '1e3', '0x10']) {
      const res = await add('2026-01-05', days);
      expect(res.statusCode, days).toBe(400);
      expect(fields(res.json()), days).toEqual(['days']);
    }
    const missing = await get('/api/calendar/workdays/add?from=2026-01-05');
    expect(missing.statusCode).toBe(400);
    expect(fields(missing.json())).toEqual(['days']);
    expect((await add('2026-01-05', 3650)).statusCode).toBe(200);
  });

  it('lists years with counts and the next year to enter', async () => {
    const res = await get('/api/calendar/years');
    expect(res.statusCode).toBe(200);
    const years = res.json() as YearSummary[];
    expect(years.map((y) => [y.year, y.status])).toEqual([
      [2024, 'published'],
      [2025, 'published'],
      [2026, 'published'],
      [2027, 'missing'],
    ]);
    const y2025 = years.find((y) => y.year === 2025)!;
    expect(y2025).toMatchObject({ source: 'builtin', holidayCount: 28, workdayCount: 5 });
  });

  it('lists the days of a year', async () => {
    const res = await get('/api/calendar/days?year=2025');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      year: number;
      status: string;
      items: { date: string; kind: string; name: string; source: string }[];
    };
    expect(body.year).toBe(2025);
    expect(body.status).toBe('published');
    expect(body.items).toContainEqual({ date: '2025-10-06', kind: 'holiday', name: '中秋节', source: 'builtin' });
    expect(body.items).toContainEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节', source: 'builtin' });
    expect(body.items.map((i) => i.date)).toEqual([...body.items.map((i) => i.date)].sort());
    const none = (await get('/api/calendar/days?year=2030')).json() as { status: string; items: unknown[] };
    expect(none).toMatchObject({ status: 'missing', items: [] });
    const bad = await get('/api/calendar/days?year=20x5');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad.json())).toEqual(['year']);
  });

  it('offers the facade to other modules', async () => {
    expect(await isWorkday(t.db, '2025-10-11')).toBe(true);
    expect(await isWorkday(t.db, '2025-10-06')).toBe(false);
    expect(await addWorkdays(t.db, '2025-09-30', 1)).toEqual({ date: '2025-10-09', provisional: false });
    expect(await countWorkdays(t.db, '2025-09-30', '2025-10-09')).toEqual({ count: 1, provisional: false });
    const cal = await loadCalendar(t.db);
    expect(cal.publishedYears.has(2026)).toBe(true);
    expect(cal.days.get('2026-02-14')).toBe('workday');
  });

  it('re-reads the calendar after the TTL, so writes by other app nodes show up', async () => {
    expect(await isWorkday(t.db, '2026-03-04')).toBe(true);
    // Another node writes behind this node's back.
    await sql`insert into calendar_days (date, kind, name, source) values ('2026-03-04', 'holiday', '测试', 'manual')`.execute(
      t.db,
    );
    expect(await isWorkday(t.db, '2026-03-04')).toBe(true); // still cached
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    try {
      expect(await isWorkday(t.db, '2026-03-04')).toBe(false);
    } finally {
      spy.mockRestore();
      await sql`delete from calendar_days where date = '2026-03-04'`.execute(t.db);
    }
  });
});

describe('administration', () => {
  const put = (url: string, payload: unknown, headers?: Record<string, string>) =>
    t.app.inject({ method: 'PUT', url, payload: payload as object, headers });

  it('requires sign-in (401) and the admin role (403)', async () => {
    const body = { kind: 'holiday', name: '元旦' };
    expect((await put('/api/calendar/days/2027-01-01', body)).statusCode).toBe(401);
    const clerk = await t.login('clerk-city');
    expect((await put('/api/calendar/days/2027-01-01', body, clerk)).statusCode).toBe(403);
    expect((await put('/api/calendar/years/2027', { status: 'published' }, clerk)).statusCode).toBe(403);
    const del = await t.app.inject({ method: 'DELETE', url: '/api/calendar/days/2025-10-01', headers: clerk });
    expect(del.statusCode).toBe(403);
    const bulk = await t.app.inject({
      method: 'POST',
      url: '/api/calendar/years/2027/days',
      payload: { items: [] },
      headers: clerk,
    });
    expect(bulk.statusCode).toBe(403);
    expect((await get('/api/calendar/days?year=2027')).json()).toMatchObject({ status: 'missing', items: [] });
  });

  it('rejects a swapped workday on a weekday, naming the field', async () => {
    const admin = await t.login('admin');
    const res = await put('/api/calendar/days/2027-01-04', { kind: 'workday', name: '元旦' }, admin);
    expect(res.statusCode).toBe(400);
    const body = res.json() as ProblemBody;
    expect(fields(body)).toEqual(['date']);
    expect(body.detail).toContain('周六或周日');
    const badKind = await put('/api/calendar/days/2027-01-04', { kind: 'rest', name: 'x' }, admin);
    expect(badKind.statusCode).toBe(400);
    expect(fields(badKind.json())).toEqual(['kind']);
    const badDate = await put('/api/calendar/days/2027-02-29', { kind: 'holiday', name: 'x' }, admin);
    expect(badDate.statusCode).toBe(400);
    expect(fields(badDate.json())).toEqual(['date']);
  });

  it('refuses to publish a year without holidays', async () => {
    const admin = await t.login('admin');
    const res = await put('/api/calendar/years/2027', { status: 'published' }, admin);
    expect(res.statusCode).toBe(422);
    expect((await add('2026-12-25', 10)).json()).toEqual({ date: '2027-01-08', provisional: true });
  });

  it('enters a 2027 holiday, publishes 2027: the date shifts and is no longer provisional', async () => {
    const admin = await t.login('admin');
    const res = await put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' }, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'manual' });
    // Entered but not yet published: the holiday counts, the answer stays provisional.
    expect((await add('2026-12-25', 10)).json()).toEqual({ date: '2027-01-11', provisional: true });
    let years = (await get('/api/calendar/years')).json() as YearSummary[];
    expect(years.find((y) => y.year === 2027)).toMatchObject({ status: 'draft', holidayCount: 1 });

    const pub = await put('/api/calendar/years/2027', { status: 'published', notice: '国办发明电〔2026〕9号' }, admin);
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      year: 2027,
      status: 'published',
      notice: '国办发明电〔2026〕9号',
      source: 'manual',
    });
    expect((await add('2026-12-25', 10)).json()).toEqual({ date: '2027-01-11', provisional: false });
    expect((await get('/api/calendar/workdays/count?from=2026-12-25&to=2027-01-11')).json()).toEqual({
      count: 10,
      provisional: false,
    });
    years = (await get('/api/calendar/years')).json() as YearSummary[];
    expect(years.at(-1)).toMatchObject({ year: 2028, status: 'missing' });

    const audit = await sql<{ actor_name: string; before: unknown; after: { kind: string; name: string } }>`
      select actor_name, before, after from audit_log
      where action = 'calendar.day.upsert' and entity_type = 'calendar_day' and entity_id = '2027-01-01'`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_name: 'admin',
      before: null,
      after: { kind: 'holiday', name: '元旦' },
    });
    const yearAudit = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'calendar.year.update' and entity_id = '2027'`.execute(
      t.db,
    );
    expect(yearAudit.rows[0]?.n).toBe(1);
  });

  it('deletes an entry (404 when there is none)', async () => {
    const admin = await t.login('admin');
    await put('/api/calendar/days/2027-01-02', { kind: 'holiday', name: '元旦' }, admin);
    const del = await t.app.inject({ method: 'DELETE', url: '/api/calendar/days/2027-01-02', headers: admin });
    expect(del.statusCode).toBe(200);
    const again = await t.app.inject({ method: 'DELETE', url: '/api/calendar/days/2027-01-02', headers: admin });
    expect(again.statusCode).toBe(404);
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'calendar.day.delete' and entity_id = '2027-01-02'`.execute(
      t.db,
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('bulk entry is all or nothing and names the bad item', async () => {
    const admin = await t.login('admin');
    const post = (year: number, payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/calendar/years/${year}/days`,
        payload: payload as object,
        headers: admin,
      });
    const items = [
      { date: '2028-01-01', kind: 'holiday', name: '元旦' },
      { date: '2028-01-26', kind: 'holiday', name: '春节' },
      { date: '2028-01-22', kind: 'workday', name: '春节' }, // Saturday
    ];
    const wrongYear = await post(2028, {
      items: [...items, { date: '2029-01-01', kind: 'holiday', name: '元旦' }],
      publish: true,
    });
    expect(wrongYear.statusCode).toBe(400);
    expect(fields(wrongYear.json())).toEqual(['items.3.date']);
    const weekday = await post(2028, {
      items: [items[0], { date: '2028-01-24', kind: 'workday', name: '春节' }],
      publish: true,
    });
    expect(weekday.statusCode).toBe(400);
    expect(fields(weekday.json())).toEqual(['items.1.date']);
    const badFormat = await post(2028, { items: [items[0], { date: '2028-1-26', kind: 'holiday', name: '春节' }] });
    expect(badFormat.statusCode).toBe(400);
    expect(fields(badFormat.json())).toEqual(['items.1.date']);
    expect((await get('/api/calendar/days?year=2028')).json()).toMatchObject({ status: 'missing', items: [] });

    const ok = await post(2028, { items, notice: '国办发明电〔2027〕1号', publish: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      year: 2028,
      status: 'published',
      holidayCount: 2,
      workdayCount: 1,
      notice: '国办发明电〔2027〕1号',
    });
    // 2028-01-21 (Fri) + 1 working day = Saturday 01-22, a swapped workday.
    expect((await add('2028-01-21', 1)).json()).toEqual({ date: '2028-01-22', provisional: false });

    // replace: the year then holds exactly the listed items.
    const replaced = await post(2028, { items: [items[0]], replace: true });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json()).toMatchObject({ status: 'published', holidayCount: 1, workdayCount: 0 });
    expect((await add('2028-01-21', 1)).json()).toEqual({ date: '2028-01-24', provisional: false });
  });
});
