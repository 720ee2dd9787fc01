import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

/** Debian's Chromium, headless, with no traffic beyond loopback. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}

export async function signIn(page: Page, username: string, password = 'Demo@2026') {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** How long a journey waits for the server to reflect an action (a loaded CI machine renders PDFs slowly). */
export const POLL = { timeout: 20_000, interval: 250 };

export async function signedIn(browser: Browser, username: string): Promise<Page> {
  const page = await newPage(browser);
  await signIn(page, username);
  return page;
}

/** Picks a visible option of an antd Select by its text. */
export async function pickOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * Opens the case in the workbench and takes one action through its dialog (with a comment), then
 * waits until `done` holds: by default, that the case shows `status`.
 */
export async function act(
  page: Page,
  caseId: string,
  action: string,
  status: string | null,
  fill?: (p: Page) => Promise<void>,
  done?: (p: Page) => Promise<boolean>,
) {
  await page.goto(`/workbench/cases/${caseId}`);
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-comment').fill('经审查，符合要求');
  if (fill) await fill(page);
  await page.getByTestId('action-confirm').click();
  await settle(page, async () => {
    if (status)
      await expect.poll(() => page.getByTestId('case-status').first().getAttribute('data-status'), POLL).toBe(status);
    if (done) await expect.poll(() => done(page), POLL).toBe(true);
  });
}

/** Runs the wait; when it fails, prints what the page showed (URL, status, messages) before failing. */
export async function settle(page: Page, wait: () => Promise<void>) {
  try {
    await wait();
  } catch (err) {
    const messages = await page
      .locator('.ant-message, .ant-modal:visible, .ant-alert')
      .allInnerTexts()
      .catch(() => []);
    const status = await page
      .getByTestId('case-status')
      .first()
      .getAttribute('data-status')
      .catch(() => null);
    console.error(`journey stuck at ${page.url()} (status ${status}); on screen: ${JSON.stringify(messages)}`);
    throw err;
  }
}
