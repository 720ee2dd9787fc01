/**
 * The one path of every step on a case 办件 (a workflow action, a hand-over between levels, a supplied
 * material, a saved draft): load the case as the actor may see it (404 outside it) → who may take the step
 * in this state (the use case's `allow`: 403 / 409) → the version the sender saw (409 `stale_version`) →
 * the step's inputs and its write (`plan`: 400 / 422) → one versioned write of the row, its history event
 * and the rows alongside it → the answer, written once from what was read and written.
 */
import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { Problem, staleVersion } from '../../platform/errors';
import { insertRows, type RowInsert } from '../../platform/writes';
import { statusLabel, type ProcessDefinition } from '../workflow/index';
import * as repo from './cases.repository';
import type { CaseRow, EventRow } from './cases.repository';
import { caseDocuments } from './cases.outputs';
import type { CaseActed, CaseView } from './cases.schemas';
import {
  accessTo,
  loadForStep,
  requireItemContext,
  type CaseRecord,
  type Ctx,
  type ItemContext,
  type Loaded,
} from './cases.context';
import { renderView } from './cases.read';
import { recordStep } from './cases.steps';
import { lastWrittenCase, type StepEvent } from './cases.stepwriter';

/** What a step begins from: its context, the case as the actor may see it, the item, the record read before. */
export interface StepStart extends ItemContext {
  db: Db;
  ctx: Ctx;
  loaded: Loaded;
  row: CaseRow;
  /** The whole record when the answer is the whole case; null for a minimal answer (read it with `partsOf`). */
  before: CaseRecord | null;
}

/** A document the step issued (its number goes into the message and the audit entry). */
export interface Issued {
  number: string;
}

/** What a step writes. */
export interface StepPlan {
  patch: repo.CasePatch;
  event: StepEvent;
  /** Rows written with the step (its audit entry, the applicant's message), given the document it issued. */
  alongside: (issued: Issued | null) => RowInsert[];
  /**
   * Writes besides the row (materials, promises, checklist, documents): the step then runs in a transaction,
   * and the rows alongside follow them. Without it the step is one statement and needs no transaction.
   */
  also?: (tx: Tx, updated: CaseRow) => Promise<Issued | null | void>;
  /** Parts of the record the answer reads again because the step changed them. */
  changed?: { materials?: boolean; promises?: boolean };
}

/** One kind of step: who may take it now (throws), then what it writes. */
export interface Step<A> {
  allow(s: StepStart): A | Promise<A>;
  plan(s: StepStart, allowed: A): StepPlan | Promise<StepPlan>;
}

/** The options of a step: `minimal` answers with the new version only (`Prefer: return=minimal`). */
export interface StepOptions {
  minimal: boolean;
}

/**
 * Takes a step at `version`. A minimal step on the version this process wrote last begins from that row (ADR
 * 0007, `lastWrittenCase`); whatever it refuses is refused only after a fresh read (nothing was written when a
 * Problem was thrown).
 */
export async function takeStep<A>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  step: Step<A>,
  opts: StepOptions,
): Promise<CaseView | CaseActed> {
  const known = opts.minimal ? lastWrittenCase(db, id, version) : undefined;
  if (known) {
    try {
      return await run(db, ctx, id, version, step, opts, known);
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
    }
  }
  return run(db, ctx, id, version, step, opts);
}

async function run<A>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  step: Step<A>,
  opts: StepOptions,
  known?: CaseRow,
): Promise<CaseView | CaseActed> {
  const { loaded, before } = await loadForStep(db, ctx.actor, id, opts.minimal, known);
  const { row } = loaded;
  const start: StepStart = { db, ctx, loaded, row, before, ...(await requireItemContext(db, row)) };
  const allowed = await step.allow(start);
  if (version !== row.version) throw staleVersion('办件', { current: row.version, submitted: version });
  const plan = await step.plan(start, allowed);
  const { also } = plan;
  const done: Acted = !also
    ? { ...(await recordStep(db, row, plan.patch, plan.event, plan.alongside(null))), issued: null }
    : await db.transaction().execute(async (tx) => {
        const { updated, event } = await recordStep(tx, row, plan.patch, plan.event);
        const issued = (await also(tx, updated)) ?? null;
        await insertRows(tx, plan.alongside(issued));
        return { updated, event, issued };
      });
  return actionAnswer(db, ctx.actor, ctx.now, start.def, done, before, plan.changed);
}

/** What a step wrote: the case row after it, its history event and the document it issued, if any. */
interface Acted {
  updated: CaseRow;
  event: EventRow;
  issued: Issued | null;
}

/**
 * The answer to a step: the minimal one when no record was read before it (`Prefer: return=minimal`),
 * otherwise the whole case built from that record and what the step wrote; only the parts it changed
 * (`changed`, and the documents when it issued one) are read again.
 */
async function actionAnswer(
  db: Db,
  actor: Actor,
  now: Date,
  def: ProcessDefinition,
  done: Acted,
  before: CaseRecord | null,
  changed: StepPlan['changed'] = {},
): Promise<CaseView | CaseActed> {
  const u = done.updated;
  if (!before)
    return {
      id: u.id,
      number: u.number,
      version: u.version,
      status: u.status,
      statusLabel: statusLabel(def, u.status),
      documentNumber: done.issued?.number ?? null,
    };
  const [materials, promises, documents] = await Promise.all([
    changed.materials ? repo.listMaterials(db, u.id) : before.materials,
    changed.promises ? repo.listPromises(db, u.id) : before.promises,
    done.issued ? caseDocuments(db, u.id) : before.documents,
  ]);
  return renderView(db, actor, now, await accessTo(db, actor, u), {
    events: [...before.events, done.event],
    materials,
    promises,
    documents,
  });
}
