import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';
import { auditInsert, recordAudit, sealAudit, verifyAudit } from '../src/platform/audit';
import { insertRows } from '../src/platform/writes';
import { executeShape } from '../src/platform/db';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('platform', () => {
  it('answers health when the database answers', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('describes the API as OpenAPI 3.1', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/healthz');
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await t.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('seals a batch of audit rows in one pass and the chain verifies', async () => {
    for (let i = 0; i < 30; i++)
      await recordAudit(t.db, {
        actor: null,
        action: 'test.seal',
        entityType: 'test-seal',
        entityId: String(i),
        after: { i },
      });
    expect(await sealAudit(t.db, 25)).toBeGreaterThanOrEqual(30);
    const v = await verifyAudit(t.db);
    expect(v).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('detects tampering in the audit chain', async () => {
    await recordAudit(t.db, { actor: null, action: 'test.write', entityType: 'test', entityId: '1', after: { a: 1 } });
    await recordAudit(t.db, { actor: null, action: 'test.write', entityType: 'test', entityId: '2', after: { a: 2 } });
    await sealAudit(t.db);
    const ok = await verifyAudit(t.db);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThanOrEqual(2);
    await sql`update audit_log set after = '{"a":3}' where entity_type = 'test' and entity_id = '1'`.execute(t.db);
    const bad = await verifyAudit(t.db);
    expect(bad.ok).toBe(false);
  });

  it('writes rows of several tables in one statement, typed by the tables themselves', async () => {
    const messageId = randomUUID();
    const userId = randomUUID();
    const smsId = randomUUID();
    await insertRows(t.db, [
      {
        table: 'messages',
        row: { id: messageId, user_id: userId, case_id: null, kind: 'test.batch', title: '标题', body: '正文' },
      },
      {
        table: 'sms_outbox',
        row: { id: smsId, message_id: messageId, phone: '13800000000', text: '短信', status: 'logged', channel: 'log' },
      },
      auditInsert({
        actor: null,
        action: 'test.batch',
        entityType: 'test',
        entityId: messageId,
        before: null,
        after: { list: [1, '二'], at: new Date('2026-01-02T03:04:05Z') },
      }),
    ]);
    const m = await sql<{
      user_id: string;
      read_at: Date | null;
      created_at: Date;
    }>`select user_id, read_at, created_at from messages where id = ${messageId}`.execute(t.db);
    expect(m.rows[0]!.user_id).toBe(userId);
    expect(m.rows[0]!.read_at).toBeNull();
    expect(m.rows[0]!.created_at).toBeInstanceOf(Date); // a left-out column takes its default
    const s = await sql<{
      attempts: number;
      message_id: string;
    }>`select attempts, message_id from sms_outbox where id = ${smsId}`.execute(t.db);
    expect(s.rows[0]).toEqual({ attempts: 0, message_id: messageId });
    const a = await sql<{
      before: unknown;
      after: unknown;
    }>`select before, after from audit_log where entity_id = ${messageId}`.execute(t.db);
    expect(a.rows[0]).toEqual({ before: null, after: { list: [1, '二'], at: '2026-01-02T03:04:05.000Z' } });
  });

  it('writes nothing of a batch when one row breaks a rule of its table', async () => {
    const messageId = randomUUID();
    const bad = insertRows(t.db, [
      {
        table: 'messages',
        row: { id: messageId, user_id: randomUUID(), kind: 'test.batch', title: '标题', body: '正文' },
      },
      {
        table: 'sms_outbox',
        row: { message_id: messageId, phone: 'not a phone', text: '短信', status: 'logged', channel: 'log' },
      },
    ]);
    await expect(bad).rejects.toThrow();
    const m = await sql<{ n: number }>`select count(*)::int as n from messages where id = ${messageId}`.execute(t.db);
    expect(m.rows[0]!.n).toBe(0);
  });

  it('runs a query of a fixed shape as a prepared statement with new values each time', async () => {
    const build = (code: unknown) =>
      t.db.selectFrom('regions').select(['code', 'name']).where('code', '=', String(code));
    const [city] = await executeShape(t.db, 'test.region', build, ['211100']);
    const [county] = await executeShape(t.db, 'test.region', build, ['211103']);
    const [again] = await executeShape(t.db, 'test.region', build, ['211100']);
    expect(city).toMatchObject({ code: '211100', name: '盘锦市' });
    expect(county).toMatchObject({ code: '211103' });
    expect(again).toEqual(city);
    await expect(
      executeShape(t.db, 'test.two', () => t.db.selectFrom('regions').select('code').where('code', 'in', ['a', 'b']), [
        '211100',
      ]),
    ).rejects.toThrow(/2 parameters are not the 1 values/);
    // Values given in another order than the statement takes them would bind the wrong columns.
    const swapped = (a: unknown, b: unknown) =>
      t.db.selectFrom('regions').select('code').where('name', '=', String(b)).where('code', '=', String(a));
    await expect(executeShape(t.db, 'test.swapped', swapped, ['211100', '盘锦市'])).rejects.toThrow(
      /not the 2 values given, in order/,
    );
  });
});
