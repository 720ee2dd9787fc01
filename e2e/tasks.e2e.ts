import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, POLL, settle, signedIn } from './browser';
import ExcelJS from 'exceljs';
import { SAMPLE_PDF } from '../test/api-client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A task breakdown table 任务分解表 with the given data rows. */
async function breakdown(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow(['序号', '问题', '整改措施', '牵头单位', '配合单位', '完成时限']);
  for (const r of rows) ws.addRow(r);
  return { name: '任务分解表.xlsx', mimeType: XLSX, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}

interface M {
  id: string;
  number: number;
  leadDepartmentCode: string | null;
  status: string;
}
interface P {
  id: string;
  number: number;
  title: string;
  measures: M[];
}

describe('督查督办 tasks', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a supervisor urges a measure; the lead department hears of it, reports with an attachment; the supervisor reads the report', async () => {
    const supervisor = await signedIn(browser, 'supervisor');
    // A seed-004 measure led by the city 行政审批服务局 (approver-city's department).
    const list = (await (
      await supervisor.request.get('/api/supervision/tasks?departmentCode=PJ-XZSP&status=open&pageSize=200')
    ).json()) as { items: P[] };
    const problem = list.items.find((p) => p.measures.some((m) => m.leadDepartmentCode === 'PJ-XZSP'))!;
    const measure = problem.measures.find((m) => m.leadDepartmentCode === 'PJ-XZSP')!;
    const card = `tk-measure-${problem.number}-${measure.number}`;

    // The supervisor finds the problem in 督查督办 and urges the measure.
    await supervisor.goto('/supervision');
    await supervisor.getByTestId('sv-menu-tasks').click();
    await supervisor.getByTestId('tk-table').waitFor();
    await supervisor.getByTestId('tk-search').fill(problem.title.slice(0, 8));
    await supervisor.getByTestId(`tk-row-${problem.number}`).click();
    await supervisor.getByTestId(card).waitFor();
    await supervisor.getByTestId(`tk-urge-${problem.number}-${measure.number}`).click();
    await supervisor.getByTestId('tk-dialog-note').fill('请于本周五前报送整改进展及佐证材料');
    await supervisor.getByTestId('tk-dialog-submit').click();
    await settle(supervisor, async () => {
      await expect
        .poll(() => supervisor.getByTestId(card).getByTestId('tk-urge-count').getAttribute('data-count'), POLL)
        .toBe('1');
    });
    await expect(
      supervisor.getByTestId(`tk-urgings-${problem.number}-${measure.number}`).innerText(),
    ).resolves.toContain('请于本周五前报送整改进展及佐证材料');

    // The lead department's staff see the urging among their messages.
    const approver = await signedIn(browser, 'approver-city');
    await approver.goto('/my/messages');
    await approver.getByTestId('messages-list').waitFor();
    const urged = approver
      .locator('[data-testid^="message-"]')
      .filter({ hasText: `【催办】督办事项 ${problem.number}.${measure.number}` });
    await expect.poll(() => urged.count(), POLL).toBeGreaterThan(0);
    await expect(urged.first().innerText()).resolves.toContain('请于本周五前报送整改进展及佐证材料');

    // 我的督办: they open the problem and report progress with an attachment.
    await approver.goto('/workbench');
    await approver.getByTestId('wb-tasks-link').click();
    await approver.getByTestId(`tk-measure-row-${problem.number}-${measure.number}`).click();
    const mine = approver.getByTestId(card);
    await mine.waitFor();
    await mine.getByTestId('tk-report-text').fill('已完成流程梳理，精简申请材料 12 项，方案附后');
    await mine
      .getByTestId('tk-report-files')
      .locator('input[type=file]')
      .setInputFiles({ name: '整改方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from(SAMPLE_PDF) });
    await expect.poll(() => mine.getByTestId('uploaded-file').count(), POLL).toBe(1);
    await mine.getByTestId('tk-report-submit').click();
    await settle(approver, async () => {
      await expect.poll(() => mine.getByTestId('tk-report').count(), POLL).toBe(1);
    });

    // The supervisor sees the report and downloads its attachment.
    await supervisor.reload();
    const report = supervisor.getByTestId(card).getByTestId('tk-report');
    await report.waitFor();
    await expect(report.getByTestId('tk-report-content').innerText()).resolves.toContain(
      '已完成流程梳理，精简申请材料 12 项',
    );
    const file = report.getByTestId('tk-report-file');
    await expect(file.innerText()).resolves.toContain('整改方案.pdf');
    const res = await supervisor.request.get((await file.getAttribute('href'))!);
    expect(res.status()).toBe(200);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    for (const p of [supervisor, approver]) await p.context().close();
  });

  it('a breakdown table with a bad row is refused in the preview; the corrected one is imported', async () => {
    const supervisor = await signedIn(browser, 'supervisor');
    await supervisor.goto('/supervision/tasks');
    await supervisor.getByTestId('tk-import-open').click();
    const input = supervisor.getByTestId('tk-import-file').locator('input[type=file]');
    await input.setInputFiles(
      await breakdown([
        [
          '1',
          '证照办理信息公开不全',
          '公开证照办理进度查询渠道',
          '市行政审批服务局',
          '市政务服务中心',
          '2027年6月末前',
        ],
        ['2', '', '建立办理结果主动告知机制', '市行政审批服务局', '', '尽快'],
      ]),
    );
    const summary = supervisor.getByTestId('tk-import-summary');
    await expect.poll(() => summary.getAttribute('data-errors'), POLL).toBe('1');
    await expect(supervisor.getByTestId('tk-import-error-3').innerText()).resolves.toContain('完成时限“尽快”无法识别');
    await expect(supervisor.getByTestId('tk-import-confirm').isDisabled()).resolves.toBe(true);

    await input.setInputFiles(
      await breakdown([
        [
          '1',
          '证照办理信息公开不全',
          '公开证照办理进度查询渠道',
          '市行政审批服务局',
          '市政务服务中心',
          '2027年6月末前',
        ],
        ['2', '', '建立办理结果主动告知机制', '市行政审批服务局', '', '长期坚持'],
      ]),
    );
    await expect.poll(() => summary.getAttribute('data-errors'), POLL).toBe('0');
    await expect(summary.getAttribute('data-measures')).resolves.toBe('2');
    await supervisor.getByTestId('tk-import-confirm').click();
    // One problem imported: its detail opens with both measures.
    const detail = supervisor.getByTestId('tk-detail');
    await detail.waitFor();
    await expect(detail.innerText()).resolves.toContain('证照办理信息公开不全');
    await expect
      .poll(() => supervisor.locator('[data-testid^="tk-measure-"][data-status="open"]').count(), POLL)
      .toBe(2);
    await supervisor.context().close();
  });
});
