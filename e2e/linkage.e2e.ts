import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { act, launch, pickOption, signedIn } from './browser';

const current = (level: string) => async (p: Page) =>
  (await p.getByTestId(`linkage-${level}`).getAttribute('data-current')) === 'true';

describe('four-level linkage 四级联动', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a village accepts 最低生活保障审批 and reports it up; the town pre-reviews; the county decides; the village hands over', async () => {
    // The village 便民服务站 registers the application brought on paper.
    const village = await signedIn(browser, 'clerk-village');
    await village.goto('/workbench/cases/new');
    await village.getByTestId('wr-form').waitFor();
    await village.getByTestId('wr-applicant-kind-person').click();
    await village.getByTestId('wr-applicant-name').fill('张明');
    await village.getByTestId('wr-applicant-id-number').fill('211103199001011234');
    await village.getByTestId('wr-applicant-phone').fill('13804271234');
    await village.getByTestId('wr-item').click();
    await village.keyboard.type('最低生活保障');
    await village
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '最低生活保障审批' })
      .first()
      .click();
    await village.getByTestId('wr-field-address').fill('辽宁省盘锦市兴隆台区示范村3组');
    await village.getByTestId('wr-field-householdSize').fill('3');
    await village.getByTestId('wr-field-monthlyIncome').fill('900');
    await village.getByTestId('wr-field-reason').fill('家庭成员因病丧失劳动能力');
    await pickOption(village, 'wr-field-residenceType', '农村');
    for (const m of ['m1', 'm2', 'm3', 'm4', 'm7']) {
      const paper = village.getByTestId(`material-paper-${m}`);
      if (await paper.count()) await paper.click();
    }
    await village.getByTestId('wr-submit').click();
    await village.waitForURL(/\/workbench\/cases\/[0-9a-f-]{36}/);
    const caseId = /\/workbench\/cases\/([0-9a-f-]{36})/.exec(village.url())![1]!;

    await act(village, caseId, 'accept', 'accepted');
    expect(await village.getByTestId('case-linkage').isVisible()).toBe(true);
    await act(village, caseId, 'report-up', null, undefined, current('town'));

    // The town 便民服务中心 pre-reviews and reports up to the county.
    const town = await signedIn(browser, 'clerk-town');
    await act(town, caseId, 'report-up', null, undefined, current('county'));

    // The county approval office reviews and decides; the decision goes back to the village.
    const county = await signedIn(browser, 'approver-county');
    await act(county, caseId, 'review-pass', 'reviewed');
    await act(county, caseId, 'grant', 'granted', undefined, current('village'));

    // The village hands over the result.
    await act(village, caseId, 'issue-certificate', 'certificate_issued');
    await act(village, caseId, 'deliver', 'completed', async (p) => {
      await p.getByTestId('action-delivery-window').click();
    });
    const history = await village.getByTestId('case-history').innerText();
    expect(history).toContain('上报上级');

    // A clerk of the village cannot see the county's back-office queue; another county's staff cannot see the case.
    const queue = (await (await village.request.get('/api/cases?pageSize=100')).json()) as {
      items: { regionCode: string; currentRegionCode: string }[];
    };
    expect(queue.items.every((c) => c.currentRegionCode.startsWith('211103001001'))).toBe(true);
    for (const p of [village, town, county]) await p.context().close();
  });
});
