import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, POLL, signedIn } from './browser';

/** Adds an item to the bundle by typing its name into the item picker. */
async function addItem(page: Page, name: string) {
  await page.getByTestId('bda-item-picker').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
}

describe('一件事 definitions (administration)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an administrator defines a bundle of two items; it shows on the portal until it is deactivated', async () => {
    const admin = await signedIn(browser, 'admin');
    await admin.goto('/admin/bundles');
    await admin.getByTestId('bda-row-company-startup').waitFor();
    await admin.getByTestId('bda-create').click();

    // A code the server refuses: its message shows on the code field.
    await admin.getByTestId('bda-code').fill('Food Shop');
    await admin.getByTestId('bda-name').fill('开办食品店一件事');
    await admin.getByTestId('bda-description').fill('企业设立登记与食品经营许可一次申请');
    await addItem(admin, '企业设立登记');
    await addItem(admin, '食品经营许可');
    expect(await admin.locator('[data-testid="bda-items"] .ant-list-item').count()).toBe(2);
    await admin.getByTestId('bda-mode-serial').click();
    await admin.getByTestId('bda-save').click();
    const codeError = admin
      .locator('.ant-form-item')
      .filter({ has: admin.getByTestId('bda-code') })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => codeError.innerText().catch(() => ''), POLL).toContain('主题编码');
    await admin.getByTestId('bda-problem').waitFor();

    await admin.getByTestId('bda-code').fill('food-shop');
    await admin.getByTestId('bda-save').click();
    const row = admin.getByTestId('bda-row-food-shop');
    await row.waitFor();
    expect(await row.getAttribute('data-active')).toBe('true');
    expect(await admin.getByTestId('bda-count-food-shop').innerText()).toContain('2');
    const saved = (await (await admin.request.get('/api/bundles/food-shop')).json()) as {
      mode: string;
      items: { name: string; promisedDays: number }[];
      promisedDays: number;
    };
    expect(saved.mode).toBe('serial');
    expect(saved.items.map((i) => i.name)).toEqual(['企业设立登记', '食品经营许可']);
    expect(saved.promisedDays).toBe(saved.items.reduce((a, i) => a + i.promisedDays, 0));

    // The public sees it on the portal's 一件事一次办 list.
    const visitor = await newPage(browser);
    await visitor.goto('/');
    const card = visitor.getByTestId('bundle-card-food-shop');
    await card.waitFor();
    expect(await card.innerText()).toContain('开办食品店一件事');

    // Deactivated after the confirmation: gone from the portal, still listed for the administrator.
    // The save button sits under the header's account menu, which opens on hover once the drawer is gone.
    await admin.mouse.move(600, 700);
    await admin.locator('.ant-dropdown:visible').waitFor({ state: 'hidden' });
    await admin.getByTestId('bda-toggle-food-shop').click();
    await admin.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => row.getAttribute('data-active'), POLL).toBe('false');
    await visitor.reload();
    await visitor.getByTestId('bundle-card-company-startup').waitFor();
    expect(await visitor.getByTestId('bundle-card-food-shop').count()).toBe(0);
    for (const p of [admin, visitor]) await p.context().close();
  });
});
