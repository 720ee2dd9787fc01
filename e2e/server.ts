import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.resolve(`.tmp/e2e-data-${E2E_PORT}`);
let server: ChildProcess | undefined;

async function waitHealthy(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy at ${url}`);
}

export async function setup() {
  if (!fs.existsSync('web/dist/index.html')) throw new Error('web/dist missing: run `npm run build` first');
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(E2E_PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitHealthy(`http://127.0.0.1:${E2E_PORT}/healthz`, 150_000);
}

export async function teardown() {
  if (!server) return;
  server.kill('SIGTERM');
  await new Promise((r) => server!.once('exit', r));
}
