import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const login = (username: string, password = DEMO_PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('signs in every demo account and returns a token, a CSRF token and an HttpOnly cookie', async () => {
    for (const u of [
      'admin',
      'supervisor',
      'clerk-city',
      'approver-city',
      'chief-city',
      'clerk-county',
      'approver-county',
      'clerk-town',
      'clerk-village',
      'agent',
      'applicant',
      'company',
    ]) {
      const res = await login(u);
      expect(res.statusCode, u).toBe(200);
      const body = res.json();
      expect(body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(body.user.username).toBe(u);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toContain('HttpOnly');
      expect(cookie).toContain('SameSite=Lax');
    }
  });

  it('gives staff their scope and masks personal data', async () => {
    const body = (await login('clerk-county')).json();
    expect(body.user.scope.regionCode).toBe('211103');
    expect(body.user.scope.hallName).toBeTruthy();
    const app = (await login('applicant')).json();
    expect(app.user.kind).toBe('person');
    expect(app.user.idNumberMasked).toBe('211103********1234');
    expect(JSON.stringify(app)).not.toContain('211103199001011234');
  });

  it('answers wrong credentials with 401 problem+json', async () => {
    const res = await login('admin', 'wrong-password1');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('用户名或密码错误');
    expect((await login('nobody-here')).statusCode).toBe(401);
  });

  it('asks for a challenge after repeated failures of one username from one address', async () => {
    for (let i = 0; i < 3; i++) expect((await login('agent', 'Wrong12345')).statusCode).toBe(401);
    const asked = await login('agent');
    expect(asked.statusCode).toBe(401);
    expect(asked.json().code).toBe('challenge_required');
    expect(asked.json().errors[0].field).toBe('challengeAnswer');
  });

  it('names missing fields in Chinese', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('password');
  });

  it('accepts the bearer token on API routes and rejects a bad one', async () => {
    const h = await t.login('clerk-city');
    const me = await t.app.inject({ url: '/api/auth/me', headers: h });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('clerk-city');
    const bad = await t.app.inject({ url: '/api/auth/me', headers: { authorization: 'Bearer nope' } });
    expect(bad.statusCode).toBe(200);
    expect(bad.json().user).toBeNull();
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: 'Bearer nope' },
    });
    expect(write.statusCode).toBe(401);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const res = await login('applicant');
    const { token, csrfToken } = res.json();
    const cookie = `yw_session=${token}`;
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().title).toContain('CSRF');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': csrfToken },
    });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).json().user).toBeNull();
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('registration', () => {
  it('registers a natural person with a valid ID number', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        kind: 'person',
        username: 'liming',
        password: 'river-cloud-7741',
        name: '李明',
        idNumber: '211102198506120048',
        phone: '13912345678',
      },
    });
    expect(res.statusCode).toBe(201);
    expect((await login('liming', 'river-cloud-7741')).statusCode).toBe(200);
  });

  it('refuses an ID number with a wrong check digit, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        kind: 'person',
        username: 'wrongid',
        password: 'river-cloud-7741',
        name: '王五',
        idNumber: '211102198506120041',
        phone: '13912345678',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ field: 'idNumber', message: '身份证号校验位错误' });
  });

  it('refuses a credit code with a wrong check character', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        kind: 'company',
        username: 'badco',
        password: 'river-cloud-7741',
        name: '某某公司',
        creditCode: '91211103MA0Y8K2P7K',
        phone: '13912345678',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('creditCode');
  });

  it('refuses a taken username with 409', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: {
        kind: 'company',
        username: 'Company',
        password: 'river-cloud-7741',
        name: '某某公司',
        creditCode: '91350100M000100Y43',
        phone: '13912345678',
      },
    });
    expect(res.statusCode).toBe(409);
  });
});

describe('staff administration', () => {
  it('lets the admin create a staff account who can then sign in', async () => {
    const h = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: h,
      payload: {
        username: 'clerk-new',
        name: '新窗口员',
        password: 'harbor-kite-5529',
        roles: ['clerk'],
        regionCode: '211103',
        phone: '13700001111',
      },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.scope.regionCode).toBe('211103');
    expect(created.phoneMasked).toBe('137****1111');
    const signIn = await login('clerk-new', 'harbor-kite-5529');
    expect(signIn.statusCode).toBe(200);

    const list = await t.app.inject({ url: '/api/staff?q=clerk-new', headers: h });
    expect(list.json().items.map((u: { username: string }) => u.username)).toContain('clerk-new');

    const off = await t.app.inject({ method: 'POST', url: `/api/staff/${created.id}/deactivate`, headers: h });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await login('clerk-new', 'harbor-kite-5529')).statusCode).toBe(401);
    const rows = await sql<{
      action: string;
    }>`select action from audit_log where entity_id = ${created.id} order by id`.execute(t.db);
    expect(rows.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['identity.staff.create', 'identity.staff.deactivate']),
    );
  });

  it('narrows the roster to a region subtree as org defines it, not by the code with its zeros cut', async () => {
    const h = await t.login('admin');
    const create = (username: string, regionCode: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/staff',
        headers: h,
        payload: { username, name: '村级工作人员', password: 'maple-drift-4417', roles: ['clerk'], regionCode },
      });
    expect((await create('vclerk-010', '211102003010')).statusCode).toBe(201);
    expect((await create('vclerk-011', '211102003011')).statusCode).toBe(201);
    const names = async (regionCode: string) =>
      (await t.app.inject({ url: `/api/staff?q=vclerk-0&regionCode=${regionCode}`, headers: h }))
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort();
    expect(await names('211102003010')).toEqual(['vclerk-010']);
    expect(await names('211102003000')).toEqual(['vclerk-010', 'vclerk-011']);
    expect(await names('211100')).toEqual(['vclerk-010', 'vclerk-011']);
    expect(await names('211102999999')).toEqual([]);
  });

  it('refuses weak passwords and unknown regions, naming the field', async () => {
    const h = await t.login('admin');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: h,
      payload: { username: 'weakpw', name: '弱密码', password: 'abc', roles: ['clerk'], regionCode: '211103' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    const region = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: h,
      payload: {
        username: 'noregion',
        name: '无区划',
        password: 'river-cloud-7741',
        roles: ['clerk'],
        regionCode: '999999',
      },
    });
    expect(region.statusCode).toBe(400);
    expect(region.json().errors[0].field).toBe('regionCode');
  });

  it('forbids non-admins and hides staff outside the scope', async () => {
    const clerk = await t.login('clerk-city');
    expect((await t.app.inject({ url: '/api/staff', headers: clerk })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/staff' })).statusCode).toBe(401);

    const cityAdmin = await t.login('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: cityAdmin,
      payload: {
        username: 'admin-xlt',
        name: '兴隆台管理员',
        password: 'maple-orbit-3316',
        roles: ['admin'],
        regionCode: '211103',
      },
    });
    expect(created.statusCode).toBe(201);
    const countyAdmin = await t.login('admin-xlt', 'maple-orbit-3316');
    const list = await t.app.inject({ url: '/api/staff?pageSize=200', headers: countyAdmin });
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('clerk-county');
    expect(names).not.toContain('clerk-city');
    // The city clerk exists but is outside the county admin's scope: 404, not 403.
    const cityList = await t.app.inject({ url: '/api/staff?q=clerk-city', headers: cityAdmin });
    const cityClerkId = cityList.json().items[0].id;
    const hidden = await t.app.inject({ url: `/api/staff/${cityClerkId}`, headers: countyAdmin });
    expect(hidden.statusCode).toBe(404);
  });
});
