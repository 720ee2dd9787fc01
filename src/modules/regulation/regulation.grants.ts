/**
 * 审批结果推送 (双推送, first half): every granted approval becomes a push to the regulator of its item
 * and an entry in the directory of approved entities 检查对象名录库. Runs as a background job and is
 * idempotent (one push per case, `on conflict`).
 *
 * Two keyset passes over the cases module's history, each with a stored cursor:
 *  1. `grant` events → new pushes (the applicant as filed on the case);
 *  2. `issue-certificate` events → the licence number 证照号, read from the documents module, filled
 *     into pushes made before their certificate was issued.
 * A run reads only the events since its cursors, so steady state costs a few rows however many
 * cases are open.
 */
import type { Db, Tx } from '../../platform/db';
import { certificatesIssuedPage, grantedCasesPage, type EventCursor, type GrantedCase } from '../cases/index';
import { listDocumentsForCase } from '../documents/index';
import { addWorkdays, todayInShanghai } from '../calendar/index';
import { CONFIRM_WORKDAYS } from './regulation.chase';
import * as repo from './regulation.repository';

const PAGE = 500;
const GRANTS_CURSOR = 'grant-events';
const CERTIFICATES_CURSOR = 'certificate-events';
/**
 * Each run starts this far before its cursor. An event is stamped with its transaction's start, so
 * an action still open when the previous run read may commit behind the cursor; re-reading the last
 * minutes catches it, and cases already pushed (or licensed) are skipped.
 */
const OVERLAP_MS = 10 * 60_000;

export interface CollectResult {
  /** Grant events read this run (the overlap re-reads a few). */
  seen: number;
  pushed: number;
  unassigned: number;
  /** Pushes whose licence number was filled in this run. */
  licensed: number;
}

/** The working day by which the regulator must confirm a push made on `day`. */
export const confirmDueOn = async (db: Db | Tx, day: string) => (await addWorkdays(db, day, CONFIRM_WORKDAYS)).date;

const startAt = async (db: Db, name: string): Promise<{ cursor: EventCursor | null; savedAt: Date | null }> => {
  const savedAt = (await repo.getCursor(db, name))?.after_updated_at ?? null;
  return { savedAt, cursor: savedAt ? { at: new Date(savedAt.getTime() - OVERLAP_MS), eventId: 0 } : null };
};

/** The number of the case's latest certificate 证照, if one has been issued. */
async function licenceOf(db: Db, caseId: string): Promise<string | null> {
  const certs = (await listDocumentsForCase(db, caseId)).filter((d) => d.kind === 'certificate');
  return certs.length ? certs[certs.length - 1]!.number : null;
}

/**
 * One page of grants: the cases not pushed yet become pushes and directory entries, in one
 * transaction with the cursor. `certificatesReadTo` is where the certificate pass stood before this
 * run: a grant at or before it may have had its certificate read while it had no push yet, so its
 * licence is looked up now (normally none is).
 */
async function recordGrants(
  db: Db,
  rows: GrantedCase[],
  certificatesReadTo: Date | null,
  now: Date,
  out: CollectResult,
) {
  const known = new Set(
    (
      await repo.pushesForCases(
        db,
        rows.map((r) => r.caseId),
      )
    ).map((p) => p.case_id),
  );
  const fresh = new Map<string, GrantedCase>();
  for (const g of rows) if (!known.has(g.caseId) && !fresh.has(g.caseId)) fresh.set(g.caseId, g);
  const licences = new Map<string, string | null>();
  for (const g of fresh.values())
    if (certificatesReadTo && g.at.getTime() <= certificatesReadTo.getTime())
      licences.set(g.caseId, await licenceOf(db, g.caseId));
  const last = rows[rows.length - 1]!;

  await db.transaction().execute(async (tx) => {
    const dueOn = fresh.size ? await confirmDueOn(tx, todayInShanghai(now)) : null;
    const assignments = new Map<string, Awaited<ReturnType<typeof repo.findAssignmentFor>>>();
    for (const g of fresh.values()) {
      const key = `${g.itemCode}|${g.regionCode}`;
      if (!assignments.has(key)) assignments.set(key, await repo.findAssignmentFor(tx, g.itemCode, g.regionCode));
      const assignment = assignments.get(key);
      const { kind: entityKind, name, creditCode } = g.applicant;
      const licence = licences.get(g.caseId) ?? null;
      const r = await repo.upsertPush(tx, {
        case_id: g.caseId,
        case_number: g.number,
        item_code: g.itemCode,
        item_name: g.itemName,
        approving_department_code: g.departmentCode,
        region_code: g.regionCode,
        entity_name: name,
        entity_kind: entityKind,
        credit_code: creditCode,
        licence_number: licence,
        granted_on: g.grantedOn,
        // 未配置监管部门: held until the item's regulator is configured (regulation.service assigns them then).
        status: assignment ? 'pushed' : 'unassigned',
        regulator_department_id: assignment?.department_id ?? null,
        regulator_department_name: assignment?.department_name ?? null,
        pushed_at: assignment ? now : null,
        due_on: assignment ? dueOn : null,
      });
      await repo.upsertGrantEntity(tx, {
        case_id: g.caseId,
        name,
        entity_kind: entityKind,
        credit_code: creditCode,
        item_code: g.itemCode,
        item_name: g.itemName,
        licence_number: licence,
        region_code: g.regionCode,
        regulator_department_id: assignment?.department_id ?? null,
        source: 'grant',
      });
      if (r.inserted) out[r.status === 'pushed' ? 'pushed' : 'unassigned'] += 1;
    }
    await repo.saveCursor(tx, GRANTS_CURSOR, last.at);
  });
}

export async function collectGrants(db: Db, now: Date): Promise<CollectResult> {
  const out: CollectResult = { seen: 0, pushed: 0, unassigned: 0, licensed: 0 };
  const certificates = await startAt(db, CERTIFICATES_CURSOR);

  // 1. Grants since the cursor.
  for (let { cursor } = await startAt(db, GRANTS_CURSOR); ;) {
    const rows = await grantedCasesPage(db, cursor, PAGE);
    if (!rows.length) break;
    out.seen += rows.length;
    await recordGrants(db, rows, certificates.savedAt, now, out);
    const last = rows[rows.length - 1]!;
    cursor = { at: last.at, eventId: last.eventId };
    if (rows.length < PAGE) break;
  }

  // 2. Certificates since the cursor: the licence number of pushes still without one.
  for (let cursor = certificates.cursor; ;) {
    const rows = await certificatesIssuedPage(db, cursor, PAGE);
    if (!rows.length) break;
    const waiting = (
      await repo.pushesForCases(
        db,
        rows.map((r) => r.caseId),
      )
    )
      .filter((p) => p.licence_number === null)
      .map((p) => p.case_id);
    const numbers: [string, string][] = [];
    for (const caseId of new Set(waiting)) {
      const n = await licenceOf(db, caseId);
      if (n) numbers.push([caseId, n]);
    }
    const last = rows[rows.length - 1]!;
    await db.transaction().execute(async (tx) => {
      for (const [caseId, n] of numbers) if (await repo.fillLicenceNumber(tx, caseId, n)) out.licensed += 1;
      await repo.saveCursor(tx, CERTIFICATES_CURSOR, last.at);
    });
    cursor = { at: last.at, eventId: last.eventId };
    if (rows.length < PAGE) break;
  }
  return out;
}
