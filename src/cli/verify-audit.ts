/** `npm run audit:verify`: seals pending audit rows and checks the whole hash chain. */
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db';
import { sealAudit, verifyAudit } from '../platform/audit';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const sealed = await sealAudit(database.db);
  const r = await verifyAudit(database.db);
  if (r.ok) console.log(`审计链完整：校验 ${r.checked} 条（本次封存 ${sealed} 条）`);
  else console.error(`审计链被篡改：第 ${r.brokenAtSeq} 条（id ${r.brokenId}）校验失败`);
  process.exitCode = r.ok ? 0 : 1;
} finally {
  await database.close();
}
