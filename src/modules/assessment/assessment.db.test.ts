import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { addDays, todayInShanghai } from '../calendar/index';
import { acceptingClerksOf } from '../cases/index';
import { generateWeeklyBulletin } from './index';
import { previousWeek, weekOf } from './assessment.rules';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A county-level supervisor (兴隆台区) for the scope checks, signing in with the demo password.
  await sql`
    insert into users (username, password_hash, kind, name, roles, region_code, region_prefix)
    select 'supervisor-county', password_hash, 'staff', '钱监察', '{supervisor}', '211103', '211103' from users where username = 'supervisor'`.execute(
    t.db,
  );
  // Cards to score: the sweep raises them on the demo cases (today, so in this month).
  const r = await t.post('/api/supervision/sweep', await t.as('supervisor'));
  expect(r.statusCode, r.body).toBe(200);
});
afterAll(async () => t?.close());

const { as, get, post, put } = api(() => t);
const today = todayInShanghai(new Date());
const month = today.slice(0, 7);

interface Row {
  key: string;
  label: string;
  rank: number;
  score: number;
  deductions: number;
  pendingCards: number;
  items: { code: string; count: number; points: number }[];
}
const scoresOf = async (user: string, groupBy = 'department') => {
  const r = await get(`/api/assessment/scores?month=${month}&groupBy=${groupBy}`, await as(user));
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { month: string; base: number; rows: Row[] };
};

/** An open red card the city approval office may explain (the journey's card). */
async function openRedCardOfApprover() {
  const r = await get('/api/supervision/warnings?level=red&state=open&pageSize=50', await as('approver-city'));
  const w = (r.json().items as { id: string; departmentCode: string; caseNumber: string }[])[0];
  expect(w, 'a red card for 市行政审批服务局').toBeTruthy();
  return w!;
}

describe('monthly scores 月度考核', () => {
  it('ranks departments from the base score; open cards are pending, not deducted', async () => {
    const s = await scoresOf('supervisor');
    expect(s.month).toBe(month);
    expect(s.base).toBe(100);
    expect(s.rows.length).toBeGreaterThan(0);
    const ranks = s.rows.map((r) => r.rank);
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < s.rows.length; i++) expect(s.rows[i]!.score).toBeLessThanOrEqual(s.rows[i - 1]!.score);
    for (const r of s.rows)
      expect(r.score).toBe(
        Math.round((100 - r.deductions + r.items.filter((i) => i.points > 0).reduce((a, i) => a + i.points, 0)) * 10) /
          10,
      );
    expect(s.rows.reduce((a, r) => a + r.pendingCards, 0)).toBeGreaterThan(0);
    expect(s.rows.some((r) => r.items.some((i) => i.code === 'red_card'))).toBe(false);
  });

  it('score drops after a red card is confirmed with the explanation rejected, itemised in the detail', async () => {
    const w = await openRedCardOfApprover();
    const before = (await scoresOf('supervisor')).rows.find((r) => r.key === w.departmentCode)!;
    expect(before).toBeTruthy();

    const ex = await post(`/api/supervision/warnings/${w.id}/explain`, await as('approver-city'), {
      text: '因申请人原因延期',
    });
    expect(ex.statusCode, ex.body).toBe(200);
    // Explained, not yet decided: still no deduction.
    expect((await scoresOf('supervisor')).rows.find((r) => r.key === w.departmentCode)!.score).toBe(before.score);

    const d = await post(`/api/supervision/warnings/${w.id}/decide`, await as('supervisor'), {
      decision: 'confirm',
      comment: '理由不成立',
    });
    expect(d.statusCode, d.body).toBe(200);
    const after = (await scoresOf('supervisor')).rows.find((r) => r.key === w.departmentCode)!;
    // Default rules: 5 for the red card, 2 for the rejected explanation.
    expect(after.score).toBe(Math.round((before.score - 7) * 10) / 10);
    expect(after.items.find((i) => i.code === 'red_card')).toMatchObject({ count: 1, points: -5 });
    expect(after.items.find((i) => i.code === 'rejected_explanation')).toMatchObject({ count: 1, points: -2 });

    // The department sees its own detail, with the card's case number as the reason.
    const det = await get(
      `/api/assessment/scores/department/${w.departmentCode}?month=${month}`,
      await as('approver-city'),
    );
    expect(det.statusCode, det.body).toBe(200);
    const detail = det.json();
    expect(detail.score).toBe(after.score);
    expect(detail.lines).toContainEqual(
      expect.objectContaining({ item: 'red_card', itemName: '红牌（经确认）', caseNumber: w.caseNumber }),
    );
    expect(detail.lines).toContainEqual(
      expect.objectContaining({ item: 'rejected_explanation', caseNumber: w.caseNumber }),
    );
  });

  it('a rule change re-scores the month (red card 10 points): validated, versioned, audited', async () => {
    const sup = await as('supervisor');
    const rules = (await get('/api/assessment/rules', sup)).json();
    expect(rules.editable).toBe(true);
    const red = rules.items.find((r: { code: string }) => r.code === 'red_card');
    expect(red).toMatchObject({ kind: 'deduction', points: 5, cap: 30 });

    const bad = await put('/api/assessment/rules/red_card', sup, { points: -1, cap: 30, version: red.version });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('points');
    const low = await put('/api/assessment/rules/red_card', sup, { points: 10, cap: 5, version: red.version });
    expect(low.statusCode).toBe(400);
    expect(low.json().errors[0]).toMatchObject({ field: 'cap', message: '封顶分值不能小于单次分值' });
    const decimals = await put('/api/assessment/rules/red_card', sup, {
      points: 1.25,
      cap: null,
      version: red.version,
    });
    expect(decimals.statusCode).toBe(400);
    const missing = await put('/api/assessment/rules/red_card', sup, { cap: 30, version: red.version });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('points');
    const base = await put('/api/assessment/rules/base', sup, { points: 100, cap: 10, version: 1 });
    expect(base.statusCode).toBe(400);
    expect(
      (await put('/api/assessment/rules/no_such_rule', sup, { points: 1, cap: null, version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (
        await put('/api/assessment/rules/red_card', await as('approver-city'), {
          points: 10,
          cap: 30,
          version: red.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await put('/api/assessment/rules/red_card', await as('supervisor-county'), {
          points: 10,
          cap: 30,
          version: red.version,
        })
      ).statusCode,
    ).toBe(403);

    const dept = (await scoresOf('supervisor')).rows.find((r) => r.items.some((i) => i.code === 'red_card'))!;
    const ok = await put('/api/assessment/rules/red_card', sup, { points: 10, cap: 30, version: red.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ points: 10, cap: 30, version: red.version + 1, updatedBy: '赵监察' });
    const stale = await put('/api/assessment/rules/red_card', sup, { points: 6, cap: 30, version: red.version });
    expect(stale.statusCode).toBe(409);
    expect((await scoresOf('supervisor')).rows.find((r) => r.key === dept.key)!.score).toBe(
      Math.round((dept.score - 5) * 10) / 10,
    );

    const audit = (
      await sql<{ before: { points: number }; after: { points: number } }>`
      select before, after from audit_log where action = 'assessment.rule.update' and entity_id = 'red_card'`.execute(
        t.db,
      )
    ).rows;
    expect(audit).toEqual([{ before: { points: 5, cap: 30 }, after: { points: 10, cap: 30 } }]);
    // Back to the default for the tests below.
    expect(
      (await put('/api/assessment/rules/red_card', sup, { points: 5, cap: 30, version: red.version + 1 })).statusCode,
    ).toBe(200);
  });

  it('groups by hall and clerk', async () => {
    const halls = await scoresOf('supervisor', 'hall');
    expect(halls.rows.length).toBeGreaterThan(0);
    expect(halls.rows.every((r) => /^[0-9a-f-]{36}$/.test(r.key) && r.label.length > 0)).toBe(true);
    const clerks = await scoresOf('supervisor', 'clerk');
    expect(clerks.rows.length).toBeGreaterThan(0);
    expect(clerks.rows.every((r) => r.label !== r.key)).toBe(true);
  });

  it('a card counts against the clerk who accepted its case 受理人', async () => {
    const carded = (
      await sql<{ case_id: string; actor_id: string; actor_name: string }>`
        select distinct on (w.case_id) w.case_id, e.actor_id, e.actor_name
          from warnings w join case_events e on e.case_id = w.case_id and e.action = 'accept'
         order by w.case_id, e.seq`.execute(t.db)
    ).rows;
    expect(carded.length).toBeGreaterThan(0);
    const never = (
      await sql<{
        id: string;
      }>`select id from cases c where not exists (select 1 from case_events e where e.case_id = c.id and e.action = 'accept') limit 1`.execute(
        t.db,
      )
    ).rows[0]!;
    const clerks = await acceptingClerksOf(t.db, [...carded.map((c) => c.case_id), never.id]);
    expect(clerks.size).toBe(carded.length);
    expect(clerks.has(never.id)).toBe(false);
    const rows = (await scoresOf('supervisor', 'clerk')).rows;
    for (const c of carded) {
      expect(clerks.get(c.case_id)).toEqual({ actorId: c.actor_id, actorName: c.actor_name });
      expect(rows.find((r) => r.key === c.actor_id)?.label).toBe(c.actor_name);
    }
  });

  it('validates the query', async () => {
    const sup = await as('supervisor');
    const m = await get('/api/assessment/scores?month=2026-13', sup);
    expect(m.statusCode).toBe(400);
    expect(m.json().errors[0].field).toContain('month');
    const g = await get('/api/assessment/scores?groupBy=region', sup);
    expect(g.statusCode).toBe(400);
    expect(g.json().errors[0].field).toContain('groupBy');
    const future = await get('/api/assessment/scores?month=2099-01', sup);
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('month');
    expect((await get(`/api/assessment/scores/region/x?month=${month}`, sup)).statusCode).toBe(400);
  });
});

describe('data scope 数据范围', () => {
  it('a department sees only its own departments; another department is 404', async () => {
    const city = await scoresOf('supervisor');
    const own = await scoresOf('approver-city');
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.length).toBeLessThan(city.rows.length);
    const ownKeys = own.rows.map((r) => r.key);
    const other = city.rows.find((r) => !ownKeys.includes(r.key))!;
    expect(
      (await get(`/api/assessment/scores/department/${other.key}?month=${month}`, await as('approver-city')))
        .statusCode,
    ).toBe(404);
    expect(
      (await get(`/api/assessment/scores/department/${other.key}?month=${month}`, await as('supervisor'))).statusCode,
    ).toBe(200);
  });

  it('a county supervisor sees its subtree only', async () => {
    const w = await confirmedCardDepartment();
    const county = await scoresOf('supervisor-county');
    expect(county.rows.map((r) => r.key)).not.toContain(w);
    expect(
      (await get(`/api/assessment/scores/department/${w}?month=${month}`, await as('supervisor-county'))).statusCode,
    ).toBe(404);
  });

  it('clerks and applicants may not see scores', async () => {
    expect((await get('/api/assessment/scores', await as('clerk-city'))).statusCode).toBe(403);
    expect((await get('/api/assessment/scores', await as('applicant'))).statusCode).toBe(403);
    expect((await get('/api/assessment/scores')).statusCode).toBe(401);
  });
});

/** The city department of the card confirmed above. */
async function confirmedCardDepartment(): Promise<string> {
  const r = await get('/api/supervision/warnings?level=red&state=confirmed', await as('supervisor'));
  return (r.json().items as { departmentCode: string }[])[0]!.departmentCode;
}

describe('Excel export', () => {
  it('exports the ranking with one column per rule item', async () => {
    const x = await get(`/api/assessment/scores.xlsx?month=${month}&groupBy=department`, await as('supervisor'));
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(String(x.headers['content-disposition'])).toContain(encodeURIComponent(`月度考核-${month}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(`${month} 考核`)!;
    expect(ws.getRow(1).getCell(6).value).toBe('红牌（经确认）（件）');
    const s = await scoresOf('supervisor');
    expect(ws.getRow(2).getCell(2).value).toBe(s.rows[0]!.label);
    expect(ws.getRow(2).getCell(3).value).toBe(s.rows[0]!.score);
  });
});

describe('weekly bulletin 每周通报', () => {
  it('a supervisor generates this week’s bulletin as a PDF, lists and downloads it', async () => {
    const sup = await as('supervisor');
    const week = weekOf(today);
    const r = await post('/api/assessment/bulletins', sup, { weekFrom: week.from });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ weekFrom: week.from, weekTo: week.to, regionName: '全市', generatedBy: '赵监察' });
    expect(b.summary.redCards).toBeGreaterThan(0);
    expect(b.summary.units).toBeGreaterThan(0);
    const list = (await get('/api/assessment/bulletins', sup)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(b.id);

    const pdf = await get(`/api/assessment/bulletins/${b.id}/pdf`, sup);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000); // the embedded Chinese glyphs

    // Regenerating replaces the week's bulletin (one per scope and week), audited as such.
    const again = await post('/api/assessment/bulletins', sup, { weekFrom: week.from });
    expect(again.json().id).toBe(b.id);
    const actions = (
      await sql<{ action: string }>`select action from audit_log where entity_id = ${b.id} order by id`.execute(t.db)
    ).rows.map((x) => x.action);
    expect(actions).toEqual(['assessment.bulletin.generate', 'assessment.bulletin.regenerate']);
  });

  it('validates the week and the role; a county supervisor does not see the city bulletin', async () => {
    const sup = await as('supervisor');
    const notMonday = await post('/api/assessment/bulletins', sup, { weekFrom: weekOf(today).to });
    expect(notMonday.statusCode).toBe(400);
    expect(notMonday.json().errors[0].field).toBe('weekFrom');
    const bad = await post('/api/assessment/bulletins', sup, { weekFrom: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect((await post('/api/assessment/bulletins', sup, { weekFrom: '2099-01-05' })).statusCode).toBe(400);
    expect((await post('/api/assessment/bulletins', await as('approver-city'), {})).statusCode).toBe(403);
    const cityId = (await get('/api/assessment/bulletins', sup)).json().items[0].id;
    const county = await as('supervisor-county');
    expect((await get('/api/assessment/bulletins', county)).json().total).toBe(0);
    expect((await get(`/api/assessment/bulletins/${cityId}/pdf`, county)).statusCode).toBe(404);

    // The county generates its own; the city sees it beside the city-wide one.
    const own = await post('/api/assessment/bulletins', county, {});
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({
      regionPrefix: '211103',
      regionName: '兴隆台区',
      weekFrom: previousWeek(today).from,
    });
    expect((await get('/api/assessment/bulletins', county)).json().items.map((b: { id: string }) => b.id)).toEqual([
      own.json().id,
    ]);
    expect(
      (await get('/api/assessment/bulletins?pageSize=50', sup)).json().items.map((b: { id: string }) => b.id),
    ).toEqual(expect.arrayContaining([cityId, own.json().id]));
    expect((await get(`/api/assessment/bulletins/${own.json().id}/pdf`, sup)).statusCode).toBe(200);
    expect((await get('/api/assessment/bulletins/not-a-uuid/pdf', sup)).statusCode).toBe(400);
  });

  it('the Monday job generates last week’s city bulletin once', async () => {
    const monday = weekOf(today).from;
    const tuesday = addDays(monday, 1);
    const at = (day: string) => new Date(`${day}T09:00:00+08:00`);
    expect(await generateWeeklyBulletin(t.db, at(tuesday))).toBeNull();
    const id = await generateWeeklyBulletin(t.db, at(monday));
    expect(id).toBeTruthy();
    expect(await generateWeeklyBulletin(t.db, at(monday))).toBeNull();
    const row = (
      await sql<{ week_from: string; generated_by_name: string }>`
      select to_char(week_from, 'YYYY-MM-DD') as week_from, generated_by_name from assessment_bulletins where id = ${id}::uuid`.execute(
        t.db,
      )
    ).rows[0]!;
    expect(row).toEqual({ week_from: previousWeek(monday).from, generated_by_name: '系统（每周自动生成）' });
  });
});
