import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, POLL, settle, signIn } from './browser';

describe('12345 on the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a citizen leaves a message on a phone and finds it in 我的工单', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, 'applicant');
    await page.goto('/my');
    await page.getByTestId('my-hotline-new').click();
    await page.waitForURL((u) => u.pathname === '/hotline/new');
    await expect.poll(() => page.getByTestId('hotline-form-title').textContent(), POLL).toBe('12345 网上留言');

    await page.getByTestId('hotline-type').getByText('投诉').click();
    await page.getByTestId('hotline-category').click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '城市管理' }).first().click();
    await page.locator('.ant-cascader-menu-item').filter({ hasText: '路灯照明' }).first().click();
    await page.getByTestId('hotline-region').click();
    await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '盘锦市' }).first().click();
    await page.getByTestId('hotline-address').fill('世纪社区 3 号楼北侧');
    const content = '小区北侧路灯连续一周不亮，夜间出行不安全，请尽快维修。';
    await page.getByTestId('hotline-content').fill(content);
    const filed = page.waitForResponse(
      (r) => r.url().endsWith('/api/my/hotline-tickets') && r.request().method() === 'POST',
    );
    await page.getByTestId('hotline-submit').click();
    expect((await filed).status()).toBe(201);

    await page.waitForURL((u) => /^\/my\/tickets\/[0-9a-f-]{36}$/.test(u.pathname));
    await settle(page, async () => {
      await expect.poll(() => page.getByTestId('ticket-status').textContent(), POLL).toBe('已受理，等待转交承办单位');
    });
    await expect.poll(() => page.getByTestId('ticket-progress').textContent(), POLL).toContain('诉求已受理');

    await page.goto('/my/tickets');
    await expect
      .poll(() => page.getByTestId('my-ticket-row').first().textContent(), POLL)
      .toContain('小区北侧路灯连续一周不亮');
    await expect
      .poll(() => page.getByTestId('my-ticket-status').first().textContent(), POLL)
      .toBe('已受理，等待转交承办单位');
  });
});
