/**
 * Facade for the bundles module 一件事一次办: file several cases in one caller-owned transaction
 * (all or none) and read their status. It wraps the existing use cases without changing them.
 */
import type { Db, Tx } from '../../platform/db';
import { joinTransaction } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import type { Ctx } from './cases.context';
import { caseListItems } from './cases.read';
import { createCase } from './cases.apply';
import type { CreateCaseBody } from './cases.schemas';

export type BundleCaseBody = CreateCaseBody;
export interface BundleCaseCtx {
  actor: Actor;
  ip: string | null;
  /** The instant of the caller's request or job; the wall clock when it has none. */
  now?: Date;
}

/** Files one case inside the caller's transaction; any problem throws and the caller rolls back everything. */
export async function createCaseInTransaction(
  tx: Tx,
  ctx: BundleCaseCtx,
  body: BundleCaseBody,
  idempotencyKey: string,
) {
  const c: Ctx = { actor: ctx.actor, ip: ctx.ip, now: ctx.now ?? new Date() };
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

/**
 * The status of each case as `actor` may see it, in the order asked; `null` for one outside their data
 * scope (another department's sibling). One read for all, deadlines from the stored clock.
 */
export async function caseStatusesOrHidden(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  now: Date = new Date(),
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

/** The status of each case; a 404 problem when one is outside the actor's scope. */
export async function caseStatusesFor(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  now: Date = new Date(),
): Promise<BundleCaseStatus[]> {
  const all = await caseStatusesOrHidden(db, actor, ids, now);
  if (all.some((c) => c === null)) throw notFound('办件');
  return all as BundleCaseStatus[];
}
