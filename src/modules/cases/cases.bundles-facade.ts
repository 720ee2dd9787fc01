/**
 * Facade for the bundles module 一件事一次办: file several cases in one caller-owned transaction
 * (all or none) and read their status. It wraps the existing use cases without changing them.
 */
import type { Db, Tx } from '../../platform/db';
import { joinTransaction } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { createCase, getCaseView, type Ctx } from './cases.service';
import type { CreateCaseBody } from './cases.schemas';

export type BundleCaseBody = CreateCaseBody;
export interface BundleCaseCtx {
  actor: Actor;
  ip: string | null;
  now?: Date;
}


/** Files one case inside the caller's transaction; any problem throws and the caller rolls back everything. */
export async function createCaseInTransaction(tx: Tx, ctx: BundleCaseCtx, body: BundleCaseBody, idempotencyKey: string) {
  const c: Ctx = { actor: ctx.actor, ip: ctx.ip, ...(ctx.now ? { now: ctx.now } : {}) };
  const r = await createCase(joinTransaction(tx), c, body, idempotencyKey);
  return { id: r.id, number: r.number, status: r.status };
}

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

/** The status of each case as `actor` may see it (404 problem when one is outside their scope). */
export async function caseStatusesFor(db: Db, actor: Actor, ids: string[]): Promise<BundleCaseStatus[]> {
  const out: BundleCaseStatus[] = [];
  for (const id of ids) {
    const v = await getCaseView(db, actor, id);
    out.push({
      id: v.id,
      number: v.number,
      itemCode: v.itemCode,
      itemName: v.itemName,
      departmentCode: v.departmentCode,
      status: v.status,
      statusLabel: v.statusLabel,
      finished: v.deadlines.finishedOn !== null,
      promisedDeadline: v.deadlines.promised,
      remainingWorkingDays: v.remainingWorkingDays,
      deadlineState: v.deadlineState,
      deadlineStateLabel: v.deadlineStateLabel,
    });
  }
  return out;
}
