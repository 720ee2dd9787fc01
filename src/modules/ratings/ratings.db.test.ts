import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/harness';
import { caseFixtures } from '../../../test/cases-fixtures';
import { addWorkdays, todayInShanghai } from '../calendar/index';
import { sweepRectifications } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post, actOk: act, registerIndividual, auditCount } = caseFixtures(() => t, 'ratings');

/** clerk-city registers 张明's 个体工商户设立登记 (即办件) at the window; `complete` runs it to the end in one visit. */
async function windowCase(complete: boolean): Promise<string> {
  const clerk = await as('clerk-city');
  const id = (await registerIndividual(clerk)).id;
  await act(id, clerk, 'accept');
  if (complete) {
    await act(id, clerk, 'grant');
    await act(id, clerk, 'issue-certificate');
    expect((await act(id, clerk, 'deliver', { delivery: { method: 'window' } })).status).toBe('completed');
  }
  return id;
}

const rate = async (
  caseId: string,
  level: number,
  indicators: string[] = ['efficiency'],
  channel = 'online',
  who = 'applicant',
) => post('/api/ratings', await as(who), { caseId, channel, level, indicators, comment: '测试评价' });

async function rateBad(caseId: string, level = 1) {
  const res = await rate(caseId, level);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    caseId: string;
    departmentCode: string;
    rectification: { id: string; status: string };
  };
}

const rect = async (id: string, who = 'supervisor') => {
  const res = await get(`/api/rectifications/${id}`, await as(who));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const rectAct = async (id: string, name: string, body: Record<string, unknown>, who = 'supervisor') => {
  const cur = await rect(id, 'supervisor');
  return post(`/api/rectifications/${id}/${name}`, await as(who), { version: cur.version, ...body });
};

describe('好差评: rating a served case', () => {
  let done: string;
  let open: string;
  beforeAll(async () => {
    done = await windowCase(true);
    open = await windowCase(false);
  });

  it('the applicant rates a completed case online once; a bad rating opens a rectification', async () => {
    const before = await auditCount('ratings.rate');
    const res = await rate(done, 1, ['efficiency', 'convenience']);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      caseId: done,
      channel: 'online',
      level: 1,
      levelLabel: '非常不满意',
      bad: true,
      excluded: false,
      viaDevice: false,
    });
    expect(r.indicators).toEqual([
      { code: 'efficiency', label: '办事效率' },
      { code: 'convenience', label: '办事便捷度' },
    ]);
    expect(r.rectification).toMatchObject({ status: 'pending_check', statusLabel: '待核实', deadline: null });
    expect(await auditCount('ratings.rate')).toBe(before + 1);

    const again = await rate(done, 5, []);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('只能评价一次');
  });

  it('refuses whoever was not served, and a case not yet finished', async () => {
    expect((await rate(done, 5, [], 'online', 'company')).statusCode).toBe(404);
    expect((await rate(done, 5, [], 'online', 'clerk-city')).statusCode).toBe(403);
    const early = await rate(open, 5, []);
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain('办结');
  });

  it('validates the indicators per channel', async () => {
    // (the case is not finished, so the window channel is the one to try here)
    const badWindow = await rate(open, 4, ['usability'], 'window');
    expect(badWindow.statusCode).toBe(400);
    expect(badWindow.json().errors[0].field).toBe('indicators');
    const noIndicator = await rate(open, 2, [], 'window');
    expect(noIndicator.statusCode).toBe(400);
  });

  it('window 一次一评 by the applicant is a separate channel, also one only; dated by the request clock', async () => {
    const at = new Date(Date.now() - 2 * 86_400_000);
    t.pinClock(() => at);
    const res = await rate(done, 5, ['attitude', 'competence'], 'window').finally(() => t.pinClock(null));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      channel: 'window',
      level: 5,
      rectification: null,
      ratedOn: todayInShanghai(at),
    });
    expect(res.json().indicators[0]).toEqual({ code: 'attitude', label: '服务态度' });
    expect((await rate(done, 4, [], 'window')).statusCode).toBe(409);
  });

  it('the hall rating device rates with a single-use clerk token', async () => {
    const clerk = await as('clerk-city');
    expect((await post('/api/ratings/device-sessions', await as('clerk-county'), { caseId: open })).statusCode).toBe(
      404,
    );
    expect((await post('/api/ratings/device-sessions', await as('applicant'), { caseId: open })).statusCode).toBe(403);
    const s = await post('/api/ratings/device-sessions', clerk, { caseId: open });
    expect(s.statusCode, s.body).toBe(201);
    const { token } = s.json();
    expect(token).toMatch(/^[A-Z2-9]{8}$/);
    const info = await get(`/api/ratings/device/${token}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json().applicantName).not.toBe('张明');
    expect(info.json().indicators.map((i: { label: string }) => i.label)).toEqual([
      '整体满意度',
      '服务效率',
      '服务水平',
      '服务态度',
    ]);
    const r = await post(`/api/ratings/device/${token}`, {}, { level: 4, indicators: ['overall'] });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ channel: 'window', level: 4, viaDevice: true });
    expect((await post(`/api/ratings/device/${token}`, {}, { level: 1, indicators: ['overall'] })).statusCode).toBe(
      404,
    );
    // the case has its window rating now: no second device session
    expect((await post('/api/ratings/device-sessions', clerk, { caseId: open })).statusCode).toBe(409);
  });

  it('lists ratings by data scope', async () => {
    const mine = (await get('/api/ratings?pageSize=200', await as('applicant'))).json();
    expect(mine.items.map((i: { caseId: string }) => i.caseId)).toContain(done);
    const sup = (await get(`/api/ratings?caseId=${done}`, await as('supervisor'))).json();
    expect(sup.total).toBe(2);
    const low = (await get(`/api/ratings?caseId=${done}&level=1`, await as('supervisor'))).json();
    expect(low.items.map((i: { level: number }) => i.level)).toEqual([1]);
    const hall = (await get(`/api/ratings?caseId=${done}`, await as('clerk-city'))).json();
    expect(hall.total).toBe(2);
    expect((await get(`/api/ratings?caseId=${done}`, await as('clerk-county'))).json().total).toBe(0);
    expect((await get(`/api/ratings?caseId=${done}`, await as('company'))).json().total).toBe(0);
    const one = mine.items.find((i: { caseId: string }) => i.caseId === done);
    expect((await get(`/api/ratings/${one.id}`, await as('clerk-county'))).statusCode).toBe(404);
    expect((await get(`/api/ratings/${one.id}`, await as('applicant'))).statusCode).toBe(200);
  });
});

describe('差评整改 rectification', () => {
  it('valid → deadline in working days → one extension → callback → closed', async () => {
    const r = await rateBad(await windowCase(true));
    const id = r.rectification.id;
    expect((await get(`/api/rectifications/${id}`, await as('clerk-county'))).statusCode).toBe(404);
    expect((await get(`/api/rectifications/${id}`, await as('applicant'))).statusCode).toBe(404);
    // the item belongs to 市场监管局 (PJ-SCJG): the approval bureau's department-bound staff do not see it
    expect(r).toMatchObject({ departmentCode: 'PJ-SCJG', departmentName: '盘锦市市场监督管理局' });
    expect((await get(`/api/rectifications/${id}`, await as('approver-city'))).statusCode).toBe(404);
    expect(
      (await get('/api/rectifications?pageSize=200', await as('approver-city')))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    expect(
      (await post(`/api/rectifications/${id}/check`, await as('approver-county'), { version: 1, valid: true }))
        .statusCode,
    ).toBe(404);
    const list = (await get('/api/rectifications?status=pending_check&pageSize=200', await as('clerk-city'))).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await rect(id)).availableActions).toEqual(['check']);

    const today = todayInShanghai(new Date());
    let res = await rectAct(id, 'check', { valid: true });
    expect(res.statusCode, res.body).toBe(200);
    const due = (await addWorkdays(t.db, today, 5)).date;
    expect(res.json()).toMatchObject({
      status: 'rectifying',
      startedOn: today,
      deadline: due,
      check: { valid: true, by: '赵监察' },
    });

    expect((await rectAct(id, 'check', { valid: true })).statusCode).toBe(409);
    // a stale version is refused
    expect(
      (await post(`/api/rectifications/${id}/extend`, await as('supervisor'), { version: 1, reason: '需协调' }))
        .statusCode,
    ).toBe(409);

    res = await rectAct(id, 'extend', { reason: '涉及跨部门协调' }, 'clerk-city');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'rectifying',
      deadline: (await addWorkdays(t.db, due, 5)).date,
      extension: { reason: '涉及跨部门协调', days: 5 },
    });
    const again = await rectAct(id, 'extend', { reason: '再延' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('一次');

    res = await rectAct(
      id,
      'callback',
      { method: 'phone', result: '已电话回访，说明整改情况', measures: '优化窗口引导', applicantSatisfied: true },
      'clerk-city',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      wasOverdue: false,
      measures: '优化窗口引导',
      callback: { by: '李晓雯', method: 'phone', result: '已电话回访，说明整改情况', applicantSatisfied: true },
      availableActions: [],
    });
    expect(res.json().closedAt).not.toBeNull();
    const msgs = await sql<{
      kind: string;
      body: string;
    }>`select kind, body from messages where case_id = ${r.caseId} and kind = 'rating.rectification_closed'`.execute(
      t.db,
    );
    expect(msgs.rows).toHaveLength(1);
    expect(msgs.rows[0]!.body).toContain('优化窗口引导');
    expect(await auditCount('ratings.rectification.callback')).toBeGreaterThanOrEqual(1);
  });

  it('invalid needs a reason and a supervisor review, then closes as invalid', async () => {
    const r = await rateBad(await windowCase(true), 2);
    const id = r.rectification.id;
    const noReason = await rectAct(id, 'check', { valid: false }, 'clerk-city');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const res = await rectAct(id, 'check', { valid: false, reason: '申请人误操作，已电话确认' }, 'clerk-city');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'invalid_review',
      deadline: null,
      check: { valid: false, reason: '申请人误操作，已电话确认' },
    });
    expect((await rectAct(id, 'review', { confirmInvalid: true }, 'clerk-city')).statusCode).toBe(403);
    const done = await rectAct(id, 'review', { confirmInvalid: true, comment: '情况属实' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'closed_invalid', review: { confirmInvalid: true, by: '赵监察' } });
  });

  it('a rejected invalid finding goes to rectification', async () => {
    const r = await rateBad(await windowCase(true), 2);
    const id = r.rectification.id;
    await rectAct(id, 'check', { valid: false, reason: '认为是恶意评价' }, 'clerk-city');
    const res = await rectAct(id, 'review', { confirmInvalid: false, comment: '理由不充分' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('rectifying');
    expect(res.json().deadline).toBe((await addWorkdays(t.db, todayInShanghai(new Date()), 5)).date);
  });

  it('the sweep marks rectifications past their deadline overdue; a late callback still closes them', async () => {
    const r = await rateBad(await windowCase(true));
    const id = r.rectification.id;
    const started = (await rectAct(id, 'check', { valid: true })).json();
    expect(await sweepRectifications(t.db, started.deadline)).toBe(0);
    expect((await rect(id)).status).toBe('rectifying');
    const later = (await addWorkdays(t.db, started.deadline, 1)).date;
    expect(await sweepRectifications(t.db, later)).toBeGreaterThanOrEqual(1);
    const o = await rect(id);
    expect(o).toMatchObject({
      status: 'overdue',
      statusLabel: '整改超期',
      wasOverdue: true,
      overdueOn: later,
      availableActions: ['callback'],
    });
    expect(await sweepRectifications(t.db, later)).toBe(0);
    const res = await rectAct(id, 'callback', { method: 'visit', result: '上门回访', applicantSatisfied: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', wasOverdue: true, callback: { applicantSatisfied: false } });
  });
});

describe('申诉 appeals and the published summary', () => {
  it('an upheld appeal excludes the rating from the summary and closes its rectification', async () => {
    const caseId = await windowCase(true);
    const r = await rateBad(caseId, 1);
    const summaryOf = async () => {
      const res = await get('/api/ratings/summary?groupBy=department');
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const before = await summaryOf();
    type Line = {
      departmentCode: string;
      counts: Record<string, number>;
      excluded: number;
      counted: number;
      total: number;
      satisfactionRate: number | null;
    };
    const line = (s: { items: Line[] }, code: string) => s.items.find((i) => i.departmentCode === code)!;
    const dept = (await get(`/api/ratings/${r.id}`, await as('applicant'))).json().departmentCode as string;
    const b = line(before, dept);
    expect(b.total).toBe(b.counted + b.excluded);
    expect(b.satisfactionRate).toBe(Math.round(((b.counts['4']! + b.counts['5']!) / b.counted) * 10000) / 10000);

    expect(
      (await post(`/api/ratings/${r.id}/appeals`, await as('supervisor'), { reason: '恶意评价', evidence: '录像' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/ratings/${r.id}/appeals`, await as('clerk-county'), { reason: '恶意评价', evidence: '录像' }))
        .statusCode,
    ).toBe(404);
    const filed = await post(`/api/ratings/${r.id}/appeals`, await as('clerk-city'), {
      reason: '申请人因个人纠纷恶意差评',
      evidence: '窗口录音录像显示服务规范',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appeal = filed.json();
    expect(appeal).toMatchObject({ status: 'pending', statusLabel: '待裁定', filedBy: '李晓雯' });
    expect(
      (await post(`/api/ratings/${r.id}/appeals`, await as('clerk-city'), { reason: '再诉', evidence: '无' }))
        .statusCode,
    ).toBe(409);

    const pending = (await get('/api/rating-appeals?status=pending', await as('supervisor'))).json();
    expect(pending.items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    expect(
      (await get('/api/rating-appeals', await as('clerk-county'))).json().items.map((a: { id: string }) => a.id),
    ).not.toContain(appeal.id);

    expect(
      (await post(`/api/rating-appeals/${appeal.id}/decision`, await as('clerk-city'), { upheld: true })).statusCode,
    ).toBe(403);
    const decided = await post(`/api/rating-appeals/${appeal.id}/decision`, await as('supervisor'), {
      upheld: true,
      comment: '经核查属恶意评价',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'upheld', decidedBy: '赵监察' });
    expect(
      (await post(`/api/rating-appeals/${appeal.id}/decision`, await as('supervisor'), { upheld: false })).statusCode,
    ).toBe(409);

    const rating = (await get(`/api/ratings/${r.id}`, await as('supervisor'))).json();
    expect(rating).toMatchObject({
      excluded: true,
      rectification: { status: 'closed_invalid' },
      appeal: { status: 'upheld' },
    });

    const a = line(await summaryOf(), dept);
    expect(a.excluded).toBe(b.excluded + 1);
    // the rating was counted as 非常不满意 before; now it is still in the total but no longer counted
    expect(a.counts['1']).toBe(b.counts['1']! - 1);
    expect(a.counted).toBe(b.counted - 1);
    expect(a.total).toBe(b.total);
  });

  it('two ratings of one case racing on one channel: one wins, the other is 409', async () => {
    const caseId = await windowCase(true);
    const [a, b] = await Promise.all([rate(caseId, 5, []), rate(caseId, 4, [])]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const n = await sql<{ n: number }>`select count(*)::int as n from ratings where case_id = ${caseId}`.execute(t.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('a good rating cannot be appealed', async () => {
    const caseId = await windowCase(true);
    const good = await rate(caseId, 5, []);
    expect(good.statusCode).toBe(201);
    expect(
      (await post(`/api/ratings/${good.json().id}/appeals`, await as('clerk-city'), { reason: 'x', evidence: 'y' }))
        .statusCode,
    ).toBe(422);
  });

  it('the summary is public, filters by date, and exports as a real xlsx workbook', async () => {
    const s = (await get('/api/ratings/summary')).json();
    expect(s.definition).toContain('好评率');
    expect(s.total.counted).toBeGreaterThan(0);
    expect(s.items[0].departmentName).toBeTruthy();
    const future = (await get('/api/ratings/summary?from=2099-01-01')).json();
    expect(future.items).toEqual([]);
    expect(future.total.satisfactionRate).toBeNull();
    expect((await get('/api/ratings/summary?from=2026-02-30')).statusCode).toBe(400);
    expect((await get('/api/ratings/summary?from=2026-12-31&to=2026-01-01')).statusCode).toBe(400);
    expect((await get('/api/ratings/summary?regionCode=999999')).statusCode).toBe(400);
    // the county subtree (兴隆台区) has none of the city's ratings; the city has them all
    expect((await get('/api/ratings/summary?regionCode=211103')).json().total.total).toBe(0);
    expect((await get('/api/ratings/summary?regionCode=211100')).json().total.total).toBe(s.total.total);
    // every rating of this file is dated today but one, dated two days back by a pinned clock
    const today = todayInShanghai(new Date());
    const sup = await as('supervisor');
    expect((await get(`/api/ratings?from=${today}&to=${today}`, sup)).json().total).toBe(s.total.total - 1);
    expect((await get('/api/ratings?to=2000-01-01', sup)).json().total).toBe(0);

    const x = await get('/api/ratings/summary.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const buf = x.rawPayload;
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('好差评统计')!;
    expect(ws.getRow(2).getCell(11).value).toBe('好评率');
    const codes: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 2) codes.push(row.getCell(1).value);
    });
    for (const it of s.items) expect(codes).toContain(it.departmentCode);
  });

  it('names the period of an export in its file name and title; counts are numbers, 0 when none', async () => {
    const x = await get('/api/ratings/summary.xlsx?from=2000-01-01&to=2000-01-31');
    expect(x.statusCode).toBe(200);
    expect(decodeURIComponent(String(x.headers['content-disposition']))).toContain(
      '好差评统计_2000-01-01至2000-01-31.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('好差评统计')!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('统计期：2000-01-01 至 2000-01-31');
    const total = ws.getRow(3);
    expect(total.getCell(2).value).toBe('合计');
    for (let c = 3; c <= 10; c++) expect(total.getCell(c).value, `column ${c}`).toBe(0);
    const at = new Date(Date.now() - 3 * 86_400_000);
    t.pinClock(() => at);
    const open = await get('/api/ratings/summary.xlsx').finally(() => t.pinClock(null));
    const name = decodeURIComponent(String(open.headers['content-disposition']));
    expect(name).toContain(`好差评统计_截至${todayInShanghai(at)}.xlsx`);
    expect(name).not.toContain('__');
  });
});
