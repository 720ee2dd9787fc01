import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, POLL, signedIn } from './browser';
import { restartServer } from './server';

/**
 * How far the clock jumps: past an urgent consultation's 4 hours. Fractions of a day are fine; the server
 * runs no jobs while ahead (only the hotline's cards are swept, by hand, so no case gets a card dated ahead).
 */
const SHIFT_DAYS = 0.25;
const FAKE_CLOCK = path.resolve('e2e/fake-clock.mjs');

async function serverDaysAhead(days: number) {
  await restartServer(
    days
      ? {
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${FAKE_CLOCK}`.trim(),
          E2E_CLOCK_SHIFT_DAYS: String(days),
          MODULE_JOBS: '0',
        }
      : {},
  );
}

const csrf = async (page: Page) =>
  ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken?: string }).csrfToken ?? '';

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { data, headers: { 'x-csrf-token': await csrf(page) } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('12345 tickets under supervision 热线工单监察', () => {
  let browser: Browser;
  let shifted = false;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (shifted) await serverDaysAhead(0);
  });

  it('a dispatched ticket runs past its limit and a red card appears on the supervisor’s screen', async () => {
    // The operator registers an urgent consultation (4 hours) and dispatches it to 兴隆台区.
    const operator = await signedIn(browser, 'operator');
    let ticket = await post<{ id: string; number: string; version: number }>(operator, '/api/hotline/tickets', {
      type: 'consult',
      urgency: 'urgent',
      categoryCode: 'ZWFW-ZC',
      title: '养老金未按时到账',
      content: '本月养老金至今未到账，请尽快核实。',
      regionCode: '211103001001',
      callerName: '赵桂芝',
      callerPhone: '13804271234',
    });
    ticket = await post(operator, `/api/hotline/tickets/${ticket.id}/actions`, {
      action: 'dispatch',
      version: ticket.version,
      unit: { kind: 'region', code: '211103' },
    });

    // Six hours pass: the server comes back with its clock past the limit.
    shifted = true;
    await serverDaysAhead(SHIFT_DAYS);

    // The supervision room keeps the overview open while the sweep runs.
    const screen = await signedIn(browser, 'supervisor');
    await screen.goto('/supervision');
    await expect.poll(() => screen.getByTestId('sv-live').getAttribute('data-state'), POLL).toBe('open');
    const reds = async () => Number(await screen.getByTestId('sv-count-red').getAttribute('data-value'));
    const before = await reds();

    const sweep = await post<{ raised: number }>(screen, '/api/supervision/sweep?source=hotline', {});
    expect(sweep.raised).toBeGreaterThan(0);
    await expect.poll(reds, POLL).toBeGreaterThan(before); // pushed by the stream

    // The warnings page names the ticket (a link with its number), the unit and the deadline.
    const supervisor = await signedIn(browser, 'supervisor');
    await supervisor.goto('/supervision/warnings?level=red&state=open');
    const row = supervisor.getByTestId(`sv-warning-${ticket.number}-hotline_overdue`);
    await row.waitFor();
    const link = supervisor.getByTestId(`sv-case-link-${ticket.number}`);
    expect(await link.innerText()).toBe(ticket.number);
    expect(await link.getAttribute('href')).toBe(`/hotline/tickets/${ticket.id}`);
    expect(await row.innerText()).toContain('兴隆台区');
    await supervisor.getByTestId(`sv-warning-open-${ticket.number}-hotline_overdue`).click();
    const detail = supervisor.getByTestId('sv-warning-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('已超过办理时限');

    // And on the big screen's latest red cards.
    await screen.goto('/supervision/screen');
    const card = screen.getByTestId(`sv-screen-red-${ticket.number}-hotline_overdue`);
    await card.waitFor();
    expect(await card.innerText()).toContain('兴隆台区');
  });
});
