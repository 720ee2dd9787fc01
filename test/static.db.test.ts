import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import type { Database } from '../src/platform/db';
import type { App } from '../src/platform/module';
import { DEMO_PASSWORD } from './harness';
import { openTestDatabase } from './template';

let app: App;
let database: Database;
let dist: string;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yw-dist-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    [
      '<!doctype html><html><head><title>一网</title>',
      '<script type="module" crossorigin src="/assets/app-abc123.js"></script>',
      '<link rel="modulepreload" crossorigin href="/assets/vendor-abc123.js">',
      '<link rel="stylesheet" href="/assets/antd-abc123.css">',
      '</head><body><div id="root"><header class="app-shell"></header></div></body></html>',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dist, 'assets', 'antd-abc123.css'), ':where(.css-th3me).ant-btn{color:red}');
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  database = await openTestDatabase();
  app = await buildApp({ ...loadConfig({}), logLevel: 'silent', webDist: dist }, database);
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('web app serving', () => {
  it('serves the app shell for client routes, never cached', async () => {
    for (const url of ['/', '/?q=x', '/items/2111-XK-00001', '/admin/staff?page=2']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toMatch(/<title>[^<]*一网[^<]*<\/title>/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject({ url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('serves assets of a rebuild made after start', async () => {
    fs.writeFileSync(path.join(dist, 'assets', 'app-new456.js'), 'console.log(2)');
    const res = await app.inject({ url: '/assets/app-new456.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(2)');
    expect((await app.inject({ url: '/assets/..%2Findex.html' })).statusCode).toBe(404);
  });

  it('answers a missing asset or API path with 404, not the shell', async () => {
    for (const url of ['/assets/app-old999.js', '/favicon.png', '/api/nope']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('<title>');
    }
  });
});

describe('first screens of the portal', () => {
  const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

  it('answers the home with the search, the bundles and the first results as HTML', async () => {
    const res = await app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toContain('<div id="first-screen">');
    expect(res.body).toContain('<div id="root" hidden></div>');
    expect(res.body).toContain('method="get"');
    expect(res.body).toContain('企业开办（餐饮类）一件事');
    expect(res.body).toMatch(/href="\/items\/2111-[A-Z]+-\d+"/);
    // The theme's class from the build's antd stylesheet; the modules start from boot.js.
    expect(res.body).toContain('class="css-th3me ant-app css-var-yw"');
    expect(res.body).toContain('data-entry="/assets/app-abc123.js" data-preload="/assets/vendor-abc123.js"');
    expect(res.body).not.toContain('modulepreload');
    // An anonymous visitor's app starts when they act on the page.
    expect(res.body).toContain('data-start="intent"');
  });

  it('answers a guide with its real title and facts', async () => {
    const res = await app.inject({ url: '/items/2111-XK-00003' });
    expect(res.statusCode).toBe(200);
    expect(title(res.body)).toBe('企业设立登记 · 一网 · 盘锦市政务服务');
    expect(res.body).toContain('<h1 class="guide-title">企业设立登记</h1>');
    expect(res.body).toContain('2111-XK-00003');
  });

  it('answers an unknown item with a 404 page', async () => {
    for (const url of ['/items/2111-XK-99999', '/items/%3Cscript%3E']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.body, url).toContain('<div id="first-screen">');
      expect(res.body, url).toContain('href="/"');
    }
  });

  it('escapes HTML in item text', async () => {
    const evil = '<script>alert("x")</script>登记';
    await sql`update items set name = ${evil} where code = '2111-XK-00003'`.execute(database.db);
    await sql`update item_versions set data = jsonb_set(data::jsonb, '{name}', to_jsonb(${evil}::text))
              where item_id = (select id from items where code = '2111-XK-00003')`.execute(database.db);
    const res = await app.inject({ url: '/items/2111-XK-00003' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;登记');
  });

  it('is the same for a signed-in visitor: nothing personal', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'company', password: DEMO_PASSWORD },
    });
    const { token } = login.json() as { token: string };
    for (const url of ['/', '/items/2111-XK-00001']) {
      const res = await app.inject({ url, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('盘锦辽河示范科技有限公司');
      expect(res.body, url).toContain('href="/login"');
    }
    // The session cookie starts the app at once: the header and pages it shows are the visitor's own.
    const signedIn = await app.inject({ url: '/', cookies: { yw_session: token } });
    expect(signedIn.body).toContain('data-start="paint"');
  });
});
