import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, paper, PERSON } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { remindPromises } from './cases.promises';
import { shanghaiDay } from './cases.clock';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post, createCase, view, act, actOk, upload } = caseFixtures(() => t, 'linkage');
const actions = (c: { availableActions: { action: string }[] }) => c.availableActions.map((a) => a.action);
const todoIds = async (h: H) => (await get('/api/cases?pageSize=200', h)).json().items.map((i: { id: string }) => i.id);

const personForm = {
  applicantName: '张明',
  idNumber: PERSON.idNumber,
  phone: PERSON.phone,
  address: '兴隆台区兴隆街道某村 8 组',
};
const livingForm = {
  ...personForm,
  householdSize: 3,
  monthlyIncome: 900,
  reason: '家庭成员因病丧失劳动能力',
  residenceType: '农村',
};

/** A window clerk registers 最低生活保障审批 for 张明 (paper originals checked). */
async function registerLiving(clerk: H, extra: Record<string, unknown> = {}) {
  const res = await createCase(clerk, {
    itemCode: DEMO_ITEM_CODES.minimumLiving,
    form: livingForm,
    materials: paper('m1', 'm3', 'm4', 'm7'),
    submit: true,
    applicant: PERSON,
    channel: 'window',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
}

describe('四级联动: 最低生活保障审批 accepted at the village, pre-reviewed by the town, decided by the county', () => {
  it('reports up hop by hop, is sent down with reasons, and the decision flows back to the village hall', async () => {
    const village = await as('clerk-village');
    const town = await as('clerk-town');
    const county = await as('approver-county');
    const { id, number } = await registerLiving(village, { greenChannel: true });
    expect(number.startsWith('211103-')).toBe(true);

    let c = await view(id, village);
    expect(c).toMatchObject({
      regionCode: '211103',
      acceptRegionCode: '211103001001',
      currentLevel: 'village',
      greenChannel: true,
      departmentCode: 'XLT-XZSP',
    });
    expect(c.acceptingHall).not.toBeNull();
    expect(c.pickup).toMatchObject({ method: 'hall', hallId: c.acceptingHall.id });
    expect(c.linkage.map((h: { level: string }) => h.level)).toEqual(['village', 'town', 'county']);
    expect(actions(c)).toContain('accept');
    c = await actOk(id, village, 'accept');
    expect(c).toMatchObject({ status: 'accepted', currentLevel: 'village' });
    // the county does not act before the village has reported it up
    expect((await act(id, county, 'review-pass')).statusCode).toBe(403);
    expect(actions(c)).toEqual(['report-up']);
    expect(await todoIds(village)).toContain(id);
    expect(await todoIds(county)).not.toContain(id);

    const noOpinion = await act(id, village, 'report-up');
    expect(noOpinion.statusCode).toBe(400);
    expect(noOpinion.json().errors[0].field).toBe('comment');

    c = await actOk(id, village, 'report-up', { comment: '经入户了解，家庭困难属实，材料齐全' });
    expect(c).toMatchObject({
      currentLevel: 'town',
      currentRegion: { code: '211103001000', level: 'town' },
      readOnly: true,
    });
    // the answer is the case as the village now sees it, the same as reading it afresh
    expect(c).toEqual(await view(id, village));
    expect(await todoIds(village)).not.toContain(id);
    expect(await todoIds(town)).toContain(id);
    // the town is a pre-review level: it reports up or sends down, it does not decide
    c = await view(id, town);
    expect(actions(c).sort()).toEqual(['report-up', 'send-down']);

    const noReason = await act(id, town, 'send-down');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    c = await actOk(id, town, 'send-down', { reason: '请补充入户调查记录后重新上报' });
    expect(c.currentLevel).toBe('village'); // back at the village; the town follows it read-only
    expect(c.readOnly).toBe(true);
    c = await view(id, village);
    expect(c).toMatchObject({ currentLevel: 'village' });
    expect(actions(c)).toEqual(['report-up']);

    await actOk(id, village, 'report-up', { comment: '已补充入户调查记录' });
    await actOk(id, town, 'report-up', { comment: '镇街初审：同意，已公示 7 天无异议' });
    c = await view(id, county);
    expect(c).toMatchObject({ currentLevel: 'county', currentRegion: { code: '211103' } });
    expect(actions(c)).toEqual(expect.arrayContaining(['review-pass', 'send-down']));
    expect(actions(c)).not.toContain('report-up');
    expect(await todoIds(county)).toContain(id);
    // a village clerk never sees the county's back-office queue, nor acts on it
    expect(await todoIds(village)).not.toContain(id);
    expect((await act(id, village, 'review-pass')).statusCode).toBe(403);
    expect((await view(id, village)).readOnly).toBe(true);

    await actOk(id, county, 'review-pass');
    c = await actOk(id, county, 'grant');
    // the decision flows back to the accepting village hall, which hands over the result
    expect(c).toMatchObject({ status: 'granted', currentLevel: 'village', readOnly: true });
    c = await view(id, village);
    expect(actions(c)).toContain('issue-certificate');
    await actOk(id, village, 'issue-certificate');
    c = await actOk(id, village, 'deliver', { delivery: { method: 'window' } });
    expect(c.status).toBe('completed');

    const handovers = c.history
      .filter((h: { payload: { handover?: unknown; toLevel?: string } }) => h.payload.toLevel)
      .map(
        (h: { action: string; payload: { fromLevel: string; toLevel: string } }) =>
          `${h.action}:${h.payload.fromLevel}>${h.payload.toLevel}`,
      );
    expect(handovers).toEqual([
      'report-up:village>town',
      'send-down:town>village',
      'report-up:village>town',
      'report-up:town>county',
    ]);
    const back = c.history.find((h: { action: string }) => h.action === 'grant');
    expect(back.payload.handover).toMatchObject({ fromLevel: 'county', toLevel: 'village' });
    expect(c.history.find((h: { action: string }) => h.action === 'report-up').actionLabel).toBe('上报上级');
  });

  it('scope: another county approver gets 404; the village does not see a case of another village', async () => {
    const village = await as('clerk-village');
    const { id } = await registerLiving(village);
    const admin = await as('admin');
    const created = await post('/api/staff', admin, {
      username: 'approver-dawa',
      name: '钱审批',
      password: 'Dawa@2026x',
      roles: ['approver', 'chief'],
      regionCode: '211104',
    });
    expect(created.statusCode, created.body).toBe(201);
    const other = await t.login('approver-dawa', 'Dawa@2026x');
    expect((await get(`/api/cases/${id}`, other)).statusCode).toBe(404);
    expect(
      (await post(`/api/cases/${id}/actions`, other, { action: 'report-up', version: 2, comment: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await get('/api/cases?view=all&pageSize=200', other)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    // the county sees the case (read-only) while the village holds it
    expect((await view(id, await as('approver-county'))).readOnly).toBe(true);
  });

  it('a hall cannot accept an item it is not configured for; 同城通办 routes to the competent county', async () => {
    const village = await as('clerk-village');
    const food = await createCase(village, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: {},
      materials: [],
      submit: false,
      applicant: { kind: 'company', name: '盘锦辽河示范科技有限公司', creditCode: '91211103MA0Y8K2P7J' },
    });
    expect(food.statusCode).toBe(422);
    expect(food.json().errors[0]).toMatchObject({ field: 'itemCode' });
    expect(food.json().errors[0].message).toContain('本事项不能在村级受理');

    const town = await as('clerk-town');
    // 同城通办: the applicant lives in 大洼区; the Xinglongtai town hall accepts, 大洼区 decides, the result is posted
    const { id } = await registerLiving(town, {
      competentRegionCode: '211104',
      pickup: { method: 'post', address: '盘锦市大洼区田家街道某小区 2 号楼' },
    });
    const c = await view(id, town);
    expect(c).toMatchObject({
      regionCode: '211104',
      acceptRegionCode: '211103001000',
      currentLevel: 'town',
      pickup: { method: 'post' },
    });
    expect(c.linkage.map((h: { regionCode: string }) => h.regionCode)).toEqual(['211103001000', '211104']);
    // 特困人员救助供养审批 is not accepted anywhere: it stays with the hall's own county
    const notAnywhere = await createCase(town, {
      itemCode: '2111-JF-00003',
      form: personForm,
      materials: paper('m1'),
      submit: false,
      applicant: PERSON,
      competentRegionCode: '211104',
    });
    expect(notAnywhere.statusCode).toBe(422);
    expect(notAnywhere.json().errors[0].field).toBe('competentRegionCode');
  });
});

describe('容缺受理 + 承诺', () => {
  const individualForm = {
    applicantName: '张明',
    idNumber: PERSON.idNumber,
    phone: PERSON.phone,
    address: '盘锦市兴隆台区振兴街道世纪社区 3 号楼',
    businessScope: '日用百货零售',
    organizationForm: '个人经营',
    capital: 3,
    premises: '盘锦市兴隆台区振兴街道世纪社区底商 8 号',
  };
  const registerIndividual = async (clerk: H) => {
    const res = await createCase(clerk, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      form: individualForm,
      materials: paper('m1'),
      submit: true,
      applicant: PERSON,
      channel: 'window',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('accepts with a promise for a tolerated material; the certificate waits until it is supplied', async () => {
    const clerk = await as('clerk-city');
    const zhang = await as('applicant');
    const id = await registerIndividual(clerk);
    // m1 (申请书) is not a tolerated material
    const wrong = await act(id, clerk, 'accept', { deferredMaterials: [{ materialId: 'm1', dueDate: '2027-06-30' }] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('deferredMaterials.0.materialId');
    expect(wrong.json().detail).toContain('m1');

    let c = await actOk(id, clerk, 'accept', { deferredMaterials: [{ materialId: 'm3', dueDate: '2027-06-30' }] });
    expect(c.openPromises).toHaveLength(1);
    expect(c.openPromises[0]).toMatchObject({ materialId: 'm3', dueDate: '2027-06-30', state: 'open' });
    expect(c.openPromises[0].promiseText).toContain('2027-06-30');
    expect(c.promiseOverdue).toBe(false);
    await actOk(id, clerk, 'grant');
    const blocked = await act(id, clerk, 'issue-certificate');
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().detail).toContain('容缺承诺');

    // the applicant sees the promise and supplies the material online
    c = await view(id, zhang);
    expect(actions(c)).toContain('supply-material');
    const noFiles = await act(id, zhang, 'supply-material', { materialId: 'm3' });
    expect(noFiles.statusCode).toBe(400);
    c = await actOk(id, clerk, 'supply-material', { materialId: 'm3', paper: true });
    expect(c.openPromises).toHaveLength(0);
    expect(c.promises[0].state).toBe('fulfilled');
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm3').status).toBe('received');
    c = await actOk(id, clerk, 'issue-certificate');
    expect(c.status).toBe('certificate_issued');
  });

  it('lists overdue promises for clerks and supervisors, flags the case, reminds the applicant of a promise due soon', async () => {
    const clerk = await as('clerk-city');
    const overdueId = await registerIndividual(clerk);
    await actOk(overdueId, clerk, 'accept', { deferredMaterials: [{ materialId: 'm3', dueDate: '2027-06-30' }] });
    await sql`update case_promises set due_date = '2026-01-05' where case_id = ${overdueId}`.execute(t.db);
    const soonId = await registerIndividual(clerk);
    await actOk(soonId, clerk, 'accept', {
      greenChannel: true,
      deferredMaterials: [{ materialId: 'm3', dueDate: '2027-06-30' }],
    });
    const today = shanghaiDay(t.now());
    await sql`update case_promises set due_date = ${today} where case_id = ${soonId}`.execute(t.db);

    for (const who of ['clerk-city', 'supervisor']) {
      const res = await get('/api/cases/promises?state=overdue', await as(who));
      expect(res.statusCode, res.body).toBe(200);
      const ids = res.json().items.map((i: { caseId: string }) => i.caseId);
      expect(ids).toContain(overdueId);
      expect(ids).not.toContain(soonId);
    }
    expect(
      (await get('/api/cases/promises?state=overdue', await as('clerk-county')))
        .json()
        .items.map((i: { caseId: string }) => i.caseId),
    ).not.toContain(overdueId);
    expect((await get('/api/cases/promises', await as('applicant'))).statusCode).toBe(403);
    expect((await view(overdueId, clerk)).promiseOverdue).toBe(true);

    // green channel cases sort first in the clerk's list
    const list = (await get('/api/cases?view=all&pageSize=5', clerk)).json();
    expect(list.items[0]).toMatchObject({ id: soonId, greenChannel: true });

    const r = await remindPromises(t.db, today);
    expect(r).toEqual({ reminded: 1, overdue: 1 });
    expect((await remindPromises(t.db, today)).reminded).toBe(0); // once per promise
    const n = await sql<{
      n: number;
    }>`select count(*)::int as n from messages where case_id = ${soonId} and kind = 'case.promise_due'`.execute(t.db);
    expect(n.rows[0]!.n).toBe(1);
  });
});

describe('网上申请 of a county-decided item in the city catalogue', () => {
  it('the applicant names the county; the case goes to that county and its approval bureau', async () => {
    const person = await as('applicant');
    const materials = await Promise.all(
      ['m1', 'm3', 'm4', 'm7'].map(async (m) => ({ materialId: m, fileIds: [await upload(person, `${m}.pdf`)] })),
    );
    const body = { itemCode: DEMO_ITEM_CODES.minimumLiving, form: livingForm, materials, submit: true };
    for (const [code, why] of [
      [undefined, '请选择办理地'],
      ['211103001000', '县区级'],
      ['210200', '不在本事项的实施范围内'],
    ] as const) {
      const res = await createCase(person, code ? { ...body, competentRegionCode: code } : body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        field: 'competentRegionCode',
        message: expect.stringContaining(why),
      });
    }
    const ok = await createCase(person, { ...body, competentRegionCode: '211103' });
    expect(ok.statusCode, ok.body).toBe(201);
    const { id } = ok.json();
    expect(await view(id, person)).toMatchObject({
      regionCode: '211103',
      departmentCode: 'XLT-XZSP',
      currentLevel: 'county',
      currentRegion: { code: '211103' },
    });
    expect(await todoIds(await as('clerk-county'))).toContain(id);
    expect(await todoIds(await as('clerk-city'))).not.toContain(id);
  });
});
