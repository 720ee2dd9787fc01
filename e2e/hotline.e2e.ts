import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, POLL, settle, signedIn } from './browser';

/** Picks a path of a cascader (category, region) by the names of its levels. */
async function cascade(page: Page, testId: string, names: string[]) {
  await page.getByTestId(testId).click();
  for (const [i, name] of names.entries()) {
    const menu = page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu').nth(i);
    const item = menu
      .locator('.ant-cascader-menu-item')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .first();
    await item.click();
    // A level opens the next one once it is active (a drawer still sliding in may swallow the click).
    if (i < names.length - 1)
      await expect
        .poll(async () => {
          if ((await item.getAttribute('class'))?.includes('ant-cascader-menu-item-active')) return true;
          await item.click();
          return false;
        }, POLL)
        .toBe(true);
  }
  if (await page.locator('.ant-cascader-dropdown:visible').count()) await page.keyboard.press('Escape');
}

/** Picks a region of a lazily loaded region tree by name, opening the root first when its children are hidden. */
async function pickRegion(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).click();
  const dropdown = page.locator('.ant-select-dropdown:visible').last();
  const node = dropdown.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: name }).first();
  await dropdown.locator('.ant-select-tree-node-content-wrapper').first().waitFor();
  if (!(await node.isVisible())) await dropdown.locator('.ant-select-tree-switcher_close').first().click();
  await node.click();
  await expect.poll(() => dropdown.isVisible(), POLL).toBe(false);
}

/** Answers a call at the console: the call event is posted and the caller's earlier tickets show. */
async function takeCall(page: Page, phone: string) {
  await page.goto('/hotline/console');
  await page.getByTestId('hl-call-number').fill(phone);
  await page.getByTestId('hl-call-answer').click();
  await page.getByTestId('hl-earlier').waitFor();
  await expect(page.getByTestId('hl-form-caller-phone').inputValue()).resolves.toBe(phone);
}

/** The registered ticket's state at the console, and its id from the link to it. */
const registered = (page: Page) => page.getByTestId('hl-registered').getAttribute('data-state');
async function registeredId(page: Page) {
  const href = await page.getByTestId('hl-registered-number').getAttribute('href');
  return href!.split('/').pop()!;
}

/** Opens the ticket and takes one action through its form; waits until the ticket shows `state`. */
async function act(page: Page, id: string, action: string, state: string, fill?: (p: Page) => Promise<void>) {
  await page.goto(`/hotline/tickets/${id}`);
  await page.getByTestId(`hl-action-${action}`).click();
  await page.getByTestId('hl-action-form').waitFor();
  if (fill) await fill(page);
  await page.getByTestId('hl-action-submit').click();
  await settle(page, async () => {
    await expect.poll(() => page.getByTestId('hl-ticket').getAttribute('data-state'), POLL).toBe(state);
  });
}

const reply = (text: string) => async (p: Page) => {
  await p.getByTestId('hl-action-text').fill(text);
};
const callback = (satisfaction: string, solved: string) => async (p: Page) => {
  await p.getByTestId('hl-action-satisfaction').getByText(satisfaction, { exact: true }).click();
  await p.getByTestId('hl-action-solved').getByText(solved, { exact: true }).click();
};

describe('12345 热线', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an operator answers a caller’s question from the knowledge base and closes the ticket at once', async () => {
    const operator = await signedIn(browser, 'operator');
    expect(new URL(operator.url()).pathname).toMatch(/^\/hotline/);
    await takeCall(operator, '13812340001');

    // The question is looked up; an entry that does not fit is marked, the right one is used.
    const search = operator.getByTestId('hl-kb-q').locator('input');
    await search.fill('社保卡丢了怎么补办');
    await search.press('Enter');
    await operator.getByTestId('hl-kb-open-0').click();
    await expect(operator.getByTestId('hl-kb-entry').innerText()).resolves.toContain('补卡');
    const entryCounts = async () => {
      const res = await operator.request.get('/api/hotline/kb?q=社保卡丢了怎么补办&pageSize=1');
      const e = ((await res.json()) as { items: { id: string; useCount: number; notHelpfulCount: number }[] })
        .items[0]!;
      return e;
    };
    const before = await entryCounts();
    await operator.getByTestId('hl-kb-not-helpful').click();
    await expect.poll(async () => (await entryCounts()).notHelpfulCount, POLL).toBe(before.notHelpfulCount + 1);
    await operator.getByTestId('hl-kb-use').click();
    await operator.getByTestId('hl-kb-chosen').waitFor();

    // The ticket: a consultation, its category and title from the entry; the caller's village.
    await cascade(operator, 'hl-form-region', ['兴隆台区', '振兴街道', '世纪社区']);
    await operator.getByTestId('hl-form-caller-name').fill('王建国');
    await operator.getByTestId('hl-form-submit').click();
    await settle(operator, async () => {
      await expect.poll(() => registered(operator), POLL).toBe('registered');
    });

    // 直接答复 with the entry's answer: closed at once, the entry's use counted.
    await operator.getByTestId('hl-action-answer').click();
    await expect(operator.getByTestId('hl-action-text').inputValue()).resolves.toContain('补卡');
    await operator.getByTestId('hl-action-submit').click();
    await settle(operator, async () => {
      await expect.poll(() => registered(operator), POLL).toBe('closed');
    });
    const id = await registeredId(operator);
    const ticket = (await (await operator.request.get(`/api/hotline/tickets/${id}`)).json()) as {
      type: string;
      answeredAtOnce: boolean;
      kbEntryId: string;
      caller: { phone: string };
    };
    expect(ticket).toMatchObject({ type: 'consult', answeredAtOnce: true, kbEntryId: before.id });
    expect(ticket.caller.phone).toBe('13812340001');
    expect((await entryCounts()).useCount).toBe(before.useCount + 1);

    // The ticket page shows it closed, with its history.
    await operator.getByTestId('hl-registered-number').click();
    await expect.poll(() => operator.getByTestId('hl-ticket').getAttribute('data-state'), POLL).toBe('closed');
    await operator.getByTestId('hl-history-answer').waitFor();
    await operator.context().close();
  });

  it('a blocked road: dispatched to the county, passed to the street office, reopened once, closed satisfied', async () => {
    const operator = await signedIn(browser, 'operator');
    await takeCall(operator, '13812340002');
    await operator.getByTestId('hl-form-type').getByText('投诉', { exact: true }).click();
    await cascade(operator, 'hl-form-category', ['城市管理', '道路设施']);
    await cascade(operator, 'hl-form-region', ['兴隆台区', '振兴街道', '世纪社区']);
    await operator.getByTestId('hl-form-address').fill('兴隆台区振兴街道世纪社区北门');
    await operator.getByTestId('hl-form-caller-name').fill('赵丽');
    await operator.getByTestId('hl-form-title').fill('世纪社区北门道路被建筑垃圾堵塞');
    await operator
      .getByTestId('hl-form-content')
      .fill('世纪社区北门道路被建筑垃圾堵塞两天，车辆无法通行，请尽快清理。');
    await operator.getByTestId('hl-form-submit').click();
    await settle(operator, async () => {
      await expect.poll(() => registered(operator), POLL).toBe('registered');
    });
    // 派单 to the unit the rules suggest: 兴隆台区.
    await expect(operator.getByTestId('hl-console').innerText()).resolves.toContain('兴隆台区');
    await operator.getByTestId('hl-action-dispatch').click();
    await operator.getByTestId('hl-action-submit').click();
    await settle(operator, async () => {
      await expect.poll(() => registered(operator), POLL).toBe('dispatched');
    });
    const id = await registeredId(operator);
    const number = await operator.getByTestId('hl-registered-number').innerText();

    // The county finds it in its inbox, signs for it and passes it on to 振兴街道.
    const county = await signedIn(browser, 'unit-county');
    await county.goto('/hotline');
    await county.getByTestId(`hl-row-${number}`).waitFor();
    await act(county, id, 'sign', 'handling');
    await act(county, id, 'redispatch', 'dispatched', (p) => pickRegion(p, 'hl-action-unit-region', '振兴街道'));
    await expect(county.getByTestId('hl-unit-name').innerText()).resolves.toContain('振兴街道');

    // The street office signs and replies; the centre passes the reply; the caller is unsatisfied.
    const town = await signedIn(browser, 'unit-town');
    await act(town, id, 'sign', 'handling');
    await act(town, id, 'reply', 'replied', reply('已通知物业清理北门建筑垃圾。'));
    // Two at the centre review the same reply: the second is told someone came first and sees the ticket again.
    const chief = await signedIn(browser, 'hotline-chief');
    await chief.goto(`/hotline/tickets/${id}`);
    await chief.getByTestId('hl-action-review-pass').waitFor();
    const other = await signedIn(browser, 'hotline-chief');
    await act(other, id, 'review-pass', 'callback');
    await chief.getByTestId('hl-action-review-pass').click();
    await chief.getByTestId('hl-action-submit').click();
    await expect.poll(() => chief.locator('.ant-message').innerText(), POLL).toContain('工单已被他人处理');
    await expect.poll(() => chief.getByTestId('hl-ticket').getAttribute('data-state'), POLL).toBe('callback');
    await act(operator, id, 'callback', 'handling', callback('不满意', '未解决'));

    // Reopened to the same office: a second reply, passed, and the caller is satisfied.
    await act(town, id, 'reply', 'replied', reply('已组织清运车辆将建筑垃圾全部清运，道路恢复通行。'));
    await act(chief, id, 'review-pass', 'callback');
    await act(operator, id, 'callback', 'closed', callback('满意', '已解决'));
    const done = (await (await operator.request.get(`/api/hotline/tickets/${id}`)).json()) as {
      reopenCount: number;
      satisfaction: string;
      solved: boolean;
      unit: { code: string };
    };
    expect(done).toMatchObject({ reopenCount: 1, satisfaction: 'satisfied', solved: true });
    expect(done.unit.code).toBe('211103001000');
    // The county still sees the ticket it passed on, in its inbox.
    await county.goto('/hotline/tickets');
    await county.getByTestId(`hl-row-${number}`).waitFor();
    for (const p of [operator, county, town, chief, other]) await p.context().close();
  });

  it('the centre’s chief writes and publishes a knowledge entry, keeps a dispatch rule and reads the figures', async () => {
    const chief = await signedIn(browser, 'hotline-chief');
    await chief.goto('/hotline/kb');
    await chief.getByTestId('hl-kb-create').click();
    await chief.getByTestId('hl-kb-question').fill('路灯不亮找哪个部门？');
    await chief.getByTestId('hl-kb-answer').fill('城区路灯由所在县区城市管理部门负责维修，可拨打 12345 报修。');
    await chief.getByTestId('hl-kb-source').fill('市住建局');
    await chief.getByTestId('hl-kb-editor-save').click();
    const view = chief.getByTestId('hl-kb-view');
    await expect.poll(() => view.getAttribute('data-state'), POLL).toBe('draft');
    await chief.getByTestId('hl-kb-action-submit').click();
    await expect.poll(() => view.getAttribute('data-state'), POLL).toBe('review');
    await chief.getByTestId('hl-kb-action-publish').click();
    await expect.poll(() => view.getAttribute('data-state'), POLL).toBe('published');
    // Published: the operators find it.
    const found = (await (await chief.request.get('/api/hotline/kb?q=路灯不亮&pageSize=3')).json()) as {
      items: { question: string }[];
    };
    expect(found.items.map((e) => e.question)).toContain('路灯不亮找哪个部门？');

    // A dispatch rule: street lights in 兴隆台区 go to its government; then it is deleted again.
    await chief.goto('/hotline/rules');
    await chief.getByTestId('hl-rule-create').click();
    await cascade(chief, 'hl-rule-category', ['城市管理', '路灯照明']);
    await pickRegion(chief, 'hl-rule-region', '兴隆台区');
    await pickRegion(chief, 'hl-rule-unit-region', '兴隆台区');
    await chief.getByTestId('hl-rule-save').click();
    const del = chief.getByTestId('hl-rule-delete-CSGL-LD-211103');
    await del.waitFor();
    await del.click();
    await chief.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await expect.poll(() => del.count(), POLL).toBe(0);

    // The figures of the month, by unit and by category.
    await chief.goto('/hotline/figures');
    const rows = chief.getByTestId('hl-fig-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBeGreaterThan(0);
    await chief.getByTestId('hl-fig-group').getByText('按分类').click();
    await expect.poll(() => chief.getByTestId('hl-fig-table').innerText(), POLL).toContain('城市管理');
    await chief.getByTestId('hl-fig-chart').locator('canvas').waitFor();
    await chief.context().close();
  });
});
