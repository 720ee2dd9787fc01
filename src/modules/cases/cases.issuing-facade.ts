/**
 * Facade for the issuing module 统一制发证 / 出件窗口: the exit-counter work queue (cases that are
 * granted or whose certificate is issued, across all departments) and the two exit actions
 * (`issue-certificate`, `deliver`) run through the existing applyAction use case.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { joinTransaction, tables } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { maskName } from '../../platform/mask';
import type { Ctx } from './cases.context';
import { getCaseView } from './cases.read';
import { applyAction } from './cases.service';
import type { CasesTables, Pickup } from './cases.tables';
import { containsPattern, regionIn } from '../../platform/scope';

export type IssuingStage = 'to_issue' | 'to_deliver';
const STATUS_OF: Record<IssuingStage, string> = { to_issue: 'granted', to_deliver: 'certificate_issued' };

export interface IssuingQueueQuery {
  stage: IssuingStage;
  hallId?: string;
  /** 办件编号 or the applicant's name, contained. */
  q?: string;
  departmentCode?: string;
  page: number;
  pageSize: number;
}

export interface IssuingQueueItem {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  regionCode: string;
  acceptRegionCode: string;
  acceptHallId: string | null;
  currentHallId: string | null;
  status: string;
  version: number;
  applicantNameMasked: string | null;
  greenChannel: boolean;
  pickup: Pickup | null;
  since: Date;
}

/**
 * 出件窗口队列: cases at `stage` whose accepting or holding region lies in the actor's region subtree,
 * green channel first, then oldest first. Row visibility is the region scope only; whether the actor
 * may act is decided by the action itself.
 */
export async function issuingQueue(db: Db, actor: Actor, query: IssuingQueueQuery) {
  let base = tables<CasesTables>(db)
    .selectFrom('cases')
    .where('status', '=', STATUS_OF[query.stage])
    .where((eb) => regionIn(eb, ['accept_region_code', 'current_region_code'], actor.scope.regionPrefix));
  if (query.hallId) {
    const hall = query.hallId;
    base = base.where((eb) => eb.or([eb('accept_hall_id', '=', hall), eb('current_hall_id', '=', hall)]));
  }
  if (query.departmentCode) base = base.where('department_code', '=', query.departmentCode);
  if (query.q) {
    const pattern = containsPattern(query.q);
    base = base.where((eb) => eb.or([eb('number', 'like', pattern), eb('applicant_name', 'like', pattern)]));
  }
  const { total, items: rows } = await pageOf(
    base,
    (qb) =>
      qb
        .select([
          'id',
          'number',
          'item_code',
          'item_name',
          'department_code',
          'region_code',
          'accept_region_code',
          'accept_hall_id',
          'current_hall_id',
          'status',
          'version',
          'applicant_name',
          'green_channel',
          'pickup',
          'step_entered_at',
        ])
        .orderBy('green_channel', 'desc')
        .orderBy('step_entered_at', 'asc')
        .orderBy('id', 'asc'),
    query,
  );
  const items: IssuingQueueItem[] = rows.map((r) => ({
    id: r.id,
    number: r.number,
    itemCode: r.item_code,
    itemName: r.item_name,
    departmentCode: r.department_code,
    regionCode: r.region_code,
    acceptRegionCode: r.accept_region_code,
    acceptHallId: r.accept_hall_id,
    currentHallId: r.current_hall_id,
    status: r.status,
    version: r.version,
    applicantNameMasked: maskName(r.applicant_name),
    greenChannel: r.green_channel,
    pickup: r.pickup,
    since: r.step_entered_at,
  }));
  return { total, page: query.page, pageSize: query.pageSize, items };
}

export interface IssuingCtx {
  actor: Actor;
  ip: string | null;
  /** The instant of the caller's request or job; the wall clock when it has none. */
  now?: Date;
  baseUrl?: string;
}

const ctxOf = (c: IssuingCtx): Ctx => ({
  actor: c.actor,
  ip: c.ip,
  now: c.now ?? new Date(),
  ...(c.baseUrl ? { baseUrl: c.baseUrl } : {}),
});

export interface IssuedCertificate {
  caseId: string;
  number: string;
  status: string;
  version: number;
  /** The certificate document 证照 just issued (null when the item issues none). */
  document: { id: string; number: string; kind: string } | null;
}

/** 制证: the case's `issue-certificate` action at `version` (one transaction per case; a problem throws). */
export async function issueCaseCertificate(
  db: Db,
  ctx: IssuingCtx,
  caseId: string,
  version: number,
): Promise<IssuedCertificate> {
  const v = await applyAction(db, ctxOf(ctx), caseId, { action: 'issue-certificate', version });
  const certs = v.documents.filter((d) => d.kind === 'certificate');
  const doc = certs[certs.length - 1] ?? null;
  return {
    caseId: v.id,
    number: v.number,
    status: v.status,
    version: v.version,
    document: doc && { id: doc.id, number: doc.number, kind: doc.kind },
  };
}

export interface ExpressFacts {
  caseId: string;
  number: string;
  departmentCode: string;
  regionCode: string;
  acceptRegionCode: string;
  currentRegionCode: string;
  /** When the case was granted 准予许可 (its `grant` event), if it was. */
  grantedAt: Date | null;
}

/** What the issuing module records about a case on its waybill; 404 problem when outside the actor's scope. */
export async function expressFactsFor(
  db: Db | Tx,
  actor: Actor,
  caseId: string,
  now: Date = new Date(),
): Promise<ExpressFacts> {
  const v = await getCaseView(db as Db, actor, caseId, now);
  const r = await sql<{ region: string; at: Date | null }>`
    select c.current_region_code as region,
           (select max(e.at) from case_events e where e.case_id = c.id and e.action = 'grant') as at
      from cases c where c.id = ${caseId}`.execute(db);
  const row = r.rows[0]!;
  return {
    caseId: v.id,
    number: v.number,
    departmentCode: v.departmentCode,
    regionCode: v.regionCode,
    acceptRegionCode: v.acceptRegionCode,
    currentRegionCode: row.region,
    grantedAt: row.at ? new Date(row.at) : null,
  };
}

/** 快递送达: the case's `deliver` action (express) inside the caller's transaction; a problem throws and the caller rolls back. */
export async function deliverByExpressInTransaction(
  tx: Tx,
  ctx: IssuingCtx,
  caseId: string,
  version: number,
  delivery: { carrier: string; trackingNumber: string; address: string },
) {
  const v = await applyAction(joinTransaction(tx), ctxOf(ctx), caseId, {
    action: 'deliver',
    version,
    delivery: {
      method: 'express',
      carrier: delivery.carrier,
      trackingNumber: delivery.trackingNumber,
      address: delivery.address,
    },
  });
  return { caseId: v.id, status: v.status, version: v.version, finishedOn: v.deadlines.finishedOn };
}
