import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';
import { recordAudit, sealAudit, verifyAudit } from '../src/platform/audit';
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
});
