import { chromium, type Browser, type Page } from 'playwright-core';

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;

/** Debian's Chromium, headless, with no traffic beyond loopback. */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
