/**
 * Web front end on a phone: Lighthouse (mobile preset: simulated slow 4G and a 4× slower CPU) on the portal
 * home and a service guide, and the JavaScript each area transfers on its first load (portal, guide,
 * workbench as a window clerk, supervision as a supervisor), compressed as the server sends it.
 *
 *   npx tsx bench/lighthouse.ts                      # starts a server on a fresh embedded database
 *   npx tsx bench/lighthouse.ts --url http://127.0.0.1:3000   # measures a running server
 *   options: --port 3107 (own server), --runs 3 (Lighthouse runs per page; the median is kept),
 *            --record (appends the results to docs/benchmarks.md), --js-only (no Lighthouse),
 *            --verbose (lists each script with its size)
 *
 * Needs the built web app (`npm run build`) and Chromium (`CHROMIUM_PATH`, default `which chromium`).
 * Not part of `npm test`. Targets: JS below 350 kB (portal) and 500 kB (workbench, supervision);
 * performance ≥ 80 and accessibility ≥ 98 on both pages.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium, type Browser } from 'playwright-core';
import { appendResults, machine, startServer, stopServerOnCrash, type Server } from './lib';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    port: { type: 'string', default: '3107' },
    runs: { type: 'string', default: '3' },
    record: { type: 'boolean', default: false },
    'js-only': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});

const GUIDE = '/items/2111-XK-00003'; // 企业设立登记: a full guide (materials, process, hall, fees)
const PASSWORD = 'Demo@2026';
const chromePath =
  process.env.CHROMIUM_PATH ?? execFileSync('sh', ['-c', 'command -v chromium || true'], { encoding: 'utf8' }).trim();
if (!chromePath) throw new Error('Chromium not found: set CHROMIUM_PATH');
if (!opts.url && !fs.existsSync('web/dist/index.html')) throw new Error('web/dist missing: run `npm run build` first');

let server: Server | null = null;
stopServerOnCrash(() => server);

async function serve(): Promise<string> {
  if (opts.url) return opts.url.replace(/\/$/, '');
  const port = Number(opts.port);
  const dataDir = path.resolve(`.tmp/lighthouse-data-${port}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, port);
  server = started.server;
  console.log(`server healthy in ${(started.msToHealthy / 1000).toFixed(1)} s on port ${port}`);
  return `http://127.0.0.1:${port}`;
}

interface JsLoad {
  page: string;
  who: string;
  files: number;
  /** Bytes on the wire (compressed body). */
  transferred: number;
  /** Bytes after decompression. */
  decoded: number;
  /** Bytes as brotli (the build's .br copies), what a browser on HTTPS receives; null without web/dist. */
  brotli: number | null;
  urls: { url: string; transferred: number }[];
}

/** The size of the build's brotli copy of an asset (small files are sent as they are). */
function brotliSize(url: string): number | null {
  const file = path.join('web/dist', new URL(url).pathname);
  if (!fs.existsSync(file)) return null;
  return fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : fs.statSync(file).size;
}

/**
 * The JavaScript one visit to `path` loads until `ready` (the page's main content) shows and the network is
 * idle after it, signed in as `who` when given.
 */
async function jsOnFirstLoad(
  browser: Browser,
  base: string,
  pagePath: string,
  ready: string,
  who?: string,
): Promise<JsLoad> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  if (who) {
    const r = await page.request.post('/api/auth/login', { data: { username: who, password: PASSWORD } });
    if (!r.ok()) throw new Error(`sign-in as ${who} failed: ${r.status()}`);
  }
  // A fresh page in the signed-in context: the cache is empty, as on a first visit.
  const fresh = await context.newPage();
  await page.close();
  const cdp = await context.newCDPSession(fresh);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, { transferred: number; decoded: number }>();
  const isScript = new Map<string, string>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') isScript.set(e.requestId, e.response.url);
  });
  cdp.on('Network.dataReceived', (e) => {
    if (!isScript.has(e.requestId)) return;
    const s = scripts.get(e.requestId) ?? { transferred: 0, decoded: 0 };
    s.decoded += e.dataLength;
    scripts.set(e.requestId, s);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (!isScript.has(e.requestId)) return;
    const s = scripts.get(e.requestId) ?? { transferred: 0, decoded: 0 };
    s.transferred = e.encodedDataLength;
    scripts.set(e.requestId, s);
  });
  await fresh.goto(pagePath);
  await fresh.locator(ready).first().waitFor({ timeout: 120_000 });
  await fresh.waitForLoadState('networkidle');
  await fresh.waitForTimeout(1000);
  await context.close();
  const all = [...scripts.values()];
  const urls = [...scripts.entries()].map(([id, s]) => ({ url: isScript.get(id)!, transferred: s.transferred }));
  const br = urls.map((u) => brotliSize(u.url));
  return {
    page: pagePath,
    who: who ?? '未登录',
    files: all.length,
    transferred: all.reduce((a, s) => a + s.transferred, 0),
    decoded: all.reduce((a, s) => a + s.decoded, 0),
    brotli: br.includes(null) ? null : br.reduce((a: number, b) => a + b!, 0),
    urls,
  };
}

interface LighthouseResult {
  page: string;
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  failing: string[];
  /** Lighthouse's measure of the host's CPU (about 1000–2000 on an idle desktop; lower when loaded). */
  benchmarkIndex: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Lighthouse's mobile run of one page, `runs` times; the run with the median performance score is kept. */
async function audit(base: string, pagePath: string, runs: number): Promise<LighthouseResult> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'yiwang-lh-')),
  });
  try {
    const results: LighthouseResult[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await lighthouse(`${base}${pagePath}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = r?.lhr;
      if (!lhr) throw new Error(`Lighthouse gave no result for ${pagePath}`);
      const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
      const failing = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            lhr.categories.accessibility?.auditRefs.some((ref) => ref.id === a.id && ref.weight > 0),
        )
        .map((a) => a.id);
      results.push({
        page: pagePath,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        fcp: num('first-contentful-paint'),
        lcp: num('largest-contentful-paint'),
        tbt: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'),
        failing,
        benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      });
    }
    const mid = median(results.map((r) => r.performance));
    return results.find((r) => r.performance === mid)!;
  } finally {
    await chrome.kill();
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(0)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const base = await serve();
const load = os.loadavg().map((x) => x.toFixed(1));
const browser = await chromium.launch({ executablePath: chromePath, args: ['--headless', '--no-sandbox'] });
const js: JsLoad[] = [];
try {
  js.push(await jsOnFirstLoad(browser, base, '/', '[data-testid="item-result"]'));
  js.push(await jsOnFirstLoad(browser, base, GUIDE, '[data-testid="guide-materials-list"]'));
  js.push(await jsOnFirstLoad(browser, base, '/workbench', '[data-testid^="wb-case-"]', 'clerk-city'));
  js.push(await jsOnFirstLoad(browser, base, '/supervision', '[data-testid="sv-chart-level"] canvas', 'supervisor'));
} finally {
  await browser.close();
}
if (opts.verbose)
  for (const j of js) {
    console.log(`${j.page} (${j.who})`);
    for (const u of j.urls.sort((a, b) => b.transferred - a.transferred))
      console.log(`  ${kB(u.transferred).padStart(7)}  ${new URL(u.url).pathname}`);
  }
const runs = Number(opts.runs);
const lh = opts['js-only'] ? [] : [await audit(base, '/', runs), await audit(base, GUIDE, runs)];
await (server as Server | null)?.stop();

const target = (p: string) => (p === '/' || p === GUIDE ? 350_000 : 500_000);
const rows = [
  ...js.map(
    (j) =>
      `| JavaScript on first load, \`${j.page}\` (${j.who}): brotli / as sent over HTTP | ${j.brotli === null ? '—' : kB(j.brotli)} / ${kB(j.transferred)} | ${j.files} files, ${kB(j.decoded)} uncompressed; target < ${kB(target(j.page))}: ${(j.brotli ?? j.transferred) < target(j.page) ? 'met' : 'not met'} |`,
  ),
  ...lh.map(
    (r) =>
      `| Lighthouse mobile, \`${r.page}\`: performance / accessibility | ${r.performance} / ${r.accessibility} | FCP ${s(r.fcp)}, LCP ${s(r.lcp)}, TBT ${Math.round(r.tbt)} ms, CLS ${r.cls.toFixed(3)}, host benchmark index ${r.benchmarkIndex}${r.failing.length ? `; failing: ${r.failing.join(', ')}` : ''}; median of ${runs} |`,
  ),
];
const section = `## ${new Date().toISOString().slice(0, 10)} — web front end on a phone

Machine: ${machine()}. Server, Chromium and Lighthouse share the machine; load average (1/5/15 min) when measuring began: ${load.join(' / ')}.

| measure | result | detail |
|---|---|---|
${rows.join('\n')}
`;
console.log(section);
if (opts.record) appendResults(section);
