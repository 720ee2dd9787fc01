import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, POLL, settle, signedIn } from './browser';

interface Push {
  id: string;
  caseNumber: string;
  status: string;
  itemName: string;
}

describe('审管联动 双推送 and 双随机、一公开', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the regulator answers a pushed approval, draws a random inspection, records results and publishes them on the portal', async () => {
    // 市场监管局 staff land in 审管联动 (they have no case role).
    const regulator = await signedIn(browser, 'regulator-city');
    await expect.poll(() => new URL(regulator.url()).pathname, POLL).toBe('/regulation');
    await regulator.getByTestId('reg-inbox-table').waitFor();

    // The demo's overdue push: confirm receipt, then report the supervision result.
    const inbox = (await (await regulator.request.get('/api/regulation/pushes?box=inbox&status=pushed')).json()) as {
      items: Push[];
    };
    const push = inbox.items[0]!;
    const row = regulator.getByTestId(`reg-push-${push.caseNumber}`);
    await expect(row.getAttribute('data-status')).resolves.toBe('pushed');
    await regulator.getByTestId(`reg-receive-${push.caseNumber}`).click();
    await regulator.getByTestId('reg-receive-confirm').click();
    await settle(regulator, async () => {
      await expect.poll(() => row.getAttribute('data-status'), POLL).toBe('received');
    });
    await regulator.getByTestId(`reg-answer-${push.caseNumber}`).click();
    await regulator.getByTestId('reg-result-kind').click();
    await regulator
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '责令整改' })
      .first()
      .click();
    await regulator.getByTestId('reg-result-text').fill('店招与登记名称不一致，责令7日内整改');
    await regulator.getByTestId('reg-result-save').click();
    await settle(regulator, async () => {
      await expect.poll(() => row.getAttribute('data-status'), POLL).toBe('returned');
    });
    await expect(regulator.getByTestId(`reg-push-result-${push.caseNumber}`).innerText()).resolves.toContain(
      '责令整改',
    );

    // 双随机: a new plan over the food businesses of the city, drawn and verified.
    await regulator.getByTestId('reg-menu-plans').click();
    await regulator.getByTestId('reg-plan-new').click();
    await regulator.getByTestId('reg-plan-name').fill('食品经营者夜市专项抽查');
    await regulator.getByTestId('reg-plan-count').fill('2');
    await regulator.getByTestId('reg-plan-save').click();
    await regulator.getByTestId('reg-plan-page').waitFor();
    await expect(regulator.getByTestId('reg-plan-page').getAttribute('data-status')).resolves.toBe('draft');
    // The new plan's page opens where the list was scrolled to; from the top its buttons are clear of the sticky header.
    await regulator.evaluate('window.scrollTo(0, 0)');
    await regulator.getByTestId('reg-draw').click();
    await regulator.getByTestId('reg-draw-confirm').click();
    await settle(regulator, async () => {
      await expect.poll(() => regulator.getByTestId('reg-plan-page').getAttribute('data-status'), POLL).toBe('drawn');
    });
    await expect(regulator.getByTestId('reg-plan-seed').innerText()).resolves.toMatch(/^[0-9a-f]{32}$/);
    await regulator.getByTestId('reg-verify').click();
    await expect(regulator.getByTestId('reg-verify-result').innerText()).resolves.toContain('结果一致');
    await regulator.keyboard.press('Escape');

    // Results: one problem, one compliant; then publish.
    await regulator.getByTestId('reg-record-1').click();
    await regulator.getByTestId('reg-target-problem').click();
    await regulator.getByTestId('reg-target-text').fill('未按规定公示食品经营许可证');
    await regulator.getByTestId('reg-target-save').click();
    await expect.poll(() => regulator.getByTestId('reg-target-1').getAttribute('data-result'), POLL).toBe('problem');
    await regulator.getByTestId('reg-record-2').click();
    await regulator.getByTestId('reg-target-save').click();
    await expect.poll(() => regulator.getByTestId('reg-target-2').getAttribute('data-result'), POLL).toBe('qualified');
    await regulator.getByTestId('reg-publish').click();
    await regulator.getByTestId('reg-publish-confirm').click();
    await settle(regulator, async () => {
      await expect
        .poll(() => regulator.getByTestId('reg-plan-page').getAttribute('data-status'), POLL)
        .toBe('published');
    });

    // 一公开: anyone sees it on the portal, inspectors' names masked.
    const citizen = await newPage(browser);
    await citizen.goto('/');
    await citizen.getByTestId('header-inspections').click();
    const plan = citizen.getByTestId('pub-insp-plan').filter({ hasText: '食品经营者夜市专项抽查' });
    await plan.waitFor();
    await expect(plan.innerText()).resolves.toContain('抽查 2 户，发现问题 1 户');
    await plan.click();
    const results = citizen.locator('[data-testid^="pub-insp-targets-"]');
    await results.waitFor();
    const text = await results.innerText();
    expect(text).toContain('未按规定公示食品经营许可证');
    expect(text).toMatch(/[\u4e00-\u9fa5]\*\*/);
    expect(text).not.toContain('钱立新');
  });

  it('the approving side sees what the regulator pushed back', async () => {
    const supervisor = await signedIn(browser, 'supervisor');
    // The work-area switch opens on a click (not on hover, where it would cover the page's own top-right buttons).
    await supervisor.getByTestId('area-switch').click();
    await supervisor.getByTestId('menu-regulation').click();
    await supervisor.getByTestId('reg-menu-outbox').click();
    await supervisor.getByTestId('reg-outbox-table').waitFor();
    await expect.poll(() => supervisor.locator('[data-testid^="reg-push-result-"]').count(), POLL).toBeGreaterThan(0);
    await expect(supervisor.locator('[data-testid^="reg-push-result-"]').first().innerText()).resolves.toMatch(
      /检查合格|责令整改/,
    );
  });
});
