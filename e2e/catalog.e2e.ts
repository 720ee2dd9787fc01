import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage } from './browser';

describe('public portal: find an item and read its guide', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const viewport of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 375, height: 740 },
  ]) {
    it(`searches 营业执照 and opens the 个体工商户设立登记 guide (${viewport.name})`, async () => {
      const page = await newPage(browser, viewport);
      await page.goto('/');
      await page.getByTestId('portal-search').fill('营业执照');
      await page.getByTestId('portal-search').press('Enter');
      const hit = page.getByTestId('item-result').filter({ hasText: '个体工商户设立登记' }).first();
      await hit.waitFor();
      expect(await page.getByTestId('result-count').innerText()).toMatch(/\d+/);
      await hit.click();
      await page.getByTestId('item-title').waitFor();
      expect(await page.getByTestId('item-title').innerText()).toContain('个体工商户设立登记');
      expect(await page.getByTestId('guide-materials').innerText()).toContain('材料');
      // Every fact of a material is on screen, on a phone too: 必需, form, copies, source.
      const material = await page.getByTestId('guide-material-1').innerText();
      for (const fact of ['材料形式', '份数', '来源渠道']) expect(material).toContain(fact);
      expect(material).toMatch(/必需|非必需/);
      // No booking or payment tag while neither function exists; where to book in person instead.
      const tags = await page.locator('[data-testid="guide-service-tags"] .ant-tag').allInnerTexts();
      expect(tags.filter((x) => /支持预约|网上缴费/.test(x))).toEqual([]);
      const guide = (await (await page.request.get(`/api/items/${await codeFromUrl(page.url())}`)).json()) as {
        appointment?: boolean;
      };
      expect(await page.getByTestId('guide-book-offline').count()).toBe(guide.appointment ? 1 : 0);
      // The one-time notice is a real PDF and the QR code an SVG.
      const notice = await page.request.get(`/api/items/${await codeFromUrl(page.url())}/notice.pdf`);
      expect(notice.status()).toBe(200);
      expect((await notice.body()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await page.getByTestId('item-qr').isVisible()).toBe(true);
      // No horizontal scrolling on a phone.
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      expect(overflow).toBeLessThanOrEqual(1);
      await page.context().close();
    });
  }

  it('keeps what a visitor typed into the first screen when the app takes over', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    // The server's HTML search: typing into it is what starts the app.
    const early = page.locator('#first-screen input[name="q"]');
    await early.click();
    await early.pressSequentially('营业执照');
    const search = page.getByTestId('portal-search');
    await search.waitFor();
    expect(await search.inputValue()).toBe('营业执照');
    expect(await page.locator('#first-screen').count()).toBe(0);
    await page.context().close();
  });

  it('shows an empty state for a search that finds nothing', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.getByTestId('portal-search').fill('无此事项zzzz');
    await page.getByTestId('portal-search').press('Enter');
    await page.getByTestId('result-empty').waitFor();
    expect(await page.getByTestId('item-result').count()).toBe(0);
    await page.context().close();
  });
});

async function codeFromUrl(url: string): Promise<string> {
  const m = /\/items\/([^/?#]+)/.exec(url);
  if (!m) throw new Error(`not a guide URL: ${url}`);
  return decodeURIComponent(m[1] ?? '');
}
