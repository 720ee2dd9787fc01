import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { backfillTicketKeywords } from './db/migrations/20261214T0930_hotline_keywords';
import { atTown, blockedRoad, register } from './hotline.fixtures';
import type { Report, Screen } from './hotline.reports.schemas';

let t: TestApp;

const heating = blockedRoad({
  type: 'help',
  categoryCode: 'ZFBZ-GN',
  title: '家中暖气不热',
  content: '家中室温只有 14 度，暖气不热，已联系供热公司两次未处理。',
});
const water = blockedRoad({
  type: 'complaint',
  title: '小区停水',
  content: '世纪社区从昨天开始停水，至今没有恢复供水，希望尽快处理。',
});

const at = (iso: string) => t.pinClock(() => new Date(iso));
const report = async (who: string, query: string) => {
  const res = await t.get(`/api/hotline/reports?${query}`, await t.as(who));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Report;
};

beforeAll(async () => {
  t = await createTestApp();
  // The week before: Tuesday 2026-11-03, 10:00 in Shanghai — heating and roads.
  at('2026-11-03T02:00:00Z');
  for (let i = 0; i < 3; i++) await register(t, heating);
  for (let i = 0; i < 2; i++) await register(t, blockedRoad());
  // This week: Tuesday 2026-11-10 — less heating, water cut off, and one ticket passed on to 振兴街道.
  at('2026-11-10T02:00:00Z');
  for (let i = 0; i < 2; i++) await register(t, heating);
  for (let i = 0; i < 3; i++) await register(t, water);
  await atTown(t, water);
});
afterAll(async () => t?.close());

describe('hot-topic reports', () => {
  it('a week: volume by day, type, category and county, against the week before', async () => {
    const r = await report('hotline-chief', 'period=week&date=2026-11-12');
    expect(r).toMatchObject({
      from: '2026-11-09',
      to: '2026-11-15',
      previousFrom: '2026-11-02',
      previousTo: '2026-11-08',
      total: 6,
      previousTotal: 5,
      answeredAtOnce: 0,
      answeredAtOnceRate: 0,
    });
    expect(r.byDay).toHaveLength(7);
    expect(r.byDay.find((d) => d.day === '2026-11-10')?.count).toBe(6);
    expect(r.byType).toEqual([
      { key: 'complaint', name: '投诉', count: 4 },
      { key: 'help', name: '求助', count: 2 },
    ]);
    expect(r.byCategory.find((c) => c.key === 'CSGL')).toMatchObject({ name: '城市管理', count: 4 });
    expect(r.byRegion).toEqual([{ key: '211103', name: '兴隆台区', count: 6 }]);
  });

  it('hot topics with their counts, and the rising ones by growth of share', async () => {
    const r = await report('operator', 'period=week&date=2026-11-09');
    const water = r.topics.find((x) => x.word === '停水');
    expect(water).toMatchObject({ count: 4, previousCount: 0, rising: true });
    expect(r.topics.find((x) => x.word === '暖气')).toMatchObject({ count: 2, previousCount: 3, rising: false });
    expect(r.rising[0]?.word).toBeDefined();
    expect(r.rising.map((x) => x.word)).toContain('停水');
    expect(r.rising.map((x) => x.word)).not.toContain('暖气');
    // Stop words and single characters are not topics.
    for (const word of ['希望', '处理', '尽快']) expect(r.topics.map((x) => x.word)).not.toContain(word);
    expect(r.topics.every((x) => [...x.word].length > 1)).toBe(true);
  });

  it('a month and a day; the units with their figures', async () => {
    const month = await report('hotline-chief', 'period=month&date=2026-11-30');
    expect(month).toMatchObject({ from: '2026-11-01', to: '2026-11-30', total: 11, label: '2026 年 11 月月报' });
    expect(month.byDay).toHaveLength(30);
    expect(month.units.find((u) => u.key === '211103001000')).toMatchObject({ name: '振兴街道', total: 1 });
    const day = await report('hotline-chief', 'period=day&date=2026-11-03');
    expect(day).toMatchObject({ total: 5, previousTotal: 0 });
  });

  it('show a unit only the tickets it reaches', async () => {
    const r = await report('unit-town', 'period=week&date=2026-11-10');
    expect(r.total).toBe(1);
    expect(r.units.map((u) => u.key)).toEqual(['211103001000']);
    expect(r.topics.map((x) => x.word)).toContain('停水');
    expect(r.topics.map((x) => x.word)).not.toContain('暖气');
  });

  it('refuse a wrong period or date naming the field, and callers outside the hotline', async () => {
    const op = await t.as('operator');
    const bad = await t.get('/api/hotline/reports?period=year&date=2026-11-10', op);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'period' });
    expect(bad.json().errors[0].message).toContain('报告周期');
    const noDay = await t.get('/api/hotline/reports?period=day&date=2026-02-30', op);
    expect(noDay.statusCode).toBe(400);
    expect(noDay.json().errors[0]).toMatchObject({ field: 'date', message: '日期不存在' });
    expect((await t.get('/api/hotline/reports?period=day&date=2026-11-10', await t.as('applicant'))).statusCode).toBe(
      403,
    );
    expect((await t.get('/api/hotline/reports.pdf?period=day&date=2026-11-10')).statusCode).toBe(401);
  });

  it('download as PDF and as Excel', async () => {
    const chief = await t.as('hotline-chief');
    const pdf = await t.get('/api/hotline/reports.pdf?period=week&date=2026-11-10', chief);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('热线热点分析周报-2026-11-10.pdf'));
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await t.get('/api/hotline/reports.xlsx?period=week&date=2026-11-10', chief);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '每日登记量',
      '诉求类型',
      '诉求分类（一级）',
      '县区分布',
      '热点词',
      '上升热点',
      '承办单位绩效',
    ]);
    const topics = wb.getWorksheet('热点词')!;
    const words = topics.getColumn(2).values.slice(2);
    expect(words).toContain('停水');
    expect(typeof topics.getRow(2).getCell(3).value).toBe('number');
  });
});

describe('the big screen', () => {
  it("gives today's volume, open and overdue tickets, the week's topics and the month's units", async () => {
    at('2026-11-10T04:00:00Z');
    const res = await t.get('/api/hotline/screen', await t.as('hotline-chief'));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as Screen;
    expect(s).toMatchObject({ today: '2026-11-10', total: 6, answeredAtOnce: 0, overdue: 0 });
    expect(s.open).toBeGreaterThanOrEqual(11);
    expect(s.topics.map((x) => x.word)).toContain('停水');
    expect(s.units.map((u) => u.key)).toContain('211103001000');
    // A month later every ticket still open is past its 20 working days.
    at('2026-12-31T04:00:00Z');
    const late = (await t.get('/api/hotline/screen', await t.as('hotline-chief'))).json() as Screen;
    expect(late.overdue).toBeGreaterThanOrEqual(11);
  });
});

describe('keywords', () => {
  it('are taken at registration and filled for older tickets by the migration', async () => {
    const kw = async () =>
      (
        await sql<{
          keywords: string[];
        }>`select keywords from hotline_tickets where title = '小区停水' limit 1`.execute(t.db)
      ).rows[0]!.keywords;
    expect(await kw()).toContain('停水');
    await sql`update hotline_tickets set keywords = '{}'`.execute(t.db);
    expect(await backfillTicketKeywords(t.db)).toBeGreaterThanOrEqual(11);
    expect(await kw()).toContain('停水');
  });
});
