import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { act, BASE_URL, launch, pickOption, POLL, settle, signedIn } from './browser';
import { ApiClient, SAMPLE_PDF, type CaseState } from '../test/api-client';

const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(SAMPLE_PDF) });

interface LinkedCase {
  id: string;
  number: string;
  itemCode: string;
  status: string;
}
interface Tracking {
  status: string;
  completedCount: number;
  cases: LinkedCase[];
}

/** Opens the workbench queue at one counter (受审分离: front desk, back office, exit counter) and counts the case's rows once it has loaded. */
async function atCounter(page: Page, counter: 'front' | 'back' | 'exit', number: string) {
  const loaded = page.waitForResponse(
    (r) => r.url().includes('/api/cases?') && r.url().includes(`counter=${counter}`) && r.ok(),
  );
  await page.goto(`/workbench?counter=${counter}`);
  await loaded;
  await expect.poll(() => page.getByTestId('wb-inbox').locator('.ant-spin-spinning').count(), POLL).toBe(0);
  return page.getByTestId(`wb-case-${number}`).count();
}

/** The next action along the path to completion, by status (a 即办件 is granted at the window right after acceptance). */
const NEXT: Record<string, string[]> = {
  submitted: ['accept'],
  accepted: ['review-pass', 'grant'],
  site_inspection: ['inspection-pass'],
  reviewed: ['grant'],
  granted: ['issue-certificate'],
  certificate_issued: ['deliver'],
};
type WithActions = CaseState & { availableActions: { action: string }[] };

/** Takes one case to completion through the API, each step by whichever of `staff` may take it. */
async function completeThroughApi(id: string, staff: ApiClient[]) {
  for (let step = 0; step < 8; step++) {
    let taken = false;
    for (const who of staff) {
      const c = await who.get<WithActions>(`/api/cases/${id}`);
      if (c.status === 'completed') return;
      const action = (NEXT[c.status] ?? []).find((a) => c.availableActions.some((x) => x.action === a));
      if (!action) continue;
      await who.act(c, action, action === 'deliver' ? { delivery: { method: 'window' } } : {});
      taken = true;
      break;
    }
    if (!taken) throw new Error(`nobody may move case ${id} on`);
  }
  expect((await staff[0]!.get<CaseState>(`/api/cases/${id}`)).status).toBe('completed');
}

describe('one window 一件事一次办 and 综合窗口', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a company start-up bundle goes from one form to four completed linked cases', async () => {
    // The company finds 企业开办 on the portal home and files it with one form and one set of materials.
    const company = await signedIn(browser, 'company');
    await company.goto('/');
    await company.getByTestId('bundle-apply-company-startup').click();
    await company.getByTestId('bundle-form').waitFor();
    expect(await company.getByTestId('bundle-items').locator('tr.ant-table-row').count()).toBe(4);
    const departments = await company.getByTestId('bundle-departments').innerText();
    for (const d of ['行政审批服务局', '市场监督管理局', '商务局']) expect(departments).toContain(d);
    const counted = company.getByTestId('bundle-material-count');
    expect(await counted.innerText()).toBe('共需材料 22 份，合并后 19 份');
    expect(Number(await company.getByTestId('bundle-promised').getAttribute('data-days'))).toBe(5);
    // 营业执照, asked by three items, is handed in once
    expect(await company.getByTestId('bundle-material-used-b8').getAttribute('data-count')).toBe('3');

    // the account's own name is filled in; 企业名称 is the same information and may stay blank
    expect(await company.getByTestId('apply-field-companyName').inputValue()).toBe('盘锦辽河示范科技有限公司');
    await company.getByTestId('apply-field-creditCode').fill('91211103MA0Y8K2P7J');
    await company.getByTestId('apply-field-legalRepresentative').fill('王立新');
    await company.getByTestId('apply-field-contactPhone').fill('13904270000');
    await company.getByTestId('apply-field-address').fill('辽宁省盘锦市兴隆台区惠宾街1号');
    await company.getByTestId('apply-field-registeredCapital').fill('100');
    await pickOption(company, 'apply-field-enterpriseType', '有限责任公司');
    await company.getByTestId('apply-field-businessScope').fill('餐饮服务；热食类食品制售');
    await company.getByTestId('apply-field-businessPremises').fill('辽宁省盘锦市兴隆台区惠宾街1号');
    await pickOption(company, 'apply-field-mainForm', '餐饮服务经营者');
    await company.getByTestId('apply-field-businessItems').fill('热食类食品制售');
    await company.getByTestId('apply-field-foodSafetyOfficer').fill('李娜');
    for (const m of ['b1', 'b2', 'b4', 'b5', 'b7', 'b9', 'b10', 'b11', 'b13', 'b14', 'b17', 'b18', 'b19']) {
      await company
        .getByTestId(`material-upload-${m}`)
        .locator('input[type=file]')
        .setInputFiles(pdf(`${m}.pdf`));
      await company.getByTestId(`material-${m}`).getByTestId('uploaded-file').waitFor();
    }

    // Two different 企业名称 are refused, shown at both fields; clearing the second one fixes it.
    await company.getByTestId('apply-field-enterpriseName').fill('另一家餐饮有限公司');
    await company.getByTestId('bundle-submit').click();
    await company.getByTestId('bundle-submit-confirm').click();
    await company.getByTestId('bundle-conflicts').waitFor();
    const fieldError = (key: string) =>
      company.locator('.ant-form-item-has-error').filter({ has: company.getByTestId(`apply-field-${key}`) });
    await expect.poll(() => fieldError('enterpriseName').count(), POLL).toBe(1);
    expect(await fieldError('companyName').innerText()).toContain('应一致');
    await company.getByTestId('apply-field-enterpriseName').fill('');
    await company.getByTestId('bundle-submit').click();
    await company.getByTestId('bundle-submit-confirm').click();
    await company.waitForURL(/\/my\/bundles\/[0-9a-f-]{36}/);
    const bundleId = /\/my\/bundles\/([0-9a-f-]{36})/.exec(company.url())![1]!;
    await company.getByTestId('bundle-track').waitFor();
    expect(await company.getByTestId('bundle-status').getAttribute('data-status')).toBe('in_progress');
    expect(await company.getByTestId('bundle-cases').locator('tr.ant-table-row').count()).toBe(4);
    expect(await company.getByTestId('bundle-track-promised').innerText()).toContain('5');
    expect(await company.getByTestId('bundle-clock').getAttribute('data-remaining')).toMatch(/^[0-5]$/);

    // It is listed once, as a whole, in 我的办件.
    await company.goto('/my/cases');
    await company.getByTestId(`my-bundle-${bundleId}`).waitFor();

    const api = {
      company: await new ApiClient(BASE_URL).signIn('company'),
      clerk: await new ApiClient(BASE_URL).signIn('clerk-city'),
      approver: await new ApiClient(BASE_URL).signIn('approver-city'),
      chief: await new ApiClient(BASE_URL).signIn('chief-city'),
      admin: await new ApiClient(BASE_URL).signIn('admin'),
    };
    const tracking = () => api.company.get<Tracking>(`/api/bundle-applications/${bundleId}`);
    const linked = (await tracking()).cases;
    expect(linked.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted', 'submitted']);
    const [registration, food, equipment, prepaid] = linked as [LinkedCase, LinkedCase, LinkedCase, LinkedCase];
    // The forms were split per item: 企业名称 followed 单位名称.
    expect(
      (await api.company.get<{ form: Record<string, unknown> }>(`/api/cases/${registration.id}`)).form.enterpriseName,
    ).toBe('盘锦辽河示范科技有限公司');

    // 企业设立登记 through the workbench: the window accepts, the approval bureau reviews and decides, the exit counter hands over.
    const clerk = await signedIn(browser, 'clerk-city');
    await clerk.goto('/workbench');
    // in the queue every linked case carries the 一件事 marker
    for (const c of linked) await clerk.getByTestId(`wb-case-${c.number}`).getByTestId('wb-row-bundle').waitFor();
    await clerk.goto(`/workbench/cases/${registration.id}`);
    await clerk.getByTestId('wb-bundle-marker').waitFor();
    expect(await clerk.getByTestId('wb-bundle').locator('[data-testid="wb-bundle-sibling-link"]').count()).toBe(3);
    await act(clerk, registration.id, 'accept', 'accepted');
    const approver = await signedIn(browser, 'approver-city');
    await act(approver, registration.id, 'review-pass', 'reviewed');
    // the approval bureau sees its own sibling (食品经营许可) and only the numbers of the other departments' ones
    const siblings = approver.getByTestId('wb-bundle');
    expect(await siblings.locator('[data-testid="wb-bundle-sibling-link"]').count()).toBe(1);
    expect(await siblings.innerText()).toContain(equipment.number);
    await siblings.getByTestId('wb-bundle-sibling-link').click();
    await approver.waitForURL(`**/workbench/cases/${food.id}`);
    const chief = await signedIn(browser, 'chief-city');
    await act(chief, registration.id, 'grant', 'granted');
    await act(clerk, registration.id, 'issue-certificate', 'certificate_issued');
    await act(clerk, registration.id, 'deliver', 'completed', async (p) => {
      await p.getByTestId('action-delivery-window').click();
    });

    // The applicant sees one of four done, from the case up to the whole.
    await company.goto(`/my/cases/${registration.id}`);
    await company.getByTestId('case-bundle').waitFor();
    expect(await company.getByTestId('case-status').getAttribute('data-status')).toBe('completed');
    await company.getByTestId('case-bundle-link').click();
    await company.waitForURL(`**/my/bundles/${bundleId}`);
    await expect.poll(() => company.getByTestId('bundle-progress').getAttribute('data-done'), POLL).toBe('1');
    expect(await company.getByTestId(`bundle-case-${registration.number}`).getAttribute('data-status')).toBe(
      'completed',
    );

    // The other three the same way through the API. 市场监管局 and 商务局 have no demo approver: the
    // administrator appoints one for the city (approver and chief, every department).
    const created = await api.admin.post('/api/staff', {
      username: 'approver-oneweb',
      name: '韩审批',
      password: 'Oneweb@2026',
      roles: ['approver', 'chief'],
      regionCode: '211100',
      phone: '13904279999',
    });
    expect([201, 409], await created.clone().text()).toContain(created.status); // 409: made by the first attempt of a retried journey
    const cityApprover = await new ApiClient(BASE_URL).signIn('approver-oneweb', 'Oneweb@2026');
    await completeThroughApi(food.id, [api.clerk, api.approver, api.chief]);
    await completeThroughApi(equipment.id, [api.clerk, cityApprover]);
    await completeThroughApi(prepaid.id, [api.clerk, cityApprover]);
    expect(await tracking()).toMatchObject({ status: 'completed', completedCount: 4 });

    // The applicant finally sees the whole bundle completed.
    await company.getByTestId('bundle-track-reload').click();
    await settle(company, async () => {
      await expect.poll(() => company.getByTestId('bundle-status').getAttribute('data-status'), POLL).toBe('completed');
    });
    expect(await company.getByTestId('bundle-completed-of').innerText()).toBe('已办结 4 / 4 件');
    for (const c of linked)
      expect(await company.getByTestId(`bundle-case-${c.number}`).getAttribute('data-status')).toBe('completed');
    await company.goto('/my/cases');
    expect(await company.getByTestId(`my-bundle-${bundleId}`).getAttribute('data-status')).toBe('completed');
    for (const p of [company, clerk, approver, chief]) await p.context().close();
  });

  it('the comprehensive window accepts an approval-bureau item; it moves to that bureau’s back office, then to the exit counter', async () => {
    // 综合窗口 A01 of the city hall (政务服务中心) registers 企业设立登记, an item of 市行政审批服务局, brought on paper.
    const clerk = await signedIn(browser, 'clerk-city');
    await clerk.goto('/workbench/cases/new');
    await clerk.getByTestId('wr-form').waitFor();
    await clerk.getByTestId('wr-applicant-kind-company').click();
    await clerk.getByTestId('wr-applicant-name').fill('盘锦综窗示范贸易有限公司');
    await clerk.getByTestId('wr-applicant-credit-code').fill('91211103MA0Y8K2P7J');
    await clerk.getByTestId('wr-applicant-phone').fill('13904271111');
    await clerk.getByTestId('wr-item').click();
    await clerk.keyboard.type('企业设立');
    await clerk
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '企业设立登记' })
      .first()
      .click();
    await clerk.getByTestId('wr-field-companyName').fill('盘锦综窗示范贸易有限公司');
    await clerk.getByTestId('wr-field-creditCode').fill('91211103MA0Y8K2P7J');
    await clerk.getByTestId('wr-field-legalRepresentative').fill('赵一窗');
    await clerk.getByTestId('wr-field-contactPhone').fill('13904271111');
    await clerk.getByTestId('wr-field-address').fill('辽宁省盘锦市兴隆台区石油大街1号');
    await clerk.getByTestId('wr-field-enterpriseName').fill('盘锦综窗示范贸易有限公司');
    await clerk.getByTestId('wr-field-registeredCapital').fill('50');
    await pickOption(clerk, 'wr-field-enterpriseType', '有限责任公司');
    await clerk.getByTestId('wr-field-businessScope').fill('日用百货批发');
    for (const m of ['m1', 'm2', 'm3', 'm4', 'm5']) {
      const paper = clerk.getByTestId(`material-paper-${m}`);
      if (await paper.count()) await paper.click();
    }
    await clerk.getByTestId('wr-submit').click();
    await clerk.waitForURL(/\/workbench\/cases\/[0-9a-f-]{36}/);
    const caseId = /\/workbench\/cases\/([0-9a-f-]{36})/.exec(clerk.url())![1]!;
    const number = (await clerk.getByTestId('wb-case-number').innerText()).trim();
    expect(await clerk.getByTestId('wb-bundle').count()).toBe(0); // filed on its own, not part of a bundle

    // Front desk: it waits at the front counter until the window accepts it.
    expect(await atCounter(clerk, 'front', number)).toBe(1);
    await act(clerk, caseId, 'accept', 'accepted');
    await expect.poll(() => atCounter(clerk, 'front', number), POLL).toBe(0);

    // Back office of 市行政审批服务局: in the approver's back-office queue, not at its exit counter.
    const approver = await signedIn(browser, 'approver-city');
    await expect.poll(() => atCounter(approver, 'back', number), POLL).toBe(1);
    expect(await atCounter(approver, 'exit', number)).toBe(0);
    await act(approver, caseId, 'review-pass', 'reviewed');
    const chief = await signedIn(browser, 'chief-city');
    expect(await atCounter(chief, 'back', number)).toBe(1);
    await act(chief, caseId, 'grant', 'granted');

    // After the decision: at the exit counter of the hall, no longer in the back office.
    await expect.poll(() => atCounter(clerk, 'exit', number), POLL).toBe(1);
    expect(await atCounter(approver, 'back', number)).toBe(0);
    await act(clerk, caseId, 'issue-certificate', 'certificate_issued');
    expect(await atCounter(clerk, 'exit', number)).toBe(1);
    await act(clerk, caseId, 'deliver', 'completed', async (p) => {
      await p.getByTestId('action-delivery-window').click();
    });
    expect(await atCounter(clerk, 'exit', number)).toBe(0);
    for (const p of [clerk, approver, chief]) await p.context().close();
  });
});
