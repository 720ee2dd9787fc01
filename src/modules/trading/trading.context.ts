/**
 * What trading's use cases share: their context, the firm an account acts for, the reach of an actor,
 * and the platform's signing key for receipts.
 */
import type { Actor } from '../../platform/auth';
import { checkpointConfig, loadSigningKey, type SigningKey } from '../../platform/audit.checkpoints';
import type { Db, Tx } from '../../platform/db';
import { Problem } from '../../platform/errors';
import { getAccount } from '../identity/index';
import { isBidder, isPrincipal, projectReach, type ProjectReach } from './trading.policy';

/** A use case's context: who acts, from where, and the instant of the request. */
export interface Ctx {
  actor: Actor;
  ip?: string;
  now: Date;
}

export interface Firm {
  creditCode: string;
  name: string;
}

/** The firm a company account acts for: its verified credit code and name, or null. */
export async function firmOf(db: Db | Tx, actor: Actor): Promise<Firm | null> {
  if (actor.kind !== 'company' || !(isPrincipal(actor) || isBidder(actor))) return null;
  const account = await getAccount(db, actor.id);
  if (!account?.verified || !account.creditCode) return null;
  return { creditCode: account.creditCode, name: account.name };
}

/** The firm of an account that must have one: 422 when its credit code is not verified. */
export async function requireFirm(db: Db | Tx, actor: Actor): Promise<Firm> {
  const firm = await firmOf(db, actor);
  if (!firm)
    throw new Problem(422, '业务规则不允许', '企业账号须先完成统一社会信用代码实名认证', [], 'firm_unverified');
  return firm;
}

export async function reachOf(db: Db | Tx, actor: Actor): Promise<ProjectReach> {
  return projectReach(actor, isPrincipal(actor) ? ((await firmOf(db, actor))?.creditCode ?? null) : null);
}

let receiptKey: SigningKey | null | undefined;

/**
 * The platform's SM2 key (the audit checkpoints' key, `AUDIT_KEY_FILE`): it signs bid receipts. Loaded
 * once per process; 503 when production has none configured.
 */
export function signingKey(): SigningKey {
  if (receiptKey === undefined) receiptKey = loadSigningKey(checkpointConfig());
  if (!receiptKey)
    throw new Problem(503, '服务暂不可用', '平台签名密钥未配置，暂不能接收投标文件', [], 'signing_key_missing');
  return receiptKey;
}
