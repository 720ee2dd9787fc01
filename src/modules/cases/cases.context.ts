/**
 * What every case use case starts from: its context (actor, address, instant), the item version the case
 * was filed under, and the case as the actor may see it — loaded, checked against the actor's access (404
 * outside it) and, for a step, with the record its answer is built from.
 */
import { readCache } from '../../platform/cache';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { getItemVersion, type ItemDetail } from '../catalog/index';
import { departmentCodesFor } from '../org/index';
import {
  getProcessDefinition,
  stepOf,
  type CaseSnapshot,
  type Performer,
  type ProcessDefinition,
} from '../workflow/index';
import * as repo from './cases.repository';
import type { CaseParts, CaseRow } from './cases.repository';
import { caseAccess, performersFor, type CaseAccess, type CaseFacts } from './cases.policy';
import { atDecidingHop, phaseOf } from './cases.linkage';

export const CASE = '办件';

export interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The instant of the request (tests and demo data may pin it). */
  now: Date;
  /** Public base URL of the portal (documents' QR codes point there); default `PUBLIC_URL` or localhost. */
  baseUrl?: string;
}

export const defaultBaseUrl = () => process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 3000}`;

/* ------------------------------------------------------------------ item versions and definitions */

export interface ItemContext {
  item: ItemDetail;
  def: ProcessDefinition;
}

/** Published item versions never change: their guide and process definition are cached per database. */
const itemCache = readCache(Number.POSITIVE_INFINITY, { maxEntries: 2000 });

export const itemContext = (db: Db, code: string, version: number): Promise<ItemContext | undefined> =>
  itemCache.get(db, `${code}@${version}`, () =>
    getItemVersion(db, code, version).then((item) => item && { item, def: getProcessDefinition(item) }),
  );

export async function requireItemContext(db: Db, row: CaseRow): Promise<ItemContext> {
  const ctx = await itemContext(db, row.item_code, row.item_version);
  if (!ctx) throw new Error(`item version missing: ${row.item_code}@${row.item_version}`);
  return ctx;
}

/* ------------------------------------------------------------------ scope */

export const factsOf = (r: CaseRow): CaseFacts => ({
  regionCode: r.region_code,
  acceptRegionCode: r.accept_region_code,
  departmentCode: r.department_code,
  applicantId: r.applicant_id,
  createdBy: r.created_by,
  submitted: r.submitted_at !== null,
  currentRegionCode: r.current_region_code,
  currentLevel: r.current_level,
});

export interface Loaded {
  row: CaseRow;
  access: Exclude<CaseAccess, 'none'>;
  performers: Performer[];
  /** Staff roles the actor holds the case in (before the linkage gate; linkage actions use them). */
  holderRoles: Performer[];
}

/** The case if the actor may see it; 404 otherwise (also across scopes: existence is not confirmed). */
export async function loadCase(db: Db, actor: Actor, id: string): Promise<Loaded> {
  const row = await repo.getCase(db, id);
  if (!row) throw notFound(CASE);
  return accessTo(db, actor, row);
}

/** What the actor may do with this state of the case (404 when they may not even see it). */
export async function accessTo(db: Db, actor: Actor, row: CaseRow): Promise<Loaded> {
  const depts = await departmentCodesFor(db, actor);
  const access = caseAccess(actor, factsOf(row), depts);
  if (access === 'none') throw notFound(CASE);
  const all = access === 'act' ? performersFor(actor, factsOf(row), depts) : [];
  const holderRoles = all.filter((p) => p !== 'owner');
  let performers = all;
  // 四级联动: below the deciding level the holder only reports up (or sends down); the back office acts at the deciding hop.
  const ic = await itemContext(db, row.item_code, row.item_version);
  const terminal = !!ic && !!stepOf(ic.def, row.status)?.terminal;
  if (phaseOf(row.status, terminal) === 'back' && !atDecidingHop(row.linkage_chain, row.current_region_code))
    performers = all.filter((p) => p === 'owner');
  return { row, access, performers, holderRoles };
}

/** Everything recorded about a case besides its row: history, materials, documents and 容缺 promises. */
export type CaseRecord = Omit<repo.CaseWithRecord, 'row'>;

/** The case with its record and documents if the actor may see it (404 otherwise), in one statement. */
export async function loadCaseWithRecord(db: Db, actor: Actor, id: string): Promise<[Loaded, CaseRecord]> {
  const found = await repo.getCaseWithRecord(db, id);
  if (!found) throw notFound(CASE);
  const { row, ...record } = found;
  return [await accessTo(db, actor, row), record];
}

/**
 * What a step reads before it writes: the case row, which carries the clock's log, and, when the answer is the
 * whole case, the whole record (`before`, from which the answer is built). A minimal answer reads the row alone.
 */
export async function loadForStep(
  db: Db,
  actor: Actor,
  id: string,
  minimal: boolean,
  known?: CaseRow,
): Promise<{ loaded: Loaded; before: CaseRecord | null }> {
  if (!minimal) {
    const [loaded, record] = await loadCaseWithRecord(db, actor, id);
    return { loaded, before: record };
  }
  return { loaded: known ? await accessTo(db, actor, known) : await loadCase(db, actor, id), before: null };
}

export const NO_PARTS: CaseParts = { materials: [], promises: [] };

/**
 * The materials and 容缺 promises of a step that checks or changes them: from the record read before, or read
 * now. Read after the row, they belong to the same version of the case: both change only with a step, and the
 * step's write is guarded by the version it read.
 */
export const partsOf = (db: Db, id: string, before: CaseRecord | null): Promise<CaseParts> | CaseParts =>
  before ?? repo.getCaseParts(db, id);

/** The state of the case as the workflow reads it. */
export const snapshotOf = (r: Pick<CaseRow, 'status' | 'suspended_from'>): CaseSnapshot => ({
  status: r.status,
  suspendedFrom: r.suspended_from,
});
