import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { buildServer, serverBuildStale, serverBundle } from '../scripts/build-server.mjs';

/** Shared helpers for benchmarks: start the server, sample its memory, run pgbench. */
export interface Server {
  proc: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

export async function startServer(
  env: Record<string, string>,
  port: number,
): Promise<{ server: Server; msToHealthy: number }> {
  // The server runs as `npm start` runs it: the compiled bundle (built first when a source is newer), else tsx.
  const bundled = !serverBuildStale() || (await buildServer());
  const t0 = performance.now();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const entry = bundled ? ['--enable-source-maps', serverBundle] : ['--import', 'tsx', 'src/main.ts'];
  const proc = spawn(process.execPath, [...nodeArgs, ...entry], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (proc.exitCode !== null) throw new Error('server exited during start');
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const msToHealthy = performance.now() - t0;
  return {
    msToHealthy,
    server: {
      proc,
      port,
      stop: () =>
        new Promise<void>((resolve) => {
          proc.once('exit', () => resolve());
          proc.kill('SIGTERM');
        }),
    },
  };
}

/** A crash of the bench kills the server it started (`current()` names it, or null) and exits 1. */
export function stopServerOnCrash(current: () => Server | null) {
  const fail = (err: unknown) => {
    console.error(err);
    current()?.proc.kill('SIGKILL');
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export function psql(db: string, sqlText: string) {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sqlText], {
    stdio: 'pipe',
  });
}

/** The single value a query answers (psql's unaligned output). */
export function psqlValue(db: string, sqlText: string): string {
  // The query goes on standard input: it may be longer than a command line may be.
  return execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', db, '-v', 'ON_ERROR_STOP=1', '-At'], {
    encoding: 'utf8',
    input: sqlText,
  }).trim();
}

export function recreateDatabase(name: string) {
  psql('postgres', `drop database if exists ${name} with (force)`);
  psql('postgres', `create database ${name}`);
}

/** pgbench TPS (excluding connection time) for the given arguments. */
export function pgbench(args: string[]): number {
  const out = execFileSync('pgbench', ['-h', '127.0.0.1', '-U', 'postgres', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const m = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(out);
  if (!m) throw new Error(`pgbench output not understood:\n${out}`);
  return Number(m[1]);
}

export function pgbenchInit(db: string, scale: number) {
  execFileSync('pgbench', ['-h', '127.0.0.1', '-U', 'postgres', '-i', '-q', '-s', String(scale), db], {
    stdio: 'pipe',
  });
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function appendResults(section: string) {
  const file = 'docs/benchmarks.md';
  const head = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n\nResults of `npm run bench`, newest first within each section; ratios compare with a reference measured in the same run.\n';
  fs.writeFileSync(file, `${head.trimEnd()}\n\n${section.trim()}\n`);
}
