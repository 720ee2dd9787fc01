import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, newPage, POLL, signIn, signedIn } from './browser';

describe('accounts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a citizen registers, is told the claim is unverified, verifies with the simulator and sees the session', async () => {
    const page = await newPage(browser);
    // The console stays quiet for an anonymous visitor (the session probe answers 200).
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/auth/me') && r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto('/register');
    await expect.poll(() => page.getByTestId('register-password-rules').textContent(), POLL).toContain('10');
    await page.getByTestId('register-name').fill('韩雪梅');
    await page.getByTestId('register-id-number').fill('211102198506120048');
    await page.getByTestId('register-phone').fill('13912340001');
    await page.getByTestId('register-username').fill('hanxuemei');
    await page.getByTestId('register-password').fill('abcd1234');
    await page.getByTestId('register-password-confirm').fill('abcd1234');
    await page.getByTestId('register-submit').click();
    // Too short for the browser's check already.
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allTextContents(), POLL)
      .toContain('密码 10–128 位，不能含控制字符；常见或容易猜到的密码会被拒绝');
    await page.getByTestId('register-password').fill('Password12345');
    await page.getByTestId('register-password-confirm').fill('Password12345');
    await page.getByTestId('register-submit').click();
    // Refused by the server's strength check, on the field.
    await expect
      .poll(() => page.locator('.ant-form-item-explain-error').allTextContents(), POLL)
      .toEqual(expect.arrayContaining([expect.stringContaining('太容易被猜到')]));
    await page.getByTestId('register-password').fill('snow-lantern-4127');
    await page.getByTestId('register-password-confirm').fill('snow-lantern-4127');
    await page.getByTestId('register-submit').click();
    await page.waitForURL((u) => u.pathname === '/login');
    expect(failed).toEqual([]);

    await signIn(page, 'hanxuemei', 'snow-lantern-4127');
    await page.goto('/account');
    await expect.poll(() => page.getByTestId('verification-level').first().textContent(), POLL).toBe('未认证');
    await page.getByTestId('acct-verify-start').click();
    await expect.poll(() => page.locator('.ant-modal').textContent(), POLL).toContain('模拟');
    await page.getByTestId('acct-sim-pass').click();
    await expect
      .poll(() => page.getByTestId('acct-verification').textContent(), POLL)
      .toContain('已认证（实名认证服务）');
    await expect.poll(() => page.getByTestId('acct-verification').textContent(), POLL).toContain('模拟');
    await expect.poll(() => page.getByTestId('acct-sessions').textContent(), POLL).toContain('本设备');
    await expect.poll(() => page.getByTestId('acct-signins').textContent(), POLL).toContain('成功');
  });

  it('after repeated failures the sign-in page shows a challenge image', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    for (let i = 0; i < 3; i++) {
      await page.getByTestId('login-username').fill('inspector-d');
      await page.getByTestId('login-password').fill(`wrong-guess-${i}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.getByTestId('login-submit').click();
      expect((await answered).status()).toBe(401);
    }
    await expect
      .poll(() => page.getByTestId('login-challenge-image').getAttribute('src'), POLL)
      .toMatch(/^data:image\/svg\+xml;base64,/);
    await expect.poll(() => page.getByTestId('login-challenge-answer').isVisible(), POLL).toBe(true);
  });

  it('each person lands where they work, with the work-area switch and account security in the header', async () => {
    const supervisor = await signedIn(browser, 'supervisor');
    expect(new URL(supervisor.url()).pathname).toBe('/supervision');
    await expect.poll(() => supervisor.getByTestId('area-switch').getAttribute('data-area'), POLL).toBe('supervision');
    await supervisor.getByTestId('area-switch').click();
    await supervisor.getByTestId('menu-workbench').click();
    await supervisor.getByTestId('wb-links').waitFor();
    // No window-clerk shortcuts for a supervisor.
    expect(await supervisor.getByTestId('wb-identity-link').count()).toBe(0);
    expect(await supervisor.getByTestId('area-switch').getAttribute('data-area')).toBe('workbench');
    await supervisor.getByTestId('user-menu').click();
    await supervisor.getByTestId('menu-account').click();
    await supervisor.waitForURL((u) => u.pathname === '/account');

    const clerk = await signedIn(browser, 'clerk-city');
    expect(new URL(clerk.url()).pathname).toBe('/workbench');
    await clerk.getByTestId('wb-identity-link').waitFor();
  });

  it("a company's online form starts filled from the account, and a failed submit shows the first error", async () => {
    const company = await signedIn(browser, 'company');
    await company.goto('/items/2111-XK-00003/apply');
    const value = (key: string) => company.getByTestId(`apply-field-${key}`).inputValue();
    await expect.poll(() => value('companyName'), POLL).toBe('盘锦辽河示范科技有限公司');
    await expect.poll(() => value('creditCode'), POLL).toBe('91211103MA0Y8K2P7J');
    expect(await value('contactPhone')).toBe('13804275678');
    expect(await value('legalRepresentative')).toBe('');
    await company.getByTestId('apply-submit').click();
    await expect
      .poll(() => company.evaluate("document.activeElement?.getAttribute('data-testid')"), POLL)
      .toBe('apply-field-legalRepresentative');
  });
});
