import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY_CODE, individualForm, PERSON, foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { reclockOpenCases } from './cases.reclock';
import * as repo from './cases.repository';
import { casesClockLog } from './db/migrations/20261206T1600_cases_clock_log';
import { casesTracking } from './db/migrations/20261212T0900_cases_tracking';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => t.pinClock(null));

const { as, get, post, newKey, createCase, view, act, actOk, registerIndividual, upload } = caseFixtures(() => t);
const eventCount = async (id: string) =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from case_events where case_id = ${id}`.execute(t.db)).rows[0]!
      .n,
  );

/** 城乡居民基本养老保险 is decided by the county: an online applicant names it (张明 lives in 兴隆台区). */
const PENSION_COUNTY = '211103';

/** A pre-review checklist with every material of `fileFood` 符合. */
const FOOD_CHECKS = ['m1', 'm3', 'm4', 'm5'].map((materialId) => ({ materialId, result: 'ok' }));

/** The company files a complete 食品经营许可 online (m2 and m6 come from the e-licence; m7 is optional). */
async function fileFood(headers: H, over: Record<string, unknown> = {}) {
  const materials = [
    { materialId: 'm1', fileIds: [await upload(headers, '申请书.pdf')] },
    { materialId: 'm3', fileIds: [await upload(headers, '布局图.pdf')] },
    { materialId: 'm4', fileIds: [await upload(headers, '规章制度目录.pdf')] },
    { materialId: 'm5', fileIds: [await upload(headers, '培训合格证明.pdf')] },
  ];
  const res = await createCase(headers, {
    itemCode: DEMO_ITEM_CODES.foodBusiness,
    form: foodForm,
    materials,
    submit: true,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; status: string };
}

describe('the standard path of 食品经营许可, online, with the demo accounts', () => {
  it('runs from submission through correction, acceptance, review, inspection, decision, certificate and delivery', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const chief = await as('chief-city');

    const created = await fileFood(company);
    expect(created.status).toBe('submitted');
    expect(created.number).toMatch(/^211100-\d{8}-\d{6}$/);

    let c = await view(created.id, company);
    expect(c).toMatchObject({
      status: 'submitted',
      statusLabel: '已提交，待预审',
      version: 2,
      channel: 'online',
      deadlineState: 'not_started',
    });
    expect(c.applicant).toMatchObject({ kind: 'company', creditCode: COMPANY_CODE, hasAccount: true });
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm1').files).toHaveLength(1);
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm2').status).toBe('shared');
    expect(c.availableActions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);

    // the window finds it in its inbox and sends a one-time correction notice
    const inbox = (await get('/api/cases?pageSize=200', clerk)).json();
    expect(inbox.items.map((i: { id: string }) => i.id)).toContain(created.id);
    c = await view(created.id, clerk);
    expect(c.availableActions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['prereview-pass', 'request-correction', 'refuse', 'accept']),
    );
    c = await actOk(created.id, clerk, 'request-correction', {
      corrections: [
        { materialId: 'm3', problem: '平面布局图未标明各功能区域，请补充' },
        { field: 'foodSafetyOfficer', problem: '请填写持证的食品安全管理人员' },
      ],
      comment: '一次性告知',
    });
    expect(c.status).toBe('correction_requested');
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm3')).toMatchObject({
      status: 'rejected',
      note: '平面布局图未标明各功能区域，请补充',
    });
    expect(c.documents.map((d: { kind: string }) => d.kind)).toEqual(['correction_notice']);

    // resubmitting without replacing the rejected material is refused, naming it
    const bad = await act(created.id, company, 'resubmit');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detail).toContain('m3');
    const before = await view(created.id, company);
    c = await actOk(created.id, company, 'resubmit', {
      form: { ...foodForm, foodSafetyOfficer: '李娜（食品安全管理员证 A123）' },
      materials: [
        ...before.materials
          .filter((m: { materialId: string; files: unknown[] }) => ['m1', 'm4', 'm5'].includes(m.materialId))
          .map((m: { materialId: string; files: { id: string }[] }) => ({
            materialId: m.materialId,
            fileIds: m.files.map((f) => f.id),
          })),
        { materialId: 'm3', fileIds: [await upload(company, '布局图-修改.pdf')] },
      ],
    });
    expect(c.status).toBe('submitted');
    expect(c.form.foodSafetyOfficer).toContain('A123');
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm3').status).toBe('received');

    // acceptance starts the clock: promised 5 and statutory 10 working days
    c = await actOk(created.id, clerk, 'accept', { comment: '材料齐全' });
    expect(c.status).toBe('accepted');
    expect(c.deadlines.acceptedOn).toBeTruthy();
    expect(c.deadlines.promised > c.deadlines.acceptedOn).toBe(true);
    expect(c.deadlines.statutory > c.deadlines.promised).toBe(true);
    expect(c.remainingWorkingDays).toBe(5);
    expect(['on_time', 'near']).toContain(c.deadlineState);
    expect(c.documents.map((d: { kind: string }) => d.kind)).toEqual(['correction_notice', 'acceptance_notice']);

    // back office: review, site inspection (the item's own step), decision
    c = await actOk(created.id, approver, 'review-pass');
    expect(c).toMatchObject({
      status: 'site_inspection',
      statusLabel: '现场踏勘',
      currentStep: { code: 'site_inspection', limitDays: 2 },
    });
    expect(c.currentStep.deadline).toBeTruthy();
    c = await actOk(created.id, approver, 'inspection-pass', { comment: '现场符合要求' });
    expect(c.status).toBe('reviewed');
    c = await actOk(created.id, chief, 'grant', { comment: '同意' });
    expect(c.status).toBe('granted');
    expect(c.documents.map((d: { kind: string }) => d.kind)).toContain('grant_decision');

    // exit window: certificate, then delivery by express (tracking number required)
    c = await actOk(created.id, clerk, 'issue-certificate', { certificate: { validUntil: '2031-11-22' } });
    expect(c.status).toBe('certificate_issued');
    expect(c.documents.map((d: { kind: string }) => d.kind)).toContain('certificate');
    const noTracking = await act(created.id, clerk, 'deliver', { delivery: { method: 'express', carrier: 'EMS' } });
    expect(noTracking.statusCode).toBe(400);
    expect(noTracking.json().errors.map((e: { field: string }) => e.field)).toEqual(['delivery.trackingNumber']);
    c = await actOk(created.id, clerk, 'deliver', {
      delivery: { method: 'express', carrier: 'EMS', trackingNumber: '1190012345678' },
    });
    expect(c).toMatchObject({
      status: 'completed',
      statusLabel: '已办结',
      deadlineState: 'finished',
      deadlineColour: 'grey',
      onTime: true,
      availableActions: [],
    });
    expect(c.deadlines.finishedOn).toBeTruthy();

    // the history holds one event per step, in order, with who did what
    expect(c.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'submit',
      'request-correction',
      'resubmit',
      'accept',
      'review-pass',
      'inspection-pass',
      'grant',
      'issue-certificate',
      'deliver',
    ]);
    expect(c.history.map((h: { seq: number }) => h.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const corr = c.history[2];
    expect(corr).toMatchObject({
      actor: { name: '李晓雯', role: 'clerk' },
      fromStatus: 'submitted',
      toStatus: 'correction_requested',
      comment: '一次性告知',
    });
    expect(corr.payload.corrections).toHaveLength(2);
    expect(c.history[4]).toMatchObject({ action: 'accept', clock: 'start' });
    expect(c.history[9]).toMatchObject({
      action: 'deliver',
      clock: 'end',
      payload: { delivery: { trackingNumber: '1190012345678' } },
    });
    expect(c.version).toBe(10);

    // every action is in the audit log
    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'case' and entity_id = ${created.id} order by id`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'cases.case.create',
      'cases.case.request-correction',
      'cases.case.resubmit',
      'cases.case.accept',
      'cases.case.review-pass',
      'cases.case.inspection-pass',
      'cases.case.grant',
      'cases.case.issue-certificate',
      'cases.case.deliver',
    ]);

    // documents and materials download for the owner and the staff in scope
    const doc = c.documents.find((d: { kind: string }) => d.kind === 'acceptance_notice');
    const pdf = await get(`/api/cases/${created.id}/documents/${doc.id}`, company);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const fileId = c.materials.find((m: { materialId: string }) => m.materialId === 'm1').files[0].id;
    const file = await get(`/api/cases/${created.id}/files/${fileId}`, clerk);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // the applicant was told at each step that concerns them, in-app (and by SMS to the known mobile)
    const messages = (await get(`/api/messages?caseId=${created.id}&pageSize=100`, company)).json();
    expect(messages.items.map((m: { kind: string }) => m.kind).sort()).toEqual(
      [
        'case.submitted',
        'case.correction',
        'case.submitted',
        'case.accepted',
        'case.granted',
        'case.certificate',
        'case.completed',
      ].sort(),
    );
    expect(messages.items.find((m: { kind: string }) => m.kind === 'case.correction').body).toContain('平面布局图');
    expect((await get(`/api/messages?caseId=${created.id}`, clerk)).json().total).toBe(0);

    // a finished case leaves the inboxes but stays in view=all
    const todo = (await get('/api/cases?pageSize=200', clerk)).json();
    expect(todo.items.map((i: { id: string }) => i.id)).not.toContain(created.id);
    const all = (await get(`/api/cases?view=all&q=${created.number}`, clerk)).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
  });
});

describe('immediate items 即办件', () => {
  it('clerk-city registers, accepts, decides and hands out 个体工商户设立登记 in one visit', async () => {
    const clerk = await as('clerk-city');
    const created = await registerIndividual(clerk);
    expect(created.status).toBe('submitted');
    let c = await view(created.id, clerk);
    expect(c).toMatchObject({ channel: 'window', handlingType: 'immediate', processKey: 'immediate' });
    expect(c.applicant).toMatchObject({ name: '张明', idNumber: PERSON.idNumber, hasAccount: true });
    c = await actOk(created.id, clerk, 'accept');
    expect(c.deadlines.promised).toBe(c.deadlines.acceptedOn); // 0 working days: today
    // 环节时限: every step of an immediate item is due the same day.
    expect(c.currentStep).toMatchObject({ code: 'accepted', limitDays: 0, deadline: c.deadlines.acceptedOn });
    expect((await actOk(created.id, clerk, 'grant')).status).toBe('granted');
    expect((await actOk(created.id, clerk, 'issue-certificate')).status).toBe('certificate_issued');
    c = await actOk(created.id, clerk, 'deliver', { delivery: { method: 'window' } });
    expect(c).toMatchObject({ status: 'completed', onTime: true, deadlineState: 'finished' });
    expect(c.deadlines.finishedOn).toBe(c.deadlines.acceptedOn);
    expect(new Set(c.history.map((h: { on: string }) => h.on)).size).toBe(1);
    expect(c.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'acceptance_notice',
      'grant_decision',
      'certificate',
    ]);

    // linked to 张明's account by the ID number: he sees it online
    const zhang = await as('applicant');
    const mine = (await get('/api/cases?pageSize=200', zhang)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(created.id);
    expect((await view(created.id, zhang)).status).toBe('completed');
  });

  it('a window clerk must say who the applicant is, and only at a level that accepts the item', async () => {
    const clerk = await as('clerk-city');
    const noApplicant = await createCase(clerk, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      form: individualForm,
      materials: [],
      submit: false,
      channel: 'window',
    });
    expect(noApplicant.statusCode).toBe(400);
    expect(noApplicant.json().errors[0].field).toBe('applicant');
    const badId = await createCase(clerk, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      form: individualForm,
      materials: [],
      submit: false,
      channel: 'window',
      applicant: { ...PERSON, idNumber: '211103199001011235' },
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].field).toBe('applicant.idNumber');
    const village = await as('clerk-village');
    const wrongLevel = await createCase(village, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials: [],
      submit: false,
      applicant: { kind: 'company', name: foodForm.companyName, creditCode: COMPANY_CODE },
    });
    expect(wrongLevel.statusCode).toBe(422);
    expect(wrongLevel.json().errors[0].field).toBe('itemCode');
  });
});

describe('drafts', () => {
  it('the applicant saves a draft, changes it, and submits it when complete', async () => {
    const zhang = await as('applicant');
    const res = await createCase(zhang, {
      itemCode: DEMO_ITEM_CODES.residentPension,
      form: { contributionLevel: '300' },
      materials: [],
      submit: false,
      competentRegionCode: PENSION_COUNTY,
    });
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe('draft');
    const put = (h: H, body: unknown) =>
      t.app.inject({ method: 'PUT', url: `/api/cases/${id}/draft`, headers: h, payload: body as object });
    const form = {
      applicantName: '张明',
      idNumber: PERSON.idNumber,
      phone: PERSON.phone,
      address: '振兴街道世纪社区',
      contributionLevel: '500',
    };
    let c = (await put(zhang, { version: 1, form, materials: [] })).json();
    expect(c).toMatchObject({ status: 'draft', version: 2, form: { contributionLevel: '500' } });
    expect(c.history.map((h: { action: string; actionLabel: string }) => `${h.action}:${h.actionLabel}`)).toEqual([
      'create:创建申请',
      'save:保存草稿',
    ]);
    expect((await put(zhang, { version: 1, form, materials: [] })).statusCode).toBe(409);
    const bad = await put(zhang, { version: 2, form: { ...form, contributionLevel: '400' }, materials: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('form.contributionLevel');
    expect((await put(await as('company'), { version: 2, form, materials: [] })).statusCode).toBe(404);
    // submitting without the registration form (m2) names it
    const missing = await act(id, zhang, 'submit');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].field).toBe('materials');
    expect(missing.json().detail).toContain('m2');
    c = (
      await put(zhang, {
        version: 2,
        form,
        materials: [{ materialId: 'm2', fileIds: [await upload(zhang, '登记表.pdf')] }],
      })
    ).json();
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm2').status).toBe('received');
    c = await actOk(id, zhang, 'submit');
    expect(c.status).toBe('submitted');
    expect((await put(zhang, { version: c.version, form, materials: [] })).statusCode).toBe(409);
  });
});

describe('four levels and agents', () => {
  // Behaviour changed with 四级联动: the accepting town hall now accepts the case itself and reports it
  // up to the deciding (county) level; the city only follows it.
  it('a town hall registers and accepts a county-decided item, reports it up; the county acts, the town follows it', async () => {
    const town = await as('clerk-town');
    const res = await createCase(town, {
      itemCode: DEMO_ITEM_CODES.residentPension,
      form: {
        applicantName: '张明',
        idNumber: PERSON.idNumber,
        phone: PERSON.phone,
        address: '振兴街道世纪社区',
        contributionLevel: '500',
      },
      materials: [{ materialId: 'm2', fileIds: [await upload(town, '参保登记表扫描件.pdf')] }],
      submit: true,
      applicant: PERSON,
      channel: 'window',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, number } = res.json();
    expect(number.startsWith('211103-')).toBe(true); // the accepting region's code
    let c = await view(id, town);
    expect(c).toMatchObject({
      regionCode: '211103',
      acceptRegionCode: '211103001000',
      currentLevel: 'town',
      departmentCode: 'XLT-XZSP',
    });
    expect(c.availableActions.map((a: { action: string }) => a.action)).toContain('accept');
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm2').files).toHaveLength(1);
    const city = await as('clerk-city');
    expect((await view(id, city)).readOnly).toBe(true);
    expect((await act(id, city, 'accept')).statusCode).toBe(403);
    c = await actOk(id, town, 'accept');
    expect(c).toMatchObject({ status: 'accepted', currentLevel: 'town' });
    c = await actOk(id, town, 'report-up', { comment: '材料齐全，经初审符合参保条件' });
    expect(c).toMatchObject({ currentLevel: 'county', readOnly: true });
    expect(
      (await get('/api/cases?view=all&pageSize=200', town)).json().items.map((i: { id: string }) => i.id),
    ).toContain(id);
    // 即办件 at the county: the county window decides; it sees the case in its queue, the city does not
    const county = await as('clerk-county');
    expect((await get('/api/cases?pageSize=200', county)).json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect((await get('/api/cases?pageSize=200', city)).json().items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    );
    expect((await view(id, county)).availableActions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['grant', 'send-down']),
    );
    // the scan is served through the case to the competent county
    const fileId = c.materials.find((m: { materialId: string }) => m.materialId === 'm2').files[0].id;
    expect((await get(`/api/cases/${id}/files/${fileId}`, county)).statusCode).toBe(200);
    // a village below does not see it
    expect((await get(`/api/cases/${id}`, await as('clerk-village'))).statusCode).toBe(404);
  });

  it('an agent files for a company online; the company sees the case as its own', async () => {
    const agent = await as('agent');
    const res = await createCase(agent, {
      itemCode: DEMO_ITEM_CODES.companyRegistration,
      form: {
        companyName: foodForm.companyName,
        creditCode: COMPANY_CODE,
        legalRepresentative: '王志强',
        contactPhone: '13804275678',
        address: foodForm.address,
        enterpriseName: '盘锦辽河示范咨询有限公司',
        registeredCapital: 50,
        enterpriseType: '有限责任公司',
        businessScope: '企业管理咨询',
      },
      materials: await Promise.all(
        ['m1', 'm2', 'm4'].map(async (materialId) => ({
          materialId,
          fileIds: [await upload(agent, `${materialId}.pdf`)],
        })),
      ),
      submit: true,
      applicant: { kind: 'company', name: foodForm.companyName, creditCode: COMPANY_CODE, phone: '13804275678' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const c = await view(id, agent);
    expect(c).toMatchObject({ channel: 'online', applicant: { hasAccount: true } });
    expect(c.availableActions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
    expect((await view(id, await as('company'))).id).toBe(id);
    expect((await get('/api/cases?pageSize=200', agent)).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    const window = await createCase(agent, {
      itemCode: DEMO_ITEM_CODES.companyRegistration,
      form: {},
      materials: [],
      submit: false,
      channel: 'window',
      applicant: { kind: 'company', name: 'x', creditCode: COMPANY_CODE },
    });
    expect(window.statusCode).toBe(400);
    expect(window.json().errors[0].field).toBe('channel');
    expect(
      (
        await createCase(await as('supervisor'), {
          itemCode: DEMO_ITEM_CODES.companyRegistration,
          form: {},
          materials: [],
          submit: false,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('idempotency', () => {
  it('returns the same case for the same key and body, and 422 for the same key with another body', async () => {
    const company = await as('company');
    const body = {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: { companyName: '盘锦辽河示范科技有限公司' },
      materials: [],
      submit: false,
    };
    const key = newKey();
    const first = await createCase(company, body, key);
    const again = await createCase(company, body, key);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await createCase(company, { ...body, form: { companyName: '另一家' } }, key);
    expect(other.statusCode).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    // another user may use the same key for their own case
    const zhang = await as('applicant');
    const theirs = await createCase(
      zhang,
      {
        itemCode: DEMO_ITEM_CODES.residentPension,
        form: {},
        materials: [],
        submit: false,
        competentRegionCode: PENSION_COUNTY,
      },
      key,
    );
    expect(theirs.statusCode).toBe(201);
    expect(theirs.json().id).not.toBe(first.json().id);
  });

  it('creates one case when the same key arrives several times at once', async () => {
    const company = await as('company');
    const body = { itemCode: DEMO_ITEM_CODES.companyRegistration, form: {}, materials: [], submit: false };
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 6 }, () => createCase(company, body, key)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    const n = await sql<{ n: number }>`select count(*)::int as n from cases where idempotency_key = ${key}`.execute(
      t.db,
    );
    expect(n.rows[0]!.n).toBe(1);
  });

  it('requires the Idempotency-Key header', async () => {
    const company = await as('company');
    const res = await post('/api/cases', company, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: {},
      materials: [],
      submit: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('idempotency-key');
  });
});

describe('concurrency and versions', () => {
  it('two clerks acting at once: one 200, one 409, exactly one new event', async () => {
    const company = await as('company');
    const admin = await as('admin');
    const hall = (await get('/api/auth/me', await as('clerk-city'))).json().user.scope.hallId;
    const created2 = await post('/api/staff', admin, {
      username: 'clerk-city-2',
      name: '赵晓东',
      password: 'Window@2026x',
      roles: ['clerk'],
      regionCode: '211100',
      hallId: hall,
    });
    expect(created2.statusCode, created2.body).toBe(201);
    const clerk1 = await as('clerk-city');
    const clerk2 = await t.login('clerk-city-2', 'Window@2026x');
    const { id } = await fileFood(company);
    const v = (await view(id, clerk1)).version;
    const events = await eventCount(id);
    const [a, b] = await Promise.all([
      post(`/api/cases/${id}/actions`, clerk1, { action: 'accept', version: v }),
      post(`/api/cases/${id}/actions`, clerk2, { action: 'prereview-pass', version: v, checks: FOOD_CHECKS }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).headers['content-type']).toContain('application/problem+json');
    expect(await eventCount(id)).toBe(events + 1);
    expect((await view(id, clerk1)).version).toBe(v + 1);
  });

  it('two approvers suspending at once (a one-statement step): one wins; the loser leaves no event, message or audit row', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const chief = await as('chief-city');
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    const v = (await view(id, approver)).version;
    const counts = async () =>
      (
        await sql<{ events: number; audits: number; messages: number; texts: number }>`
          select (select count(*)::int from case_events where case_id = ${id}) as events,
                 (select count(*)::int from audit_log where entity_type = 'case' and entity_id = ${id}) as audits,
                 (select count(*)::int from messages where case_id = ${id}) as messages,
                 (select count(*)::int from sms_outbox s join messages m on m.id = s.message_id where m.case_id = ${id}) as texts`.execute(
          t.db,
        )
      ).rows[0]!;
    const before = await counts();
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    const [a, b] = await Promise.all([
      post(`/api/cases/${id}/actions`, approver, { action: 'suspend', version: v, suspension }),
      post(`/api/cases/${id}/actions`, chief, { action: 'suspend', version: v, suspension }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    // A stale version when both read the case first; a case already suspended when one read it after the other wrote.
    expect(['urn:yiwang:problem:stale_version', 'urn:yiwang:problem:invalid_state']).toContain(
      (a.statusCode === 409 ? a : b).json().type,
    );
    const after = await counts();
    expect(after).toEqual({
      events: before.events + 1,
      audits: before.audits + 1,
      messages: before.messages + 1,
      texts: before.texts + 1,
    });
    const [audit] = (
      await sql<{ action: string; after: { version: number; notified: { messageId: string; smsId: string } } }>`
        select action, after from audit_log where entity_type = 'case' and entity_id = ${id} order by id desc limit 1`.execute(
        t.db,
      )
    ).rows;
    expect(audit!.action).toBe('cases.case.suspend');
    expect(audit!.after.version).toBe(v + 1);
    const told = await sql<{
      id: string;
    }>`select s.id from sms_outbox s join messages m on m.id = s.message_id where m.id = ${audit!.after.notified.messageId}`.execute(
      t.db,
    );
    expect(told.rows.map((r) => r.id)).toEqual([audit!.after.notified.smsId]);
  });

  it('steps on many cases at once all land, each with exactly its own event, message, text and audit row', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await fileFood(company);
      await actOk(id, clerk, 'accept');
      ids.push(id);
    }
    const before = await Promise.all(ids.map((id) => view(id, approver)));
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    const res = await Promise.all(
      ids.map((id, i) =>
        post(`/api/cases/${id}/actions`, approver, { action: 'suspend', version: before[i].version, suspension }),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const [i, id] of ids.entries()) {
      const c = await view(id, approver);
      expect(c).toMatchObject({ status: 'suspended', version: before[i].version + 1, deadlineState: 'suspended' });
      expect(c.history.at(-1)).toMatchObject({
        action: 'suspend',
        clock: 'stop',
        fromStatus: 'accepted',
        toStatus: 'suspended',
      });
      const n = (
        await sql<{ events: number; audits: number; messages: number }>`
          select (select count(*)::int from case_events where case_id = ${id} and action = 'suspend') as events,
                 (select count(*)::int from audit_log where entity_id = ${id} and action = 'cases.case.suspend') as audits,
                 (select count(*)::int from messages where case_id = ${id} and kind = 'case.suspended') as messages`.execute(
          t.db,
        )
      ).rows[0]!;
      expect(n).toEqual({ events: 1, audits: 1, messages: 1 });
    }
  });

  it('steps written together in one statement: each by its own version (a stale one writes nothing), JSON columns as JSON', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const rows: repo.CaseRow[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await fileFood(company);
      await actOk(id, clerk, 'accept');
      rows.push((await repo.getCase(t.db, id))!);
    }
    const clerkId = (await get('/api/auth/me', clerk)).json().user.id as string;
    const chain = JSON.stringify([{ level: 'city', regionCode: '211100', hallId: null }]);
    // The first write goes alone; the five that come while it runs go together in one statement.
    const warn = vi.spyOn(console, 'warn');
    const written = await Promise.all(
      rows.map((r, i) =>
        repo.updateCaseWithEvent(
          t.db,
          i === 4 ? { ...r, version: r.version - 1 } : r,
          { status: 'reviewed', actionable: ['chief'], linkage_chain: chain },
          {
            on_date: '2026-12-07',
            actor_id: clerkId,
            actor_name: '测试',
            actor_role: 'approver',
            action: 'review-pass',
            from_status: 'accepted',
            to_status: 'reviewed',
            clock: null,
            comment: `第${i}件`,
            payload: JSON.stringify({ n: i }),
          },
          [
            {
              table: 'messages',
              row: { user_id: clerkId, case_id: r.id, kind: 'test.batch', title: '测试', body: `第${i}件` },
            },
          ],
        ),
      ),
    );
    expect(warn).not.toHaveBeenCalled(); // the statement of five ran: nothing fell back to single writes
    warn.mockRestore();
    expect(written.map((w) => (w ? w.row.version : null))).toEqual(
      rows.map((r, i) => (i === 4 ? null : r.version + 1)),
    );
    for (const [i, r] of rows.entries()) {
      const db = (
        await sql<{
          status: string;
          actionable: string[];
          chain: unknown;
          events: number;
          messages: number;
          payload: unknown;
        }>`
          select status, actionable, linkage_chain as chain,
                 (select count(*)::int from case_events where case_id = c.id and action = 'review-pass') as events,
                 (select count(*)::int from messages where case_id = c.id and kind = 'test.batch') as messages,
                 (select payload from case_events where case_id = c.id and action = 'review-pass') as payload
          from cases c where id = ${r.id}`.execute(t.db)
      ).rows[0]!;
      if (i === 4) expect(db).toMatchObject({ status: 'accepted', events: 0, messages: 0 });
      else {
        expect(db).toEqual({
          status: 'reviewed',
          actionable: ['chief'],
          chain: [{ level: 'city', regionCode: '211100', hallId: null }],
          events: 1,
          messages: 1,
          payload: { n: i },
        });
        expect(written[i]!.event).toMatchObject({
          case_id: r.id,
          seq: r.version + 1,
          action: 'review-pass',
          comment: `第${i}件`,
        });
        // The row and the event as the step wrote them are those the database now holds.
        expect(written[i]!.row).toEqual(await repo.getCase(t.db, r.id));
        expect(written[i]!.event).toEqual((await repo.listEvents(t.db, r.id)).at(-1));
      }
    }
  });

  it('a step written in a transaction answers with the row and event the database holds, every kind of column included', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    const before = (await repo.getCase(t.db, id))!;
    const clerkId = (await get('/api/auth/me', clerk)).json().user.id as string;
    const patch = {
      status: 'suspended',
      suspended_from: before.status,
      actionable: ['approver', 'chief'],
      form: JSON.stringify({ ...before.form, note: '补充说明', n: 2 }),
      applicant: JSON.stringify({ ...before.applicant, phone: '13900000000' }),
      pickup: JSON.stringify({ method: 'post', address: '盘锦市兴隆台区' }),
      linkage_chain: JSON.stringify([{ level: 'city', regionCode: '211100', hallId: null }]),
      promised_deadline: '2027-01-15',
      near_on: null,
      clock_phase: 'suspended' as const,
      deadline_provisional: true,
      step_entered_at: new Date('2026-12-07T03:04:05.678Z'),
    };
    const event = {
      on_date: '2026-12-07',
      actor_id: clerkId,
      actor_name: '测试',
      actor_role: 'approver',
      action: 'suspend',
      from_status: before.status,
      to_status: 'suspended',
      clock: 'stop' as const,
      comment: null,
      payload: JSON.stringify({ kind: 'site_inspection', days: 3 }),
    };
    const written = await t.db.transaction().execute((tx) => repo.updateCaseWithEvent(tx, before, patch, event));
    expect(written).toBeDefined();
    expect(written!.row).toEqual(await repo.getCase(t.db, id));
    expect(written!.row.clock_log.at(-1)).toEqual({ on_date: '2026-12-07', clock: 'stop' });
    expect(written!.event).toEqual((await repo.listEvents(t.db, id)).at(-1));
    // From a row that is no longer current, nothing is written.
    expect(
      await t.db.transaction().execute((tx) => repo.updateCaseWithEvent(tx, before, patch, event)),
    ).toBeUndefined();
  });

  // PGlite has one connection: a transaction holding a lock would hold up every other statement.
  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'a step on a case a transaction holds locked is written apart; steps on other cases go on meanwhile',
    async () => {
      const company = await as('company');
      const clerk = await as('clerk-city');
      const approver = { ...(await as('approver-city')), prefer: 'return=minimal' };
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { id } = await fileFood(company);
        await actOk(id, clerk, 'accept');
        ids.push(id);
      }
      const versions = await Promise.all(ids.map(async (id) => (await view(id, clerk)).version as number));
      const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
      const suspend = (i: number) =>
        post(`/api/cases/${ids[i]}/actions`, approver, { action: 'suspend', version: versions[i], suspension });
      let lockedDone = false;
      let locked!: ReturnType<typeof suspend>;
      await t.db.transaction().execute(async (tx) => {
        await sql`select 1 from cases where id = ${ids[0]} for update`.execute(tx);
        locked = suspend(0);
        void locked.then(() => (lockedDone = true));
        const others = await Promise.all([suspend(1), suspend(2)]);
        expect(others.map((r) => r.statusCode)).toEqual([200, 200]);
        await new Promise((r) => setTimeout(r, 100));
        expect(lockedDone).toBe(false); // it waits for the lock, apart from the others
      });
      const res = await locked;
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: versions[0]! + 1, status: 'suspended' });
      expect(await eventCount(ids[0]!)).toBe(versions[0]! + 1);
    },
  );

  it('case reads that come together go in one statement; an id that is no UUID finds nothing and fails no other read', async () => {
    const ids = (await sql<{ id: string }>`select id from cases order by created_at limit 5`.execute(t.db)).rows.map(
      (r) => r.id,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    const found = await Promise.all([...ids, 'not-a-uuid', missing, ids[0]!].map((id) => repo.getCase(t.db, id)));
    expect(found.map((r) => r?.id ?? null)).toEqual([...ids, null, null, ids[0]]);
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    const v = (await view(id, clerk)).version;
    await actOk(id, clerk, 'prereview-pass', { checks: FOOD_CHECKS });
    const stale = await post(`/api/cases/${id}/actions`, clerk, { action: 'accept', version: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      type: 'urn:yiwang:problem:stale_version',
      code: 'stale_version',
      instance: `/api/cases/${id}/actions`,
    });
    expect((await view(id, clerk)).status).toBe('prereviewed');
  });

  it('answers with the new version only when asked (Prefer: return=minimal), and audits the action and its message once', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id, number } = await fileFood(company);
    const v = (await view(id, clerk)).version;
    const res = await post(
      `/api/cases/${id}/actions`,
      { ...clerk, prefer: 'return=minimal' },
      { action: 'accept', version: v },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['preference-applied']).toBe('return=minimal');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      id,
      number,
      version: v + 1,
      status: 'accepted',
      statusLabel: expect.any(String),
      documentNumber: expect.stringMatching(/\S/),
    });
    const after = await view(id, clerk);
    expect(after).toMatchObject({ version: v + 1, status: 'accepted' });
    expect(after.history.at(-1).action).toBe('accept');
    expect(after.documents.map((d: { number: string }) => d.number)).toContain(res.json().documentNumber);
    // The applicant's message and text are recorded inside the action's own audit entry.
    const audit = await sql<{ action: string; after: { notified: { messageId: string; smsId: string | null } } }>`
      select action, after from audit_log where entity_id = ${id} and action = 'cases.case.accept'`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    const { messageId } = audit.rows[0]!.after.notified;
    const msg = await sql<{ case_id: string }>`select case_id from messages where id = ${messageId}`.execute(t.db);
    expect(msg.rows[0]?.case_id).toBe(id);
    expect((await sql`select 1 from audit_log where entity_id = ${messageId}`.execute(t.db)).rows).toHaveLength(0);
    // Without the preference the whole case comes back, built from what the action read and wrote.
    const approver = await as('approver-city');
    const full = await post(`/api/cases/${id}/actions`, approver, {
      action: 'review-pass',
      version: v + 1,
      comment: '材料齐全',
    });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.headers['preference-applied']).toBeUndefined();
    expect(full.headers['content-type']).toMatch(/^application\/json/); // browsers read the answer by its type
    const fresh = await view(id, approver);
    expect({ ...full.json(), remainingWorkingDays: 0 }).toEqual({ ...fresh, remainingWorkingDays: 0 });
  });

  it('a minimal step begins from the row this server wrote last; a row changed elsewhere since is read afresh', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = { ...(await as('approver-city')), prefer: 'return=minimal' };
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    const step = (action: string, version: number) =>
      post(`/api/cases/${id}/actions`, approver, { action, version, ...(action === 'suspend' ? { suspension } : {}) });
    const v = (await view(id, clerk)).version;
    const suspended = await step('suspend', v);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(repo.lastWrittenCase(t.db, id, v + 1)).toMatchObject({ id, version: v + 1, status: 'suspended' });
    expect(repo.lastWrittenCase(t.db, id, v)).toBeUndefined();
    // Another server resumes the case (a versioned step this one did not see), then a client that saw the
    // suspension asks to resume: the kept row says it may; the write finds another version and writes nothing,
    // and the fresh read answers that the case is no longer suspended.
    await sql`update cases set version = version + 1, status = 'site_inspection', suspended_from = null where id = ${id}`.execute(
      t.db,
    );
    const events = await eventCount(id);
    const late = await step('resume', v + 1);
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('urn:yiwang:problem:invalid_state');
    expect(await eventCount(id)).toBe(events);
    // A client that saw the other server's version acts from a fresh read.
    const again = await step('suspend', v + 2);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ version: v + 3, status: 'suspended' });
    // A refusal is given only after a fresh read: the kept row is at v + 3 and a second suspend is not allowed.
    const twice = await step('suspend', v + 3);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:yiwang:problem:invalid_state');
  });

  it('an action the state does not allow is a 409', async () => {
    const company = await as('company');
    const chief = await as('chief-city');
    const { id } = await fileFood(company);
    const res = await act(id, chief, 'grant');
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('urn:yiwang:problem:invalid_state');
  });
});

describe('roles and scopes', () => {
  it('403 when the role may not take the action', async () => {
    const company = await as('company');
    const approver = await as('approver-city');
    const { id } = await fileFood(company);
    expect((await act(id, company, 'accept')).statusCode).toBe(403);
    expect((await act(id, approver, 'accept')).statusCode).toBe(403);
  });

  it('404 outside the scope: a county clerk on a city case, another applicant, a department that does not handle it', async () => {
    const company = await as('company');
    const { id } = await fileFood(company);
    const county = await as('clerk-county');
    const zhang = await as('applicant');
    for (const h of [county, zhang]) {
      expect((await get(`/api/cases/${id}`, h)).statusCode).toBe(404);
      expect((await post(`/api/cases/${id}/actions`, h, { action: 'accept', version: 2 })).statusCode).toBe(404);
    }
    expect(
      (await get('/api/cases?view=all&pageSize=200', county)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    expect((await get('/api/cases?pageSize=200', zhang)).json().items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    );
    const doc = await get(`/api/cases/${id}/documents/00000000-0000-4000-8000-000000000000`, county);
    expect(doc.statusCode).toBe(404);
    // the city approver is bound to 行政审批服务局: a 市场监管 (SCJG) case is not theirs
    const clerk = await as('clerk-city');
    const reg = await createCase(clerk, {
      itemCode: '2111-XK-00005',
      form: {
        companyName: foodForm.companyName,
        creditCode: COMPANY_CODE,
        legalRepresentative: '王志强',
        contactPhone: '13804275678',
        address: foodForm.address,
      },
      materials: ['m1', 'm2', 'm3'].map((materialId) => ({ materialId, fileIds: [], paper: true })),
      submit: true,
      applicant: { kind: 'company', name: foodForm.companyName, creditCode: COMPANY_CODE },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    expect((await get(`/api/cases/${reg.json().id}`, clerk)).statusCode).toBe(200);
    expect((await get(`/api/cases/${reg.json().id}`, await as('approver-city'))).statusCode).toBe(404);
  });

  it('an unsubmitted draft is private to its applicant', async () => {
    const zhang = await as('applicant');
    const res = await createCase(zhang, {
      itemCode: DEMO_ITEM_CODES.residentPension,
      form: { contributionLevel: '500' },
      materials: [],
      submit: false,
      competentRegionCode: PENSION_COUNTY,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await get(`/api/cases/${id}`, await as('clerk-city'))).statusCode).toBe(404);
    expect((await get(`/api/cases/${id}`, await as('supervisor'))).statusCode).toBe(404);
    expect((await view(id, zhang)).status).toBe('draft');
  });

  it('a file of another case or user is not served through this case', async () => {
    const company = await as('company');
    const { id } = await fileFood(company);
    const foreign = await upload(company, 'unrelated.pdf');
    expect((await get(`/api/cases/${id}/files/${foreign}`, company)).statusCode).toBe(404);
  });
});

describe('inbox', () => {
  it('shows each staff member what waits for them, filters, and masks personal data', async () => {
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const company = await as('company');
    const { id, number } = await fileFood(company);
    const clerkTodo = (await get('/api/cases?pageSize=200', clerk)).json();
    const row = clerkTodo.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({
      number,
      status: 'submitted',
      statusLabel: '已提交，待预审',
      deadlineState: 'not_started',
    });
    expect(row.applicant.idNumberMasked).toBe('912111********2P7J');
    expect(row.applicant.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(clerkTodo)).not.toContain(COMPANY_CODE);
    expect(
      (await get('/api/cases?pageSize=200', approver)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);

    await actOk(id, clerk, 'accept');
    const approverTodo = (await get('/api/cases?pageSize=200', approver)).json();
    expect(approverTodo.items.map((i: { id: string }) => i.id)).toContain(id);
    // the chief could intervene (suspend) but the next step is the approver's: not in the chief's queue
    expect(
      (await get('/api/cases?pageSize=200', await as('chief-city'))).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    // the company's own queue holds what waits for it (a correction, a draft), not every open case
    const companyTodo = (await get('/api/cases?view=todo&pageSize=200', company)).json();
    expect(companyTodo.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(companyTodo.items.map((i: { status: string }) => i.status)).toContain('correction_requested');
    expect((await get('/api/cases?pageSize=200', clerk)).json().items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    );

    // the demo's overdue food case is there, and the deadline filter is done in SQL
    const overdue = (await get('/api/cases?deadlineState=overdue&pageSize=200', approver)).json();
    expect(overdue.total).toBeGreaterThan(0);
    expect(
      overdue.items.every(
        (i: { deadlineState: string; deadlineColour: string }) =>
          i.deadlineState === 'overdue' && i.deadlineColour === 'red',
      ),
    ).toBe(true);
    const onTime = (await get('/api/cases?deadlineState=on_time&pageSize=200', approver)).json();
    expect(onTime.items.every((i: { deadlineState: string }) => i.deadlineState === 'on_time')).toBe(true);
    const near = (await get('/api/cases?deadlineState=near&pageSize=200', approver)).json();
    expect(near.items.every((i: { deadlineState: string }) => i.deadlineState === 'near')).toBe(true);
    const all = (await get('/api/cases?pageSize=200', approver)).json();
    expect(overdue.total + onTime.total + near.total).toBeLessThanOrEqual(all.total);

    // sorted by deadline (earliest first) by default
    const deadlines = all.items.map((i: { promisedDeadline: string | null }) => i.promisedDeadline).filter(Boolean);
    expect(deadlines).toEqual([...deadlines].sort());
    // by number, by applicant name, by status and item
    expect(
      (await get(`/api/cases?view=all&q=${number.slice(0, 15)}&pageSize=200`, clerk))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(id);
    expect(
      (await get(`/api/cases?view=all&q=${encodeURIComponent('辽河示范')}&pageSize=200`, clerk)).json().total,
    ).toBeGreaterThan(0);
    const accepted = (
      await get(
        `/api/cases?view=all&status=accepted&itemCode=${DEMO_ITEM_CODES.foodBusiness}&sort=created&pageSize=200`,
        clerk,
      )
    ).json();
    expect(
      accepted.items.every(
        (i: { status: string; itemCode: string }) =>
          i.status === 'accepted' && i.itemCode === DEMO_ITEM_CODES.foodBusiness,
      ),
    ).toBe(true);
    expect(accepted.items[0].id).toBe(id); // newest first
    const today = accepted.items[0].createdAt.slice(0, 10);
    expect((await get(`/api/cases?view=all&from=2000-01-01&to=2000-01-02`, clerk)).json().total).toBe(0);
    expect(today).toMatch(/^\d{4}-/);
  });

  it('lets supervision narrow every case by region, department, hall, window and clerk (监控)', async () => {
    const supervisor = await as('supervisor');
    const clerk = await as('clerk-city');
    const me = (await get('/api/auth/me', clerk)).json().user;
    const { id } = await registerIndividual(clerk);
    const ids = async (query: string, who = supervisor) => {
      const res = await get(`/api/cases?view=all&pageSize=200&${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    const c = await view(id, clerk);
    expect(await ids('regionCode=211100')).toContain(id);
    expect(await ids('regionCode=211102')).not.toContain(id);
    expect(await ids(`departmentCode=${c.departmentCode}`)).toContain(id);
    expect(await ids('departmentCode=NO-SUCH')).toEqual([]);
    expect(await ids(`hallId=${me.scope.hallId}`)).toContain(id);
    expect(await ids('hallId=00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(me.scope.windowId).toBeTruthy();
    expect(await ids(`windowId=${me.scope.windowId}`)).toContain(id);
    expect(await ids('windowId=00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await ids(`clerkId=${me.id}`)).toContain(id);
    expect(await ids(`clerkId=${me.id}&regionCode=211102`)).toEqual([]);
    // outside the caller's subtree: 404; malformed: 400 naming the field; applicants may not filter by staff
    expect((await get('/api/cases?view=all&regionCode=211100', await as('clerk-county'))).statusCode).toBe(404);
    const bad = await get('/api/cases?view=all&hallId=x', supervisor);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('hallId');
    expect((await get(`/api/cases?clerkId=${me.id}`, await as('company'))).statusCode).toBe(400);
  });

  it('splits the work into the front desk, the back office and the exit counter (受审分离)', async () => {
    const admin = await as('admin');
    const statuses = async (counter: string) =>
      (
        (await get(`/api/cases?view=all&counter=${counter}&pageSize=100`, admin)).json() as {
          items: { status: string }[];
        }
      ).items.map((i) => i.status);
    const front = await statuses('front');
    const back = await statuses('back');
    const exit = await statuses('exit');
    expect(front.length && back.length).toBeTruthy();
    expect(front.every((s) => ['submitted', 'prereviewed', 'correction_requested'].includes(s))).toBe(true);
    expect(
      back.every(
        (s) =>
          ![
            'draft',
            'submitted',
            'prereviewed',
            'correction_requested',
            'granted',
            'certificate_issued',
            'completed',
            'refused',
            'denied',
            'withdrawn',
          ].includes(s),
      ),
    ).toBe(true);
    expect(exit.every((s) => ['granted', 'certificate_issued'].includes(s))).toBe(true);
    expect((await get('/api/cases?counter=side', admin)).statusCode).toBe(400);
  });

  it('answers bad filters with 400 naming them', async () => {
    const clerk = await as('clerk-city');
    for (const [qs, field] of [
      ['deadlineState=late', 'deadlineState'],
      ['from=2026-02-30', 'from'],
      ['sort=name', 'sort'],
      ['pageSize=1000', 'pageSize'],
    ]) {
      const res = await get(`/api/cases?${qs}`, clerk);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect((await get('/api/cases')).statusCode).toBe(401);
  });
});

describe('special procedures 特别程序', () => {
  it('suspend and resume move the promised deadline by the suspended working days', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const at = (day: string) => () => new Date(`${day}T10:00:00+08:00`);

    t.pinClock(at('2026-11-30')); // Monday
    const { id } = await fileFood(company);
    let c = await actOk(id, clerk, 'accept');
    expect(c.deadlines).toMatchObject({
      acceptedOn: '2026-11-30',
      promised: '2026-12-07',
      statutory: '2026-12-14',
      provisional: false,
    });
    expect((await actOk(id, approver, 'review-pass')).status).toBe('site_inspection');

    t.pinClock(at('2026-12-01'));
    expect((await act(id, approver, 'suspend')).json().errors[0].field).toBe('suspension');
    const unlisted = await act(id, approver, 'suspend', {
      suspension: { kind: 'hearing', reason: '听证', expectedDays: 3 },
    });
    expect(unlisted.statusCode).toBe(422);
    expect(unlisted.json().errors[0].field).toBe('suspension.kind');
    const tooLong = await act(id, approver, 'suspend', {
      suspension: { kind: 'site_inspection', reason: '现场核查', expectedDays: 9 },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].field).toBe('suspension.expectedDays');
    c = await actOk(id, approver, 'suspend', {
      suspension: { kind: 'site_inspection', reason: '后厨改造未完工，完工后现场核查', expectedDays: 3 },
    });
    expect(c).toMatchObject({ status: 'suspended', deadlineState: 'suspended', deadlineColour: 'grey' });
    expect(c.availableActions.map((a: { action: string }) => a.action)).toContain('resume');
    const frozen = c.remainingWorkingDays;

    t.pinClock(at('2026-12-03'));
    c = await view(id, approver);
    expect(c.remainingWorkingDays).toBe(frozen); // the clock does not run
    expect(c.deadlines.promised).toBe('2026-12-09');

    t.pinClock(at('2026-12-04')); // Friday: Wed, Thu, Fri suspended
    c = await actOk(id, approver, 'resume', { comment: '现场核查完毕' });
    expect(c.status).toBe('site_inspection');
    expect(c.deadlines).toMatchObject({ promised: '2026-12-10', statutory: '2026-12-17', suspendedWorkdays: 3 });
    expect(c.history.at(-2)).toMatchObject({
      action: 'suspend',
      clock: 'stop',
      payload: { suspension: { kind: 'site_inspection', expectedDays: 3 } },
    });
    expect(c.history.at(-1)).toMatchObject({
      action: 'resume',
      clock: 'resume',
      fromStatus: 'suspended',
      toStatus: 'site_inspection',
    });
    const row = await sql<{
      promised_deadline: string;
      clock_phase: string;
    }>`select promised_deadline, clock_phase from cases where id = ${id}`.execute(t.db);
    expect(row.rows[0]).toEqual({ promised_deadline: '2026-12-10', clock_phase: 'running' });

    t.pinClock(at('2026-12-11')); // the working day after the deadline
    c = await view(id, approver);
    expect(c).toMatchObject({ deadlineState: 'overdue', deadlineColour: 'red', remainingWorkingDays: -1 });
    const overdue = (await get('/api/cases?deadlineState=overdue&pageSize=200', approver)).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('the case row keeps the clock’s log of its history, and a step dates from it', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const minimal = { ...approver, prefer: 'return=minimal' };
    const at = (day: string) => () => new Date(`${day}T10:00:00+08:00`);
    t.pinClock(at('2026-11-30'));
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    await actOk(id, approver, 'review-pass');
    t.pinClock(at('2026-12-01'));
    let v = (await view(id, approver)).version;
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    expect(
      (await post(`/api/cases/${id}/actions`, minimal, { action: 'suspend', version: v, suspension })).statusCode,
    ).toBe(200);
    t.pinClock(at('2026-12-04'));
    expect((await post(`/api/cases/${id}/actions`, minimal, { action: 'resume', version: v + 1 })).statusCode).toBe(
      200,
    );
    v += 2;
    const history = (await view(id, approver)).history as { clock: string | null; at: string }[];
    const row = (
      await sql<{
        clock_log: unknown;
        promised_deadline: string;
      }>`select clock_log, promised_deadline from cases where id = ${id}`.execute(t.db)
    ).rows[0]!;
    expect(row.clock_log).toEqual([
      { on_date: '2026-11-30', clock: 'start' },
      { on_date: '2026-12-01', clock: 'stop' },
      { on_date: '2026-12-04', clock: 'resume' },
    ]);
    expect(history.filter((e) => e.clock).map((e) => e.clock)).toEqual(['start', 'stop', 'resume']);
    // The stored deadline (dated from the log) is the one the case view computes from the whole history.
    expect(row.promised_deadline).toBe('2026-12-10');
    expect((await view(id, approver)).deadlines.promised).toBe('2026-12-10');
    // Steps gathered into one statement append to each row's own log.
    expect(
      (await post(`/api/cases/${id}/actions`, minimal, { action: 'suspend', version: v, suspension })).statusCode,
    ).toBe(200);
    const log = (
      await sql<{ clock_log: { clock: string }[] }>`select clock_log from cases where id = ${id}`.execute(t.db)
    ).rows[0]!.clock_log;
    expect(log.map((e) => e.clock)).toEqual(['start', 'stop', 'resume', 'stop']);
  });

  it('the migration that added the log filled it from each existing case’s history', async () => {
    // the later migration goes and comes back too, so that the columns keep their order (prepared plans read them)
    await casesTracking.down!(t.db);
    await casesClockLog.down!(t.db);
    await casesClockLog.up(t.db);
    await casesTracking.up(t.db);
    const mismatched = await sql<{ id: string }>`
      select c.id from cases c
      where c.clock_log is distinct from coalesce(
        (select jsonb_agg(jsonb_build_object('on_date', e.on_date, 'clock', e.clock) order by e.seq) from case_events e where e.case_id = c.id and e.clock is not null),
        '[]'::jsonb)`.execute(t.db);
    expect(mismatched.rows).toEqual([]);
    const withLog = await sql<{
      n: number;
    }>`select count(*)::int as n from cases where jsonb_array_length(clock_log) > 0`.execute(t.db);
    expect(withLog.rows[0]!.n).toBeGreaterThan(0);
  });

  it('re-dates open cases when the calendar changes (期限重算)', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const admin = await as('admin');
    t.pinClock(() => new Date('2026-11-30T10:00:00+08:00')); // Monday
    await reclockOpenCases(t.db, t.now()); // remembers the calendar the stored deadlines were computed with
    const { id, number } = await fileFood(company);
    expect((await actOk(id, clerk, 'accept')).deadlines.promised).toBe('2026-12-07');
    expect(await reclockOpenCases(t.db, t.now())).toEqual({ calendarChanged: false, checked: 0, updated: 0 });
    const listed = async () => (await get(`/api/cases?view=all&q=${number}`, clerk)).json().items[0];
    const day = (method: 'PUT' | 'DELETE') =>
      t.app.inject({
        method,
        url: '/api/calendar/days/2026-12-02',
        headers: admin,
        ...(method === 'PUT' ? { payload: { kind: 'holiday', name: '临时休假' } } : {}),
      });
    try {
      // a holiday on Wednesday 2 December moves the promised deadline one working day on
      expect((await day('PUT')).statusCode).toBe(200);
      expect((await listed()).promisedDeadline).toBe('2026-12-07'); // stored columns: not yet re-dated
      const r = await reclockOpenCases(t.db, t.now());
      expect(r.calendarChanged).toBe(true);
      expect(r.updated).toBeGreaterThanOrEqual(1);
      expect((await listed()).promisedDeadline).toBe('2026-12-08');
      expect((await view(id, clerk)).deadlines.promised).toBe('2026-12-08');
      expect((await reclockOpenCases(t.db, t.now())).calendarChanged).toBe(false);
    } finally {
      expect((await day('DELETE')).statusCode).toBeLessThan(300);
      await reclockOpenCases(t.db, t.now());
    }
    expect((await listed()).promisedDeadline).toBe('2026-12-07');
  });

  it('marks deadlines in a year without a published calendar as provisional', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    t.pinClock(() => new Date('2026-12-28T10:00:00+08:00'));
    const { id } = await fileFood(company);
    const c = await actOk(id, clerk, 'accept');
    expect(c.deadlines.promised.startsWith('2027-')).toBe(true);
    expect(c.deadlines.provisional).toBe(true);
  });
});

describe('bad input', () => {
  it('names the offending field with a 4xx problem, never a 500', async () => {
    const company = await as('company');
    const zhang = await as('applicant');
    const base = { itemCode: DEMO_ITEM_CODES.foodBusiness, form: foodForm, materials: [], submit: false };
    const cases: [unknown, H, number, string][] = [
      [{ ...base, itemCode: 'NOPE-1' }, company, 400, 'itemCode'],
      [{ ...base, materials: [{ materialId: 'm99', fileIds: [] }] }, company, 400, 'materials.0.materialId'],
      [{ ...base, materials: [{ materialId: 'm1', fileIds: ['not-a-uuid'] }] }, company, 400, 'materials.0.fileIds.0'],
      [
        { ...base, materials: [{ materialId: 'm1', fileIds: ['00000000-0000-4000-8000-000000000009'] }] },
        company,
        400,
        'materials.0.fileIds.0',
      ],
      [{ ...base, form: { ...foodForm, creditCode: '91211103MA0Y8K2P7X' } }, company, 400, 'form.creditCode'],
      [{ ...base, form: { ...foodForm, mainForm: '批发市场' } }, company, 400, 'form.mainForm'],
      [{ ...base, form: { ...foodForm, favouriteColour: 'red' } }, company, 400, 'form.favouriteColour'],
      [{ ...base, form: { ...foodForm, contactPhone: '12345' } }, company, 400, 'form.contactPhone'],
      [{ ...base, submit: true, form: { companyName: 'x' } }, company, 400, 'form.creditCode'],
      [{ ...base, submit: true }, company, 422, 'materials'],
      [{ ...base, submit: 'yes' }, company, 400, 'submit'],
      [{ ...base, applicant: PERSON }, company, 400, 'applicant'],
      [{ ...base, channel: 'window' }, company, 400, 'channel'],
      [{ ...base, itemCode: DEMO_ITEM_CODES.individualBusiness }, company, 400, 'form.companyName'],
      [
        {
          ...base,
          itemCode: DEMO_ITEM_CODES.individualBusiness,
          form: { ...individualForm, idNumber: '110101199003074514' },
        },
        zhang,
        422,
        'form.idNumber',
      ],
    ];
    for (const [body, h, status, field] of cases) {
      const res = await createCase(h, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // somebody else's file
    const foreign = await upload(zhang, 'zhang.pdf');
    const res = await createCase(company, { ...base, materials: [{ materialId: 'm1', fileIds: [foreign] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('materials.0.fileIds.0');
  });

  it('names unknown actions and missing requirement fields', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    const unknown = await act(id, clerk, 'approve');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('action');
    const noList = await act(id, clerk, 'request-correction');
    expect(noList.statusCode).toBe(400);
    expect(noList.json().errors[0].field).toBe('corrections');
    const badMaterial = await act(id, clerk, 'request-correction', {
      corrections: [{ materialId: 'm42', problem: '缺' }],
    });
    expect(badMaterial.json().errors[0].field).toBe('corrections.0.materialId');
    const noReason = await act(id, clerk, 'refuse', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const noVersion = await post(`/api/cases/${id}/actions`, clerk, { action: 'accept' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0].field).toBe('version');
    const formOnAccept = await act(id, clerk, 'accept', { form: {} });
    expect(formOnAccept.statusCode).toBe(400);
    expect(formOnAccept.json().errors[0].field).toBe('form');
    expect((await get('/api/cases/not-a-uuid', clerk)).statusCode).toBe(400);
    expect((await get('/api/cases/00000000-0000-4000-8000-000000000000', clerk)).statusCode).toBe(404);
    // refusal with a reason ends the case with a refusal notice
    const refused = await actOk(id, clerk, 'refuse', { reason: '申请事项不属于本机关职权范围' });
    expect(refused).toMatchObject({ status: 'refused', availableActions: [] });
    expect(refused.documents.map((d: { kind: string }) => d.kind)).toEqual(['refusal_notice']);
    expect(refused.deadlines.finishedOn).toBeTruthy();
  });
});

describe('history is append-only', () => {
  it('the database refuses to change or delete an event', async () => {
    const company = await as('company');
    const { id } = await fileFood(company);
    await expect(sql`update case_events set comment = 'x' where case_id = ${id}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from case_events where case_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await eventCount(id)).toBe(2);
  });

  it('withdrawal before the decision is the applicant’s own, recorded like any step', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    expect((await act(id, clerk, 'withdraw')).statusCode).toBe(403);
    const c = await actOk(id, company, 'withdraw', { comment: '经营场所变更，撤回申请' });
    expect(c).toMatchObject({ status: 'withdrawn', deadlineState: 'finished' });
    expect(c.history.at(-1)).toMatchObject({ action: 'withdraw', clock: 'end', comment: '经营场所变更，撤回申请' });
  });
});

describe('API description', () => {
  it('documents the case routes in OpenAPI', async () => {
    const spec = (await get('/api/openapi.json')).json();
    for (const p of [
      '/api/cases',
      '/api/cases/{id}',
      '/api/cases/{id}/actions',
      '/api/cases/{id}/documents/{docId}',
      '/api/cases/{id}/files/{fileId}',
      '/api/track',
    ]) {
      expect(spec.paths[p], p).toBeTruthy();
    }
    expect(spec.paths['/api/cases'].post.tags).toEqual(['cases']);
    expect(spec.paths['/api/track'].get.security).toEqual([]);
  });
});

describe('demo cases', () => {
  it('fill the workbench: the approver has overdue, near and suspended cases; the company sees its own', async () => {
    const approver = await as('approver-city');
    const states = new Set(
      (await get('/api/cases?pageSize=200', approver))
        .json()
        .items.map((i: { deadlineState: string }) => i.deadlineState),
    );
    for (const s of ['overdue', 'near', 'suspended']) expect(states.has(s), s).toBe(true);
    const mine = (await get('/api/cases?pageSize=200', await as('company'))).json();
    expect(mine.items.map((i: { statusLabel: string }) => i.statusLabel)).toEqual(
      expect.arrayContaining(['已办结', '待补正', '特别程序中（暂停计时）']),
    );
  });
});
