import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { act, blockedRoad, COUNTY, register } from '../hotline/hotline.fixtures';

let t: TestApp;
// November 2026 (a past month, no demo tickets): Monday 2 November, 10:00 in Shanghai.
const MONTH = '2026-11';
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => new Date('2026-11-02T02:00:00Z'));
});
afterAll(async () => t?.close());

const { as, get } = api(() => t);

interface Row {
  key: string;
  label: string;
  score: number;
  items: { code: string; count: number; points: number }[];
  hotline: {
    dispatched: number;
    signRate: number | null;
    onTimeRate: number | null;
    solvedRate: number | null;
    satisfiedRate: number | null;
    reopenRate: number | null;
  } | null;
}
const scores = async (groupBy: string, user = 'supervisor') => {
  const r = await get(`/api/assessment/scores?month=${MONTH}&groupBy=${groupBy}`, await as(user));
  expect(r.statusCode, r.body).toBe(200);
  return r.json().rows as Row[];
};
const count = (r: Row | undefined, code: string) => r?.items.find((i) => i.code === code)?.count ?? 0;

describe('the 12345 hotline in the monthly assessment 考核', () => {
  it('keeps a unit’s hotline rates beside its score and deducts for unsatisfied and reopened tickets', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    v = await act(t, 'unit-county', v, 'reply', { text: '已清理施工材料。' });
    v = await act(t, 'hotline-chief', v, 'review-pass');
    v = await act(t, 'operator', v, 'callback', { satisfaction: 'unsatisfied', solved: false, reason: '仍有材料堆放' });
    expect(v.reopenCount).toBe(1);

    const county = (await scores('department')).find((r) => r.key === '211103');
    expect(county).toMatchObject({
      label: '兴隆台区',
      hotline: { dispatched: 1, signRate: 100, solvedRate: 0, satisfiedRate: 0, reopenRate: 100, onTimeRate: null },
    });
    expect(count(county, 'hotline_unsatisfied')).toBe(1);
    expect(count(county, 'hotline_reopened')).toBe(1);
    expect(county!.score).toBe(100 - 1 - 0.5);

    const detail = await get(`/api/assessment/scores/department/211103?month=${MONTH}`, await as('supervisor'));
    expect(detail.statusCode, detail.body).toBe(200);
    expect((detail.json().lines as { text: string }[]).map((l) => l.text)).toEqual(
      expect.arrayContaining(['12345 热线：回访 1 件，其中不满意 1 件', '12345 热线：派单 1 件，其中重办 1 件']),
    );
  });

  it('exports the rates beside the scores', async () => {
    const x = await get(`/api/assessment/scores.xlsx?month=${MONTH}&groupBy=department`, await as('supervisor'));
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(`${MONTH} 考核`)!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const col = headers.indexOf('重办率（%）');
    expect(col).toBeGreaterThan(0);
    const county = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(2).value === '兴隆台区')!;
    expect(county.getCell(col).value).toBe(100);
  });

  it('counts a complaint naming a case against its department and its clerk', async () => {
    const c = (
      await sql<{ number: string; department_code: string }>`
        select number, department_code from cases where status <> 'draft' order by number limit 1`.execute(t.db)
    ).rows[0]!;
    const clerk = (await sql<{ id: string }>`select id from users where username = 'clerk-city'`.execute(t.db))
      .rows[0]!;
    await register(t, blockedRoad({ title: '窗口人员态度生硬', caseNumber: c.number, clerkId: clerk.id }));
    // A consultation naming a case is no complaint.
    await register(
      t,
      blockedRoad({ type: 'consult', categoryCode: 'ZWFW-ZC', title: '进度查询', caseNumber: c.number }),
    );

    const dept = (await scores('department')).find((r) => r.key === c.department_code);
    expect(count(dept, 'hotline_complaint')).toBe(1);
    const byClerk = (await scores('clerk')).find((r) => r.key === clerk.id);
    expect(count(byClerk, 'hotline_complaint')).toBe(1);
    const detail = await get(`/api/assessment/scores/clerk/${clerk.id}?month=${MONTH}`, await as('supervisor'));
    expect(detail.json().lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ item: 'hotline_complaint', caseNumber: c.number, on: '2026-11-02' }),
      ]),
    );
  });

  it('shows a department-bound chief only its own department’s hotline facts', async () => {
    const rows = await scores('department', 'chief-city');
    expect(rows.some((r) => r.key === '211103')).toBe(false);
  });
});
