import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY_CODE, paper, PERSON } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, createCase, view, act, actOk, upload } = caseFixtures(() => t, 'truths');

describe('small truths of a case', () => {
  it('shows the accepting hall once a clerk of a hall accepts an online case', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const res = await createCase(company, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: {
        companyName: '盘锦辽河示范科技有限公司',
        creditCode: COMPANY_CODE,
        legalRepresentative: '王志强',
        contactPhone: '13804275678',
        address: '辽宁省盘锦市兴隆台区石油大街 96 号',
        businessPremises: '辽宁省盘锦市兴隆台区石油大街 96 号一层',
        mainForm: '餐饮服务经营者',
        businessItems: '热食类食品制售',
        foodSafetyOfficer: '李娜',
      },
      materials: await Promise.all(
        ['m1', 'm3', 'm4', 'm5'].map(async (materialId) => ({ materialId, fileIds: [await upload(company)] })),
      ),
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
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
      const res = await createCase(village, {
        itemCode: DEMO_ITEM_CODES.minimumLiving,
        form: {
          applicantName: applicant.name,
          idNumber: applicant.idNumber,
          phone: applicant.phone,
          address: '兴隆台区振兴街道世纪社区 8 号',
          householdSize: 3,
          monthlyIncome: 900,
          reason: '家庭成员因病丧失劳动能力',
          residenceType: '城市',
        },
        materials: paper('m1', 'm3', 'm4', 'm7'),
        submit: true,
        applicant,
        channel: 'window',
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id } = res.json() as { id: string };
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
