/**
 * Opening 开标: after the deadline the trading centre opens a lot and every bid it holds is listed; each
 * bidder then gives the key its browser derived, and the platform decrypts and keeps the plaintext.
 * A bid whose key does not open it stays sealed (docs/trading.md: revoked or withdrawn by whose fault).
 */
import { recordAudit } from '../../platform/audit';
import { sm3Hex } from '../../platform/audit.checkpoints';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, notFound, unprocessable } from '../../platform/errors';
import { publicLot, shanghai } from './trading.bids';
import { reachOf, requireFirm, type Ctx } from './trading.context';
import { gcmDecrypt } from './trading.gcm';
import { reaches } from './trading.policy';
import * as repo from './trading.repository';
import { beforeDeadline } from './trading.rules';

/** Fewer bids than this and the tender fails (招标投标法 §28: 投标人少于三个的，招标人应当依法重新招标). */
export const MIN_BIDS = 3;

const KEY_BYTES = { 'SM4-GCM': 16, 'AES-256-GCM': 32 } as const;
const ECB = { 'SM4-GCM': 'sm4-ecb', 'AES-256-GCM': 'aes-256-ecb' } as const;

async function openingView(db: Db | Tx, lot: { id: string; project_number: string; seq: number }, openedAt: Date) {
  const bids = await repo.bidsOfLot(db, lot.id);
  return {
    lotId: lot.id,
    projectNumber: lot.project_number,
    lotSeq: lot.seq,
    openedAt: openedAt.toISOString(),
    bids: bids.map((b) => ({
      creditCode: b.credit_code,
      firmName: b.firm_name,
      hash: b.hash,
      size: b.size,
      uploadedAt: b.uploaded_at.toISOString(),
      decrypted: b.decrypted_at !== null,
    })),
    warning:
      bids.length < MIN_BIDS
        ? `投标人少于 ${MIN_BIDS} 个（${bids.length} 个），应当依法重新招标（《中华人民共和国招标投标法》第二十八条）`
        : null,
  };
}

/** The trading centre opens a lot of its region at or after the deadline; once (409 after). */
export async function openBids(db: Db, ctx: Ctx, lotId: string) {
  const { actor, now } = ctx;
  const lot = await publicLot(db, lotId);
  const facts = {
    regionCode: lot.region_code,
    tendererCreditCode: lot.tenderer_credit_code,
    agencyCreditCode: lot.agency_credit_code,
  };
  if (!reaches(await reachOf(db, actor), facts)) throw notFound('标段');
  if (beforeDeadline(now, lot.bid_deadline))
    throw unprocessable(`投标截止时间（${shanghai(lot.bid_deadline)}）前不得开标`, [], 'before_deadline');
  return db.transaction().execute(async (tx) => {
    const opened = await repo.openLot(tx, lot.id, actor.id, now);
    if (!opened) throw conflict('该标段已开标', 'already_opened');
    const view = await openingView(tx, lot, opened.opened_at!);
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'trading.lot.open',
      entityType: 'trading_lot',
      entityId: lot.id,
      after: view,
    });
    return view;
  });
}

/** A bidder gives its key after opening; the platform decrypts its bid and keeps the plaintext. */
export async function decryptOwnBid(db: Db, ctx: Ctx, lotId: string, keyHex: string) {
  const { actor, now } = ctx;
  const firm = await requireFirm(db, actor);
  const lot = await publicLot(db, lotId);
  if (!lot.opened_at) throw unprocessable('该标段尚未开标，不得提交解密密钥', [], 'not_opened');
  const bid = await repo.sealedBidOf(db, lot.id, firm.creditCode);
  if (!bid) throw notFound('投标文件');
  if (bid.decrypted_at) throw conflict('投标文件已解密', 'already_decrypted');
  const key = Buffer.from(keyHex, 'hex');
  if (key.length !== KEY_BYTES[bid.algorithm])
    throw fieldError('key', `${bid.algorithm} 的密钥应为 ${KEY_BYTES[bid.algorithm] * 2} 位十六进制`);
  const plain = gcmDecrypt(ECB[bid.algorithm], key, Buffer.from(bid.iv, 'hex'), Buffer.from(bid.ciphertext));
  if (!plain) throw unprocessable('密钥不正确或密文已损坏，解密失败', [], 'decrypt_failed');
  const sm3 = sm3Hex(plain);
  return db.transaction().execute(async (tx) => {
    const stored = await repo.storeDecrypted(tx, bid.id, plain, sm3, now);
    if (!stored) throw conflict('投标文件已解密', 'already_decrypted');
    const view = {
      bidId: bid.id,
      decryptedAt: stored.decrypted_at!.toISOString(),
      plaintextSize: plain.length,
      plaintextSm3: sm3,
    };
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'trading.bid.decrypt',
      entityType: 'trading_bid',
      entityId: bid.id,
      after: view,
    });
    return view;
  });
}
