/**
 * Read-only facade for the regulation module 审管联动 (双推送): the grants 准予许可 and the certificates
 * 制证 of the history, as keyset pages ordered by the event's (at, id), so the push job reads only
 * what happened since its cursor (partial indexes case_events_grants / case_events_certificates).
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import type { ApplicantInfo } from './cases.tables';

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
