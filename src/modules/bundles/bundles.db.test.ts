import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY_CODE } from '../../../test/cases-fixtures';
import { guideFrom, newItem } from '../../../test/item-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { DEMO_BUNDLE_CODES } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { get, newKey, count, upload, registerIndividual } = caseFixtures(() => t, 'bundle-test');
const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, headers: H, payload?: unknown) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A guide copied from a published demo item, ready to POST as a new item. */
const guideOf = async (code: string) => guideFrom((await get(`/api/items/${code}`)).json());

interface Field {
  key: string;
  type: string;
  options?: string[];
}
interface Detail {
  form: Field[];
  materials: { id: string; name: string; required: boolean; source: string; sources: { itemCode: string }[] }[];
  items: { code: string; name: string; departmentCode: string; promisedDays: number }[];
  materialCountBefore: number;
  materialCountAfter: number;
  promisedDays: number;
}

const SAMPLE: Record<string, unknown> = {
  text: '王志强',
  textarea: '餐饮服务；热食类食品制售',
  number: 100,
  date: '2026-11-20',
  phone: '13804275678',
  address: '辽宁省盘锦市兴隆台区石油大街 96 号',
  creditCode: COMPANY_CODE,
  idNumber: '211103199001011234',
};
const formFor = (d: Detail) => ({
  ...Object.fromEntries(d.form.map((f) => [f.key, f.type === 'select' ? f.options![0] : SAMPLE[f.type]])),
  companyName: '盘锦辽河示范科技有限公司',
  enterpriseName: '盘锦辽河示范科技有限公司',
});

describe('bundles 一件事一次办', () => {
  let admin: H;
  let company: H;
  let detail: Detail;
  beforeAll(async () => {
    admin = await t.login('admin');
    company = await t.login('company');
    const res = await get(`/api/bundles/${DEMO_BUNDLE_CODES.companyStartup}`);
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
  });

  it('lists the demo bundles and shows the merged form and de-duplicated materials', async () => {
    const list = (await get('/api/bundles')).json();
    expect(list.items.map((b: { code: string }) => b.code)).toEqual(['company-startup', 'project-start']);
    expect(detail.items.map((i) => i.code)).toEqual([
      DEMO_ITEM_CODES.companyRegistration,
      DEMO_ITEM_CODES.foodBusiness,
      '2111-XK-00005',
      '2111-BA-00002',
    ]);
    expect(new Set(detail.items.map((i) => i.departmentCode)).size).toBeGreaterThan(1);
    // each key once
    const keys = detail.form.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['companyName', 'enterpriseName', 'foodSafetyOfficer']));
    expect(detail.form.find((f) => f.key === 'enterpriseName')).toMatchObject({ sharedGroup: '企业名称' });
    // 营业执照 asked by three items is listed once
    const licence = detail.materials.filter((m) => m.name === '营业执照');
    expect(licence).toHaveLength(1);
    expect(licence[0]!.sources).toHaveLength(3);
    expect(detail.materialCountBefore).toBeGreaterThan(detail.materialCountAfter);
    expect(detail.materialCountAfter).toBe(detail.materials.length);
    // parallel: the longest item
    expect(detail.promisedDays).toBe(Math.max(...detail.items.map((i) => i.promisedDays)));
    const serial = (await get(`/api/bundles/${DEMO_BUNDLE_CODES.projectStart}`)).json();
    expect(serial.promisedDays).toBe(
      serial.items.reduce((a: number, i: { promisedDays: number }) => a + i.promisedDays, 0),
    );
    expect((await get('/api/bundles/no-such-bundle')).statusCode).toBe(404);
  });

  it('stays open to an administrator when an included item goes offline; applicants get 422', async () => {
    const bundle = DEMO_BUNDLE_CODES.projectStart;
    const serial = (await get(`/api/bundles/${bundle}`)).json() as Detail;
    const offline = serial.items[0]!.code;
    expect((await send('POST', `/api/items/${offline}/deactivate`, admin, {})).statusCode).toBe(200);
    try {
      const applicant = await get(`/api/bundles/${bundle}`);
      expect(applicant.statusCode).toBe(422);
      expect(applicant.json().errors[0].field).toBe('itemCodes.0');
      const res = await t.app.inject({ method: 'GET', url: `/api/bundles/${bundle}`, headers: admin });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().unavailableItems).toEqual([
        { field: 'itemCodes.0', message: expect.stringContaining(offline) },
      ]);
      expect(res.json().itemCodes[0]).toBe(offline);
    } finally {
      expect((await send('POST', `/api/items/${offline}/activate`, admin, {})).statusCode).toBe(200);
    }
    expect((await get(`/api/bundles/${bundle}`)).json().unavailableItems).toEqual([]);
  });

  it('lets only an administrator create bundles and refuses bad configurations at save time', async () => {
    const body = {
      code: 'food-shop',
      name: '开办食品店一件事',
      itemCodes: [DEMO_ITEM_CODES.companyRegistration, DEMO_ITEM_CODES.foodBusiness],
    };
    expect((await send('POST', '/api/bundles', {}, body)).statusCode).toBe(401);
    expect((await send('POST', '/api/bundles', company, body)).statusCode).toBe(403);

    const dup = await send('POST', '/api/bundles', admin, {
      ...body,
      itemCodes: [DEMO_ITEM_CODES.foodBusiness, DEMO_ITEM_CODES.foodBusiness],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors.map((e: { field: string }) => e.field)).toContain('itemCodes');

    const missing = await send('POST', '/api/bundles', admin, {
      ...body,
      itemCodes: [DEMO_ITEM_CODES.foodBusiness, '2111-XK-99999'],
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0]).toMatchObject({ field: 'itemCodes.1' });

    // an item whose companyName is a multi-line text conflicts with the others' single-line text
    const guide = await guideOf(DEMO_ITEM_CODES.foodBusiness);
    guide.name = '测试冲突事项';
    guide.formFields = guide.formFields.map((f: Field) => (f.key === 'companyName' ? { ...f, type: 'textarea' } : f));
    expect((await send('POST', '/api/items', admin, newItem('2111-XK-09101', 'XK910100', guide))).statusCode).toBe(201);
    expect((await send('POST', '/api/items/2111-XK-09101/publish', admin)).statusCode).toBe(200);
    const clash = await send('POST', '/api/bundles', admin, {
      ...body,
      itemCodes: [DEMO_ITEM_CODES.companyRegistration, '2111-XK-09101'],
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().detail).toContain('companyName');
    expect(clash.json().detail).toContain('类型冲突');

    const badShared = await send('POST', '/api/bundles', admin, {
      ...body,
      sharedFields: [{ label: '名称', keys: ['companyName', 'nope'] }],
    });
    expect(badShared.statusCode).toBe(422);
    expect(badShared.json().errors[0].field).toBe('sharedFields.0.keys.1');

    const created = await send('POST', '/api/bundles', admin, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'food-shop', version: 1, mode: 'parallel' });
    expect((await send('POST', '/api/bundles', admin, body)).statusCode).toBe(409);

    const upd = await send('PUT', '/api/bundles/food-shop', admin, {
      ...body,
      version: 1,
      mode: 'serial',
      name: '开办食品店',
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ version: 2, mode: 'serial', name: '开办食品店' });
    expect((await send('PUT', '/api/bundles/food-shop', admin, { ...body, version: 1 })).statusCode).toBe(409);

    expect((await send('DELETE', '/api/bundles/food-shop', admin)).json()).toEqual({
      code: 'food-shop',
      active: false,
    });
    expect((await get('/api/bundles/food-shop')).statusCode).toBe(404);
    expect((await get('/api/bundles/food-shop', admin)).statusCode).toBe(200);

    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'bundle' and entity_id = 'food-shop' order by id`.execute(t.db);
    expect(audit.rows.map((r) => r.action)).toEqual([
      'bundles.bundle.create',
      'bundles.bundle.update',
      'bundles.bundle.deactivate',
    ]);
  });

  /** One file per merged material the applicant hands in. */
  async function materialsFor(skipItemOnly?: string) {
    const out: { materialId: string; fileIds: string[] }[] = [];
    for (const m of detail.materials) {
      if (m.source !== 'applicant') continue;
      if (skipItemOnly && m.sources.every((s) => s.itemCode === skipItemOnly)) continue;
      out.push({ materialId: m.id, fileIds: [await upload(company, `${m.id}.pdf`)] });
    }
    return out;
  }
  let created: { id: string; caseIds: string[]; numbers: string[] };
  const apply = (body: unknown, key = newKey(), headers = company) =>
    send(
      'POST',
      `/api/bundles/${DEMO_BUNDLE_CODES.companyStartup}/applications`,
      { ...headers, 'idempotency-key': key },
      body,
    );

  it('files all linked cases or none, rejects conflicting values, and replays an idempotent retry', async () => {
    const casesBefore = await count('cases');
    // all-or-none: the 单用途卡备案's own materials are missing → its case fails → no case at all
    const partial = await apply({
      form: formFor(detail),
      materials: await materialsFor('2111-BA-00002'),
      submit: true,
    });
    expect(partial.statusCode).toBeGreaterThanOrEqual(400);
    expect(partial.statusCode).toBeLessThan(500);
    expect(partial.json().detail).toContain('单用途商业预付卡备案');
    expect(await count('cases')).toBe(casesBefore);
    expect(await count('bundle_applications')).toBe(0);

    const materials = await materialsFor();
    const conflicting = await apply({
      form: { ...formFor(detail), enterpriseName: '另一家公司' },
      materials,
      submit: true,
    });
    expect(conflicting.statusCode).toBe(422);
    expect(conflicting.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'form.companyName',
      'form.enterpriseName',
    ]);
    expect(conflicting.json().detail).toContain('form.enterpriseName');

    const unknown = await apply({ form: { ...formFor(detail), bogus: 'x' }, materials, submit: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('form.bogus');
    expect(
      (await send('POST', `/api/bundles/${DEMO_BUNDLE_CODES.companyStartup}/applications`, company, { form: {} }))
        .statusCode,
    ).toBe(400);
    expect(await count('cases')).toBe(casesBefore);

    const key = newKey();
    const { enterpriseName: _e, ...form } = formFor(detail); // the shared group fills enterpriseName
    const body = { form, materials, submit: true };
    const res = await apply(body, key);
    expect(res.statusCode, res.body).toBe(201);
    created = res.json();
    expect(created.caseIds).toHaveLength(4);
    expect(created.numbers).toHaveLength(4);
    expect(await count('cases')).toBe(casesBefore + 4);
    const views = await Promise.all(
      created.caseIds.map(async (id: string) => (await get(`/api/cases/${id}`, company)).json()),
    );
    expect(views.map((v) => v.itemCode)).toEqual(detail.items.map((i) => i.code));
    expect(views.map((v) => v.number)).toEqual(created.numbers);
    expect(views[0].form.enterpriseName).toBe('盘锦辽河示范科技有限公司');
    expect(views.every((v) => v.status !== 'draft')).toBe(true);

    const again = await apply(body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(created.id);
    expect(again.json().caseIds).toEqual(created.caseIds);
    expect(await count('cases')).toBe(casesBefore + 4);
    const reused = await apply({ ...body, submit: false }, key);
    expect(reused.statusCode).toBe(422);
    expect(await count('bundle_applications')).toBe(1);

    // tracked as one
    const track = await get(`/api/bundle-applications/${created.id}`, company);
    expect(track.statusCode, track.body).toBe(200);
    const v = track.json();
    expect(v).toMatchObject({
      bundleCode: 'company-startup',
      status: 'in_progress',
      statusLabel: '办理中',
      completedCount: 0,
      promisedDays: detail.promisedDays,
    });
    expect(v.cases.map((c: { number: string }) => c.number)).toEqual(created.numbers);
    expect(v.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(v.deadline >= v.startedOn).toBe(true);
    expect(v.remainingWorkingDays).toBeGreaterThanOrEqual(0);
    expect(v.remainingWorkingDays).toBeLessThanOrEqual(detail.promisedDays);
    expect((await get(`/api/bundle-applications/${created.id}`, await t.login('applicant'))).statusCode).toBe(404);
    expect((await get(`/api/bundle-applications/${created.id}`, admin)).statusCode).toBe(200);
    expect((await get(`/api/bundle-applications/${created.id}`)).statusCode).toBe(401);

    const audit = await sql<{
      action: string;
    }>`select action from audit_log where entity_type = 'bundle_application' and entity_id = ${created.id}`.execute(
      t.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['bundles.application.create']);
  });

  it('lists 我的一件事 with overall progress and search, for the applicant only', async () => {
    const mine = await get('/api/bundle-applications', company);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ total: 1, page: 1 });
    expect(mine.json().items[0]).toMatchObject({
      id: created.id,
      bundleCode: 'company-startup',
      status: 'in_progress',
      caseCount: 4,
      completedCount: 0,
      caseNumbers: created.numbers,
      promisedDays: detail.promisedDays,
    });
    expect(
      (await get(`/api/bundle-applications?q=${encodeURIComponent(created.numbers[2]!)}`, company)).json().total,
    ).toBe(1);
    expect((await get(`/api/bundle-applications?q=${encodeURIComponent('企业开办')}`, company)).json().total).toBe(1);
    expect((await get('/api/bundle-applications?q=100%25', company)).json().total).toBe(0);
    expect((await get('/api/bundle-applications', await t.login('applicant'))).json().total).toBe(0);
    expect((await get('/api/bundle-applications')).statusCode).toBe(401);
    const tooLong = await get(`/api/bundle-applications?q=${'长'.repeat(51)}`, company);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('q');
  });

  it('shows staff the linked cases in their scope and only number and item of the others', async () => {
    // approver-city works for 市行政审批服务局: 企业设立登记 and 食品经营许可 are its items, the other two are not.
    const approver = await t.login('approver-city');
    const res = await get(`/api/bundle-applications/${created.id}`, approver);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.cases.map((c: { visible: boolean }) => c.visible)).toEqual([true, true, false, false]);
    expect(v.hiddenCount).toBe(2);
    expect(v.cases[0]).toMatchObject({
      id: created.caseIds[0],
      number: created.numbers[0],
      status: 'submitted',
      finished: false,
    });
    expect(v.cases[2]).toMatchObject({
      id: null,
      number: created.numbers[2],
      itemCode: '2111-XK-00005',
      itemName: '特种设备使用登记',
      status: null,
      finished: null,
      departmentCode: null,
    });
    expect(v.status).toBe('in_progress');

    // the comprehensive window of the city hall sees every linked case
    const clerk = await t.login('clerk-city');
    const all = (await get(`/api/bundle-applications/${created.id}`, clerk)).json();
    expect(all.hiddenCount).toBe(0);
    expect(
      all.cases.every((c: { visible: boolean; id: string }, i: number) => c.visible && c.id === created.caseIds[i]),
    ).toBe(true);

    // another county's window sees none of them: 404, as for any case outside its scope
    expect((await get(`/api/bundle-applications/${created.id}`, await t.login('clerk-county'))).statusCode).toBe(404);
  });

  it("finds the bundle of a case for the workbench, within the actor's scope", async () => {
    const approver = await t.login('approver-city');
    const byCase = await get(`/api/bundle-applications/by-case/${created.caseIds[1]}`, approver);
    expect(byCase.statusCode, byCase.body).toBe(200);
    expect(byCase.json()).toMatchObject({ id: created.id, bundleName: '企业开办（餐饮类）一件事', hiddenCount: 2 });
    expect(byCase.json().cases[1]).toMatchObject({ id: created.caseIds[1], visible: true });
    // a sibling in another department's scope: as if it did not exist
    expect((await get(`/api/bundle-applications/by-case/${created.caseIds[2]}`, approver)).statusCode).toBe(404);
    expect((await get(`/api/bundle-applications/by-case/${created.caseIds[3]}`, company)).json().id).toBe(created.id);
    expect(
      (await get(`/api/bundle-applications/by-case/${created.caseIds[0]}`, await t.login('clerk-county'))).statusCode,
    ).toBe(404);

    // a case filed on its own belongs to no bundle
    const clerk = await t.login('clerk-city');
    const single = await registerIndividual(clerk);
    const none = await get(`/api/bundle-applications/by-case/${single.id}`, clerk);
    expect(none.statusCode).toBe(200);
    expect(none.json()).toBeNull();
    const bad = await get('/api/bundle-applications/by-case/not-a-uuid', clerk);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('caseId');

    // the inbox markers: only the cases the actor may see, and only those filed through a bundle
    const ids = [...created.caseIds, single.id].join(',');
    const links = await get(`/api/bundle-applications/case-links?caseIds=${ids}`, approver);
    expect(links.statusCode, links.body).toBe(200);
    expect(links.json().items).toEqual(
      created.caseIds.slice(0, 2).map((caseId) => ({
        caseId,
        applicationId: created.id,
        bundleCode: 'company-startup',
        bundleName: '企业开办（餐饮类）一件事',
        caseCount: 4,
      })),
    );
    expect(
      (await get(`/api/bundle-applications/case-links?caseIds=${ids}`, clerk))
        .json()
        .items.map((l: { caseId: string }) => l.caseId),
    ).toEqual(created.caseIds);
    expect(
      (await get(`/api/bundle-applications/case-links?caseIds=${ids}`, await t.login('clerk-county'))).json().items,
    ).toEqual([]);
    const badIds = await get(`/api/bundle-applications/case-links?caseIds=${created.caseIds[0]},nope`, clerk);
    expect(badIds.statusCode).toBe(400);
    expect(badIds.json().errors[0].field).toMatch(/^caseIds/);
    expect((await get('/api/bundle-applications/case-links', clerk)).statusCode).toBe(400);
  });
});
