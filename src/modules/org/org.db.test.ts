import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import type { Actor } from '../../platform/auth';
import { Problem } from '../../platform/errors';
import { demoCreditCode } from './demo/departments';
import {
  CITY_HALL_CODE,
  COUNTY_HALL_CODE,
  DEMO_TOWN_CODE,
  DEMO_VILLAGE_CODE,
  getDepartment,
  getHall,
  listHallsInRegion,
  getDepartmentsByKind,
} from './index';
import * as svc from './org.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Item {
  code: string;
  name: string;
  level: string;
  kind: string;
  official: boolean;
  active: boolean;
  childCount: number;
}
const get = (url: string) => t.app.inject({ method: 'GET', url });
const auditCount = async (action: string, entityId: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = ${action} and entity_id = ${entityId}`.execute(t.db)
  ).rows[0]!.n;

describe('public reads', () => {
  it('lists the 4 counties and the 2 economic zones under 盘锦市', async () => {
    const res = await get('/api/regions/211100/children');
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: Item[] }).items;
    expect(items.map((i) => i.code)).toEqual(['211102', '211103', '211104', '211122', '2111Z1', '2111Z2']);
    expect(items.find((i) => i.code === '2111Z1')).toMatchObject({
      name: '辽东湾新区',
      kind: 'economic_zone',
      official: false,
      childCount: 0,
    });
    expect(items.find((i) => i.code === '211103')).toMatchObject({ name: '兴隆台区', childCount: 12 });
  });

  it('lists the towns of 兴隆台区, the demo town first', async () => {
    const items = ((await get('/api/regions/211103/children')).json() as { items: Item[] }).items;
    expect(items).toHaveLength(12);
    expect(items.every((i) => i.level === 'town' && i.code.startsWith('211103') && i.code.endsWith('000'))).toBe(true);
    expect(items[0]!.code).toBe(DEMO_TOWN_CODE);
  });

  it('answers a village with its path and no children', async () => {
    const res = await get(`/api/regions/${DEMO_VILLAGE_CODE}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { level: string; childCount: number; path: { code: string }[] };
    expect(body.level).toBe('village');
    expect(body.childCount).toBe(0);
    expect(body.path.map((p) => p.code)).toEqual(['211100', '211103', DEMO_TOWN_CODE]);
    expect(((await get(`/api/regions/${DEMO_VILLAGE_CODE}/children`)).json() as { items: Item[] }).items).toEqual([]);
  });

  it('rejects a malformed code with 400 naming code, and an unknown one with 404', async () => {
    const bad = await get('/api/regions/21-11/children');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain('code');
    expect((await get('/api/regions/999900/children')).statusCode).toBe(404);
    expect((await get('/api/regions/999900')).statusCode).toBe(404);
  });

  it('searches regions by name, paged', async () => {
    const res = await get(`/api/regions?q=${encodeURIComponent('兴隆')}&level=county`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: { code: string }[] };
    expect(body.items.map((i) => i.code)).toEqual(['211103']);
    const villages = (await get('/api/regions?level=village&pageSize=5&page=2')).json() as {
      total: number;
      items: unknown[];
      page: number;
    };
    expect(villages.total).toBe(544);
    expect(villages.items).toHaveLength(5);
    expect(villages.page).toBe(2);
  });

  it('lists departments and shows a department with its approval office', async () => {
    const res = await get('/api/departments?regionCode=211100&kind=approval_bureau');
    const body = res.json() as { items: { code: string; id: string }[] };
    expect(body.items.map((d) => d.code)).toEqual(['PJ-XZSP']);
    const city = (await get('/api/departments?regionCode=211100&kind=department&pageSize=100')).json() as {
      total: number;
    };
    expect(city.total).toBeGreaterThanOrEqual(12);
    const scjg = (await getDepartment(t.db, 'PJ-SCJG'))!;
    const detail = (await get(`/api/departments/${scjg.id}`)).json() as {
      name: string;
      creditCode: string;
      offices: { code: string }[];
    };
    expect(detail.name).toBe('盘锦市市场监督管理局');
    expect(detail.creditCode).toHaveLength(18);
    expect(detail.offices.map((o) => o.code)).toEqual(['PJ-SCJG-SPB']);
    expect((await get('/api/departments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('lists the halls of a subtree and shows a hall with its windows', async () => {
    const res = await get('/api/halls?regionCode=211103&pageSize=200');
    const body = res.json() as { total: number; items: { code: string; regionCode: string }[] };
    expect(body.items.every((h) => h.regionCode.startsWith('211103'))).toBe(true);
    expect(body.items.map((h) => h.code)).toContain(COUNTY_HALL_CODE);
    expect(body.items.map((h) => h.code)).toContain(`T-${DEMO_TOWN_CODE}`);
    expect(body.items.map((h) => h.code)).toContain(`V-${DEMO_VILLAGE_CODE}`);
    expect(body.total).toBe((await listHallsInRegion(t.db, '211103')).length);
    const hall = (await getHall(t.db, CITY_HALL_CODE))!;
    const detail = (await get(`/api/halls/${hall.id}`)).json() as {
      windows: { code: string; kind: string; departmentName: string | null }[];
    };
    expect(detail.windows).toHaveLength(15);
    expect(detail.windows.find((w) => w.code === 'B01')).toMatchObject({
      kind: 'department',
      departmentName: '盘锦市公安局',
    });
    expect(detail.windows.find((w) => w.code === 'C01')?.kind).toBe('exit');
  });

  it('offers facade lookups by kind', async () => {
    expect((await getDepartmentsByKind(t.db, '211103', 'approval_bureau')).map((d) => d.code)).toEqual(['XLT-XZSP']);
  });
});

describe('admin writes', () => {
  const TOWN = '211103099000';

  it('requires sign-in (401) and the admin role (403)', async () => {
    const payload = { code: TOWN, name: '测试街道', level: 'town', parentCode: '211103' };
    expect((await t.app.inject({ method: 'POST', url: '/api/regions', payload })).statusCode).toBe(401);
    const clerk = await t.login('clerk-city');
    expect((await t.app.inject({ method: 'POST', url: '/api/regions', payload, headers: clerk })).statusCode).toBe(403);
    expect((await get(`/api/regions/${TOWN}`)).statusCode).toBe(404);
  });

  it('creates, renames, deactivates and re-activates a region, with audit rows', async () => {
    const h = await t.login('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: h,
      payload: { code: TOWN, name: '测试街道', level: 'town', parentCode: '211103' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: TOWN, scopePrefix: '211103099', official: true, active: true });
    expect(await auditCount('org.region.create', TOWN)).toBe(1);

    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: h,
      payload: { code: TOWN, name: '重复街道', level: 'town', parentCode: '211103' },
    });
    expect(dup.statusCode).toBe(409);

    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/regions/${TOWN}`,
      headers: h,
      payload: { name: '测试新街道' },
    });
    expect(renamed.statusCode).toBe(200);
    expect((renamed.json() as { name: string }).name).toBe('测试新街道');
    expect(await auditCount('org.region.update', TOWN)).toBe(1);

    const off = await t.app.inject({ method: 'POST', url: `/api/regions/${TOWN}/deactivate`, headers: h });
    expect(off.statusCode).toBe(200);
    expect((off.json() as { active: boolean }).active).toBe(false);
    expect(
      ((await get('/api/regions/211103/children')).json() as { items: Item[] }).items.map((i) => i.code),
    ).not.toContain(TOWN);
    expect(
      ((await get('/api/regions/211103/children?includeInactive=true')).json() as { items: Item[] }).items.map(
        (i) => i.code,
      ),
    ).toContain(TOWN);
    expect(await auditCount('org.region.deactivate', TOWN)).toBe(1);
    const on = await t.app.inject({ method: 'POST', url: `/api/regions/${TOWN}/activate`, headers: h });
    expect((on.json() as { active: boolean }).active).toBe(true);
  });

  it('validates level, code shape and economic zones', async () => {
    const h = await t.login('admin');
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/regions', headers: h, payload });
    const fields = (res: { json(): unknown }) =>
      ((res.json() as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);

    const skip = await post({ code: '211103099001', name: '越级社区', level: 'village', parentCode: '211103' });
    expect(skip.statusCode).toBe(400);
    expect(fields(skip)).toEqual(['level']);
    const shape = await post({ code: '211103098', name: '短码街道', level: 'town', parentCode: '211103' });
    expect(shape.statusCode).toBe(400);
    expect(fields(shape)).toEqual(['code']);
    const foreign = await post({ code: '211104098000', name: '外区街道', level: 'town', parentCode: '211103' });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual(['code']);

    const zone = await post({
      code: '2111Z3',
      name: '测试经济区',
      level: 'county',
      kind: 'economic_zone',
      parentCode: '211100',
    });
    expect(zone.statusCode).toBe(201);
    expect(zone.json()).toMatchObject({ official: false, kind: 'economic_zone', scopePrefix: '2111Z3' });
    const officialZone = await post({
      code: '211199',
      name: '占码经济区',
      level: 'county',
      kind: 'economic_zone',
      parentCode: '211100',
    });
    expect(fields(officialZone)).toEqual(['code']);
    const townZone = await post({
      code: '211103097000',
      name: '镇级经济区',
      level: 'town',
      kind: 'economic_zone',
      parentCode: '211103',
    });
    expect(fields(townZone)).toEqual(['kind']);
  });

  it('refuses to deactivate a region with active children (422)', async () => {
    const h = await t.login('admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/regions/211103/deactivate', headers: h });
    expect(res.statusCode).toBe(422);
    expect((res.json() as { detail: string }).detail).toContain('下级区划');
    expect(((await get('/api/regions/211103')).json() as { active: boolean }).active).toBe(true);
  });

  it('answers 404 for a target outside the administrator’s region scope', async () => {
    const countyAdmin = {
      id: '00000000-0000-4000-8000-000000000001',
      username: 'county-admin',
      scope: { regionCode: '211103', regionPrefix: '211103', departmentId: null, hallId: null, windowId: null },
    } as unknown as Actor;
    const w = { actor: countyAdmin, ip: '127.0.0.1', now: new Date() };
    const err = await svc
      .createRegion(t.db, w, {
        code: '211104098000',
        name: '外区街道',
        level: 'town',
        kind: 'admin',
        parentCode: '211104',
      })
      .catch((e) => e);
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).status).toBe(404);
    const rename = await svc.updateRegion(t.db, w, '211102', { name: '改名' }).catch((e) => e);
    expect((rename as Problem).status).toBe(404);
  });

  it('stamps a change with the instant of the request that makes it', async () => {
    const cityAdmin = {
      id: '00000000-0000-4000-8000-000000000002',
      username: 'city-admin',
      scope: { regionCode: '211100', regionPrefix: '2111', departmentId: null, hallId: null, windowId: null },
    } as unknown as Actor;
    const now = new Date('2031-05-06T01:02:03.000Z');
    const before = await t.db.selectFrom('regions').selectAll().where('code', '=', '211103').executeTakeFirstOrThrow();
    await svc.updateRegion(t.db, { actor: cityAdmin, ip: '127.0.0.1', now }, '211103', { sort: before.sort });
    const after = await t.db.selectFrom('regions').selectAll().where('code', '=', '211103').executeTakeFirstOrThrow();
    expect(after.updated_at.toISOString()).toBe(now.toISOString());
  });

  it('manages departments: credit code check, duplicates, approval offices, deactivation', async () => {
    const h = await t.login('admin');
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/departments', headers: h, payload });
    const creditCode = demoCreditCode('11', '211100', 900);
    const created = await post({
      code: 'PJ-TEST',
      name: '盘锦市测试管理局',
      regionCode: '211100',
      kind: 'department',
      creditCode,
    });
    expect(created.statusCode).toBe(201);
    const dept = created.json() as { id: string; regionName: string; creditCode: string };
    expect(dept).toMatchObject({ regionName: '盘锦市', creditCode });
    expect(await auditCount('org.department.create', dept.id)).toBe(1);

    const badCredit = await post({
      code: 'PJ-TEST2',
      name: '盘锦市测试二局',
      regionCode: '211100',
      kind: 'department',
      creditCode: `${creditCode.slice(0, 17)}${creditCode[17] === '1' ? '2' : '1'}`,
    });
    expect(badCredit.statusCode).toBe(400);
    expect((badCredit.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('creditCode');
    expect(
      (await post({ code: 'PJ-TEST', name: '盘锦市重复局', regionCode: '211100', kind: 'department' })).statusCode,
    ).toBe(409);
    expect(
      (await post({ code: 'PJ-TEST3', name: '盘锦市同码局', regionCode: '211100', kind: 'department', creditCode }))
        .statusCode,
    ).toBe(409);

    const noParent = await post({
      code: 'PJ-TEST-SPB',
      name: '测试局审批办',
      regionCode: '211100',
      kind: 'approval_office',
    });
    expect((noParent.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('parentId');
    const office = await post({
      code: 'PJ-TEST-SPB',
      name: '测试局审批办',
      regionCode: '211100',
      kind: 'approval_office',
      parentId: dept.id,
    });
    expect(office.statusCode).toBe(201);
    const village = await post({
      code: 'V-TEST',
      name: '村级测试办',
      regionCode: DEMO_VILLAGE_CODE,
      kind: 'department',
    });
    expect(village.statusCode).toBe(422);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/departments/${dept.id}`,
      headers: h,
      payload: { shortName: '市测试局' },
    });
    expect((patched.json() as { shortName: string }).shortName).toBe('市测试局');

    const blocked = await t.app.inject({ method: 'POST', url: `/api/departments/${dept.id}/deactivate`, headers: h });
    expect(blocked.statusCode).toBe(422);
    const officeId = (office.json() as { id: string }).id;
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/departments/${officeId}/deactivate`, headers: h })).statusCode,
    ).toBe(200);
    const off = await t.app.inject({ method: 'POST', url: `/api/departments/${dept.id}/deactivate`, headers: h });
    expect((off.json() as { active: boolean }).active).toBe(false);
    expect(await auditCount('org.department.deactivate', dept.id)).toBe(1);
  });

  it('manages halls and windows', async () => {
    const h = await t.login('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/halls',
      headers: h,
      payload: {
        code: 'T-211103099000',
        name: '测试街道便民服务中心',
        regionCode: '211103099000',
        phone: '0427-2900999',
        hours: '工作日 9:00-17:00',
      },
    });
    expect(created.statusCode).toBe(201);
    const hall = created.json() as { id: string; regionName: string };
    expect(hall.regionName).toBe('测试新街道');
    expect(await auditCount('org.hall.create', hall.id)).toBe(1);
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/halls',
      headers: h,
      payload: { code: 't-211103099000', name: '重复中心', regionCode: '211103099000' },
    });
    expect(dup.statusCode).toBe(409);
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/halls/${hall.id}`,
      headers: h,
      payload: { address: '兴隆台区测试路 1 号' },
    });
    expect((patched.json() as { address: string }).address).toBe('兴隆台区测试路 1 号');

    const win = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/halls/${hall.id}/windows`, headers: h, payload });
    const w1 = await win({ code: '01', name: '综合受理窗口', kind: 'comprehensive' });
    expect(w1.statusCode).toBe(201);
    expect((await win({ code: '01', name: '另一个窗口', kind: 'comprehensive' })).statusCode).toBe(409);
    const noDept = await win({ code: '02', name: '部门窗口', kind: 'department' });
    expect((noDept.json() as { errors: { field: string }[] }).errors[0]!.field).toBe('departmentId');
    const mz = (await getDepartment(t.db, 'XLT-MZ'))!;
    const w2 = await win({ code: '02', name: '民政窗口', kind: 'department', departmentId: mz.id });
    expect(w2.statusCode).toBe(201);
    expect((w2.json() as { departmentName: string }).departmentName).toBe('兴隆台区民政局');
    const otherCounty = (await getDepartment(t.db, 'DW-MZ'))!;
    expect(
      (await win({ code: '03', name: '外区窗口', kind: 'department', departmentId: otherCounty.id })).statusCode,
    ).toBe(422);

    const w1id = (w1.json() as { id: string }).id;
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/windows/${w1id}`,
      headers: h,
      payload: { name: '综合受理一号窗口' },
    });
    expect((renamed.json() as { name: string }).name).toBe('综合受理一号窗口');
    const offWin = await t.app.inject({ method: 'POST', url: `/api/windows/${w1id}/deactivate`, headers: h });
    expect((offWin.json() as { active: boolean }).active).toBe(false);
    expect(await auditCount('org.window.deactivate', w1id)).toBe(1);

    const offHall = await t.app.inject({ method: 'POST', url: `/api/halls/${hall.id}/deactivate`, headers: h });
    expect(offHall.statusCode).toBe(200);
    const body = offHall.json() as { active: boolean; windows: { active: boolean }[] };
    expect(body.active).toBe(false);
    expect(body.windows.every((x) => !x.active)).toBe(true);
    const reopen = await t.app.inject({ method: 'POST', url: `/api/windows/${w1id}/activate`, headers: h });
    expect(reopen.statusCode).toBe(422);
  });

  it('publishes the org routes in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/regions/{code}/children',
        '/api/halls/{id}/windows',
        '/api/windows/{id}/deactivate',
      ]),
    );
  });
});
