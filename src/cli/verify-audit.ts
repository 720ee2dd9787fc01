/**
 * `npm run audit:verify`: seals pending audit rows, checks the whole hash chain, and checks it against
 * the signed checkpoints kept outside the database (AUDIT_CHECKPOINT_DIR, AUDIT_PUBLIC_KEY or
 * AUDIT_KEY_FILE). Exits non-zero when anything fails.
 */
import { loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db';
import { checkpointConfig } from '../platform/audit.checkpoints';
import { auditVerifyReport } from './audit-verify';

const config = loadConfig();
const database = await openDatabase(config);
try {
  const { code, lines } = await auditVerifyReport(database.db, checkpointConfig());
  for (const line of lines) (code === 0 ? console.log : console.error)(line);
  process.exitCode = code;
} finally {
  await database.close();
}
