import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { act, launch, newPage, pickOption, POLL, settle, signIn, signedIn } from './browser';
import { restartServer } from './server';
import { SAMPLE_PDF } from '../test/api-client';

/** How far the clock jumps: past the promised date the clerk picks (a week ahead by default). */
const SHIFT_DAYS = 10;
const FAKE_CLOCK = path.resolve('e2e/fake-clock.mjs');
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(SAMPLE_PDF) });

/**
 * The server restarted on the same data, its wall clock `days` ahead (0: the real clock). While ahead it
 * runs no background jobs: a supervision sweep would raise cards dated in the future on every open case
 * of the shared journey data, which later journeys would then meet.
 */
async function serverDaysAhead(days: number) {
  await restartServer(
    days
      ? {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${FAKE_CLOCK}`.trim(),
          E2E_CLOCK_SHIFT_DAYS: String(days),
          MODULE_JOBS: '0',
        }
      : {},
  );
}

/** A signed-in page whose browser clock runs `days` ahead too, so that pickers default to the server's "today". */
async function signedInAhead(browser: Browser, username: string, days: number): Promise<Page> {
  const page = await newPage(browser);
  await page.clock.install({ time: new Date(Date.now() + days * 86_400_000) });
  await signIn(page, username);
  return page;
}

const rowState = (page: Page, testId: string) => page.getByTestId(testId).first().getAttribute('data-state');

describe('容缺受理: the promise goes overdue, the material is supplied, the certificate is issued and sent', () => {
  let browser: Browser;
  let shifted = false;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    // Later journeys run against the real clock.
    if (shifted) await serverDaysAhead(0);
  });

  it('accept with one material missing → overdue in red → applicant supplies it → batch certificate → express waybill → receipt', async () => {
    // A retry starts again on today's clock.
    if (shifted) {
      await serverDaysAhead(0);
      shifted = false;
    }
    // The city window registers 张明's 个体工商户设立登记 (即办件); the premises proof (m3) is missing.
    const clerk = await signedIn(browser, 'clerk-city');
    await clerk.goto('/workbench/cases/new');
    await clerk.getByTestId('wr-form').waitFor();
    await clerk.getByTestId('wr-applicant-kind-person').click();
    await clerk.getByTestId('wr-applicant-name').fill('张明');
    await clerk.getByTestId('wr-applicant-id-number').fill('211103199001011234');
    await clerk.getByTestId('wr-applicant-phone').fill('13804271234');
    await clerk.getByTestId('wr-item').click();
    await clerk.keyboard.type('个体工商户');
    await clerk
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '个体工商户设立登记' })
      .first()
      .click();
    await clerk.getByTestId('wr-field-address').fill('辽宁省盘锦市兴隆台区振兴街道世纪社区3号楼');
    await clerk.getByTestId('wr-field-businessName').fill('张明日用百货店');
    await clerk.getByTestId('wr-field-businessScope').fill('日用百货零售');
    await pickOption(clerk, 'wr-field-organizationForm', '个人经营');
    await clerk.getByTestId('wr-field-capital').fill('3');
    await clerk.getByTestId('wr-field-premises').fill('辽宁省盘锦市兴隆台区振兴街道世纪社区底商8号');
    for (const m of ['m1', 'm2']) await clerk.getByTestId(`material-paper-${m}`).click();
    await clerk.getByTestId('wr-submit').click();
    await clerk.getByTestId('wr-one-visit').waitFor();
    const number = (await clerk.getByTestId('wr-case-number').innerText()).trim();
    await clerk.getByTestId('wr-open-case').click();
    await clerk.waitForURL(/\/workbench\/cases\/[0-9a-f-]{36}/);
    const caseId = /\/workbench\/cases\/([0-9a-f-]{36})/.exec(clerk.url())![1]!;

    // 容缺受理: the dialog lists the material still owed; the promised date defaults to a week ahead.
    let dueDate = '';
    await act(clerk, caseId, 'accept', 'accepted', async (p) => {
      await expect
        .poll(() => p.getByTestId('action-deferred').getByText('经营场所使用证明').count(), POLL)
        .toBeGreaterThan(0);
      dueDate = await p.getByTestId('action-deferred-0-date').inputValue();
    });
    expect(dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await rowState(clerk, 'case-promise-m3')).toBe('open');
    expect(await clerk.getByTestId('case-promises').getAttribute('data-overdue')).toBe('false');
    await act(clerk, caseId, 'grant', 'granted');

    // 统一出件: the granted case waits in the to-issue queue, but the open promise blocks its certificate.
    await clerk.goto('/workbench');
    await clerk.getByTestId('wb-issuing-link').click();
    await clerk.getByTestId('iss-page').waitFor();
    await clerk.getByTestId('iss-queue-search').fill(number);
    await clerk.getByTestId(`iss-row-${number}`).waitFor();
    await clerk.getByTestId(`iss-row-${number}`).locator('input[type=checkbox]').check();
    await clerk.getByTestId('iss-batch-issue').click();
    await clerk.getByTestId('iss-batch-confirm').click();
    await clerk.getByTestId('iss-batch-summary').waitFor();
    expect(await clerk.getByTestId('iss-batch-summary').getAttribute('data-failed')).toBe('1');
    expect(await clerk.getByTestId(`iss-batch-item-${number}`).innerText()).toContain('容缺');
    await clerk.getByTestId('iss-batch-close').click();
    await clerk.context().close();

    // Days pass: the server comes back with its clock past the promised date (the browser's too).
    shifted = true;
    await serverDaysAhead(SHIFT_DAYS);

    // The promise is overdue: red on the workbench list and on the case.
    const clerkLater = await signedInAhead(browser, 'clerk-city', SHIFT_DAYS);
    await clerkLater.goto('/workbench');
    await clerkLater.getByTestId('wb-promises-link').click();
    const row = clerkLater.getByTestId(`promise-${number}-m3`);
    await settle(clerkLater, () => row.waitFor());
    expect(await row.getAttribute('data-state')).toBe('overdue');
    expect(await row.getAttribute('class')).toContain('row-overdue');
    expect(await row.getByTestId('promise-overdue').innerText()).toBe(dueDate);
    await row.click();
    await clerkLater.waitForURL(new RegExp(`/workbench/cases/${caseId}`));
    expect(await clerkLater.getByTestId('case-promises').getAttribute('data-overdue')).toBe('true');
    expect(await rowState(clerkLater, 'case-promise-m3')).toBe('overdue');
    expect(await clerkLater.getByTestId('case-promise-m3').getByTestId('promise-overdue').innerText()).toContain(
      dueDate,
    );

    // The applicant sees it overdue too and supplies the material online.
    const zhang = await signedInAhead(browser, 'applicant', SHIFT_DAYS);
    await zhang.goto(`/my/cases/${caseId}`);
    await zhang.getByTestId('case-promises').waitFor();
    expect(await zhang.getByTestId('case-promises').getAttribute('data-overdue')).toBe('true');
    await zhang.getByTestId('supply-m3').click();
    await zhang.getByTestId('supply-m3-upload').locator('input[type=file]').setInputFiles(pdf('经营场所租赁合同.pdf'));
    await zhang.getByTestId('supply-m3-upload').getByTestId('uploaded-file').waitFor();
    await zhang.getByTestId('supply-m3-submit').click();
    await settle(zhang, () => expect.poll(() => rowState(zhang, 'case-promise-m3'), POLL).toBe('fulfilled'));
    expect(await zhang.getByTestId('case-promises').getAttribute('data-overdue')).toBe('false');
    await zhang.context().close();

    // No longer overdue on the workbench; the certificate is issued in a batch and printed.
    await clerkLater.goto('/workbench/promises');
    await clerkLater.getByTestId('wb-promises').waitFor();
    await expect.poll(() => clerkLater.getByTestId(`promise-${number}-m3`).count(), POLL).toBe(0);
    await clerkLater.goto('/workbench/issuing');
    await clerkLater.getByTestId('iss-queue-search').fill(number);
    await clerkLater.getByTestId(`iss-row-${number}`).locator('input[type=checkbox]').check();
    await clerkLater.getByTestId('iss-batch-issue').click();
    await clerkLater.getByTestId('iss-batch-confirm').click();
    await clerkLater.getByTestId('iss-batch-summary').waitFor();
    expect(await clerkLater.getByTestId('iss-batch-summary').getAttribute('data-succeeded')).toBe('1');
    for (const testId of [`iss-batch-print-${number}`, 'iss-batch-list']) {
      const href = await clerkLater.getByTestId(testId).getAttribute('href');
      const res = await clerkLater.request.get(href!);
      expect(res.status(), testId).toBe(200);
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    await clerkLater.getByTestId('iss-batch-close').click();

    // 快递送达: a free EMS waybill delivers the case; the list masks the phone; dispatch, then the receipt.
    await clerkLater.getByTestId('iss-tab-to_deliver').click();
    await clerkLater.getByTestId(`iss-express-${number}`).click();
    await pickOption(clerkLater, 'iss-waybill-carrier', '顺丰速运');
    await clerkLater.getByTestId('iss-waybill-name').fill('张明');
    await clerkLater.getByTestId('iss-waybill-phone').fill('13804271234');
    await clerkLater.getByTestId('iss-waybill-address').fill('辽宁省盘锦市兴隆台区振兴街道世纪社区3号楼2单元');
    await clerkLater.getByTestId('iss-waybill-save').click();
    await settle(clerkLater, () =>
      expect.poll(() => clerkLater.getByTestId(`iss-express-${number}`).count(), POLL).toBe(0),
    );

    await clerkLater.getByTestId('iss-tab-waybills').click();
    await clerkLater.getByTestId('iss-waybills-search').fill(number);
    const waybill = clerkLater.locator('[data-testid^="iss-waybill-SF"]').first();
    await waybill.waitFor();
    const tracking = (await waybill.getAttribute('data-testid'))!.replace('iss-waybill-', '');
    expect(tracking).toMatch(/^SF\d{14}$/);
    expect(await waybill.innerText()).toContain('138****1234');
    await clerkLater.getByTestId(`iss-dispatch-${tracking}`).click();
    await clerkLater.getByTestId('iss-dispatch-confirm').click();
    await expect.poll(() => waybill.getAttribute('data-status'), POLL).toBe('dispatched');
    await clerkLater.getByTestId(`iss-receipt-${tracking}`).click();
    await clerkLater.getByTestId('iss-move-save').click();
    await settle(clerkLater, () => expect.poll(() => waybill.getAttribute('data-status'), POLL).toBe('delivered'));

    // The case is completed by express; the statistics count one free delivery.
    const c = (await (await clerkLater.request.get(`/api/cases/${caseId}`)).json()) as {
      status: string;
      promiseOverdue: boolean;
    };
    expect(c).toMatchObject({ status: 'completed', promiseOverdue: false });
    await clerkLater.getByTestId('iss-tab-stats').click();
    await clerkLater.getByTestId('iss-stats-table').waitFor();
    expect(await clerkLater.getByTestId('iss-stat-free').innerText()).toMatch(/[1-9]/);
    const xlsx = await clerkLater.request.get((await clerkLater.getByTestId('iss-stats-export').getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
    await clerkLater.context().close();
  }, 300_000);
});
