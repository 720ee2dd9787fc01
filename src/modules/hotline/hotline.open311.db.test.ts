import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { DEMO_OPEN311_KEY } from './demo/open311';
import { blockedRoad, register } from './hotline.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => new Date('2026-11-02T02:00:00Z'));
});
afterAll(async () => t?.close());

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postForm = (fields: Record<string, string>, path = '/open311/v2/requests.json') =>
  t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
const pothole = (more: Record<string, string> = {}) => ({
  api_key: DEMO_OPEN311_KEY,
  service_code: 'CSGL-DL',
  lat: '41.1198',
  long: '122.0707',
  address_string: '兴隆台区振兴街道世纪社区东门',
  description: '路面有一个大坑，晚上容易绊倒行人。联系我 13998761234。',
  first_name: '秀兰',
  last_name: '李',
  phone: '13998761234',
  email: 'lixiulan@example.cn',
  'attribute[region]': '211103',
  ...more,
});
const specError = (body: unknown, code: number) => {
  expect(Array.isArray(body), JSON.stringify(body)).toBe(true);
  const errors = body as { code: number; description: string }[];
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(e.code).toBe(code);
    expect(typeof e.description).toBe('string');
  }
  return errors.map((e) => e.description).join(' | ');
};

describe('services', () => {
  it('lists the leaf categories as realtime services grouped by their top category', async () => {
    const res = await t.get('/open311/v2/services.json');
    expect(res.statusCode).toBe(200);
    const services = res.json() as { service_code: string; group: string; type: string; metadata: boolean }[];
    expect(services).toContainEqual(
      expect.objectContaining({
        service_code: 'CSGL-DL',
        service_name: '道路设施',
        group: '城市管理',
        type: 'realtime',
      }),
    );
    // A top category with children is a group, not a service.
    expect(services.some((s) => s.service_code === 'CSGL')).toBe(false);
  });

  it('defines a service with the ticket type and the county as lists', async () => {
    const res = await t.get('/open311/v2/services/CSGL-DL.json');
    expect(res.statusCode).toBe(200);
    const def = res.json() as { service_code: string; attributes: { code: string; values: { key: string }[] }[] };
    expect(def.service_code).toBe('CSGL-DL');
    const type = def.attributes.find((a) => a.code === 'type')!;
    expect(type.values.map((v) => v.key)).toContain('complaint');
    expect(def.attributes.find((a) => a.code === 'region')!.values.map((v) => v.key)).toContain('211103');
    expect(specError((await t.get('/open311/v2/services/NOPE.json')).json(), 404)).toMatch(/NOPE/);
  });

  it('speaks XML with .xml', async () => {
    const res = await t.get('/open311/v2/services.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/xml/);
    expect(res.body).toMatch(/^<\?xml[^>]*\?><services><service><service_code>/);
    const missing = await t.get('/open311/v2/requests/nothing.xml');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<errors><error><code>404</code>');
    for (const url of ['/open311/v2/nothing', '/open311/v2/services', '/open311/v2/requests/x/y.json']) {
      const res = await t.get(url);
      expect(res.statusCode, url).toBe(404);
      specError(res.json(), 404);
    }
  });
});

describe('filing a request', () => {
  it('refuses a request without a key, with a wrong one and with a revoked one (403)', async () => {
    const noKey: Record<string, string> = pothole();
    delete noKey.api_key;
    for (const fields of [noKey, pothole({ api_key: 'o311_wrong' })]) {
      const res = await postForm(fields);
      expect(res.statusCode).toBe(403);
      expect(specError(res.json(), 403)).toMatch(/api_key/);
    }
    const chief = await t.as('hotline-chief');
    const created = await t.post('/api/hotline/open311-keys', chief, { name: '测试接入方' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, key } = created.json() as { id: string; key: string };
    expect((await postForm(pothole({ api_key: key }))).statusCode).toBe(201);
    expect((await t.delete(`/api/hotline/open311-keys/${id}`, chief)).statusCode).toBe(200);
    const revoked = await postForm(pothole({ api_key: key }));
    expect(revoked.statusCode).toBe(403);
    specError(revoked.json(), 403);
  });

  it('names each missing or malformed field (400)', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [pothole({ service_code: '' }), /service_code/],
      [pothole({ description: '' }), /description/],
      [pothole({ lat: '', long: '', address_string: '' }), /位置/],
      [pothole({ lat: '95' }), /lat/],
      [pothole({ email: 'not-mail' }), /email/],
      [pothole({ 'attribute[type]': 'gossip' }), /attribute\[type\]/],
      [pothole({ service_code: 'NOPE' }), /NOPE/],
      [pothole({ 'attribute[region]': '210202' }), /attribute\[region\]/],
    ];
    for (const [fields, message] of cases) {
      const res = await postForm(fields);
      expect(res.statusCode, res.body).toBe(400);
      expect(specError(res.json(), 400)).toMatch(message);
    }
  });

  it('registers a ticket of the open311 channel, found again by its id and by its token', async () => {
    const res = await postForm(pothole({ 'attribute[type]': 'complaint' }));
    expect(res.statusCode, res.body).toBe(201);
    const [answer] = res.json() as { service_request_id: string; token: string; service_notice: string }[];
    expect(answer!.service_request_id).toMatch(/^20261102\d{6}$/);
    expect(answer!.service_notice).toContain(answer!.service_request_id);

    const byToken = await t.get(`/open311/v2/tokens/${answer!.token}.json`);
    expect(byToken.json()).toEqual([{ service_request_id: answer!.service_request_id, token: answer!.token }]);

    const staff = await t.get(`/api/hotline/tickets?q=${answer!.service_request_id}`, await t.as('operator'));
    const [ticket] = staff.json().items as { id: string; channel: string; type: string; regionCode: string }[];
    expect(ticket).toMatchObject({ channel: 'open311', type: 'complaint', regionCode: '211103' });
    const view = (await t.get(`/api/hotline/tickets/${ticket!.id}`, await t.as('operator'))).json();
    expect(view.caller).toMatchObject({ name: '李秀兰', phone: '13998761234' });
    expect(view.history[0]).toMatchObject({ action: 'register', actorName: 'Open311：盘锦城市服务 App（演示）' });

    const audit = await sql<{ actor_name: string }>`
      select actor_name from audit_log where action = 'hotline.ticket.create' and entity_id = ${ticket!.id}`.execute(
      t.db,
    );
    expect(audit.rows[0]!.actor_name).toBe('open311:盘锦城市服务 App（演示）');
  });

  it('takes JSON as well, with the attributes as an object', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: DEMO_OPEN311_KEY,
        service_code: 'SCJG-SP',
        address_string: '盘锦市兴隆台区某超市',
        description: '超市出售过期面包。',
        attribute: { type: 'complaint' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('public requests', () => {
  it('never carry personal data and never list 举报', async () => {
    const report = await register(t, {
      ...blockedRoad(),
      type: 'report',
      title: '举报某工地夜间偷排污水',
      callerName: '王举报',
      callerPhone: '13900001111',
    });
    const mine = await postForm(pothole({ description: '井盖缺失，电话 13998761234，邮箱 lixiulan@example.cn。' }));
    const id = (mine.json() as { service_request_id: string }[])[0]!.service_request_id;

    const list = await t.get('/open311/v2/requests.json');
    expect(list.statusCode).toBe(200);
    const requests = list.json() as { service_request_id: string; status: string; description: string }[];
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.some((r) => r.service_request_id === report.number)).toBe(false);
    const text = list.body;
    for (const personal of ['13998761234', '李秀兰', 'lixiulan', '王举报', '13900001111'])
      expect(text).not.toContain(personal);
    // Newest first.
    const times = requests.map((r) => (r as unknown as { requested_datetime: string }).requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);

    const one = await t.get(`/open311/v2/requests/${id}.json`);
    expect(one.statusCode).toBe(200);
    const [r] = one.json() as Record<string, unknown>[];
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '待派单',
      service_code: 'CSGL-DL',
    });
    expect(r!.description).toBe('井盖缺失，电话 139****1234，邮箱 ***@***');
    expect(Object.keys(r!)).not.toContain('first_name');

    const hidden = await t.get(`/open311/v2/requests/${report.number}.json`);
    expect(hidden.statusCode).toBe(404);
    specError(hidden.json(), 404);
  });

  it('filters by id list, service, status and dates', async () => {
    const a = (await postForm(pothole())).json()[0].service_request_id as string;
    const b = (await postForm(pothole({ service_code: 'CSGL-LD' }))).json()[0].service_request_id as string;
    const ids = (url: string) =>
      t.get(url).then((r) => (r.json() as { service_request_id: string }[]).map((x) => x.service_request_id));
    expect(await ids(`/open311/v2/requests.json?service_request_id=${a},${b}`)).toEqual([b, a]);
    expect(await ids('/open311/v2/requests.json?service_code=CSGL-LD')).toContain(b);
    expect(await ids('/open311/v2/requests.json?service_code=CSGL-LD')).not.toContain(a);
    expect(await ids('/open311/v2/requests.json?status=closed')).not.toContain(a);
    expect(await ids('/open311/v2/requests.json?status=open')).toContain(a);
    expect(await ids('/open311/v2/requests.json?start_date=2030-01-01T00:00:00Z')).toEqual([]);
    const badStatus = await t.get('/open311/v2/requests.json?status=pending');
    expect(badStatus.statusCode).toBe(400);
    specError(badStatus.json(), 400);
    const badDate = await t.get('/open311/v2/requests.json?start_date=yesterday');
    expect(badDate.statusCode).toBe(400);
  });
});

describe('keys', () => {
  it('are kept by the centre only, shown once and stored hashed', async () => {
    expect((await t.get('/api/hotline/open311-keys', await t.as('operator'))).statusCode).toBe(403);
    expect((await t.post('/api/hotline/open311-keys', await t.as('applicant'), { name: 'x' })).statusCode).toBe(403);
    const chief = await t.as('hotline-chief');
    const created = (await t.post('/api/hotline/open311-keys', chief, { name: '区级网格平台' })).json();
    expect(created.key).toMatch(/^o311_/);
    const list = await t.get('/api/hotline/open311-keys', chief);
    expect(list.body).not.toContain(created.key);
    expect(list.json()).toContainEqual(
      expect.objectContaining({ id: created.id, name: '区级网格平台', revokedAt: null }),
    );
    const stored = await sql<{ n: string }>`
      select count(*)::text as n from hotline_open311_clients where key_hash = ${created.key} or key_hint = ${created.key}`.execute(
      t.db,
    );
    expect(stored.rows[0]!.n).toBe('0');
    const audits = await sql<{ action: string }>`
      select action from audit_log where entity_id = ${created.id} order by seq`.execute(t.db);
    expect(audits.rows.map((r) => r.action)).toEqual(['hotline.open311key.create']);
    expect((await t.delete('/api/hotline/open311-keys/00000000-0000-4000-8000-000000000000', chief)).statusCode).toBe(
      404,
    );
  });
});
