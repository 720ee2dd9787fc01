import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig, parseTrustProxy } from '../src/platform/config';
import type { Database } from '../src/platform/db';
import type { App } from '../src/platform/module';
import { createTestApp, type TestApp } from './harness';
import { openTestDatabase } from './template';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A server on its own copy of the demo database, built from these settings. */
async function appWith(env: NodeJS.ProcessEnv, webDist = '/nonexistent'): Promise<{ app: App; database: Database }> {
  const database = await openTestDatabase();
  const app = await buildApp({ ...loadConfig(env), logLevel: 'silent', webDist }, database);
  await app.ready();
  return { app, database };
}

describe('hostile strings', () => {
  it('refuses a NUL byte in any query, path or body string with 400 naming the field', async () => {
    const admin = await t.as('admin');
    const cases: [string, string][] = [
      ['/api/items?q=%00', 'q'],
      ['/api/items?q=a%00b&regionCode=2111', 'q'],
      ['/api/cases?q=%00', 'q'],
      ['/api/cases?itemCode=%00', 'itemCode'],
      ['/api/regions?q=%00', 'q'],
      ['/api/audit?actor=%00', 'actor'],
      ['/api/regulation/entities?q=%00', 'q'],
      ['/api/staff?q=%00', 'q'],
      ['/api/items/%00', 'code'],
    ];
    for (const [url, field] of cases) {
      const res = await t.get(url, admin);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field, url).toBe(field);
    }
    for (const payload of [
      { username: 'admin\u0000', password: 'x' },
      { username: 'admin', password: 'Demo@2026\u0000' },
    ]) {
      const res = await t.post('/api/auth/login', {}, payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe(payload.username.includes('\u0000') ? 'username' : 'password');
    }
  });

  it('refuses other control characters, and line breaks outside a body', async () => {
    const admin = await t.as('admin');
    for (const c of ['%01', '%1B', '%7F', '%C2%85', '%0A', '%09'])
      expect((await t.get(`/api/items?q=a${c}`, admin)).statusCode, c).toBe(400);
    const nested = await t.post(
      '/api/auth/login',
      {},
      { username: 'admin', password: 'x', extra: { list: ['ok', '\u0007'] } },
    );
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors[0].field).toBe('extra.list.1');
  });

  it('searches for punctuation alone without an error', async () => {
    for (const q of ["'", '"', '[]', '!!', '，', '。！', '%', '_', '\\']) {
      const res = await t.get(`/api/items?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q} ${res.body}`).toBe(200);
      expect(res.json().items).toBeInstanceOf(Array);
    }
  });
});

describe('forwarded client addresses', () => {
  const failLogins = async (app: App, n: number, remoteAddress: string) => {
    const statuses: number[] = [];
    for (let i = 0; i < n; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        payload: { username: `nobody-${i}`, password: 'wrong-password' },
      });
      statuses.push(res.statusCode);
    }
    return statuses;
  };
  const failureIps = async (database: Database) =>
    (await database.db.selectFrom('audit_log').select('ip').where('action', '=', 'identity.login.fail').execute()).map(
      (r: { ip: string | null }) => r.ip,
    );

  it('ignores X-Forwarded-For unless TRUST_PROXY names the peer', async () => {
    const { app, database } = await appWith({});
    try {
      const statuses = await failLogins(app, 31, '192.0.2.7');
      // 30 a minute from one address, whatever it claims to forward for
      expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
      const ips = await failureIps(database);
      // the first failures are audited (later ones wait for a challenge), all under the peer's address
      expect(ips.length).toBeGreaterThanOrEqual(5);
      expect(new Set(ips)).toEqual(new Set(['192.0.2.7']));
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('believes a configured proxy', async () => {
    const { app, database } = await appWith({ TRUST_PROXY: '192.0.2.7' });
    try {
      expect((await failLogins(app, 31, '192.0.2.7')).every((s) => s === 401)).toBe(true);
      const ips = await failureIps(database);
      expect(ips).toContain('198.51.100.31');
      expect(ips).not.toContain('192.0.2.7');
      // a peer that is not the proxy is still itself
      const other = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        headers: { 'x-forwarded-for': '198.51.100.200' },
        payload: { username: 'nobody-x', password: 'wrong-password' },
      });
      expect(other.statusCode).toBe(401);
      expect(await failureIps(database)).toContain('203.0.113.9');
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('reads TRUST_PROXY as addresses or a hop count, never as trust in everyone', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16,loopback')).toEqual(['10.0.0.1', '10.1.0.0/16', 'loopback']);
    expect(() => parseTrustProxy('true')).toThrow(/TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.1;rm')).toThrow(/TRUST_PROXY/);
  });
});

describe('security headers', () => {
  it('over plain HTTP: a permissions policy, no HSTS, no upgrade of insecure requests', async () => {
    const res = await t.get('/healthz');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('over TLS (PUBLIC_URL https://… or TLS=1): HSTS and upgrade-insecure-requests', async () => {
    expect(loadConfig({ PUBLIC_URL: 'https://gov.example.cn' }).tls).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'https://gov.example.cn' }).secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://192.168.1.5:3000' }).tls).toBe(false);
    const { app, database } = await appWith({ TLS: '1' });
    try {
      const res = await app.inject({ url: '/healthz' });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(res.headers['permissions-policy']).toContain('geolocation=()');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('compression', () => {
  it('compresses a JSON answer when asked, and leaves a small one alone', async () => {
    const big = await t.app.inject({ url: '/api/items?pageSize=50', headers: { 'accept-encoding': 'br, gzip' } });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    const items = JSON.parse(zlib.brotliDecompressSync(big.rawPayload).toString()).items;
    expect(items.length).toBeGreaterThan(10);
    const gz = await t.app.inject({ url: '/api/items?pageSize=50', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const small = await t.app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
    const plain = await t.app.inject({ url: '/api/items?pageSize=50' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends the pre-compressed copy of a static asset', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    const js = `console.log(${JSON.stringify('一网'.repeat(2000))});`;
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>一网</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), js);
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(js));
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(js));
    const { app, database } = await appWith({}, dist);
    try {
      const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toContain('immutable');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(js);
      const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
      const plain = await app.inject({ url: '/assets/app-abc123.js' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(js);
    } finally {
      await app.close();
      await database.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
