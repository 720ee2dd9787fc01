/**
 * 审批结果推送 (双推送, first half): every granted approval becomes a push to the regulator of its item
 * and an entry in the directory of approved entities 检查对象名录库. Runs as a background job and is
 * idempotent (one push per case, `on conflict`).
 *
 * Read through the cases module's existing facades: open cases standing at `granted` /
 * `certificate_issued` (keyset by id), and cases closed as `completed` since a recorded cursor
 * (keyset by updated_at, id). A case may be seen several times; the second sighting only fills in the
 * licence number issued since.
 */
import type { Db, Tx } from '../../platform/db';
import { getCaseRatingFacts, openCaseFactsPage, recentlyClosedCaseFactsPage, type CaseWarningFactsRow } from '../cases/index';
import { listDocumentsForCase } from '../documents/index';
import { getAccount } from '../identity/index';
import { addWorkdays, todayInShanghai } from '../calendar/index';
import { CONFIRM_WORKDAYS } from './regulation.chase';
import * as repo from './regulation.repository';
import type { EntityKind } from './regulation.tables';

const PAGE = 500;
const GRANTED_OPEN = new Set(['granted', 'certificate_issued']);
/** The standard process reaches `completed` only through grant → certificate → delivery. */
const GRANTED_CLOSED = new Set(['completed']);
const CLOSED_CURSOR = 'closed-cases';

export interface CollectResult {
  seen: number;
  pushed: number;
  unassigned: number;
}

/** The working day by which the regulator must confirm a push made on `day`. */
export const confirmDueOn = async (db: Db | Tx, day: string) => (await addWorkdays(db, day, CONFIRM_WORKDAYS)).date;

/** Records one granted case (push + directory entry) in one transaction; returns whether it is new. */
async function recordGrant(db: Db, c: CaseWarningFactsRow, grantedOn: string, today: string): Promise<'pushed' | 'unassigned' | 'known'> {
  const facts = await getCaseRatingFacts(db, c.id);
  if (!facts) return 'known';
  const account = facts.applicantId ? await getAccount(db, facts.applicantId) : undefined;
  // Without an applicant account the applicant's kind is unknown: treat the name as a person's (masked in public).
  const entityKind: EntityKind = account?.kind === 'company' ? 'company' : 'person';
  const certs = (await listDocumentsForCase(db, c.id)).filter((d) => d.kind === 'certificate');
  const licence = certs.length ? certs[certs.length - 1]!.number : null;
  return db.transaction().execute(async (tx) => {
    const assignment = await repo.findAssignmentFor(tx, c.item_code, c.region_code);
    const r = await repo.upsertPush(tx, {
      case_id: c.id,
      case_number: c.number,
      item_code: c.item_code,
      item_name: c.item_name,
      approving_department_code: c.department_code,
      region_code: c.region_code,
      entity_name: facts.applicantName,
      entity_kind: entityKind,
      credit_code: entityKind === 'company' ? (account?.creditCode ?? null) : null,
      licence_number: licence,
      granted_on: grantedOn,
      status: assignment ? 'pushed' : 'unassigned',
      regulator_department_id: assignment?.department_id ?? null,
      regulator_department_name: assignment?.department_name ?? null,
      pushed_at: assignment ? new Date() : null,
      due_on: assignment ? await confirmDueOn(tx, today) : null,
    });
    await repo.upsertGrantEntity(tx, {
      case_id: c.id,
      name: facts.applicantName,
      entity_kind: entityKind,
      credit_code: entityKind === 'company' ? (account?.creditCode ?? null) : null,
      item_code: c.item_code,
      item_name: c.item_name,
      licence_number: licence,
      region_code: c.region_code,
      regulator_department_id: assignment?.department_id ?? null,
      source: 'grant',
    });
    if (!r.inserted) return 'known';
    return r.status === 'pushed' ? 'pushed' : 'unassigned';
  });
}

/** Cases of a page not yet pushed, or pushed before their licence was issued. */
async function worthRecording(db: Db, rows: CaseWarningFactsRow[]) {
  const known = new Map((await repo.pushesForCases(db, rows.map((r) => r.id))).map((p) => [p.case_id, p.licence_number]));
  return rows.filter((r) => !known.has(r.id) || (known.get(r.id) === null && r.status !== 'granted'));
}

export async function collectGrants(db: Db, today = todayInShanghai()): Promise<CollectResult> {
  const out: CollectResult = { seen: 0, pushed: 0, unassigned: 0 };
  const tally = (r: 'pushed' | 'unassigned' | 'known') => {
    if (r !== 'known') out[r] += 1;
  };
  // 1. Open cases standing granted or with their certificate issued.
  for (let after: string | null = null; ; ) {
    const rows = await openCaseFactsPage(db, after, PAGE);
    if (!rows.length) break;
    after = rows[rows.length - 1]!.id;
    const granted = rows.filter((r) => GRANTED_OPEN.has(r.status));
    out.seen += granted.length;
    for (const c of await worthRecording(db, granted)) tally(await recordGrant(db, c, c.step_entered_on, today));
    if (rows.length < PAGE) break;
  }
  // 2. Cases completed since the cursor (granted and delivered between two runs).
  const cursor = await repo.getCursor(db, CLOSED_CURSOR);
  let after = cursor?.after_updated_at && cursor.after_id ? { updatedAt: cursor.after_updated_at, id: cursor.after_id } : null;
  for (;;) {
    const rows = await recentlyClosedCaseFactsPage(db, after?.updatedAt ?? new Date(0), after, PAGE);
    if (!rows.length) break;
    const last = rows[rows.length - 1]!;
    after = { updatedAt: last.updated_at, id: last.id };
    const done = rows.filter((r) => GRANTED_CLOSED.has(r.status));
    out.seen += done.length;
    for (const c of await worthRecording(db, done)) tally(await recordGrant(db, c, c.finished_on ?? c.step_entered_on, today));
    await repo.saveCursor(db, CLOSED_CURSOR, after.updatedAt, after.id);
    if (rows.length < PAGE) break;
  }
  return out;
}
