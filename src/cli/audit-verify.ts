/** What `npm run audit:verify` checks and says, apart from opening the database (so it can be tested). */
import { sealAudit } from '../platform/audit';
import {
  readCheckpoints,
  verificationKey,
  verifyWithCheckpoints,
  type CheckpointConfig,
} from '../platform/audit.checkpoints';
import type { Db } from '../platform/db';

export interface VerifyReport {
  /** Process exit code: 0 intact, 1 tampering or a checkpoint that fails. */
  code: number;
  lines: string[];
}

export async function auditVerifyReport(db: Db, cfg: CheckpointConfig): Promise<VerifyReport> {
  const sealed = await sealAudit(db);
  const checkpoints = readCheckpoints(cfg.dir);
  let publicKey: string | null;
  try {
    publicKey = verificationKey(cfg);
  } catch (err) {
    return { code: 1, lines: [`无法读取校验公钥：${(err as Error).message}`] };
  }
  const r = await verifyWithCheckpoints(db, checkpoints, publicKey);
  if (!r.ok) return { code: 1, lines: [`校验失败：${r.failure}`] };
  const lines = [`审计链完整：校验 ${r.chain.checked} 条（本次封存 ${sealed} 条）`];
  if (r.latest)
    lines.push(
      `与 ${r.checkpoints} 个签名检查点一致（${cfg.dir}）；最新检查点：第 ${r.latest.seq} 条，哈希 ${r.latest.hash}，${r.latest.at}`,
    );
  else
    lines.push(
      `注意：${cfg.dir} 中没有检查点，只校验了审计链本身（无法发现尾部被截断或整链被重算）；服务运行时每 ${cfg.everyMs / 60_000} 分钟写入一次`,
    );
  return { code: 0, lines };
}
