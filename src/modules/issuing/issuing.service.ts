/** 统一制发证 / 快递送达: the exit-counter queue, batch issuing, express waybills and delivery statistics. */
import type { Db } from '../../platform/db';
import { inRegionScope, type Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import {
  conflict,
  fieldError,
  notFound,
  Problem,
  problemFromDatabase,
  unprocessable,
  staleVersion,
} from '../../platform/errors';
import { maskPhone } from '../../platform/mask';
import {
  deliverByExpressInTransaction,
  expressFactsFor,
  issueCaseCertificate,
  issuingQueue,
  type IssuingStage,
} from '../cases/index';
import { addDays, todayInShanghai } from '../calendar/index';
import { getDepartment, getRegion } from '../org/index';
import * as repo from './issuing.repository';
import { assertIssues, assertSeesStats } from './issuing.policy';
import { renderBatchList } from './issuing.pdf';
import {
  CARRIER_LABELS,
  carrierOf,
  canMove,
  formatTrackingNumber,
  MAX_DAILY_WAYBILLS,
  WAYBILL_STATUS_LABELS,
  type Carrier,
} from './issuing.rules';
import type { BatchItem, WaybillStatus } from './issuing.tables';
import type { StatsView } from './issuing.schemas';

export interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The instant the request acts at. */
  now: Date;
}

const WAYBILL = '快递运单';
const BATCH = '制证批次';
const STAGE_LABELS: Record<IssuingStage, string> = { to_issue: '待制证', to_deliver: '待送达' };

/* ------------------------------------------------------------------ queue */

/** The queue filter handed to the cases facade; `q` (case number or applicant name) and `departmentCode` narrow it. */
type QueueFilter = Parameters<typeof issuingQueue>[2] & { q?: string; departmentCode?: string };

export async function queue(
  db: Db,
  actor: Actor,
  query: {
    stage: IssuingStage;
    hallId?: string;
    q?: string;
    departmentCode?: string;
    page: number;
    pageSize: number;
  },
) {
  assertIssues(actor);
  const filter: QueueFilter = {
    stage: query.stage,
    page: query.page,
    pageSize: query.pageSize,
    ...(query.hallId ? { hallId: query.hallId } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(query.departmentCode ? { departmentCode: query.departmentCode } : {}),
  };
  const page = await issuingQueue(db, actor, filter);
  // The queue spans departments: name each once per page.
  const codes = [...new Set(page.items.map((i) => i.departmentCode))];
  const names = new Map(
    await Promise.all(codes.map(async (c) => [c, (await getDepartment(db, c))?.name ?? c] as const)),
  );
  return {
    ...page,
    stage: query.stage,
    stageLabel: STAGE_LABELS[query.stage],
    items: page.items.map((i) => ({
      ...i,
      departmentName: names.get(i.departmentCode) ?? i.departmentCode,
      pickupLabel: !i.pickup ? '未选择' : i.pickup.method === 'hall' ? '窗口领取' : '邮寄送达',
    })),
  };
}

/* ------------------------------------------------------------------ batches */

function batchView(r: repo.BatchRow) {
  const printable = r.items.filter((i) => i.ok && i.documentId);
  return {
    id: r.id,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    regionCode: r.region_code,
    createdAt: r.created_at,
    succeeded: r.succeeded,
    failed: r.failed,
    items: r.items,
    documentIds: printable.map((i) => i.documentId!),
    printUrls: printable.map((i) => `/api/cases/${i.caseId}/documents/${i.documentId!}`),
    listUrl: `/api/issuing/batches/${r.id}/list.pdf`,
  };
}

function problemOf(err: unknown): Problem | undefined {
  return err instanceof Problem ? err : problemFromDatabase(err);
}

/**
 * 批量制证: the `issue-certificate` action for each case, one transaction per case (a case is either
 * fully issued or untouched); the batch reports each case's outcome.
 */
export async function issueBatch(db: Db, ctx: Ctx, body: { caseIds: string[]; versions: Record<string, number> }) {
  const { actor } = ctx;
  assertIssues(actor);
  const items: BatchItem[] = [];
  for (const caseId of body.caseIds) {
    try {
      const r = await issueCaseCertificate(db, { actor, ip: ctx.ip, now: ctx.now }, caseId, body.versions[caseId]!);
      items.push({
        caseId,
        ok: true,
        number: r.number,
        status: r.status,
        version: r.version,
        documentId: r.document?.id ?? null,
        documentNumber: r.document?.number ?? null,
        error: null,
      });
    } catch (err) {
      const p = problemOf(err);
      if (!p) throw err;
      items.push({
        caseId,
        ok: false,
        number: null,
        status: null,
        version: null,
        documentId: null,
        documentNumber: null,
        error: { status: p.status, detail: p.detail },
      });
    }
  }
  const succeeded = items.filter((i) => i.ok).length;
  const row = await db.transaction().execute(async (tx) => {
    const b = await repo.insertBatch(tx, {
      created_by: actor.id,
      created_by_name: actor.name,
      region_code: actor.scope.regionCode,
      hall_id: actor.scope.hallId,
      items: JSON.stringify(items),
      succeeded,
      failed: items.length - succeeded,
    });
    await recordAudit(tx, {
      actor,
      action: 'issuing.batch.create',
      entityType: 'issuing_batch',
      entityId: b.id,
      after: {
        succeeded,
        failed: items.length - succeeded,
        cases: items.map((i) => ({ caseId: i.caseId, ok: i.ok, document: i.documentNumber })),
      },
      ip: ctx.ip,
    });
    return b;
  });
  return batchView(row);
}

export async function getBatch(db: Db, actor: Actor, id: string) {
  assertIssues(actor);
  const b = await repo.getBatch(db, id);
  if (!b || !inRegionScope(actor, b.region_code)) throw notFound(BATCH);
  return batchView(b);
}

/** 交接清单 of a batch as a PDF (same scope as the batch). */
export async function batchListPdf(db: Db, actor: Actor, id: string): Promise<Buffer> {
  assertIssues(actor);
  const b = await repo.getBatch(db, id);
  if (!b || !inRegionScope(actor, b.region_code)) throw notFound(BATCH);
  const region = await getRegion(db, b.region_code);
  return renderBatchList({
    id: b.id,
    createdByName: b.created_by_name,
    createdAt: b.created_at,
    regionName: region?.name ?? b.region_code,
    items: b.items,
  });
}

/* ------------------------------------------------------------------ waybills */

function waybillView(r: repo.WaybillRow, mask: boolean) {
  const carrier = r.carrier as Carrier;
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    departmentCode: r.department_code,
    regionCode: r.region_code,
    carrier: r.carrier,
    carrierLabel: CARRIER_LABELS[carrier] ?? r.carrier,
    trackingNumber: r.tracking_number,
    recipient: {
      name: r.recipient.name,
      phone: mask ? maskPhone(r.recipient.phone) : r.recipient.phone,
      address: r.recipient.address,
    },
    status: r.status,
    statusLabel: WAYBILL_STATUS_LABELS[r.status],
    feeCents: r.fee_cents,
    free: r.free,
    signedBy: r.signed_by,
    createdAt: r.created_at,
    dispatchedAt: r.dispatched_at,
    deliveredAt: r.delivered_at,
    returnedAt: r.returned_at,
  };
}

export interface WaybillInput {
  caseId: string;
  version: number;
  carrier: string;
  recipient: { name: string; phone: string; address: string };
  free: boolean;
  feeCents: number;
}

/**
 * 快递制单: a waybill with a fresh tracking number and the case's `deliver` action (express) in one
 * transaction — when the case cannot be delivered, no waybill (and no used number) remains.
 */
export async function createWaybill(db: Db, ctx: Ctx, body: WaybillInput) {
  const { actor } = ctx;
  assertIssues(actor);
  const carrier = carrierOf(body.carrier);
  if (!carrier) throw fieldError('carrier', '不支持的快递公司');
  const { now } = ctx;
  const day = todayInShanghai(now);
  return db.transaction().execute(async (tx) => {
    const facts = await expressFactsFor(tx, actor, body.caseId, now);
    const seq = await repo.nextWaybillSeq(tx, carrier, day);
    if (seq > MAX_DAILY_WAYBILLS)
      throw conflict('今日该快递公司的运单号已用完，请明日再试或改用其他快递公司', 'waybill_numbers_exhausted');
    const trackingNumber = formatTrackingNumber(carrier, day, seq);
    const w = await repo.insertWaybill(tx, {
      case_id: facts.caseId,
      case_number: facts.number,
      department_code: facts.departmentCode,
      region_code: facts.regionCode,
      accept_region_code: facts.acceptRegionCode,
      current_region_code: facts.currentRegionCode,
      carrier,
      tracking_number: trackingNumber,
      recipient: JSON.stringify(body.recipient),
      fee_cents: body.feeCents,
      free: body.free,
      granted_at: facts.grantedAt,
      created_by: actor.id,
      created_at: now,
    });
    const delivered = await deliverByExpressInTransaction(tx, { actor, ip: ctx.ip, now }, body.caseId, body.version, {
      carrier: CARRIER_LABELS[carrier],
      trackingNumber,
      address: body.recipient.address,
    }).catch((err: unknown) => {
      // The item's guide offers no express delivery: a business rule, not a malformed request.
      if (err instanceof Problem && err.status === 400 && err.errors.some((e) => e.field === 'delivery.method')) {
        throw unprocessable(
          '该事项不提供快递送达，请通知申请人到窗口领取',
          [{ field: 'caseId', message: '该事项不提供快递送达' }],
          'express_not_offered',
        );
      }
      throw err;
    });
    await recordAudit(tx, {
      actor,
      action: 'issuing.waybill.create',
      entityType: 'waybill',
      entityId: w.id,
      after: {
        caseId: w.case_id,
        carrier,
        trackingNumber,
        free: w.free,
        feeCents: w.fee_cents,
        caseStatus: delivered.status,
      },
      ip: ctx.ip,
    });
    return {
      ...waybillView(w, false),
      case: {
        id: delivered.caseId,
        status: delivered.status,
        version: delivered.version,
        finishedOn: delivered.finishedOn,
      },
    };
  });
}

async function loadWaybill(db: Db, actor: Actor, id: string) {
  const w = await repo.getWaybill(db, id);
  if (!w || !(inRegionScope(actor, w.accept_region_code) || inRegionScope(actor, w.current_region_code)))
    throw notFound(WAYBILL);
  return w;
}

async function move(
  db: Db,
  ctx: Ctx,
  id: string,
  to: WaybillStatus,
  patch: Parameters<typeof repo.moveWaybill>[3],
  check?: (w: repo.WaybillRow) => void,
) {
  const { actor } = ctx;
  assertIssues(actor);
  const w = await loadWaybill(db, actor, id);
  if (!canMove(w.status, to))
    throw conflict(
      `运单当前为「${WAYBILL_STATUS_LABELS[w.status]}」，不能改为「${WAYBILL_STATUS_LABELS[to]}」`,
      'invalid_state',
    );
  check?.(w);
  return db.transaction().execute(async (tx) => {
    const moved = await repo.moveWaybill(tx, id, w.status, patch);
    if (!moved) throw staleVersion('运单');
    await recordAudit(tx, {
      actor,
      action: `issuing.waybill.${to === 'dispatched' ? 'dispatch' : to === 'delivered' ? 'receipt' : 'return'}`,
      entityType: 'waybill',
      entityId: id,
      before: { status: w.status },
      after: {
        status: moved.status,
        ...(moved.signed_by ? { signedBy: moved.signed_by } : {}),
        ...(moved.return_reason ? { reason: moved.return_reason } : {}),
      },
      ip: ctx.ip,
    });
    return waybillView(moved, false);
  });
}

/** 揽收发出. */
export function dispatchWaybill(db: Db, ctx: Ctx, id: string) {
  return move(db, ctx, id, 'dispatched', { status: 'dispatched', dispatched_at: ctx.now });
}

/** 签收回执: who signed and when (not in the future, not before dispatch). */
export function recordReceipt(db: Db, ctx: Ctx, id: string, body: { signedBy: string; at: Date }) {
  const { now } = ctx;
  return move(
    db,
    ctx,
    id,
    'delivered',
    { status: 'delivered', delivered_at: body.at, signed_by: body.signedBy },
    (w) => {
      if (body.at.getTime() > now.getTime() + 5 * 60_000) throw fieldError('at', '签收时间不能晚于当前时间');
      const since = w.dispatched_at ?? w.created_at;
      if (body.at.getTime() < since.getTime()) throw fieldError('at', '签收时间不能早于发出时间');
    },
  );
}

/** 退回: the parcel came back (wrong address, refused). */
export function returnWaybill(db: Db, ctx: Ctx, id: string, body: { reason: string }) {
  return move(db, ctx, id, 'returned', {
    status: 'returned',
    returned_at: ctx.now,
    return_reason: body.reason,
  });
}

/** Instants bounding Shanghai days `from`..`to` (inclusive); 400 when reversed. */
function dayBounds(from?: string, to?: string) {
  if (from && to && from > to) throw fieldError('to', '结束日期不能早于开始日期');
  return {
    ...(from ? { fromAt: new Date(`${from}T00:00:00+08:00`) } : {}),
    ...(to ? { toAt: new Date(`${addDays(to, 1)}T00:00:00+08:00`) } : {}),
  };
}

export async function listWaybills(
  db: Db,
  actor: Actor,
  query: {
    page: number;
    pageSize: number;
    q?: string;
    status?: WaybillStatus;
    carrier?: string;
    from?: string;
    to?: string;
  },
) {
  assertIssues(actor);
  const { total, rows } = await repo.listWaybills(
    db,
    {
      regionPrefix: actor.scope.regionPrefix,
      ...(query.q ? { q: query.q } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.carrier ? { carrier: query.carrier } : {}),
      ...dayBounds(query.from, query.to),
    },
    query.page,
    query.pageSize,
  );
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map((r) => waybillView(r, true)) };
}

/* ------------------------------------------------------------------ statistics */

/** 免费寄递统计: counts, free count, total fee and average days from grant to receipt, in the actor's region. */
export async function stats(
  db: Db,
  actor: Actor,
  query: { from?: string; to?: string; groupBy: 'carrier' | 'department' | 'region' },
): Promise<StatsView> {
  assertSeesStats(actor);
  const rows = await repo.waybillStats(
    db,
    { regionPrefix: actor.scope.regionPrefix, ...dayBounds(query.from, query.to) },
    query.groupBy,
  );
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  const labelOf = async (key: string) => {
    if (query.groupBy === 'carrier') return CARRIER_LABELS[key as Carrier] ?? key;
    if (query.groupBy === 'department') return (await getDepartment(db, key))?.name ?? key;
    return (await getRegion(db, key))?.name ?? key;
  };
  const out = [];
  for (const r of rows) {
    out.push({
      key: r.key,
      label: await labelOf(r.key),
      count: r.n,
      freeCount: r.free_n,
      deliveredCount: r.delivered_n,
      totalFeeCents: r.fee,
      avgDaysGrantToReceipt: round(r.avg_days),
    });
  }
  // Overall average weighted by the waybills that have both a grant time and a receipt.
  const weighted = rows.filter((r) => r.avg_days !== null);
  const weight = weighted.reduce((s, r) => s + r.timed_n, 0);
  const total = {
    key: 'total',
    label: '合计',
    count: rows.reduce((s, r) => s + r.n, 0),
    freeCount: rows.reduce((s, r) => s + r.free_n, 0),
    deliveredCount: rows.reduce((s, r) => s + r.delivered_n, 0),
    totalFeeCents: rows.reduce((s, r) => s + r.fee, 0),
    avgDaysGrantToReceipt: weight ? round(weighted.reduce((s, r) => s + r.avg_days! * r.timed_n, 0) / weight) : null,
  };
  return { from: query.from ?? null, to: query.to ?? null, groupBy: query.groupBy, rows: out, total };
}
