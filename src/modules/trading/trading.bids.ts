/**
 * Registration 报名 and sealed bids 投标文件 of a bidder firm. The server keeps only ciphertext, its
 * SM3 digest and size, and answers each upload with a receipt signed by the platform (docs/trading.md).
 */
import { canonicalJson, recordAudit } from '../../platform/audit';
import { signMessage, sm3Hex } from '../../platform/audit.checkpoints';
import type { Db, Tx } from '../../platform/db';
import { conflict, fieldError, notFound, unprocessable } from '../../platform/errors';
import { requireFirm, signingKey, type Ctx, type Firm } from './trading.context';
import { listingOf } from './trading.credit';
import * as repo from './trading.repository';
import { beforeDeadline } from './trading.rules';
import { plaintextProblem } from './trading.sealed';
import type { BidBody, BidReceipt } from './trading.schemas';

export type Lot = NonNullable<Awaited<ReturnType<typeof repo.getLotWithProject>>>;

export const shanghai = (d: Date) =>
  d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).replaceAll('/', '-');

/** A lot open to bidders: its project's tender announcement is published (else it is not public: 404). */
export async function publicLot(db: Db | Tx, lotId: string): Promise<Lot> {
  const lot = await repo.getLotWithProject(db, lotId);
  if (!lot || !(await repo.hasPublished(db, lot.project_id, 'tender'))) throw notFound('标段');
  return lot;
}

/** 422 unless the firm may still take part in the lot at the instant: not blacklisted, before the deadline. */
async function assertMayBid(db: Db | Tx, firm: Firm, lot: Lot, now: Date, doing: string): Promise<void> {
  if (!beforeDeadline(now, lot.bid_deadline))
    throw unprocessable(`投标截止时间（${shanghai(lot.bid_deadline)}）已过，不能${doing}`, [], 'deadline_passed');
  const listing = await listingOf(db, firm.creditCode, now);
  if (listing)
    throw unprocessable(
      `${firm.name}列入严重失信主体名单（${listing.source}认定，${listing.listedFrom} 至 ${listing.listedTo ?? '长期'}；依据${listing.basis}），不得${doing}`,
      [],
      'blacklisted',
    );
}

export async function register(db: Db, ctx: Ctx, lotId: string) {
  const { actor, now } = ctx;
  const firm = await requireFirm(db, actor);
  const lot = await publicLot(db, lotId);
  await assertMayBid(db, firm, lot, now, '报名');
  return db.transaction().execute(async (tx) => {
    const row = await repo.insertRegistration(tx, {
      lot_id: lot.id,
      firm_id: actor.id,
      credit_code: firm.creditCode,
      firm_name: firm.name,
      registered_at: now,
    });
    if (!row) throw conflict('本企业已报名该标段', 'already_registered');
    const view = {
      id: row.id,
      lotId: row.lot_id,
      creditCode: row.credit_code,
      firmName: row.firm_name,
      registeredAt: row.registered_at.toISOString(),
    };
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: 'trading.registration.create',
      entityType: 'trading_registration',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

type BidMeta = Awaited<ReturnType<typeof repo.ownBid>> & {};

/** The receipt of a stored bid, signed with the platform's key. */
function receiptOf(bid: BidMeta, lot: Lot): BidReceipt {
  const key = signingKey();
  const body = {
    bidId: bid.id,
    lotId: bid.lot_id,
    projectNumber: lot.project_number,
    lotSeq: lot.seq,
    creditCode: bid.credit_code,
    algorithm: bid.algorithm,
    hashAlgorithm: 'SM3' as const,
    hash: bid.hash,
    size: bid.size,
    receivedAt: bid.uploaded_at.toISOString(),
    uploads: bid.uploads,
    keyId: key.keyId,
  };
  return { ...body, signature: signMessage(key, receiptMessage(body)) };
}

/** The signed text of a receipt: every field but the signature, as canonical JSON. */
export const receiptMessage = (r: Omit<BidReceipt, 'signature'>) => canonicalJson(r);

/**
 * Stores a registered firm's sealed bid for a lot before the deadline, replacing its earlier one.
 * Answers the receipt and whether this was the firm's first upload.
 */
export async function uploadBid(db: Db, ctx: Ctx, lotId: string, body: BidBody) {
  const { actor, now } = ctx;
  const firm = await requireFirm(db, actor);
  const lot = await publicLot(db, lotId);
  await assertMayBid(db, firm, lot, now, '投标');
  const registration = await repo.findRegistration(db, lot.id, firm.creditCode);
  if (!registration) throw unprocessable('本企业未报名该标段，不能投标', [], 'not_registered');
  const bytes = Buffer.from(body.ciphertext, 'base64');
  if (bytes.length === 0) throw fieldError('ciphertext', '密文不能为空');
  const plain = plaintextProblem(bytes);
  if (plain) throw fieldError('ciphertext', plain, 'not_encrypted');
  const hash = sm3Hex(bytes);
  if (body.hash && body.hash !== hash)
    throw fieldError('hash', `摘要与平台计算的 SM3 摘要（${hash}）不符，上传可能已损坏`, 'hash_mismatch');
  signingKey(); // 503 before anything is written when no key is configured
  const bid = await db.transaction().execute(async (tx) => {
    const row = await repo.upsertBid(tx, {
      lot_id: lot.id,
      registration_id: registration.id,
      credit_code: firm.creditCode,
      algorithm: body.algorithm,
      iv: body.iv,
      ciphertext: bytes,
      hash_algorithm: 'SM3',
      hash,
      size: bytes.length,
      uploaded_at: now,
    });
    await recordAudit(tx, {
      actor,
      ip: ctx.ip,
      action: row.uploads === 1 ? 'trading.bid.upload' : 'trading.bid.replace',
      entityType: 'trading_bid',
      entityId: row.id,
      after: { lotId: row.lot_id, creditCode: row.credit_code, hash: row.hash, size: row.size, uploads: row.uploads },
    });
    return row;
  });
  return { receipt: receiptOf(bid, lot), first: bid.uploads === 1 };
}

/** The firm's own bid for a lot, as its receipt; 404 when it has none (another firm's bid is never shown). */
export async function ownBidReceipt(db: Db, ctx: Ctx, lotId: string): Promise<BidReceipt> {
  const firm = await requireFirm(db, ctx.actor);
  const lot = await publicLot(db, lotId);
  const bid = await repo.ownBid(db, lot.id, firm.creditCode);
  if (!bid) throw notFound('投标文件');
  return receiptOf(bid, lot);
}
