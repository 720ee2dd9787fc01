/**
 * The read model of cases 办件: everything other modules read about cases, in one place, exported through
 * `index.ts`. Each read answers in the reader's terms (camelCase facts, never a row) and takes its instant
 * from the caller (`now`); none writes. What it covers:
 *
 * - one case: `getCaseRatingFacts` (ratings 好差评), `expressFactsFor` (issuing, as the actor may see it);
 * - several cases: `caseStatusesOrHidden` / `caseStatusesFor` / `casesVisibleTo` (bundles 一件事),
 *   `acceptingClerksOf` (assessment);
 * - queues and event pages: `issuingQueue` (出件窗口), `grantedCasesPage` / `certificatesIssuedPage`
 *   (regulation 双推送, keyset pages over the history);
 * - figures 效能统计 and warning facts (supervision, assessment): `cases.readmodel.figures.ts`, re-exported here.
 *
 * A new reader adds a function here (with its SQL, or a call of the repository), not a file of its own.
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { tables } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { notFound, Problem } from '../../platform/errors';
import { UUID_RE } from '../../platform/schemas';
import { maskName } from '../../platform/mask';
import { pageOf } from '../../platform/paging';
import { containsPattern, regionIn } from '../../platform/scope';
import * as repo from './cases.repository';
import type { ApplicantInfo, CasesTables, Pickup } from './cases.tables';
import { accessTo } from './cases.context';
import { caseListItems, getCaseView } from './cases.read';

export * from './cases.readmodel.figures';

/* ------------------------------------------------------------------ one case */

/** What every reader of a case is told first: the case, its item, department and places. */
export interface CaseHead {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  /** The department responsible for the item (its code). */
  departmentCode: string;
  /** Competent region (the item's implementing region). */
  regionCode: string;
  /** Region of the hall / office that accepted it. */
  acceptRegionCode: string;
  /** The hall that registered it at a window (null for online filings). */
  acceptHallId: string | null;
}

/** Who was served, where, by which department, and whether the service is over (ratings 好差评). */
export interface CaseRatingFacts extends CaseHead {
  channel: 'online' | 'window';
  applicantId: string | null;
  applicantName: string;
  createdBy: string;
  status: string;
  submitted: boolean;
  finishedOn: string | null;
}

export async function getCaseRatingFacts(db: Db | Tx, id: string): Promise<CaseRatingFacts | undefined> {
  const r = await repo.getCase(db, id);
  if (!r) return undefined;
  return {
    id: r.id,
    number: r.number,
    itemCode: r.item_code,
    itemName: r.item_name,
    departmentCode: r.department_code,
    regionCode: r.region_code,
    acceptRegionCode: r.accept_region_code,
    acceptHallId: r.accept_hall_id,
    channel: r.channel,
    applicantId: r.applicant_id,
    applicantName: r.applicant_name,
    createdBy: r.created_by,
    status: r.status,
    submitted: r.submitted_at !== null,
    finishedOn: r.finished_on,
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
export async function expressFactsFor(db: Db | Tx, actor: Actor, caseId: string, now: Date): Promise<ExpressFacts> {
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

/* ------------------------------------------------------------------ several cases */

export interface BundleCaseStatus {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  status: string;
  statusLabel: string;
  finished: boolean;
  promisedDeadline: string | null;
  remainingWorkingDays: number | null;
  deadlineState: string;
  deadlineStateLabel: string;
}

/**
 * The status of each case as `actor` may see it, in the order asked; `null` for one outside their data
 * scope (another department's sibling). One read for all, deadlines from the stored clock.
 */
export async function caseStatusesOrHidden(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  now: Date,
): Promise<(BundleCaseStatus | null)[]> {
  return (await caseListItems(db, actor, ids, now)).map((c) =>
    c
      ? {
          id: c.id,
          number: c.number,
          itemCode: c.itemCode,
          itemName: c.itemName,
          departmentCode: c.departmentCode,
          status: c.status,
          statusLabel: c.statusLabel,
          finished: c.finishedOn !== null,
          promisedDeadline: c.promisedDeadline,
          remainingWorkingDays: c.remainingWorkingDays,
          deadlineState: c.deadlineState,
          deadlineStateLabel: c.deadlineStateLabel,
        }
      : null,
  );
}

/** Which of these cases the actor may see (a marker or a link to show, no deadline to compute). */
export async function casesVisibleTo(db: Db, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
  const rows = await repo.getCases(
    db,
    ids.filter((id) => UUID_RE.test(id)),
  );
  const seen = await Promise.all(rows.map((r) => accessTo(db, actor, r).then(() => r.id, hiddenAsNull)));
  return new Set(seen.filter((id): id is string => id !== null));
}

const hiddenAsNull = (err: unknown) => {
  if (err instanceof Problem && err.status === 404) return null;
  throw err;
};

/** The status of each case; a 404 problem when one is outside the actor's scope. */
export async function caseStatusesFor(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  now: Date,
): Promise<BundleCaseStatus[]> {
  const all = await caseStatusesOrHidden(db, actor, ids, now);
  if (all.some((c) => c === null)) throw notFound('办件');
  return all as BundleCaseStatus[];
}

/** 受理人 (assessment 考核): the actor of each case's first `accept` event, the clerk the efficiency figures group by. */
export interface AcceptingClerk {
  actorId: string;
  actorName: string;
}

/** Cases never accepted (or accepted by no account) are absent from the map. */
export async function acceptingClerksOf(db: Db | Tx, caseIds: readonly string[]): Promise<Map<string, AcceptingClerk>> {
  const ids = [...new Set(caseIds)];
  if (!ids.length) return new Map();
  // distinct on + the (case_id, seq) unique index: the first acceptance of each case.
  const r = await sql<{ case_id: string; actor_id: string | null; actor_name: string }>`
    select distinct on (e.case_id) e.case_id, e.actor_id, e.actor_name
      from case_events e
     where e.case_id = any(${ids}::uuid[]) and e.action = 'accept'
     order by e.case_id, e.seq`.execute(db);
  const out = new Map<string, AcceptingClerk>();
  for (const row of r.rows)
    if (row.actor_id) out.set(row.case_id, { actorId: row.actor_id, actorName: row.actor_name });
  return out;
}

/** A case as another module refers to it by number (a 12345 complaint names the case it is about). */
export interface CaseRef {
  id: string;
  number: string;
  departmentCode: string;
  hallId: string | null;
}

/** The cases of these numbers (unknown numbers are absent from the map). */
export async function caseRefsByNumber(db: Db | Tx, numbers: readonly string[]): Promise<Map<string, CaseRef>> {
  const list = [...new Set(numbers)];
  if (!list.length) return new Map();
  const rows = await tables<CasesTables>(db)
    .selectFrom('cases')
    .select(['id', 'number', 'department_code', 'accept_hall_id'])
    .where('number', 'in', list)
    .execute();
  return new Map(
    rows.map((r) => [
      r.number,
      { id: r.id, number: r.number, departmentCode: r.department_code, hallId: r.accept_hall_id },
    ]),
  );
}

/* ------------------------------------------------------------------ queues and event pages */

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

export interface IssuingQueueItem extends CaseHead {
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

/*
 * Grants 准予许可 and certificates 制证 of the history (regulation 审管联动, 双推送), as keyset pages ordered by
 * the event's (at, id), so the push job reads only what happened since its cursor (partial indexes
 * case_events_grants / case_events_certificates).
 */

/** Where a page starts: after the event `eventId`, or — when no such event exists — after the instant `at`. */
export interface EventCursor {
  at: Date;
  eventId: number;
}

export interface GrantedCase {
  eventId: number;
  at: Date;
  /** The Shanghai day of the grant (the event's on_date). */
  grantedOn: string;
  caseId: string;
  number: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  regionCode: string;
  /** As filed on the case (not the account's current profile). */
  applicant: { kind: ApplicantInfo['kind']; name: string; creditCode: string | null };
}

export interface IssuedCertificateEvent {
  eventId: number;
  at: Date;
  caseId: string;
}

/**
 * The keyset condition. A JS Date holds milliseconds while `at` holds microseconds, so the page
 * continues from the exact `at` of the cursor's event (read by primary key); `at` is only the
 * fallback for a cursor naming no event (eventId 0: "everything after this instant").
 */
const after = (c: EventCursor | null) =>
  c
    ? sql`and (e.at, e.id) > (coalesce((select x.at from case_events x where x.id = ${c.eventId}), ${c.at.toISOString()}::timestamptz), ${c.eventId})`
    : sql``;

/** One page of `grant` events with their case, oldest first. */
export async function grantedCasesPage(db: Db | Tx, cursor: EventCursor | null, limit: number): Promise<GrantedCase[]> {
  const r = await sql<{
    event_id: number;
    at: Date;
    on_date: string;
    case_id: string;
    number: string;
    item_code: string;
    item_name: string;
    department_code: string;
    region_code: string;
    applicant: ApplicantInfo;
  }>`
    select e.id as event_id, e.at, e.on_date, c.id as case_id, c.number, c.item_code, c.item_name, c.department_code, c.region_code, c.applicant
      from case_events e join cases c on c.id = e.case_id
     where e.action = 'grant' ${after(cursor)}
     order by e.at, e.id
     limit ${limit}`.execute(db);
  return r.rows.map((row) => ({
    eventId: Number(row.event_id),
    at: new Date(row.at),
    grantedOn: row.on_date,
    caseId: row.case_id,
    number: row.number,
    itemCode: row.item_code,
    itemName: row.item_name,
    departmentCode: row.department_code,
    regionCode: row.region_code,
    applicant: {
      kind: row.applicant.kind === 'company' ? 'company' : 'person',
      name: row.applicant.name,
      creditCode: row.applicant.kind === 'company' ? (row.applicant.creditCode ?? null) : null,
    },
  }));
}

/** One page of `issue-certificate` events (the certificate's number lies with the documents module). */
export async function certificatesIssuedPage(
  db: Db | Tx,
  cursor: EventCursor | null,
  limit: number,
): Promise<IssuedCertificateEvent[]> {
  const r = await sql<{ event_id: number; at: Date; case_id: string }>`
    select e.id as event_id, e.at, e.case_id
      from case_events e
     where e.action = 'issue-certificate' ${after(cursor)}
     order by e.at, e.id
     limit ${limit}`.execute(db);
  return r.rows.map((row) => ({ eventId: Number(row.event_id), at: new Date(row.at), caseId: row.case_id }));
}
