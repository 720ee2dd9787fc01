import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { Problem } from '../../platform/errors';
import { LoggingSmsChannel, dispatchSms, notify, setSmsChannel, type NotifyInput, type SmsChannel } from './index';

let t: TestApp;
let applicant: Record<string, string>;
let company: Record<string, string>;
let admin: Record<string, string>;
let applicantId: string;
let companyId: string;

const meId = async (headers: Record<string, string>) =>
  ((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json() as { user: { id: string } }).user.id;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('applicant');
  company = await t.login('company');
  admin = await t.login('admin');
  applicantId = await meId(applicant);
  companyId = await meId(company);
});
afterAll(async () => t?.close());
afterEach(() => {
  setSmsChannel(new LoggingSmsChannel());
});

interface MessageBody {
  id: string;
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
  read: boolean;
}
interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

const send = (input: NotifyInput) => t.db.transaction().execute((tx) => notify(tx, input));
const get = (url: string, headers: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });
const post = (url: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, headers, payload: {} });
const unread = async (headers: Record<string, string>) =>
  ((await get('/api/messages/unread-count', headers)).json() as { count: number }).count;

describe('notify facade and the inbox', () => {
  it('delivers an in-app message to the recipient only', async () => {
    const caseId = randomUUID();
    const before = await unread(applicant);
    const r = await send({
      userId: applicantId,
      caseId,
      kind: 'case.accepted',
      title: '您的申请已受理',
      body: '办件 PJ2026112300012 已受理，承诺于 2026年12月7日前办结。',
    });
    expect(r.smsId).toBeNull();
    expect(await unread(applicant)).toBe(before + 1);

    const mine = (await get(`/api/messages?caseId=${caseId}`, applicant)).json() as Page<MessageBody>;
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({
      id: r.messageId,
      kind: 'case.accepted',
      title: '您的申请已受理',
      caseId,
      read: false,
      readAt: null,
    });
    const theirs = (await get(`/api/messages?caseId=${caseId}`, company)).json() as Page<MessageBody>;
    expect(theirs.total).toBe(0);
  });

  it('pages newest first and filters unread', async () => {
    const caseId = randomUUID();
    for (let i = 1; i <= 3; i++)
      await send({ userId: companyId, caseId, kind: 'case.step', title: `第${i}条`, body: `内容${i}` });
    const p1 = (await get(`/api/messages?caseId=${caseId}&pageSize=2`, company)).json() as Page<MessageBody>;
    expect(p1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(p1.items.map((m) => m.title)).toEqual(['第3条', '第2条']);
    const p2 = (await get(`/api/messages?caseId=${caseId}&pageSize=2&page=2`, company)).json() as Page<MessageBody>;
    expect(p2.items.map((m) => m.title)).toEqual(['第1条']);

    const read = await post(`/api/messages/${p1.items[0]!.id}/read`, company);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: p1.items[0]!.id, read: true });
    expect((read.json() as MessageBody).readAt).not.toBeNull();
    const onlyUnread = (await get(`/api/messages?caseId=${caseId}&unread=true`, company)).json() as Page<MessageBody>;
    expect(onlyUnread.items.map((m) => m.title)).toEqual(['第2条', '第1条']);
    // reading again changes nothing
    const again = await post(`/api/messages/${p1.items[0]!.id}/read`, company);
    expect((again.json() as MessageBody).readAt).toBe((read.json() as MessageBody).readAt);
  });

  it('answers 404 for someone else’s message and 400 for a malformed id', async () => {
    const r = await send({ userId: applicantId, kind: 'case.accepted', title: '标题', body: '内容' });
    expect((await post(`/api/messages/${r.messageId}/read`, company)).statusCode).toBe(404);
    expect((await post(`/api/messages/${randomUUID()}/read`, applicant)).statusCode).toBe(404);
    expect((await post('/api/messages/abc/read', applicant)).statusCode).toBe(400);
    const msg = await sql<{ read_at: Date | null }>`select read_at from messages where id = ${r.messageId}`.execute(
      t.db,
    );
    expect(msg.rows[0]!.read_at).toBeNull();
  });

  it('marks all read and audits it', async () => {
    await send({ userId: applicantId, kind: 'case.accepted', title: '一', body: '一' });
    await send({ userId: applicantId, kind: 'case.accepted', title: '二', body: '二' });
    const n = await unread(applicant);
    expect(n).toBeGreaterThanOrEqual(2);
    const res = await post('/api/messages/read-all', applicant);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: n });
    expect(await unread(applicant)).toBe(0);
    expect((await post('/api/messages/read-all', applicant)).json()).toEqual({ updated: 0 });
    const audit = await sql<{
      after: { updated: number };
    }>`select after from audit_log where action = 'notify.message.read_all' and entity_id = ${applicantId}`.execute(
      t.db,
    );
    expect(audit.rows.map((r) => r.after.updated)).toEqual([n]);
  });

  it('needs sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/messages' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/messages/unread-count' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/messages/read-all' })).statusCode).toBe(401);
  });

  it('writes nothing when the reporting transaction rolls back', async () => {
    const caseId = randomUUID();
    await t.db
      .transaction()
      .execute(async (tx) => {
        await notify(tx, {
          userId: applicantId,
          caseId,
          kind: 'case.accepted',
          title: '标题',
          body: '内容',
          sms: { phone: '13800138000', text: '短信' },
        });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(((await get(`/api/messages?caseId=${caseId}`, applicant)).json() as Page<MessageBody>).total).toBe(0);
    const sms = await sql<{ n: number }>`select count(*)::int as n from sms_outbox where text = '短信'`.execute(t.db);
    expect(sms.rows[0]!.n).toBe(0);
  });

  it('refuses malformed input naming the field, and shortens long text', async () => {
    const err = await send({
      userId: applicantId,
      kind: 'Case Accepted',
      title: '标题',
      body: '内容',
      sms: { phone: 'call me', text: 'x' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).status).toBe(400);
    expect((err as Problem).errors.map((e) => e.field)).toEqual(['kind', 'sms.phone']);
    const long = await send({ userId: applicantId, kind: 'case.accepted', title: '长'.repeat(150), body: '内容' });
    const row = await sql<{ title: string }>`select title from messages where id = ${long.messageId}`.execute(t.db);
    expect([...row.rows[0]!.title]).toHaveLength(100);
    expect(row.rows[0]!.title.endsWith('…')).toBe(true);
  });
});

describe('SMS', () => {
  it('records texts in the outbox as logged in demo mode, and shows them masked to administrators', async () => {
    const r = await send({
      userId: applicantId,
      kind: 'case.accepted',
      title: '受理',
      body: '已受理',
      sms: { phone: '13812345678', text: '【一网】您的申请已受理。' },
    });
    expect(r.smsStatus).toBe('logged');
    const res = await get('/api/sms-outbox?status=logged', admin);
    expect(res.statusCode).toBe(200);
    const page = res.json() as Page<{ id: string; phone: string; text: string; status: string; channel: string }>;
    const item = page.items.find((i) => i.id === r.smsId);
    expect(item).toMatchObject({
      phone: '138****5678',
      text: '【一网】您的申请已受理。',
      status: 'logged',
      channel: 'log',
    });
    expect(res.body).not.toContain('13812345678');
    expect((await get('/api/sms-outbox', applicant)).statusCode).toBe(403);
    expect((await get('/api/sms-outbox?status=bogus', admin)).statusCode).toBe(400);
  });

  it('queues texts for a real channel and sends them only after commit', async () => {
    const sent: [string, string][] = [];
    const gateway: SmsChannel = { name: 'test-gateway', send: async (phone, text) => void sent.push([phone, text]) };
    setSmsChannel(gateway);
    const r = await send({
      userId: applicantId,
      kind: 'case.granted',
      title: '准予许可',
      body: '准予',
      sms: { phone: '13900001111', text: '【一网】准予许可。' },
    });
    expect(r.smsStatus).toBe('pending');
    expect(sent).toEqual([]);
    expect(await dispatchSms(t.db, t.now())).toBeGreaterThanOrEqual(1);
    expect(sent).toContainEqual(['13900001111', '【一网】准予许可。']);
    const row = await sql<{ status: string; attempts: number; sent_at: Date | null; channel: string }>`
      select status, attempts, sent_at, channel from sms_outbox where id = ${r.smsId}`.execute(t.db);
    expect(row.rows[0]).toMatchObject({ status: 'sent', attempts: 1, channel: 'test-gateway' });
    expect(row.rows[0]!.sent_at).not.toBeNull();
    expect(await dispatchSms(t.db, t.now())).toBe(0);
  });

  it('retries a failing gateway and marks the text failed after three attempts', async () => {
    setSmsChannel({ name: 'broken', send: async () => Promise.reject(new Error('网关拒绝：余额不足')) });
    const r = await send({
      userId: applicantId,
      kind: 'case.denied',
      title: '不予许可',
      body: '不予',
      sms: { phone: '13900002222', text: '【一网】不予许可。' },
    });
    const status = async () =>
      (
        await sql<{
          status: string;
          attempts: number;
          error: string | null;
        }>`select status, attempts, error from sms_outbox where id = ${r.smsId}`.execute(t.db)
      ).rows[0];
    await dispatchSms(t.db, t.now());
    expect(await status()).toMatchObject({ status: 'pending', attempts: 1, error: '网关拒绝：余额不足' });
    await dispatchSms(t.db, t.now());
    await dispatchSms(t.db, t.now());
    expect(await status()).toMatchObject({ status: 'failed', attempts: 3 });
    await dispatchSms(t.db, t.now());
    expect((await status())!.attempts).toBe(3);
  });

  it('does nothing to dispatch in demo mode', async () => {
    expect(await dispatchSms(t.db, t.now())).toBe(0);
  });
});

describe('OpenAPI', () => {
  it('describes the message and outbox routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    for (const [path, method] of [
      ['/api/messages', 'get'],
      ['/api/messages/unread-count', 'get'],
      ['/api/messages/{id}/read', 'post'],
      ['/api/messages/read-all', 'post'],
      ['/api/sms-outbox', 'get'],
    ] as const)
      expect(doc.paths[path]?.[method]?.summary, path).toMatch(/[\u4e00-\u9fff]/);
  });
});
