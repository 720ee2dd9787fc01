// `npm install` (prepare): makes the embedded clusters a first start copies (see platform/cluster-template.ts):
// `empty` (initdb and migrations) and, unless DEMO=0, `demo` (also the demo city and its recent history, dated
// from now; remade when older than a day or when the migrations changed). Safe to run again; `--force` remakes
// both. A failure only makes the first start slower.
import fs from 'node:fs';
import path from 'node:path';
import {
  clusterTemplateDir,
  copyClusterTemplate,
  demoTemplateFits,
  readStamp,
  writeStamp,
  type ClusterKind,
} from '../src/platform/cluster-template';
import { openPglite } from '../src/platform/db';
import { migrate, migrationNames, runJobsOnce, seedDemo } from '../src/app';

const force = process.argv.includes('--force');
const migrations = migrationNames();
const history = process.env.DEMO_HISTORY !== '0';
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

async function prepare(kind: ClusterKind, label: string) {
  const dir = clusterTemplateDir(kind);
  const started = Date.now();
  console.log(`【一网】正在准备内嵌数据库模板：${label}…`);
  const part = `${dir}.part`;
  fs.rmSync(part, { recursive: true, force: true });
  // The demo begins from the empty cluster (initdb once).
  if (kind === 'demo') copyClusterTemplate(clusterTemplateDir('empty'), part);
  const database = await openPglite(part);
  await migrate(database);
  if (kind === 'demo') {
    const ticker = setInterval(() => console.log(`【一网】示范数据加载中… 已用 ${seconds(started)} 秒`), 5_000);
    try {
      await seedDemo(database, { history });
      await runJobsOnce(database);
    } finally {
      clearInterval(ticker);
    }
  }
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(part, dir);
  writeStamp(dir, { made: new Date(started).toISOString(), migrations, history: kind === 'demo' && history });
  console.log(`【一网】内嵌数据库模板完成：${path.relative(process.cwd(), dir)}（${seconds(started)} 秒）`);
}

// Clusters of the earlier tarball format are no longer read.
fs.mkdirSync('.tmp', { recursive: true });
for (const f of fs.readdirSync('.tmp', { withFileTypes: true }).filter((e) => /^pglite-cluster-.*\.tgz$/.test(e.name)))
  fs.rmSync(path.join('.tmp', f.name), { force: true });

if (force || !readStamp(clusterTemplateDir('empty'))) await prepare('empty', '空库（初始化与迁移）');
else console.log(`【一网】内嵌数据库模板已存在：${path.relative(process.cwd(), clusterTemplateDir('empty'))}`);

if (process.env.DEMO === '0') console.log('【一网】DEMO=0：不准备示范城市模板');
else if (force || !demoTemplateFits(readStamp(clusterTemplateDir('demo')), { history, migrations, now: new Date() }))
  await prepare('demo', history ? '示范城市与近几个月的办件' : '示范城市');
else console.log(`【一网】内嵌数据库模板已存在：${path.relative(process.cwd(), clusterTemplateDir('demo'))}`);
