import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, POLL, signedIn } from './browser';

interface Row {
  number: string;
  regionCode: string;
  acceptRegionCode: string;
  currentRegionCode: string;
}

/** The region codes each row of the monitor shows (where the case belongs, was accepted and is held). */
const shownRows = (page: Page) =>
  page
    .locator('[data-testid^="mo-case-"]')
    .evaluateAll((els) =>
      els.map((e) => ['data-region', 'data-accept', 'data-holder'].map((a) => e.getAttribute(a) ?? '')),
    );

describe('办件监控 (supervision)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a supervisor filters every case by a county and sees only that county’s cases; a row opens the case', async () => {
    // The county window (大洼区, 211103) registers a case, so the county has one of its own.
    const clerk = await signedIn(browser, 'clerk-county');
    const csrf = ((await (await clerk.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    const items = (await (
      await clerk.request.get(`/api/items?q=${encodeURIComponent('个体工商户设立登记')}`)
    ).json()) as { items: { code: string; name: string }[] };
    const itemCode = items.items.find((i) => i.name === '个体工商户设立登记')!.code;
    const registered = await clerk.request.post('/api/cases', {
      headers: { 'x-csrf-token': csrf, 'idempotency-key': `monitor-${Date.now()}` },
      data: {
        itemCode,
        channel: 'window',
        submit: true,
        applicant: { kind: 'person', name: '张明', idNumber: '211103199001011234', phone: '13804271234' },
        form: {
          applicantName: '张明',
          idNumber: '211103199001011234',
          phone: '13804271234',
          address: '盘锦市大洼区田家街道 3 号',
          businessScope: '日用百货零售',
          organizationForm: '个人经营',
          capital: 3,
          premises: '盘锦市大洼区田家街道底商 8 号',
        },
        materials: [{ materialId: 'm1', fileIds: [], paper: true }],
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const mine = ((await registered.json()) as { number: string }).number;
    await clerk.context().close();

    const page = await signedIn(browser, 'supervisor');
    const county = '211103';
    const all = (await (await page.request.get('/api/cases?view=all&pageSize=200')).json()) as { items: Row[] };
    // Cases elsewhere, which the filter has to drop.
    expect(
      all.items.some((r) => ![r.regionCode, r.acceptRegionCode, r.currentRegionCode].some((c) => c.startsWith(county))),
    ).toBe(true);
    const countyName = ((await (await page.request.get(`/api/regions/${county}`)).json()) as { name: string }).name;
    const inCounty = (await (
      await page.request.get(`/api/cases?view=all&pageSize=200&regionCode=${county}`)
    ).json()) as {
      total: number;
    };

    await page.goto('/supervision');
    await page.getByTestId('sv-menu-monitor').click();
    await page.getByTestId('mo-page').waitFor();
    // Live counts of the open cases on top, as on the overview.
    await expect.poll(() => page.getByTestId('sv-live').getAttribute('data-state'), POLL).toBe('open');
    expect(Number(await page.getByTestId('sv-count-onTime').getAttribute('data-value'))).toBeGreaterThanOrEqual(0);
    await page.locator('[data-testid^="mo-case-"]').first().waitFor();
    const before = await shownRows(page);
    expect(before.some((codes) => !codes.some((c) => c.startsWith(county)))).toBe(true);

    // The county from the region tree (its children load when the city opens).
    await page.getByTestId('mo-filter-region').click();
    const node = page
      .locator('.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper')
      .filter({ hasText: countyName })
      .first();
    if (!(await node.isVisible()))
      await page.locator('.ant-select-dropdown:visible .ant-select-tree-switcher_close').first().click();
    await node.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('regionCode'), POLL).toBe(county);
    await expect
      .poll(async () => {
        const rows = await shownRows(page);
        return rows.length > 0 && rows.every((codes) => codes.some((c) => c.startsWith(county)));
      }, POLL)
      .toBe(true);
    expect(await page.locator('[data-testid^="mo-case-"]').count()).toBe(Math.min(inCounty.total, 20));
    await page.getByTestId(`mo-case-${mine}`).waitFor();

    // A row opens the case (read-only for a supervisor).
    const first = page.locator('[data-testid^="mo-case-"]').first();
    const number = (await first.getAttribute('data-testid'))!.slice('mo-case-'.length);
    await first.click();
    await page.waitForURL(/\/workbench\/cases\/[0-9a-f-]+$/);
    await expect.poll(() => page.getByText(number).first().isVisible(), POLL).toBe(true);
    await page.context().close();
  });

  it('a supervisor reads the item-alignment report 事项对齐 per level and exports it to Excel', async () => {
    const page = await signedIn(browser, 'supervisor');
    await page.goto('/supervision');
    await page.getByTestId('sv-menu-alignment').click();
    const summary = page.getByTestId('al-summary');
    await summary.waitFor();
    const findings = Number(await summary.getAttribute('data-findings'));
    expect(Number(await summary.getAttribute('data-items'))).toBeGreaterThan(0);
    // The level tabs add up to the report's findings.
    const perLevel = await page
      .locator('[data-testid^="al-tab-"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(perLevel).toHaveLength(4);
    expect(perLevel.reduce((a, b) => a + b, 0)).toBe(findings);
    const href = await page.getByTestId('al-export').getAttribute('href');
    const xlsx = await page.request.get(href!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    await page.context().close();
  });
});
