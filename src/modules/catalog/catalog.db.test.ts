import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { guideFrom, newItem } from '../../../test/item-fixtures';
import { DEMO_ITEM_CODES, getPublishedItem, listItems } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { get } = api(() => t);
const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name);

describe('public search', () => {
  it('lists every published item when q is empty, paged', async () => {
    const res = await get('/api/items?pageSize=10');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(40);
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toMatchObject({
      typeLabel: expect.any(String),
      handlingType: expect.stringMatching(/immediate|promised/),
    });
    const page2 = (await get('/api/items?pageSize=10&page=2')).json();
    expect(names(page2)).not.toContain(body.items[0].name);
  });

  it('finds 个体工商户设立登记 by 营业执照 (its result), and ranks name hits first', async () => {
    const body = (await get(`/api/items?q=${encodeURIComponent('营业执照')}`)).json();
    expect(names(body)).toContain('个体工商户设立登记');
    expect(names(body)).toContain('企业设立登记');
    // items whose result is a business licence rank above those that merely ask for one
    const question = (await get(`/api/items?q=${encodeURIComponent('如何办理营业执照')}`)).json();
    expect(names(question).slice(0, 2).sort()).toEqual(['个体工商户设立登记', '企业设立登记'].sort());
    const byName = (await get(`/api/items?q=${encodeURIComponent('个体工商户')}`)).json();
    expect(byName.items[0].name).toBe('个体工商户设立登记');
  });

  it('finds 最低生活保障审批 by the keyword 低保', async () => {
    const body = (await get(`/api/items?q=${encodeURIComponent('低保')}`)).json();
    expect(body.items[0].name).toBe('最低生活保障审批');
    expect(body.items[0].code).toBe(DEMO_ITEM_CODES.minimumLiving);
  });

  it('understands a question with filler words and finds nothing for nonsense', async () => {
    const body = (await get(`/api/items?q=${encodeURIComponent('怎么办理食品经营许可证')}`)).json();
    expect(body.items[0].name).toBe('食品经营许可');
    expect((await get(`/api/items?q=${encodeURIComponent('量子纠缠')}`)).json().total).toBe(0);
  });

  it('filters by type, department and level', async () => {
    const benefit = (await get('/api/items?type=benefit&pageSize=100')).json();
    expect(benefit.total).toBeGreaterThan(0);
    expect(
      benefit.items.every(
        (i: { type: string; typeLabel: string }) => i.type === 'benefit' && i.typeLabel === '行政给付',
      ),
    ).toBe(true);
    expect(names(benefit)).toContain('最低生活保障审批');

    const dept = (await get('/api/items?departmentCode=PJ-MZ&pageSize=100')).json();
    expect(dept.items.every((i: { departmentCode: string }) => i.departmentCode === 'PJ-MZ')).toBe(true);
    expect(dept.items[0].departmentName).toBe('盘锦市民政局');

    const village = (await get('/api/items?level=village&pageSize=100')).json();
    expect(names(village)).toEqual(
      expect.arrayContaining(['最低生活保障审批', '城乡居民基本养老保险参保登记', '高龄津贴申请代办']),
    );
    expect(names(village)).not.toContain('食品经营许可');
    expect(
      village.items.every(
        (i: { decideLevel: string; acceptLevels: string[] }) =>
          i.decideLevel === 'village' || i.acceptLevels.includes('village'),
      ),
    ).toBe(true);

    const combined = (await get(`/api/items?q=${encodeURIComponent('低保')}&type=licence`)).json();
    expect(combined.total).toBe(0);
  });

  it('filters by region: the city catalog applies to its counties; an unknown region is a 400 naming regionCode', async () => {
    const county = (await get('/api/items?regionCode=211103&pageSize=1')).json();
    expect(county.total).toBeGreaterThanOrEqual(40);
    const bad = await get('/api/items?regionCode=999999');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('regionCode');
  });

  it('answers unknown enum values with 400 naming the field', async () => {
    const res = await get('/api/items?type=permit');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].field).toBe('type');
    expect((await get('/api/items?level=province')).json().errors[0].field).toBe('level');
  });
});

describe('guide', () => {
  it('returns the full current guide of 食品经营许可', async () => {
    const res = await get(`/api/items/${DEMO_ITEM_CODES.foodBusiness}`);
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g).toMatchObject({
      code: DEMO_ITEM_CODES.foodBusiness,
      name: '食品经营许可',
      version: 1,
      status: 'published',
      type: 'licence',
      typeLabel: '行政许可',
      departmentCode: 'PJ-XZSP',
      departmentName: '盘锦市行政审批服务局',
      decideLevel: 'city',
      handlingType: 'promised',
    });
    expect(g.promisedLimit.days).toBeLessThanOrEqual(g.statutoryLimit.days);
    expect(g.legalBasis[0].title).toContain('食品安全法');
    expect(g.materials.length).toBeGreaterThanOrEqual(3);
    expect(g.materials.some((m: { source: string }) => m.source === 'elicence')).toBe(true);
    expect(g.materials.some((m: { toleranceAllowed: boolean }) => m.toleranceAllowed)).toBe(true);
    expect(g.formFields.map((f: { key: string }) => f.key)).toContain('creditCode');
    expect(g.publishedAt).toBeTruthy();
    expect(g.hall.address).toBeTruthy();
    expect(g.contacts.complaintPhone).toBeTruthy();
    expect(Array.isArray(g.delegations)).toBe(true);
  });

  it('shows 最低生活保障审批 accepted at village and town halls with its delegation history', async () => {
    const g = (await get(`/api/items/${DEMO_ITEM_CODES.minimumLiving}`)).json();
    expect(g.acceptLevels).toEqual(['village', 'town', 'county']);
    expect(g.decideLevel).toBe('county');
    expect(g.keywords).toContain('低保');
    expect(g.delegations[0]).toMatchObject({ fromLevel: 'county', toLevel: 'town', regionCode: '211104' });
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await get('/api/items/2111-XK-99999')).statusCode).toBe(404);
    expect((await get('/api/items/2111-XK-99999/notice.pdf')).statusCode).toBe(404);
    expect((await get('/api/items/%E4%BD%A0')).statusCode).toBe(400);
  });

  it('prints the one-time notice as a real PDF', async () => {
    const res = await get(`/api/items/${DEMO_ITEM_CODES.foodBusiness}/notice.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect(res.rawPayload.length).toBeGreaterThan(10_000);
    // the embedded CJK font subset is present
    expect(res.rawPayload.toString('latin1')).toContain('FontFile');
  });

  it('serves a QR code SVG pointing at the portal guide', async () => {
    const res = await get(`/api/items/${DEMO_ITEM_CODES.minimumLiving}/qr.svg`, { host: 'zwfw.panjin.example' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it('offers the facade to other modules', async () => {
    const item = await getPublishedItem(t.db, DEMO_ITEM_CODES.individualBusiness);
    expect(item?.name).toBe('个体工商户设立登记');
    expect(item?.result.name).toBe('营业执照');
    expect(await getPublishedItem(t.db, 'nope-000')).toBeUndefined();
    const summaries = await listItems(t.db, { codes: [DEMO_ITEM_CODES.foodBusiness, DEMO_ITEM_CODES.minimumLiving] });
    expect(summaries.map((s) => s.name).sort()).toEqual(['最低生活保障审批', '食品经营许可'].sort());
  });
});

describe('administration', () => {
  let admin: Record<string, string>;
  beforeAll(async () => {
    admin = await t.login('admin');
  });
  const send = (method: 'POST' | 'PUT', url: string, payload?: unknown, headers = admin) =>
    t.app.inject({ method, url, payload: payload as object, headers });

  it('requires the admin role', async () => {
    expect((await send('POST', `/api/items/${DEMO_ITEM_CODES.foodBusiness}/publish`, undefined, {})).statusCode).toBe(
      401,
    );
    const clerk = await t.login('clerk-city');
    expect(
      (await send('POST', `/api/items/${DEMO_ITEM_CODES.foodBusiness}/publish`, undefined, clerk)).statusCode,
    ).toBe(403);
    expect((await get('/api/admin/items', clerk)).statusCode).toBe(403);
  });

  it('edits create a new draft version; the published guide stays until publication', async () => {
    const code = DEMO_ITEM_CODES.foodBusiness;
    const current = (await get(`/api/items/${code}`)).json();
    const guide = guideFrom(current);
    const edited = {
      ...guide,
      promisedLimit: { ...guide.promisedLimit, days: 4 },
      keywords: [...guide.keywords, '奶茶店'],
    };

    const draft = await send('PUT', `/api/items/${code}/draft`, { guide: edited });
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ version: 2, status: 'draft' });
    // saving again replaces the same draft
    expect((await send('PUT', `/api/items/${code}/draft`, { guide: edited })).json().version).toBe(2);

    const still = (await get(`/api/items/${code}`)).json();
    expect(still.version).toBe(1);
    expect(still.promisedLimit.days).toBe(guide.promisedLimit.days);
    expect((await get(`/api/items/${code}/draft`, admin)).json().promisedLimit.days).toBe(4);
    expect((await get(`/api/items/${code}/versions`)).json().map((v: { version: number }) => v.version)).toEqual([1]);
    expect((await get(`/api/items/${code}/versions`, admin)).json().map((v: { status: string }) => v.status)).toEqual([
      'draft',
      'published',
    ]);
    expect((await get(`/api/items/${code}/versions/2`)).statusCode).toBe(404);

    const at = new Date(Date.now() - 60_000);
    t.pinClock(() => at);
    const pub = await send('POST', `/api/items/${code}/publish`).finally(() => t.pinClock(null));
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ version: 2, status: 'published', publishedAt: at.toISOString() });
    const after = (await get(`/api/items/${code}`)).json();
    expect(after.version).toBe(2);
    expect(after.promisedLimit.days).toBe(4);
    const v1 = (await get(`/api/items/${code}/versions/1`)).json();
    expect(v1).toMatchObject({ status: 'superseded', version: 1 });
    expect(v1.promisedLimit.days).toBe(guide.promisedLimit.days);
    // the new keyword is searchable
    expect(names((await get(`/api/items?q=${encodeURIComponent('奶茶店')}`)).json())).toContain('食品经营许可');

    // nothing left to publish
    const again = await send('POST', `/api/items/${code}/publish`);
    expect(again.statusCode).toBe(422);

    const audit = await sql<{
      action: string;
      actor_name: string;
    }>`select action, actor_name from audit_log where entity_type = 'item' and entity_id = ${code} order by id`.execute(
      t.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'catalog.item.draft',
      'catalog.item.draft',
      'catalog.item.publish',
    ]);
    expect(audit.rows[2]!.actor_name).toBe('admin');
  });

  it('publishes an item decided by the counties only when its body is found in each of them', async () => {
    const code = DEMO_ITEM_CODES.minimumLiving;
    const guide = guideFrom((await get(`/api/items/${code}`)).json());
    expect(guide.implementingBody.office).toEqual({ kind: 'department', keyword: '民政局' });
    const publishWith = async (implementingBody: unknown) => {
      const draft = await send('PUT', `/api/items/${code}/draft`, { guide: { ...guide, implementingBody } });
      expect(draft.statusCode, draft.body).toBe(200);
      return send('POST', `/api/items/${code}/publish`);
    };

    // a placeholder alone (所在县（区）民政局) names no real body
    const placeholder = await publishWith({ name: '所在县（区）民政局', nature: '法定机关' });
    expect(placeholder.statusCode).toBe(422);
    expect(placeholder.json().errors).toEqual([
      { field: 'implementingBody.office', message: expect.stringContaining('未指明在办理地的部门或人民政府') },
    ]);
    expect(placeholder.json().detail).toMatch(/^实施机关无法确定：.*不能发布$/);

    // a department no county has
    const missing = await publishWith({
      ...guide.implementingBody,
      office: { kind: 'department', keyword: '慈善总会' },
    });
    expect(missing.statusCode).toBe(422);
    const message = missing.json().errors[0].message as string;
    for (const county of ['双台子区', '兴隆台区', '大洼区', '盘山县'])
      expect(message).toContain(`${county}没有名称含「慈善总会」的部门`);
    expect(message).not.toContain('辽东湾新区'); // economic zones decide only by delegation
    expect((await get(`/api/items/${code}`)).json().version).toBe(1);

    // 民政局 is found in every county: published
    const ok = await publishWith(guide.implementingBody);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, status: 'published' });
  });

  it('publishes a town item implemented by each town’s own government (街道办事处, 镇人民政府, 林场 …)', async () => {
    const code = DEMO_ITEM_CODES.homestead;
    const current = (await get(`/api/items/${code}`)).json();
    expect(current.implementingBody.office).toEqual({ kind: 'government' });
    const guide = guideFrom(current);
    expect((await send('PUT', `/api/items/${code}/draft`, { guide })).statusCode).toBe(200);
    const res = await send('POST', `/api/items/${code}/publish`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('creates an item as a draft, refuses a duplicate code and a village-level power', async () => {
    const guide = guideFrom((await get(`/api/items/${DEMO_ITEM_CODES.residentPension}`)).json());
    const body = newItem('2111-GG-09001', 'GG901000', { ...guide, name: '村级就业信息登记' });
    const created = await send('POST', '/api/items', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, status: 'draft' });
    expect((await get('/api/items/2111-GG-09001')).statusCode).toBe(404);
    expect((await send('POST', '/api/items', body)).statusCode).toBe(409);
    const adminList = (await get(`/api/admin/items?status=unpublished`, admin)).json();
    expect(adminList.items.map((i: { code: string }) => i.code)).toContain('2111-GG-09001');

    const power = await send('PUT', '/api/items/2111-GG-09001/draft', {
      guide: { ...guide, type: 'licence', decideLevel: 'village', acceptLevels: ['village'] },
    });
    expect(power.statusCode).toBe(400);
    expect(power.json().errors.map((e: { field: string }) => e.field)).toContain('guide.decideLevel');
    expect(power.json().detail).toContain('村（社区）不是行政主体');

    const bad = await send('POST', '/api/items', {
      ...body,
      code: '2111-GG-09002',
      guide: { ...guide, type: 'sorcery' },
    });
    expect(bad.statusCode).toBe(400);

    expect((await send('POST', '/api/items/2111-GG-09001/publish')).statusCode).toBe(200);
    expect((await get('/api/items/2111-GG-09001')).json().name).toBe('村级就业信息登记');
  });

  it('keeps the acting office, the term and the printed entries of a new item; publish names the office', async () => {
    const guide = guideFrom((await get(`/api/items/${DEMO_ITEM_CODES.minimumLiving}`)).json());
    expect(guide.decideLevel).toBe('county');
    const formFields = [
      { key: 'premises', label: '经营场所', type: 'address', required: true },
      { key: 'scope', label: '经营项目', type: 'textarea', required: true },
    ];
    const itemCode = '2111-GF-09003';
    const withBody = (office: unknown, result: Record<string, unknown> = {}) => ({
      ...guide,
      name: '困难群众临时救助证明',
      formFields,
      implementingBody: { name: '县（区）民政局', nature: '法定机关', ...(office ? { office } : {}) },
      result: { name: '救助证', type: 'certificate', validYears: 3, entries: ['scope', 'premises'], ...result },
    });
    const created = await send(
      'POST',
      '/api/items',
      newItem(itemCode, 'GF903000', withBody({ kind: 'department', keyword: '慈善总会' })),
    );
    expect(created.statusCode, created.body).toBe(201);
    const draft = (await get(`/api/items/${itemCode}/draft`, admin)).json();
    expect(draft.implementingBody.office).toEqual({ kind: 'department', keyword: '慈善总会' });
    expect(draft.result).toMatchObject({ validYears: 3, entries: ['scope', 'premises'] });

    // no county has a 慈善总会: refused, naming the field the editor shows it on
    const refused = await send('POST', `/api/items/${itemCode}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { field: 'implementingBody.office', message: expect.stringContaining('兴隆台区没有名称含「慈善总会」的部门') },
    ]);
    expect((await get(`/api/items/${itemCode}`)).statusCode).toBe(404);

    // what the editor refuses, the catalog refuses too, naming each field in the body
    const fieldsOf = (res: { json: () => { errors: { field: string }[] } }) => res.json().errors.map((e) => e.field);
    const short = await send('PUT', `/api/items/${itemCode}/draft`, {
      guide: withBody({ kind: 'department', keyword: '民' }),
    });
    expect(short.statusCode).toBe(400);
    expect(fieldsOf(short)).toEqual(['guide.implementingBody.office.keyword']);
    const notInForm = await send('PUT', `/api/items/${itemCode}/draft`, {
      guide: withBody({ kind: 'government' }, { entries: ['premises', 'licenceNo'] }),
    });
    expect(notInForm.statusCode).toBe(400);
    expect(fieldsOf(notInForm)).toEqual(['guide.result.entries.1']);
    const termOfALetter = await send('PUT', `/api/items/${itemCode}/draft`, {
      guide: withBody({ kind: 'government' }, { type: 'approval_document' }),
    });
    expect(termOfALetter.statusCode).toBe(400);
    expect(fieldsOf(termOfALetter)).toEqual(['guide.result.validYears']);

    // 民政局 exists in every county: saved as sent, published, and the guide carries all three
    const fixed = await send('PUT', `/api/items/${itemCode}/draft`, {
      guide: withBody({ kind: 'department', keyword: '民政局' }, { validYears: 5 }),
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const published = await send('POST', `/api/items/${itemCode}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    const current = (await get(`/api/items/${itemCode}`)).json();
    expect(current.implementingBody.office).toEqual({ kind: 'department', keyword: '民政局' });
    expect(current.result).toEqual({
      name: '救助证',
      type: 'certificate',
      validYears: 5,
      entries: ['scope', 'premises'],
    });

    // a term and entries left empty are absent (长期有效, nothing printed), not kept from before
    const { validYears: _y, entries: _e, ...plain } = current.result;
    const cleared = await send('PUT', `/api/items/${itemCode}/draft`, {
      guide: { ...withBody(undefined), result: plain, decideLevel: 'city', acceptLevels: ['city'] },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const again = (await get(`/api/items/${itemCode}/draft`, admin)).json();
    expect(again.result).toEqual({ name: '救助证', type: 'certificate' });
    expect(again.implementingBody.office).toBeUndefined();
  });

  it('records delegations and shows them on the guide', async () => {
    const code = DEMO_ITEM_CODES.constructionPermit;
    const res = await send('POST', `/api/items/${code}/delegations`, {
      fromLevel: 'city',
      toLevel: 'county',
      regionCode: '211104',
      basis: '《盘锦市人民政府关于向大洼区下放部分市级行政权力事项的决定》',
      effectiveDate: '2026-01-01',
      note: '大洼区范围内的房屋建筑工程',
    });
    expect(res.statusCode).toBe(201);
    const g = (await get(`/api/items/${code}`)).json();
    expect(g.delegations).toHaveLength(1);
    expect(g.delegations[0]).toMatchObject({
      fromLevel: 'city',
      toLevel: 'county',
      regionCode: '211104',
      effectiveDate: '2026-01-01',
      createdBy: 'admin',
    });
    const upward = await send('POST', `/api/items/${code}/delegations`, {
      fromLevel: 'county',
      toLevel: 'city',
      regionCode: '211104',
      basis: 'x',
      effectiveDate: '2026-01-01',
    });
    expect(upward.statusCode).toBe(400);
    const badRegion = await send('POST', `/api/items/${code}/delegations`, {
      fromLevel: 'city',
      toLevel: 'county',
      regionCode: '999999',
      basis: 'x',
      effectiveDate: '2026-01-01',
    });
    expect(badRegion.json().errors[0].field).toBe('regionCode');
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'catalog.item.delegate' and entity_id = ${code}`.execute(
      t.db,
    );
    expect(audit.rows[0]!.n).toBe(1);
  });

  it('cancels and restores items without deleting them; search answers follow at once', async () => {
    const code = DEMO_ITEM_CODES.roadExcavation;
    const search = async () => names((await get(`/api/items?q=${encodeURIComponent('道路挖掘')}`)).json());
    // The answer is remembered for a few seconds, and forgotten by every catalog write.
    expect(await search()).toContain('城市道路挖掘许可');
    expect((await send('POST', `/api/items/${code}/deactivate`)).json()).toEqual({ code, active: false });
    expect((await get(`/api/items/${code}`)).statusCode).toBe(404);
    expect(await search()).not.toContain('城市道路挖掘许可');
    expect((await send('POST', `/api/items/${code}/deactivate`)).statusCode).toBe(409);
    const inactive = (await get('/api/admin/items?status=inactive', admin)).json();
    expect(inactive.items.map((i: { code: string }) => i.code)).toContain(code);
    expect((await send('POST', `/api/items/${code}/activate`)).statusCode).toBe(200);
    expect((await get(`/api/items/${code}`)).statusCode).toBe(200);
    expect(await search()).toContain('城市道路挖掘许可');
  });
});
