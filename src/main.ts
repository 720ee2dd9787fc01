import { spawn } from 'node:child_process';
import { buildApp, demoLoaded, migrate, migrationNames, runJobsOnce, seedDemo } from './app';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { clusterTemplateDir, demoTemplateFits, readStamp } from './platform/cluster-template';
import { sealAudit } from './platform/audit';
import { checkpointJob } from './platform/audit.checkpoints';
import { startJobs } from './platform/jobs';
import { modules } from './modules/index';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const config = loadConfig();

// `--load-demo`: the child process below. It loads the demo city into the database and exits, taking with it
// what loading leaves in memory (parsed fonts for the documents, the search dictionary, the history's objects:
// some 250 MB that a server which loaded the demo itself would keep).
if (process.argv.includes('--load-demo')) {
  const database = await openDatabase(config);
  await migrate(database);
  if (await seedDemo(database, { history: config.demoHistory })) await runJobsOnce(database);
  await database.close();
  process.exit(0);
}

// A first embedded start copies the demo city prepared by `npm install` when it is recent and of this code,
// else the empty migrated cluster (the demo is then loaded below).
const demoTemplate = clusterTemplateDir('demo');
const useDemoTemplate =
  config.loadDemo &&
  demoTemplateFits(readStamp(demoTemplate), {
    history: config.demoHistory,
    migrations: migrationNames(),
    now: new Date(),
  });
let database = await openDatabase(config, [...(useDemoTemplate ? [demoTemplate] : []), clusterTemplateDir('empty')]);
const applied = await migrate(database);
if (config.loadDemo && !(await demoLoaded(database))) {
  console.log('正在加载示范城市（首次启动）…');
  const progress = setInterval(() => console.log(`正在加载示范城市… 已用 ${seconds()} 秒`), 3_000);
  try {
    // The embedded database admits one process: closed here, opened again once the child is done.
    if (database.kind === 'pglite') await database.close();
    await loadDemoInChild();
    if (database.kind === 'pglite') database = await openDatabase(config);
    console.log(`已加载示范城市：盘锦市（${seconds()} 秒）`);
  } finally {
    clearInterval(progress);
  }
} else if (database.copiedFrom === demoTemplate) console.log('已加载示范城市：盘锦市（安装时预置）');

function loadDemoInChild(): Promise<void> {
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, '--load-demo'], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`示范城市加载失败（退出码 ${code ?? signal}）`)),
    );
  });
}
const app = await buildApp(config, database);
if (applied.length) app.log.info({ applied }, 'migrations applied');

await app.listen({ port: config.port, host: config.host });
console.log(
  `一网已启动：http://localhost:${config.port}（数据库：${database.kind === 'pglite' ? `内嵌 PGlite，${config.dataDir}` : 'PostgreSQL'}）`,
);

// Background work, begun once the server answers (a first run of every job during start-up would hold the
// embedded database's single connection while the server is not yet listening): the sealer chains committed audit rows (see platform/audit.ts); modules sweep and remind
// (MODULE_JOBS=0 leaves the modules' jobs out, e.g. for benchmarks that time a sweep themselves).
const stopJobs = startJobs(
  database.db,
  [
    { name: 'audit.seal', everyMs: 2000, run: (db) => sealAudit(db) },
    checkpointJob(undefined, app.log),
    ...(process.env.MODULE_JOBS === '0' ? [] : modules.flatMap((m) => m.jobs ?? [])),
  ],
  app.log,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  await app.close();
  await stopJobs();
  await sealAudit(database.db).catch(() => undefined);
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
