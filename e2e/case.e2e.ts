import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { act, launch, pickOption, POLL, settle, signedIn } from './browser';
import { SAMPLE_PDF } from '../test/api-client';

const COMPANY_REGISTRATION = '2111-XK-00003'; // 企业设立登记: promised, decided by the city 行政审批服务局
const INDIVIDUAL_BUSINESS = '2111-XK-00001'; // 个体工商户设立登记: immediate (即办件)
const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(SAMPLE_PDF) });

async function fillField(page: Page, prefix: string, key: string, value: string) {
  await page.getByTestId(`${prefix}-${key}`).fill(value);
}

describe('the case 办件', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('apply online → correction → resubmit → accept → review → grant → certificate → delivery → completed', async () => {
    // The company applies online.
    const company = await signedIn(browser, 'company');
    await company.goto(`/items/${COMPANY_REGISTRATION}`);
    await company.getByTestId('apply-start').click();
    await company.getByTestId('apply-form').waitFor();
    await fillField(company, 'apply-field', 'companyName', '盘锦示范科技有限公司');
    await fillField(company, 'apply-field', 'creditCode', '91211103MA0Y8K2P7J');
    await fillField(company, 'apply-field', 'legalRepresentative', '王立新');
    await fillField(company, 'apply-field', 'contactPhone', '13904270000');
    await fillField(company, 'apply-field', 'address', '辽宁省盘锦市兴隆台区惠宾街1号');
    await fillField(company, 'apply-field', 'enterpriseName', '盘锦示范新材料有限公司');
    await fillField(company, 'apply-field', 'registeredCapital', '100');
    await pickOption(company, 'apply-field-enterpriseType', '有限责任公司');
    await fillField(company, 'apply-field', 'businessScope', '新材料技术研发；技术服务');
    for (const m of ['m1', 'm2', 'm3', 'm4', 'm5']) {
      await company
        .getByTestId(`material-upload-${m}`)
        .locator('input[type=file]')
        .setInputFiles(pdf(`${m}.pdf`));
      await company.getByTestId(`material-${m}`).getByTestId('uploaded-file').waitFor();
    }
    await company.getByTestId('apply-submit').click();
    await company.waitForURL(/\/my\/cases\/[0-9a-f-]{36}/);
    const caseId = /\/my\/cases\/([0-9a-f-]{36})/.exec(company.url())![1]!;
    const number = await company.getByTestId('case-number').innerText();
    expect(await company.getByTestId('case-status').getAttribute('data-status')).toBe('submitted');

    // The city window finds it in its inbox and sends one complete correction notice (一次性告知).
    const clerk = await signedIn(browser, 'clerk-city');
    await clerk.goto('/workbench');
    await clerk.getByTestId(`wb-case-${number.trim()}`).waitFor();
    await clerk.goto(`/workbench/cases/${caseId}`);
    // the verdict is saved at once, the problem's words once the clerk pauses; the step below reloads the page
    const checkSaved = () =>
      clerk.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/checks/m2'));
    const verdictSaved = checkSaved();
    await clerk.getByTestId('check-m2-problem').click();
    await verdictSaved;
    const noteSaved = checkSaved();
    await clerk.getByTestId('check-m2-note').fill('公司章程缺少全体股东签字');
    expect((await noteSaved).ok()).toBe(true);
    await act(clerk, caseId, 'request-correction', 'correction_requested');

    // The applicant sees what is wrong, replaces the file and resubmits.
    await company.goto(`/my/cases/${caseId}`);
    await company.getByTestId('case-correction').waitFor();
    expect(await company.getByTestId('case-correction').innerText()).toContain('全体股东签字');
    const m2 = company.getByTestId('correction-m2');
    if (await m2.getByTestId('file-remove').count()) {
      await m2.getByTestId('file-remove').first().click();
      await company.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    }
    await company
      .getByTestId('correction-upload-m2')
      .locator('input[type=file]')
      .setInputFiles(pdf('公司章程（签字版）.pdf'));
    await m2.getByTestId('uploaded-file').first().waitFor();
    await company.getByTestId('case-resubmit').click();
    await expect.poll(() => company.getByTestId('case-status').getAttribute('data-status'), POLL).toBe('submitted');

    // Acceptance starts the clock; the back office reviews, the chief grants, the window issues and delivers.
    await act(clerk, caseId, 'accept', 'accepted');
    expect(await clerk.locator('[data-testid^="deadline-"]').first().getAttribute('data-state')).toMatch(
      /on_time|near/,
    );
    const approver = await signedIn(browser, 'approver-city');
    await act(approver, caseId, 'review-pass', 'reviewed');
    const chief = await signedIn(browser, 'chief-city');
    await act(chief, caseId, 'grant', 'granted');
    // 统一出件: the granted case now waits at the exit counter, not at the front desk.
    await clerk.goto('/workbench');
    await clerk.getByTestId('wb-counter-exit').click();
    await clerk.getByTestId(`wb-case-${number.trim()}`).waitFor();
    await clerk.getByTestId('wb-counter-front').click();
    await expect.poll(() => clerk.getByTestId(`wb-case-${number.trim()}`).count(), POLL).toBe(0);
    await act(clerk, caseId, 'issue-certificate', 'certificate_issued');
    await act(clerk, caseId, 'deliver', 'completed', async (p) => {
      await p.getByTestId('action-delivery-window').click();
    });

    // The applicant sees it completed and downloads the decision.
    await company.goto(`/my/cases/${caseId}`);
    expect(await company.getByTestId('case-status').getAttribute('data-status')).toBe('completed');
    const href = await company.getByTestId('case-doc-grant_decision').first().getAttribute('href');
    expect(href).toBeTruthy();
    const decision = await company.request.get(href!);
    expect(decision.status()).toBe(200);
    expect((await decision.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const history = await company.getByTestId('case-history').innerText();
    for (const label of ['补正', '受理', '准予']) expect(history).toContain(label);
    for (const p of [company, clerk, approver, chief]) await p.context().close();
  });

  it('an immediate item (即办件) is registered, decided and delivered at the window in one visit', async () => {
    const clerk = await signedIn(browser, 'clerk-city');
    await clerk.goto('/workbench/cases/new');
    await clerk.getByTestId('wr-form').waitFor();
    await clerk.getByTestId('wr-applicant-kind-person').click();
    await clerk.getByTestId('wr-applicant-name').fill('刘晓梅');
    await clerk.getByTestId('wr-applicant-id-number').fill('11010519491231002X');
    await clerk.getByTestId('wr-applicant-phone').fill('13604271234');
    await clerk.getByTestId('wr-item').click();
    await clerk.keyboard.type('个体工商户');
    await clerk
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '个体工商户设立登记' })
      .first()
      .click();
    await fillField(clerk, 'wr-field', 'address', '辽宁省盘锦市双台子区红旗大街8号');
    await fillField(clerk, 'wr-field', 'businessName', '晓梅便利店');
    await fillField(clerk, 'wr-field', 'businessScope', '日用百货零售');
    await pickOption(clerk, 'wr-field-organizationForm', '个人经营');
    await fillField(clerk, 'wr-field', 'capital', '5');
    await fillField(clerk, 'wr-field', 'premises', '辽宁省盘锦市双台子区红旗大街8号');
    for (const m of ['m1', 'm2', 'm3']) await clerk.getByTestId(`material-paper-${m}`).click();
    await clerk.getByTestId('wr-submit').click();
    await clerk.getByTestId('wr-one-visit').waitFor();
    const number = (await clerk.getByTestId('wr-case-number').innerText()).trim();
    expect(number).toMatch(/^\d{6}-\d{8}-\d{6}$/);

    for (const [action, status] of [
      ['accept', 'accepted'],
      ['grant', 'granted'],
      ['issue-certificate', 'certificate_issued'],
      ['deliver', 'completed'],
    ] as const) {
      await clerk.getByTestId(`action-${action}`).click();
      if (action === 'deliver') await clerk.getByTestId('action-delivery-window').click();
      await clerk.getByTestId('action-confirm').click();
      await settle(clerk, () =>
        expect.poll(() => clerk.getByTestId('case-status').first().getAttribute('data-status'), POLL).toBe(status),
      );
    }
    expect(await clerk.getByTestId('case-doc-certificate').count()).toBeGreaterThan(0);
    const found = (await (await clerk.request.get(`/api/cases?view=all&q=${number}`)).json()) as {
      items: { id: string; itemCode: string; status: string }[];
    };
    expect(found.items[0]).toMatchObject({ itemCode: INDIVIDUAL_BUSINESS, status: 'completed' });

    // Same day, one visit: the public progress query shows it finished today, with nothing personal.
    const { trackingCode } = (await (await clerk.request.get(`/api/cases/${found.items[0]!.id}`)).json()) as {
      trackingCode: string;
    };
    const track = await clerk.request.get(`/api/track?number=${number}&code=${trackingCode}`);
    expect(track.status()).toBe(200);
    const body = (await track.json()) as { status: string; finishedOn: string; submittedOn: string };
    expect(body.status).toBe('completed');
    expect(body.finishedOn).toBe(body.submittedOn);
    expect(JSON.stringify(body)).not.toContain('刘晓梅');
    await clerk.context().close();
  });
});
