import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, POLL, signIn } from './browser';

/** Picks a visible option of an antd Select / TreeSelect by its text. */
async function pick(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  const option = page
    .locator('.ant-select-dropdown:visible')
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: text })
    .first();
  await option.click();
  await page.keyboard.press('Escape');
}

describe('administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an administrator creates a window clerk, who then signs in to the workbench', async () => {
    const admin = await newPage(browser);
    await signIn(admin, 'admin');
    await admin.goto('/admin/staff');
    await admin.getByTestId('staff-create').click();
    await admin.getByTestId('staff-username').fill('clerk-e2e');
    await admin.getByTestId('staff-name').fill('窗口测试员');
    await admin.getByTestId('staff-password').fill('Window@2026');
    await pick(admin, 'staff-roles', '窗口人员');
    await pick(admin, 'staff-region', '盘锦市');
    await admin.getByTestId('staff-save').click();
    await admin.getByTestId('staff-table').getByText('clerk-e2e').waitFor();
    // The write is in the audit log.
    const audit = await admin.request.get('/api/audit?entityType=user&pageSize=50');
    expect(audit.status()).toBe(200);
    expect(JSON.stringify(await audit.json())).toContain('clerk-e2e');
    await admin.context().close();

    const clerk = await newPage(browser);
    await signIn(clerk, 'clerk-e2e', 'Window@2026');
    await clerk.goto('/workbench');
    await clerk.getByTestId('wb-welcome').waitFor();
    expect(await clerk.getByTestId('wb-welcome').innerText()).toContain('窗口测试员');
    expect(await clerk.getByTestId('wb-roles').innerText()).toContain('窗口人员');
    // A clerk has no business in the admin API.
    const staffList = await clerk.request.get('/api/staff');
    expect(staffList.status()).toBe(403);
    await clerk.context().close();
  });

  it('an administrator sets where an item is decided and sees a publish refused next to the field', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    const codeOf = async (q: string) => {
      const res = await page.request.get(`/api/items?q=${encodeURIComponent(q)}&pageSize=1`);
      return ((await res.json()) as { items: { code: string }[] }).items[0]!.code;
    };

    // 最低生活保障审批 is decided by each county: its body is the county's 民政局
    const minimumLiving = await codeOf('最低生活保障审批');
    await page.goto(`/admin/items/${minimumLiving}/edit`);
    await page.getByTestId('item-editor').waitFor();
    await expect.poll(() => page.getByTestId('item-office-keyword').inputValue(), POLL).toBe('民政局');
    expect(await page.getByTestId('item-office-kind').innerText()).toContain('办理地的部门');
    // one character is refused before anything is sent
    await page.getByTestId('item-office-keyword').fill('民');
    await page.getByTestId('item-save').click();
    await page.getByText('部门关键词至少 2 个字').waitFor();
    // a department no county has: saved, but publishing is refused and the reason stands by the field
    await page.getByTestId('item-office-keyword').fill('慈善总会');
    await page.getByTestId('item-editor-publish').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    const officeItem = page.locator('.ant-form-item').filter({ has: page.getByTestId('item-office-kind') });
    await officeItem
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: '兴隆台区没有名称含「慈善总会」的部门' })
      .waitFor();
    expect(page.url()).toContain('/edit');
    const published = await page.request.get(`/api/items/${minimumLiving}`);
    expect(((await published.json()) as { version: number }).version).toBe(1);
    // put the county's 民政局 back into the draft
    await page.getByTestId('item-office-keyword').fill('民政局');
    await page.getByTestId('item-save').click();
    await expect
      .poll(async () => {
        const draft = await page.request.get(`/api/items/${minimumLiving}/draft`);
        return ((await draft.json()) as { implementingBody: { office?: unknown } }).implementingBody.office;
      }, POLL)
      .toEqual({ kind: 'department', keyword: '民政局' });

    // 食品经营许可: a five-year certificate printing three fields of its form, shown by their labels
    const food = await codeOf('食品经营许可');
    await page.goto(`/admin/items/${food}/edit`);
    await page.getByTestId('item-editor').waitFor();
    // antd puts the test id on the input itself
    const years = page.locator('input[data-testid="item-valid-years"]');
    await expect.poll(() => years.inputValue(), POLL).toBe('5');
    const entries = await page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('item-result-entries') })
      .innerText();
    for (const label of ['经营场所', '主体业态', '经营项目']) expect(entries).toContain(label);
    // the term cleared is 长期有效 on the public guide once published
    await years.fill('');
    await page.getByTestId('item-editor-publish').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.waitForURL(/\/admin\/items$/);
    await page.goto(`/items/${food}`);
    await expect.poll(() => page.getByTestId('guide-validity').innerText(), POLL).toBe('长期有效');
    await page.context().close();
  });

  it('an administrator enters the next year holiday and publishes the notice', async () => {
    const page = await newPage(browser);
    await signIn(page, 'admin');
    await page.goto('/admin/calendar');
    await page.getByTestId('cal-calendar').waitFor();
    await pick(page, 'cal-year-select', '2027');
    // Go to January in the calendar header's month picker.
    // (The month list is virtualised around the current month, so move there with the keyboard.)
    const month = page.locator('.ant-picker-calendar-header .ant-picker-calendar-month-select');
    await month.click();
    for (let m = Number((await month.innerText()).replace('月', '')); m > 1; m--) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => month.innerText(), POLL).toBe('1月');
    await page.getByTestId('cal-day-2027-01-01').click();
    await page.getByTestId('cal-day-kind-holiday').click();
    await page.getByTestId('cal-day-name').fill('元旦');
    await page.getByTestId('cal-day-save').click();
    await expect.poll(() => page.getByTestId('cal-day-2027-01-01').getAttribute('data-kind'), POLL).toBe('holiday');

    await page.getByTestId('cal-publish').click();
    await page.getByTestId('cal-publish-notice').fill('国务院办公厅关于2027年部分节假日安排的通知');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();

    // The working-day arithmetic now counts 2027-01-01 as a holiday and is no longer provisional.
    await expect
      .poll(
        async () =>
          (await (await page.request.get('/api/calendar/workdays/add?from=2026-12-31&days=1')).json()) as unknown,
        POLL,
      )
      .toEqual({ date: '2027-01-04', provisional: false });
    await page.context().close();
  });
});
