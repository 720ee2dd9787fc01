import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { guideFrom, newItem } from '../../../test/item-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { get, post } = api(() => t);

interface Finding {
  itemCode: string;
  rule: string;
  severity: string;
  message: string;
}
interface Level {
  level: string;
  findings: Finding[];
}

describe('item alignment report 事项清单对应检查', () => {
  const CODE = '2111-XK-09201';
  beforeAll(async () => {
    const admin = await t.login('admin');
    // deliberately misconfigured: towns accept a county-decided licence, but the county hall does not take it in and nothing is delegated
    const guide = guideFrom((await get(`/api/items/${DEMO_ITEM_CODES.roadExcavation}`)).json());
    const created = await post(
      '/api/items',
      admin,
      newItem(CODE, 'XK920100', { ...guide, name: '镇街受理测试许可', decideLevel: 'county', acceptLevels: ['town'] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect((await post(`/api/items/${CODE}/publish`, admin)).statusCode).toBe(200);
  });

  it('finds the misconfigured item at the town level with a Chinese explanation', async () => {
    const sup = await t.login('supervisor');
    const at = new Date(Date.now() - 86_400_000);
    t.pinClock(() => at);
    const res = await get('/api/reports/item-alignment?regionCode=211100', sup).finally(() => t.pinClock(null));
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.region).toMatchObject({ code: '211100', level: 'city' });
    expect(r.generatedAt).toBe(at.toISOString());
    expect(r.itemCount).toBeGreaterThan(30);
    expect(r.rules.map((x: { rule: string }) => x.rule)).toEqual([
      'accept_without_decider',
      'decide_level_mismatch',
      'village_power',
      'accept_without_hall',
    ]);
    const town = r.levels.find((l: Level) => l.level === 'town') as Level;
    const mine = town.findings.filter((f) => f.itemCode === CODE);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rule: 'accept_without_decider', severity: 'error' });
    expect(mine[0]!.message).toContain('上报件无人承接');
    // a correctly configured demo item (accepted at county and town, decided at county) is not flagged by that rule
    const all = r.levels.flatMap((l: Level) => l.findings) as Finding[];
    expect(
      all.filter((f) => f.itemCode === DEMO_ITEM_CODES.idCardRenewal && f.rule === 'accept_without_decider'),
    ).toEqual([]);
    // the delegated 宅基地审批 is not a level mismatch
    expect(all.filter((f) => f.itemCode === DEMO_ITEM_CODES.homestead && f.rule === 'decide_level_mismatch')).toEqual(
      [],
    );
  });

  it('is for administrators and supervisors only, within their scope', async () => {
    expect((await get('/api/reports/item-alignment')).statusCode).toBe(401);
    expect((await get('/api/reports/item-alignment', await t.login('clerk-city'))).statusCode).toBe(403);
    expect((await get('/api/reports/item-alignment?regionCode=999999', await t.login('admin'))).statusCode).toBe(404);
    expect((await get('/api/reports/item-alignment?regionCode=abc', await t.login('admin'))).statusCode).toBe(400);
    // default region: the actor's own scope
    expect((await get('/api/reports/item-alignment', await t.login('admin'))).json().region.level).toBe('city');
  });

  it('exports the report as an Excel workbook', async () => {
    const res = await get('/api/reports/item-alignment.xlsx?regionCode=211100', await t.login('admin'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('事项清单对应检查')!;
    const rows: string[] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    expect(rows[1]).toContain('问题类型');
    expect(rows.some((r) => r.includes(CODE) && r.includes('下级受理、上级未承接'))).toBe(true);
  });
});
