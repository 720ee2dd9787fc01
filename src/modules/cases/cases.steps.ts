/**
 * What every case step records besides its row: the history event's head (case, place in the history,
 * moment, actor) and the work queue the case then waits in (`actionable`, with the four-level linkage).
 */
import type { Db, Tx } from '../../platform/db';
import { type Actor } from '../../platform/auth';
import { type RowInsert } from '../../platform/writes';
import { staleVersion } from '../../platform/errors';
import { stepOf, type CaseSnapshot, type ProcessDefinition } from '../workflow/index';
import type * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';
import { writeCaseStep, type StepEvent } from './cases.stepwriter';
import { shanghaiDay } from './cases.clock';
import type { LinkageHop } from './cases.tables';
import { atDecidingHop, phaseOf } from './cases.linkage';

/** Who and when of a history event: the case, its place in the history (the new version), the moment, the actor. */
export const eventWho = (now: Date, actor: Pick<Actor, 'id' | 'name'>) => ({
  at: now,
  on_date: shanghaiDay(now),
  actor_id: actor.id,
  actor_name: actor.name,
});
export const eventHead = (caseId: string, seq: number, now: Date, actor: Pick<Actor, 'id' | 'name'>) => ({
  case_id: caseId,
  seq,
  ...eventWho(now, actor),
});

/**
 * A step on a case: its versioned update, its history event and the rows written with it (`alongside`) in one
 * statement, on `db` alone or inside a transaction (the step writer, `cases.stepwriter.ts`); 409 when someone
 * else acted first.
 */
export async function recordStep(
  db: Db | Tx,
  row: CaseRow,
  patch: repo.CasePatch,
  event: StepEvent,
  alongside: readonly RowInsert[] = [],
) {
  const written = await writeCaseStep(db, row, patch, event, alongside);
  if (!written) throw staleVersion('办件');
  return { updated: written.row, event: written.event };
}

/**
 * Interventions that are possible in many states but are nobody's next step: they do not put a case
 * in anyone's work queue (the case view still offers them).
 */
const INTERVENTIONS = new Set(['withdraw', 'suspend']);

/** The work queue of a case held below its deciding level: whoever works at that hop reports it up. */
const LINKAGE_QUEUE = ['approver', 'chief', 'clerk'];

/** `actionable` with the linkage: below the deciding hop the holder's staff, else the definition's performers. */
export function actionableWith(
  def: ProcessDefinition,
  snapshot: CaseSnapshot,
  chain: readonly LinkageHop[],
  holder: string,
): string[] {
  const terminal = !!stepOf(def, snapshot.status)?.terminal;
  if (
    phaseOf(snapshot.status, terminal) === 'back' &&
    snapshot.status !== 'suspended' &&
    !atDecidingHop(chain, holder)
  ) {
    const own = actionableAt(def, snapshot).filter((p) => p === 'owner');
    return [...own, ...LINKAGE_QUEUE].sort();
  }
  return actionableAt(def, snapshot);
}

/** Performers whose next step the case waits for in this state (kept on the row for the inbox). */
export function actionableAt(def: ProcessDefinition, snapshot: CaseSnapshot): string[] {
  const out = new Set<string>();
  for (const a of def.actions)
    if (a.from.includes(snapshot.status) && !INTERVENTIONS.has(a.action)) for (const p of a.performers) out.add(p);
  if (snapshot.status === 'suspended' && !snapshot.suspendedFrom) out.clear();
  return [...out].sort();
}
