import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { caseFixtures, PERSON } from '../../../test/cases-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, view, act, actOk, fileFood, registerMinimumLiving } = caseFixtures(() => t, 'truths');

describe('small truths of a case', () => {
  it('shows the accepting hall once a clerk of a hall accepts an online case', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    expect((await view(id, clerk)).acceptingHall).toBeNull();
    const c = await actOk(id, clerk, 'accept');
    expect(c.acceptingHall?.name).toBeTruthy();
    expect((await view(id, company)).acceptingHall?.name).toBe(c.acceptingHall.name);
  });

  it('a village clerk cannot withdraw a case once it is reported up, whether or not the applicant has an account', async () => {
    const village = await as('clerk-village');
    // 张明 has an account; 李秀兰 has none, so the clerk who registered her case stood in for her
    for (const applicant of [
      PERSON,
      { kind: 'person', name: '李秀兰', idNumber: '211103198505052422', phone: '13804279876' },
    ]) {
      const { id } = await registerMinimumLiving(village, applicant);
      await actOk(id, village, 'accept');
      await actOk(id, village, 'report-up', { comment: '经入户了解，家庭困难属实' });
      expect((await view(id, village)).availableActions.map((a: { action: string }) => a.action)).not.toContain(
        'withdraw',
      );
      const refused = await act(id, village, 'withdraw', { reason: '申请人要求撤回' });
      expect(refused.statusCode, applicant.name).toBe(409);
      expect(refused.json().code).toBe('held_above');
      expect(refused.json().detail).toMatch(/^办件已上报镇街级办理，本级不能再撤回/);
      expect((await view(id, village)).status).toBe('accepted');
    }
  });
});
