import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, POLL, signedIn } from './browser';

const csrf = async (page: Page) =>
  ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken?: string }).csrfToken ?? '';

/** The monthly scores on the assessment page 考核 (groupBy department): key → score; a unit without facts has the base score. */
async function departmentScores(page: Page): Promise<{ base: number; scores: Record<string, number> }> {
  await page.goto('/supervision/assessment');
  const table = page.getByTestId('as-table');
  await expect.poll(() => table.getAttribute('data-month'), POLL).not.toBe('');
  const rows = await page
    .locator('[data-testid^="as-row-"]')
    .evaluateAll((els) =>
      els.map(
        (e) => [e.getAttribute('data-testid')!.slice('as-row-'.length), Number(e.getAttribute('data-score'))] as const,
      ),
    );
  return { base: Number(await table.getAttribute('data-base')), scores: Object.fromEntries(rows) };
}

describe('supervision 电子监察 and ratings 好差评', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('red cards show live on the supervisor screen; the department explains, the supervisor rejects the explanation', async () => {
    // The supervision room keeps the overview open; it is never reloaded in this test.
    const screen = await signedIn(browser, 'supervisor');
    await screen.goto('/supervision');
    await expect.poll(() => screen.getByTestId('sv-live').getAttribute('data-state'), POLL).toBe('open');
    const reds = async () => Number(await screen.getByTestId('sv-count-red').getAttribute('data-value'));

    // The monthly assessment before any card: the score every department starts from this month.
    const board = await signedIn(browser, 'supervisor');
    const before = await departmentScores(board);

    // The periodic sweep (here also started by hand) raises a red card on the overdue demo case.
    const admin = await signedIn(browser, 'admin');
    const sweep = await admin.request.post('/api/supervision/sweep', {
      headers: { 'x-csrf-token': await csrf(admin) },
    });
    expect(sweep.status()).toBe(200);
    await expect.poll(reds, POLL).toBeGreaterThan(0);
    const undecided = await reds();

    // The approval office explains the red card.
    const approver = await signedIn(browser, 'approver-city');
    await approver.goto('/supervision/warnings?level=red&state=open');
    const row = approver.locator('[data-testid^="sv-warning-"][data-level="red"][data-state="open"]').first();
    await row.waitFor();
    const rowId = await row.getAttribute('data-testid');
    await row.click();
    await approver.getByTestId('sv-explain-text').fill('现场核查因申请人原因延期，已督促加快办理');
    await approver.getByTestId('sv-explain-submit').click();
    await expect
      .poll(() => approver.getByTestId('sv-warning-detail').getAttribute('data-state'), POLL)
      .toBe('explained');

    // The supervisor does not accept the explanation: the card is confirmed and leaves the live count.
    const supervisor = await signedIn(browser, 'supervisor');
    await supervisor.goto('/supervision/warnings?state=explained');
    await supervisor.getByTestId(rowId!).click();
    await supervisor.getByTestId('sv-decide-comment').fill('延期未按特别程序办理，理由不成立');
    await supervisor.getByTestId('sv-decide-confirm').click();
    await expect
      .poll(() => supervisor.getByTestId('sv-warning-detail').getAttribute('data-state'), POLL)
      .toBe('confirmed');
    await expect.poll(reds, POLL).toBe(undecided - 1); // pushed by the stream

    // The confirmed card and the rejected explanation cost the department points in this month's assessment.
    const confirmed = (await (
      await supervisor.request.get('/api/supervision/warnings?state=confirmed&level=red&pageSize=200')
    ).json()) as { items: { caseNumber: string; rule: string; departmentCode: string }[] };
    const card = confirmed.items.find((w) => `sv-warning-${w.caseNumber}-${w.rule}` === rowId)!;
    const scoreBefore = before.scores[card.departmentCode] ?? before.base;
    const after = await departmentScores(board);
    expect(after.scores[card.departmentCode]).toBeLessThan(scoreBefore);
    await board.getByTestId(`as-row-${card.departmentCode}`).click();
    await expect.poll(() => board.getByTestId('as-detail-item-red_card').getAttribute('data-count'), POLL).toBe('1');
    await board.getByTestId('as-detail-item-rejected_explanation').waitFor();
    for (const p of [screen, admin, approver, supervisor, board]) await p.context().close();
  });

  it('a bad rating opens a rectification that the department checks, calls back and closes', async () => {
    // The demo company has a completed 食品经营许可 case.
    const company = await signedIn(browser, 'company');
    await company.goto('/my/cases');
    await company.getByTestId('my-cases-list').waitFor();
    const cases = (await (await company.request.get('/api/cases?status=completed&pageSize=50')).json()) as {
      items: { id: string; number: string }[];
    };
    const done = cases.items[0]!;
    await company.goto(`/my/cases/${done.id}`);
    await company.getByTestId('rate-card').waitFor();
    await company.getByTestId('rate-level-1').click();
    await company.getByTestId('rate-indicator-efficiency').click();
    await company.getByTestId('rate-comment').fill('现场核查等了很久，没有人告知进度');
    await company.getByTestId('rate-submit').click();
    await expect.poll(() => company.getByTestId('rate-done').getAttribute('data-level'), POLL).toBe('1');

    // The approval office finds the rating valid, rectifies and calls the applicant back.
    const approver = await signedIn(browser, 'approver-city');
    await approver.goto('/workbench/rectifications');
    await approver.getByTestId(`rect-${done.number}`).click();
    await expect
      .poll(() => approver.getByTestId('rect-status').getAttribute('data-status'), POLL)
      .toBe('pending_check');
    await approver.getByTestId('rect-action-check').click();
    await approver.getByTestId('rect-valid-yes').click();
    await approver.getByTestId('rect-confirm').click();
    await expect.poll(() => approver.getByTestId('rect-status').getAttribute('data-status'), POLL).toBe('rectifying');
    await approver.getByTestId('rect-action-callback').click();
    await approver.getByTestId('rect-result').fill('已电话回访，说明现场核查安排并致歉，今后主动告知进度');
    await approver.getByTestId('rect-measures').fill('现场核查前一日短信告知申请人');
    await approver.getByTestId('rect-satisfied').click();
    await approver.getByTestId('rect-confirm').click();
    await expect.poll(() => approver.getByTestId('rect-status').getAttribute('data-status'), POLL).toBe('closed');

    // A second online rating of the same service is refused.
    const again = await company.request.post('/api/ratings', {
      headers: { 'x-csrf-token': await csrf(company) },
      data: { caseId: done.id, channel: 'online', level: 5, indicators: ['overall'] },
    });
    expect(again.status()).toBe(409);
    await company.context().close();
    await approver.context().close();
  });
});
