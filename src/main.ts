import { buildApp, migrate, seedDemo } from './app';
import { loadConfig } from './platform/config';
import { openDatabase } from './platform/db';
import { sealAudit } from './platform/audit';

const config = loadConfig();
const database = await openDatabase(config);
const applied = await migrate(database);
if (config.loadDemo && (await seedDemo(database))) console.log('已加载示范城市：盘锦市');
const app = await buildApp(config, database);
if (applied.length) app.log.info({ applied }, 'migrations applied');

// Background sealer chains committed audit rows (see platform/audit.ts).
const sealer = setInterval(() => {
  sealAudit(database.db).catch((err) => app.log.error({ err }, 'audit sealing failed'));
}, 2000);

await app.listen({ port: config.port, host: config.host });
console.log(`一网已启动：http://localhost:${config.port}（数据库：${database.kind === 'pglite' ? `内嵌 PGlite，${config.dataDir}` : 'PostgreSQL'}）`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  clearInterval(sealer);
  await app.close();
  await sealAudit(database.db).catch(() => undefined);
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
