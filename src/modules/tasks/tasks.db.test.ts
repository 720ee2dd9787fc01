import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures } from '../../../test/cases-fixtures';
import { sweepOverdueMeasures } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post, count, auditCount } = caseFixtures(() => t);

function multipart(name: string, content: Buffer, type: string) {
  const boundary = `----yw${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(headers: H): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.4\n% report ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  const { payload, contentType } = multipart('report.pdf', pdf, 'application/pdf');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...headers, 'content-type': contentType },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function importXlsx(headers: H, rows: (string | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow(['序号', '问题', '整改措施', '牵头单位', '配合单位', '完成时限']);
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const { payload, contentType } = multipart(
    '分解表.xlsx',
    buf,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  return t.app.inject({
    method: 'POST',
    url: '/api/supervision/tasks/import',
    headers: { ...headers, 'content-type': contentType },
    payload,
  });
}

interface M {
  id: string;
  status: string;
  leadDepartmentCode: string | null;
  coLeadDepartmentCodes: string[];
  assistingDepartmentCodes: string[];
  deadline: string | null;
  longTerm: boolean;
  unmatchedUnits: string[];
}
interface P {
  id: string;
  number: number;
  title: string;
  measures: M[];
}

describe('demo: seed 004', () => {
  it('has 21 problems and 37 measures, deadlines and departments mapped', async () => {
    const sup = await as('supervisor');
    const res = await get('/api/supervision/tasks?pageSize=200', sup);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; items: P[] };
    expect(body.total).toBe(21);
    expect(body.items.reduce((n, p) => n + p.measures.length, 0)).toBe(37);
    const p1 = body.items.find((p) => p.number === 1)!;
    expect(p1.measures).toHaveLength(4);
    expect(p1.measures[3]).toMatchObject({ leadDepartmentCode: 'PJ-ZJ', deadline: '2017-06-30', longTerm: false });
    const p7 = body.items.find((p) => p.number === 7)!;
    expect(p7.measures[0]).toMatchObject({ leadDepartmentCode: 'PJ-CZ', deadline: null, longTerm: true });
    const p3 = body.items.find((p) => p.number === 3)!;
    expect(p3.measures[0]!.unmatchedUnits).toEqual(
      expect.arrayContaining(['双台子区政府', '兴隆台区政府', '市人防办']),
    );
  });
});

describe('scope and filters', () => {
  it('department staff see only measures their department leads or assists', async () => {
    const approver = await as('approver-city'); // PJ-XZSP
    const res = await get('/api/supervision/tasks?pageSize=200', approver);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as P[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(21);
    for (const p of items)
      for (const m of p.measures)
        expect([m.leadDepartmentCode, ...m.coLeadDepartmentCodes, ...m.assistingDepartmentCodes]).toContain('PJ-XZSP');
    const outside = (await get('/api/supervision/tasks?pageSize=200', await as('supervisor')))
      .json()
      .items.find((p: P) => p.number === 7) as P;
    expect((await get(`/api/supervision/tasks/${outside.id}`, approver)).statusCode).toBe(404);
    expect((await get('/api/supervision/tasks', await as('applicant'))).statusCode).toBe(403);
  });

  it('filters by department, keyword and status; rejects a bad status', async () => {
    const sup = await as('supervisor');
    const byDept = (await get('/api/supervision/tasks?departmentCode=PJ-CZ&pageSize=200', sup)).json() as {
      items: P[];
    };
    expect(byDept.items.map((p) => p.number).sort((a, b) => a - b)).toEqual([7, 14]);
    const byQ = (await get(`/api/supervision/tasks?q=${encodeURIComponent('中介服务')}`, sup)).json() as { items: P[] };
    expect(byQ.items.map((p) => p.number)).toContain(14);
    const done = (await get('/api/supervision/tasks?status=done', sup)).json();
    expect(done.total).toBe(0);
    expect((await get('/api/supervision/tasks?status=late', sup)).statusCode).toBe(400);
  });
});

describe('report, complete, urge, accountability', () => {
  it('a lead department reports with an attachment and completes; supervisors urge and note accountability', async () => {
    const approver = await as('approver-city');
    const sup = await as('supervisor');
    const mine = (await get('/api/supervision/tasks?departmentCode=PJ-XZSP&pageSize=200', approver)).json()
      .items as P[];
    const m = mine.flatMap((p) => p.measures).find((x) => x.leadDepartmentCode === 'PJ-XZSP')!;
    expect(m).toBeTruthy();

    const fileId = await upload(approver);
    const foreign = await upload(sup);
    const bad = await post(`/api/supervision/measures/${m.id}/reports`, approver, {
      content: '已完成流程梳理',
      fileIds: [foreign],
    });
    expect(bad.statusCode).toBe(400);
    const rep = await post(`/api/supervision/measures/${m.id}/reports`, approver, {
      content: '已完成流程梳理',
      fileIds: [fileId],
    });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(rep.json().reports[0]).toMatchObject({ content: '已完成流程梳理', fileIds: [fileId], final: false });

    expect((await post(`/api/supervision/measures/${m.id}/urge`, approver, { note: '请加快' })).statusCode).toBe(403);
    const urged = await post(`/api/supervision/measures/${m.id}/urge`, sup, { note: '请于本周内报送整改结果' });
    expect(urged.statusCode, urged.body).toBe(200);
    expect(urged.json().urgeCount).toBe(1);
    expect(urged.json().urgings[0].note).toBe('请于本周内报送整改结果');

    // the accountability note and the completion are dated by the request clock
    const at = new Date(Date.now() - 2 * 86_400_000);
    t.pinClock(() => at);
    const acc = await post(`/api/supervision/measures/${m.id}/accountability`, sup, {
      note: '未按时限完成，约谈主要负责人',
    });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().accountability).toMatchObject({ note: '未按时限完成，约谈主要负责人', at: at.toISOString() });

    const done = await post(`/api/supervision/measures/${m.id}/complete`, approver, {
      content: '整改完成，报告附后',
      fileIds: [],
    }).finally(() => t.pinClock(null));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneAt: at.toISOString() });
    expect(done.json().reports.at(-1).final).toBe(true);
    expect((await post(`/api/supervision/measures/${m.id}/reports`, approver, { content: '补充' })).statusCode).toBe(
      409,
    );
    expect(await auditCount('tasks.measure.complete')).toBe(1);
    expect(await auditCount('tasks.measure.report')).toBe(1);
  });

  it('an assisting department may report but not complete', async () => {
    const approver = await as('approver-city');
    // co-leads may complete too; only a purely assisting department may not.
    const sup = await as('supervisor');
    const created = await post('/api/supervision/tasks', sup, {
      title: '测试问题：跨部门协同不畅',
      measures: [
        {
          content: '建立协同机制',
          leadDepartmentCode: 'PJ-CZ',
          assistingDepartmentCodes: ['PJ-XZSP'],
          deadline: '2030-12-31',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const mid = created.json().measures[0].id as string;
    expect(
      (await post(`/api/supervision/measures/${mid}/reports`, approver, { content: '配合部门已提供数据' })).statusCode,
    ).toBe(201);
    expect((await post(`/api/supervision/measures/${mid}/complete`, approver, { content: '完成' })).statusCode).toBe(
      403,
    );
    const bad = await post('/api/supervision/tasks', sup, {
      title: 'x',
      measures: [{ content: 'y', leadDepartmentCode: 'PJ-NOPE', longTerm: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('measures.0.leadDepartmentCode');
    expect(
      (
        await post('/api/supervision/tasks', approver, {
          title: 'x',
          measures: [{ content: 'y', leadDepartmentCode: 'PJ-CZ', longTerm: true }],
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('overdue sweep', () => {
  it('marks open dated measures past their deadline overdue; long-term ones stay open', async () => {
    const before = await count('supervision_measures');
    expect(before).toBeGreaterThan(0);
    const n = await sweepOverdueMeasures(t.db, '2018-01-01');
    expect(n).toBeGreaterThan(0);
    expect(await sweepOverdueMeasures(t.db, '2018-01-01')).toBe(0);
    const sup = await as('supervisor');
    const overdue = (await get('/api/supervision/tasks?overdue=true&pageSize=200', sup)).json().items as P[];
    const ms = overdue.flatMap((p) => p.measures);
    expect(ms.length).toBe(n);
    for (const m of ms) {
      expect(m.status).toBe('overdue');
      expect(m.longTerm).toBe(false);
      expect(m.deadline! < '2018-01-01').toBe(true);
    }
    const p7 = (await get('/api/supervision/tasks?departmentCode=PJ-CZ&pageSize=200', sup))
      .json()
      .items.find((p: P) => p.number === 7) as P;
    expect(p7.measures[0]!.status).toBe('open');
  });
});

describe('import and export', () => {
  it('rejects a file with a bad row and stores nothing; then imports a good file', async () => {
    const sup = await as('supervisor');
    const problems = await count('supervision_problems');
    const bad = await importXlsx(sup, [
      ['1', '审批材料过多', '精简审批前置要件', '市行政审批服务局', '市财政局', '2027年6月末前'],
      ['2', '审批材料过多', '推行容缺审批', '市行政审批服务局', '', '尽快'],
    ]);
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().detail).toContain('第 3 行');
    expect(bad.json().errors[0].field).toBe('rows.3.完成时限');
    expect(await count('supervision_problems')).toBe(problems);

    const good = await importXlsx(sup, [
      ['1', '审批材料过多', '精简审批前置要件', '市行政审批服务局', '市财政局', '2027年6月末前'],
      ['2', '', '推行容缺审批', '市行政审批服务局、市人防办', '', '长期坚持'],
      ['3', '中介收费偏高', '清理中介服务收费', '市物价局', '', new Date(Date.UTC(2027, 11, 31))],
    ]);
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toMatchObject({ problems: 2, measures: 3, unmatchedUnits: [{ row: 3, name: '市人防办' }] });
    const detail = (await get(`/api/supervision/tasks/${good.json().problemIds[0]}`, sup)).json() as P;
    expect(detail.measures).toHaveLength(2);
    expect(detail.measures[0]).toMatchObject({
      leadDepartmentCode: 'PJ-XZSP',
      assistingDepartmentCodes: ['PJ-CZ'],
      deadline: '2027-06-30',
    });
    expect(detail.measures[1]).toMatchObject({ deadline: null, longTerm: true });
    const second = (await get(`/api/supervision/tasks/${good.json().problemIds[1]}`, sup)).json() as P;
    expect(second.measures[0]).toMatchObject({ leadDepartmentCode: 'PJ-FGW', deadline: '2027-12-31' });
    expect(await auditCount('tasks.problem.import')).toBe(2);

    const notXlsx = multipart('x.xlsx', Buffer.from('hello'), 'text/plain');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/tasks/import',
      headers: { ...sup, 'content-type': notXlsx.contentType },
      payload: notXlsx.payload,
    });
    expect(r.statusCode).toBe(400);
    expect((await importXlsx(await as('approver-city'), [['1', 'a', 'b', 'c', '', '长期']])).statusCode).toBe(403);
  });

  it('exports an Excel workbook with the breakdown columns', async () => {
    const sup = await as('supervisor');
    const res = await get('/api/supervision/tasks.xlsx', sup);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).text).toBe('整改措施');
    expect(ws.rowCount).toBeGreaterThan(37);
  });
});

/** The in-app messages of a kind, oldest first, with the recipient's username. */
const told = async (kind: string) =>
  (
    await sql<{ username: string; title: string; body: string }>`
      select u.username, m.title, m.body from messages m join users u on u.id = m.user_id where m.kind = ${kind} order by m.created_at, m.id`.execute(
      t.db,
    )
  ).rows;

describe('paging and filters in SQL', () => {
  it('pages problems in number order with the total, and filters long-term measures', async () => {
    const sup = await as('supervisor');
    const all = (await get('/api/supervision/tasks?pageSize=200', sup)).json() as { total: number; items: P[] };
    const page2 = (await get('/api/supervision/tasks?page=2&pageSize=5', sup)).json() as {
      total: number;
      page: number;
      items: P[];
    };
    expect(page2.total).toBe(all.total);
    expect(page2.page).toBe(2);
    expect(page2.items.map((p) => p.number)).toEqual(all.items.slice(5, 10).map((p) => p.number));
    expect((await get('/api/supervision/tasks?page=999&pageSize=5', sup)).json().items).toEqual([]);

    const longTerm = (await get('/api/supervision/tasks?longTerm=true&pageSize=200', sup)).json() as {
      total: number;
      items: P[];
    };
    const expected = all.items.filter((p) => p.measures.some((m) => m.longTerm));
    expect(longTerm.total).toBe(expected.length);
    expect(longTerm.items.flatMap((p) => p.measures).every((m) => m.longTerm)).toBe(true);
    expect(longTerm.items.flatMap((p) => p.measures).length).toBe(
      all.items.flatMap((p) => p.measures).filter((m) => m.longTerm).length,
    );
    const dated = (
      await get('/api/supervision/tasks?longTerm=false&departmentCode=PJ-CZ&pageSize=200', sup)
    ).json() as {
      items: P[];
    };
    expect(dated.items.flatMap((p) => p.measures).every((m) => !m.longTerm)).toBe(true);
    const bad = await get('/api/supervision/tasks?longTerm=maybe', sup);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('longTerm');
  });

  it('a keyword in a problem keeps all its measures; a keyword in one measure keeps that measure only', async () => {
    const sup = await as('supervisor');
    const p14 = ((await get('/api/supervision/tasks?pageSize=200', sup)).json().items as P[]).find(
      (p) => p.number === 14,
    )!;
    const byTitle = (
      await get(`/api/supervision/tasks?q=${encodeURIComponent(p14.title.slice(0, 6))}&pageSize=200`, sup)
    ).json().items as P[];
    expect(byTitle.find((p) => p.number === 14)!.measures).toHaveLength(p14.measures.length);
    const dept = await as('approver-city');
    const mine = (await get('/api/supervision/tasks?pageSize=200', dept)).json() as { total: number; items: P[] };
    const paged = (await get('/api/supervision/tasks?pageSize=1&page=1', dept)).json() as { total: number; items: P[] };
    expect(paged.total).toBe(mine.total);
    expect(paged.items[0]!.id).toBe(mine.items[0]!.id);
  });
});

describe('the lead department hears of urging and overdue marking', () => {
  it('an urging reaches the lead department staff, not the supervisor nor other departments', async () => {
    const sup = await as('supervisor');
    const created = await post('/api/supervision/tasks', sup, {
      title: '通知测试：窗口收件标准不统一',
      measures: [
        {
          content: '统一收件标准并公布',
          leadDepartmentCode: 'PJ-XZSP',
          assistingDepartmentCodes: ['PJ-ZWFW'],
          deadline: '2030-06-30',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id: mid } = created.json().measures[0] as { id: string };
    const before = (await told('tasks.measure.urged')).length;
    const urged = await post(`/api/supervision/measures/${mid}/urge`, sup, { note: '请于周五前报送' });
    expect(urged.statusCode, urged.body).toBe(200);
    const now = (await told('tasks.measure.urged')).slice(before);
    expect(now.map((m) => m.username).sort()).toEqual(['approver-city', 'chief-city']);
    expect(now[0]!.title).toBe(`【催办】督办事项 ${created.json().number}.1：通知测试：窗口收件标准不统一`);
    expect(now[0]!.body).toContain('督查人员赵监察催办：请于周五前报送');
    const inbox = (await get('/api/messages?unread=true', await as('chief-city'))).json().items as { kind: string }[];
    expect(inbox.some((m) => m.kind === 'tasks.measure.urged')).toBe(true);
  });

  it('the overdue job tells each marked measure’s lead staff once; a supervisor may mark one overdue now', async () => {
    const sup = await as('supervisor');
    const created = await post('/api/supervision/tasks', sup, {
      title: '通知测试：逾期',
      measures: [
        { content: '已过时限的措施', leadDepartmentCode: 'PJ-XZSP', deadline: '2020-01-31' },
        { content: '未到时限的措施', leadDepartmentCode: 'PJ-XZSP', deadline: '2099-12-31' },
        { content: '长期措施', leadDepartmentCode: 'PJ-XZSP', longTerm: true },
      ],
    });
    const [late, future, longTerm] = created.json().measures as { id: string }[];
    expect((await post(`/api/supervision/measures/${late!.id}/overdue`, await as('approver-city'))).statusCode).toBe(
      403,
    );
    expect((await post(`/api/supervision/measures/${future!.id}/overdue`, sup)).statusCode).toBe(422);
    const lt = await post(`/api/supervision/measures/${longTerm!.id}/overdue`, sup);
    expect(lt.statusCode).toBe(422);
    expect(lt.json().detail).toContain('没有具体完成时限');
    const before = (await told('tasks.measure.overdue')).length;
    const marked = await post(`/api/supervision/measures/${late!.id}/overdue`, sup);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ status: 'overdue', overdueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await post(`/api/supervision/measures/${late!.id}/overdue`, sup)).statusCode).toBe(409);
    const now = (await told('tasks.measure.overdue')).slice(before);
    expect(now.map((m) => m.username).sort()).toEqual(['approver-city', 'chief-city']);
    expect(now[0]!.title).toBe(`【逾期】督办事项 ${created.json().number}.1 已超过完成时限`);
    expect(await auditCount('tasks.measure.mark_overdue')).toBe(1);
    // The job marks nothing twice and so tells nobody twice.
    const n = await sweepOverdueMeasures(t.db, '2100-01-01');
    expect(n).toBeGreaterThanOrEqual(1);
    const afterJob = (await told('tasks.measure.overdue')).length;
    expect(await sweepOverdueMeasures(t.db, '2100-01-01')).toBe(0);
    expect((await told('tasks.measure.overdue')).length).toBe(afterJob);
  });
});

describe('report attachments and import preview', () => {
  it('a supervisor downloads a report attachment through the measure; others outside it get 404', async () => {
    const sup = await as('supervisor');
    const approver = await as('approver-city');
    const created = await post('/api/supervision/tasks', sup, {
      title: '附件测试',
      measures: [{ content: '报送附件', leadDepartmentCode: 'PJ-XZSP', deadline: '2030-01-31' }],
    });
    const mid = created.json().measures[0].id as string;
    const fileId = await upload(approver);
    const rep = await post(`/api/supervision/measures/${mid}/reports`, approver, {
      content: '附整改方案',
      fileIds: [fileId],
    });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(rep.json().reports[0].files).toEqual([
      { id: fileId, name: 'report.pdf', size: expect.any(Number), mediaType: 'application/pdf' },
    ]);
    const dl = await get(`/api/supervision/measures/${mid}/files/${fileId}?download=true`, sup);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(String(dl.headers['content-disposition'])).toContain('attachment');
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await upload(approver);
    expect((await get(`/api/supervision/measures/${mid}/files/${other}`, sup)).statusCode).toBe(404);
    expect(
      (await get(`/api/supervision/measures/${mid}/files/${fileId}`, await as('approver-county'))).statusCode,
    ).toBe(404);
    expect((await get(`/api/supervision/measures/${mid}/files/not-a-uuid`, sup)).statusCode).toBe(400);
  });

  it('a preview lists what would be imported and every bad row, and stores nothing', async () => {
    const sup = await as('supervisor');
    const problems = await count('supervision_problems');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务分解表');
    ws.addRow(['序号', '问题', '整改措施', '牵头单位', '配合单位', '完成时限']);
    ws.addRow(['1', '办事指南不准确', '全面核对办事指南', '市行政审批服务局、市人防办', '市财政局', '2027年3月末前']);
    ws.addRow(['2', '', '', '市行政审批服务局', '', '下个月']);
    const { payload, contentType } = multipart(
      '预览.xlsx',
      Buffer.from(await wb.xlsx.writeBuffer()),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/tasks/import/preview',
      headers: { ...sup, 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ rows: 2, measures: 1 });
    expect(body.problems[0]).toMatchObject({
      title: '办事指南不准确',
      measures: [
        {
          row: 2,
          leadDepartmentCodes: ['PJ-XZSP'],
          assistingDepartmentCodes: ['PJ-CZ'],
          unmatchedUnits: ['市人防办'],
          deadline: '2027-03-31',
          longTerm: false,
        },
      ],
    });
    expect(body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '3:整改措施',
      '3:完成时限',
    ]);
    expect(body.errors[1].message).toContain('第 3 行：完成时限“下个月”无法识别');
    expect(await count('supervision_problems')).toBe(problems);
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/supervision/tasks/import/preview',
      headers: { ...(await as('approver-city')), 'content-type': contentType },
      payload,
    });
    expect(denied.statusCode).toBe(403);
  });
});
