/**
 * Read-only facts about a case for the ratings module 好差评 (who was served, where, by which
 * department, and whether the service is over). Exported through `index.ts`; no writes.
 */
import type { Db, Tx } from '../../platform/db';
import * as repo from './cases.repository';

export interface CaseRatingFacts {
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
