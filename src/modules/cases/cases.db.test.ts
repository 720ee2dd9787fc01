import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY_CODE, individualForm, PERSON, foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => t.pinClock(null));

const { as, get, post, newKey, createCase, view, act, actOk, registerIndividual, upload, fileFood } = caseFixtures(
  () => t,
);

/** 城乡居民基本养老保险 is decided by the county: an online applicant names it (张明 lives in 兴隆台区). */
const PENSION_COUNTY = '211103';

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
