import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
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
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(headers: H): Promise<string> {
  const pdf = Buffer.from(`%PDF-1.4\n% report ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
  const { payload, contentType } = multipart('report.pdf', pdf, 'application/pdf');
  const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, 'content-type': contentType }, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function importXlsx(headers: H, rows: (string | Date)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow(['序号', '问题', '整改措施', '牵头单位', '配合单位', '完成时限']);
  for (const r of rows) ws.addRow(r);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const { payload, contentType } = multipart('分解表.xlsx', buf, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return t.app.inject({ method: 'POST', url: '/api/supervision/tasks/import', headers: { ...headers, 'content-type': contentType }, payload });
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
    expect(p3.measures[0]!.unmatchedUnits).toEqual(expect.arrayContaining(['双台子区政府', '兴隆台区政府', '市人防办']));
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
      for (const m of p.measures) expect([m.leadDepartmentCode, ...m.coLeadDepartmentCodes, ...m.assistingDepartmentCodes]).toContain('PJ-XZSP');
    const outside = (await get('/api/supervision/tasks?pageSize=200', await as('supervisor'))).json().items.find((p: P) => p.number === 7) as P;
    expect((await get(`/api/supervision/tasks/${outside.id}`, approver)).statusCode).toBe(404);
    expect((await get('/api/supervision/tasks', await as('applicant'))).statusCode).toBe(403);
  });

  it('filters by department, keyword and status; rejects a bad status', async () => {
    const sup = await as('supervisor');
    const byDept = (await get('/api/supervision/tasks?department=PJ-CZ&pageSize=200', sup)).json() as { items: P[] };
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
    const mine = (await get('/api/supervision/tasks?department=PJ-XZSP&pageSize=200', approver)).json().items as P[];
    const m = mine.flatMap((p) => p.measures).find((x) => x.leadDepartmentCode === 'PJ-XZSP')!;
    expect(m).toBeTruthy();

    const fileId = await upload(approver);
    const foreign = await upload(sup);
    const bad = await post(`/api/supervision/measures/${m.id}/reports`, approver, { content: '已完成流程梳理', fileIds: [foreign] });
    expect(bad.statusCode).toBe(400);
    const rep = await post(`/api/supervision/measures/${m.id}/reports`, approver, { content: '已完成流程梳理', fileIds: [fileId] });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(rep.json().reports[0]).toMatchObject({ content: '已完成流程梳理', fileIds: [fileId], final: false });

    expect((await post(`/api/supervision/measures/${m.id}/urge`, approver, { note: '请加快' })).statusCode).toBe(403);
    const urged = await post(`/api/supervision/measures/${m.id}/urge`, sup, { note: '请于本周内报送整改结果' });
    expect(urged.statusCode, urged.body).toBe(200);
    expect(urged.json().urgeCount).toBe(1);
    expect(urged.json().urgings[0].note).toBe('请于本周内报送整改结果');

    const acc = await post(`/api/supervision/measures/${m.id}/accountability`, sup, { note: '未按时限完成，约谈主要负责人' });
    expect(acc.statusCode, acc.body).toBe(200);
    expect(acc.json().accountability.note).toBe('未按时限完成，约谈主要负责人');

    const done = await post(`/api/supervision/measures/${m.id}/complete`, approver, { content: '整改完成，报告附后', fileIds: [] });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    expect(done.json().reports.at(-1).final).toBe(true);
    expect((await post(`/api/supervision/measures/${m.id}/reports`, approver, { content: '补充' })).statusCode).toBe(409);
    expect(await auditCount('tasks.measure.complete')).toBe(1);
    expect(await auditCount('tasks.measure.report')).toBe(1);
  });

  it('an assisting department may report but not complete', async () => {
    const approver = await as('approver-city');
    // co-leads may complete too; only a purely assisting department may not.
    const sup = await as('supervisor');
    const created = await post('/api/supervision/tasks', sup, {
      title: '测试问题：跨部门协同不畅',
      measures: [{ content: '建立协同机制', leadDepartmentCode: 'PJ-CZ', assistingDepartmentCodes: ['PJ-XZSP'], deadline: '2030-12-31' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const mid = created.json().measures[0].id as string;
    expect((await post(`/api/supervision/measures/${mid}/reports`, approver, { content: '配合部门已提供数据' })).statusCode).toBe(201);
    expect((await post(`/api/supervision/measures/${mid}/complete`, approver, { content: '完成' })).statusCode).toBe(403);
    const bad = await post('/api/supervision/tasks', sup, { title: 'x', measures: [{ content: 'y', leadDepartmentCode: 'PJ-NOPE', longTerm: true }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('measures.0.leadDepartmentCode');
    expect((await post('/api/supervision/tasks', approver, { title: 'x', measures: [{ content: 'y', leadDepartmentCode: 'PJ-CZ', longTerm: true }] })).statusCode).toBe(403);
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
    const p7 = (await get('/api/supervision/tasks?department=PJ-CZ&pageSize=200', sup)).json().items.find((p: P) => p.number === 7) as P;
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
    expect(detail.measures[0]).toMatchObject({ leadDepartmentCode: 'PJ-XZSP', assistingDepartmentCodes: ['PJ-CZ'], deadline: '2027-06-30' });
    expect(detail.measures[1]).toMatchObject({ deadline: null, longTerm: true });
    const second = (await get(`/api/supervision/tasks/${good.json().problemIds[1]}`, sup)).json() as P;
    expect(second.measures[0]).toMatchObject({ leadDepartmentCode: 'PJ-FGW', deadline: '2027-12-31' });
    expect(await auditCount('tasks.problem.import')).toBe(2);

    const notXlsx = multipart('x.xlsx', Buffer.from('hello'), 'text/plain');
    const r = await t.app.inject({ method: 'POST', url: '/api/supervision/tasks/import', headers: { ...sup, 'content-type': notXlsx.contentType }, payload: notXlsx.payload });
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
