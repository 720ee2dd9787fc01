/**
 * The web app's files: hashed assets (immutable), the app shell for client routes, and the shell with a first
 * screen for the portal's entry pages (first-screen.ts), made from what the public API answers an anonymous
 * visitor, so it holds nothing personal and nothing the API would not show.
 */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { App } from '../platform/module';
import { SESSION_COOKIE } from '../platform/http';
import { antdHashOf, guideFirstScreen, homeFirstScreen, notFoundFirstScreen, withFirstScreen } from './first-screen';
import type { BundleRow, GuideData, ItemRow } from './first-screen';

const HOME_PAGE_SIZE = 10;
const TITLE = '一网 · 盘锦市政务服务';

interface Shell {
  mtimeMs: number;
  html: string;
  hash: string;
}

/** index.html and the theme's hash class, read again when a rebuild replaces them. */
function shellReader(webDist: string) {
  let cached: Shell | null = null;
  return (): Shell => {
    const file = path.join(webDist, 'index.html');
    const { mtimeMs } = fs.statSync(file);
    if (cached?.mtimeMs === mtimeMs) return cached;
    const html = fs.readFileSync(file, 'utf8');
    const css = /<link rel="stylesheet" href="\/(assets\/antd-[\w-]+\.css)">/.exec(html)?.[1];
    const hash =
      css && fs.existsSync(path.join(webDist, css)) ? antdHashOf(fs.readFileSync(path.join(webDist, css), 'utf8')) : '';
    cached = { mtimeMs, html, hash };
    return cached;
  };
}

export async function registerWeb(app: App, webDist: string): Promise<void> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) return;
  const shell = shellReader(webDist);
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    // `/` is the catalogue home with its first screen (below), not the bare index.html.
    index: false,
    // The build writes each asset also as .br and .gz (web/vite.config.ts): sent as they are, never compressed per request.
    preCompressed: true,
    // Hashed assets never change; the shell must be re-fetched so a new build is picked up.
    setHeaders: (reply, file) =>
      reply.header(
        'cache-control',
        file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ),
  });

  /** A public API answer, as an anonymous visitor gets it; undefined when it is not a 200. */
  const publicGet = async <T>(url: string): Promise<T | undefined> => {
    const res = await app.inject({ method: 'GET', url });
    return res.statusCode === 200 ? (res.json() as T) : undefined;
  };

  /** The page's first screen, or null when the page has none (the plain shell then). */
  const firstScreen = async (pathname: string, search: string) => {
    const { hash } = shell();
    if (pathname === '/' && !search) {
      const [bundles, items] = await Promise.all([
        publicGet<{ items: BundleRow[] }>('/api/bundles?pageSize=50'),
        publicGet<{ items: ItemRow[]; total: number }>(`/api/items?page=1&pageSize=${HOME_PAGE_SIZE}`),
      ]);
      return {
        status: 200,
        title: TITLE,
        html: homeFirstScreen(hash, {
          bundles: bundles?.items ?? [],
          items: items?.items ?? [],
          total: items?.total ?? 0,
        }),
      };
    }
    const guide = /^\/items\/([^/]+)$/.exec(pathname)?.[1];
    if (guide) {
      let code: string;
      try {
        code = decodeURIComponent(guide);
      } catch {
        return { status: 404, title: TITLE, html: notFoundFirstScreen(hash) };
      }
      const g = await publicGet<GuideData>(`/api/items/${encodeURIComponent(code)}`);
      if (!g) return { status: 404, title: TITLE, html: notFoundFirstScreen(hash) };
      return { status: 200, title: `${g.name} · ${TITLE}`, html: guideFirstScreen(hash, g) };
    }
    return null;
  };

  // Client-side routes fall back to the app shell; unknown /api paths and missing files stay 404 problems.
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const [pathname = '', search = ''] = req.url.split('?');
    // Files added by a rebuild after start (static routes are registered at start) are still served.
    const rel = decodeURIComponent(pathname).replace(/^\/+/, '');
    if (/^assets\/[\w.-]+$/.test(rel) && fs.existsSync(path.join(webDist, rel))) {
      return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(rel);
    }
    if (pathname.startsWith('/api/') || pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname))
      return reply.callNotFound();
    const screen = await firstScreen(pathname, search);
    if (!screen) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply
      .status(screen.status)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(withFirstScreen(shell().html, screen.html, screen.title, req.cookies[SESSION_COOKIE] ? 'paint' : 'intent'));
  });
}
