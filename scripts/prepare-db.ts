// `npm install` (prepare): makes the migrated, empty embedded cluster that a first start copies instead of running
// initdb (see clusterTemplatePath in src/platform/db.ts). Safe to run again; a failure only makes the first start slower.
import fs from 'node:fs';
import path from 'node:path';
import { clusterTemplatePath, openPglite } from '../src/platform/db';
import { migrate } from '../src/app';

const file = clusterTemplatePath();
if (fs.existsSync(file) && !process.argv.includes('--force')) {
  console.log(`【一网】内嵌数据库模板已存在：${path.relative(process.cwd(), file)}`);
} else {
  const started = Date.now();
  console.log('【一网】正在准备内嵌数据库模板（初始化与迁移）…');
  const database = await openPglite('memory://');
  await migrate(database);
  const dump = await database.dump!();
  await database.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(`${file}.part`, file);
  console.log(`【一网】内嵌数据库模板完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
}
