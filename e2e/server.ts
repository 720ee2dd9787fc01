import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.resolve(`.tmp/e2e-data-${E2E_PORT}`);
/** The pid of the server now serving E2E_PORT (a journey may restart it: see restartServer). */
const pidFile = path.resolve(`.tmp/e2e-server-${E2E_PORT}.pid`);
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

/** Starts the server on DATA_DIR; `env` adds variables (e.g. NODE_OPTIONS for a preload). */
async function start(env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      // The journeys begin from the demo city without its months of history, so that the case a journey
      // creates is the one its queues show first; the history has its own test (cases/demo/history.db.test.ts).
      DEMO_HISTORY: '0',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  fs.mkdirSync(path.dirname(pidFile), { recursive: true });
  fs.writeFileSync(pidFile, String(child.pid));
  // A server that dies while starting (e.g. a failed migration) fails at once rather than after the wait.
  let onExit: (code: number | null) => void = () => undefined;
  const died = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`server exited with code ${code} while starting`));
    child.once('exit', onExit);
  });
  try {
    await Promise.race([waitHealthy(`http://127.0.0.1:${E2E_PORT}/healthz`, 150_000), died]);
  } finally {
    child.off('exit', onExit);
    died.catch(() => undefined);
  }
  return child;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops the server recorded in the pid file (whoever started it) and waits until it has exited. */
async function stopRecorded(ms = 60_000) {
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : NaN;
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const until = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > until) throw new Error(`server ${pid} did not stop`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * For a journey that needs the server restarted on the same data (e.g. with `e2e/fake-clock.mjs`
 * preloaded to let days pass): stops the running server and starts another with `env`. The new server
 * is stopped by teardown; restart again without `env` to return to the real clock.
 */
export async function restartServer(env: Record<string, string> = {}) {
  await stopRecorded();
  const child = await start(env);
  // The journey's worker may end before teardown: do not keep it alive for the server.
  child.unref();
}

export async function setup() {
  if (!fs.existsSync('web/dist/index.html')) throw new Error('web/dist missing: run `npm run build` first');
  fs.rmSync(dataDir, { recursive: true, force: true });
  server = await start();
}

export async function teardown() {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  // A server restarted by a journey.
  await stopRecorded();
  fs.rmSync(pidFile, { force: true });
}
