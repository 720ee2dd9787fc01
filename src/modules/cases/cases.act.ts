/**
 * 办理: the steps of the item's workflow that staff and applicants take on a case (submit, pre-review, accept,
 * correct, review, grant or deny, suspend and resume, issue, deliver, withdraw), through the one step pipeline
 * (`cases.pipeline.ts`). `applyAction` also routes the hand-over between levels (`cases.handover.ts`) and the
 * supply of a promised material (`cases.supply.ts`), which arrive at the same address.
 */
import type { Db, Tx } from '../../platform/db';
import { joinTransaction } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { auditInsert } from '../../platform/audit';
import type { RowInsert } from '../../platform/writes';
import { conflict, fieldError, forbidden, unprocessable } from '../../platform/errors';
import type { ItemDetail } from '../catalog/index';
import { loadCalendar } from '../calendar/index';
import {
  availableActions,
  computeClock,
  statusLabel,
  transition,
  type ClockEvent,
  type TransitionOk,
} from '../workflow/index';
import * as repo from './cases.repository';
import type { CaseRow, MaterialRowDb } from './cases.repository';
import { clockColumns, limitsOf, shanghaiDay, toClockEvent } from './cases.clock';
import { validateForm, validateMaterials, type MaterialInput, type MaterialRow } from './cases.form';
import { standsInNoLonger } from './cases.policy';
import { applicantNotice, issueForAction, issuesDocument } from './cases.outputs';
import type { LinkageHop } from './cases.tables';
import {
  handover,
  holderAfter,
  LEVEL_NAMES,
  LINKAGE_ACTIONS,
  SUPPLY_ACTION,
  SUPPLY_LABEL,
  type LinkageAction,
} from './cases.linkage';
import { promiseText } from './cases.promises';
import { owedAtAcceptance, owedRefusal } from './cases.tolerance';
import {
  CHECK_ACTIONS,
  checksRecord,
  checkRefusal,
  mergeChecks,
  prereviewRefusal,
  withChecklistCorrections,
  type Check,
} from './cases.checklist';
import type { ActionBody, ActionInputs as Requirements, CaseActed, CaseView } from './cases.schemas';
import {
  type Ctx,
  defaultBaseUrl,
  requireItemContext,
  factsOf,
  loadCase,
  NO_PARTS,
  partsOf,
  snapshotOf,
} from './cases.context';
import { actionLabel, actingRole } from './cases.labels';
import { eventWho, actionableWith } from './cases.steps';
import { throwFieldErrors, assertMaterialFiles, missingMaterials, applicantColumns, isUnchanged } from './cases.inputs';
import { checkRequirements } from './cases.requirements';
import { applicantMessage } from './cases.messages';
import { takeStep, type Issued, type Step } from './cases.pipeline';
import { handoverStep } from './cases.handover';
import { supplyStep } from './cases.supply';

/**
 * The case as a clerk checking its materials sees it (预审清单): 404 out of scope; `closing` lists the steps
 * that close a check the actor may take now (none: the checklist cannot be changed).
 */
export async function caseUnderCheck(db: Db, actor: Actor, id: string) {
  const { row, access, performers } = await loadCase(db, actor, id);
  const { item, def } = await requireItemContext(db, row);
  const steps = access === 'act' ? availableActions(def, snapshotOf(row), { performers }) : [];
  return { row, item, closing: steps.map((a) => a.action).filter((a) => CHECK_ACTIONS.has(a)) };
}

const OWNER_EDIT_ACTIONS = new Set(['submit', 'resubmit']);

/** 办理: one workflow action on a case, all-or-nothing. Returns the case as the actor now sees it. */
export async function applyAction(db: Db, ctx: Ctx, id: string, body: ActionBody): Promise<CaseView>;
export async function applyAction(
  db: Db,
  ctx: Ctx,
  id: string,
  body: ActionBody,
  opts: { minimal: boolean },
): Promise<CaseView | CaseActed>;
export async function applyAction(
  db: Db,
  ctx: Ctx,
  id: string,
  body: ActionBody,
  opts = { minimal: false },
): Promise<CaseView | CaseActed> {
  if (body.action in LINKAGE_ACTIONS)
    return takeStep(db, ctx, id, body.version, handoverStep(body, body.action as LinkageAction), opts);
  if (body.action === SUPPLY_ACTION) return takeStep(db, ctx, id, body.version, supplyStep(body), opts);
  if (body.materialId !== undefined || body.fileIds !== undefined || body.paper !== undefined) {
    throw fieldError(
      body.materialId !== undefined ? 'materialId' : body.fileIds !== undefined ? 'fileIds' : 'paper',
      `materialId、fileIds、paper 只用于「${SUPPLY_LABEL}」（${SUPPLY_ACTION}）`,
    );
  }
  return takeStep(db, ctx, id, body.version, workflowStep(body), opts);
}

/** A step of the item's workflow (not a hand-over between levels, not a supplied material): see applyAction. */
const workflowStep = (body: ActionBody): Step<TransitionOk> => ({
  allow({ ctx: { actor }, row, def, loaded: { access, performers } }) {
    const tr = transition(def, snapshotOf(row), body.action, { performers });
    if (!tr.ok && body.action === 'withdraw' && standsInNoLonger(actor, factsOf(row)))
      throw conflict(
        `办件已上报${LEVEL_NAMES[row.current_level]}办理，本级不能再${actionLabel(def, body.action)}；申请人要求撤回的，请转告当前办理层级`,
        'held_above',
      );
    if (!tr.ok) {
      if (tr.code === 'unknown_action')
        throw fieldError(
          'action',
          `${tr.message}（该办件可用的操作：${[...new Set(def.actions.map((a) => a.action))].join('、')}）`,
          'unknown_action',
        );
      if (tr.code === 'state') throw conflict(tr.message, 'invalid_state');
      throw forbidden(access === 'view' ? `您所在的大厅只能查看该办件，不能办理（${tr.message}）` : tr.message);
    }
    return tr;
  },

  async plan({ db, ctx, row, item, def, before, loaded: { performers } }, tr) {
    const { actor } = ctx;
    const id = row.id;
    if (body.checks !== undefined && !CHECK_ACTIONS.has(tr.action.action))
      throw fieldError('checks', '预审清单只随预审通过、补正告知、受理或不予受理提交');
    // 预审清单: the saved checklist with the checks sent along; a correction notice lists every problem it found.
    const checks: Check[] = CHECK_ACTIONS.has(tr.action.action)
      ? mergeChecks(
          (await repo.listChecks(db, id)).map((c) => ({
            materialId: c.material_id,
            result: c.result,
            problem: c.problem,
          })),
          (body.checks ?? []).map((c) => ({ materialId: c.materialId, result: c.result, problem: c.problem || null })),
        )
      : [];
    const req = checkRequirements(
      tr.action,
      tr.action.action === 'request-correction' ? withChecklistCorrections(body, checks) : body,
      item,
    );
    if ((body.deferredMaterials !== undefined || body.greenChannel !== undefined) && tr.action.action !== 'accept') {
      throw fieldError(
        body.deferredMaterials !== undefined ? 'deferredMaterials' : 'greenChannel',
        '容缺材料和绿色通道只能在受理时设置',
      );
    }
    const deferred = tr.action.action === 'accept' ? await checkDeferred(db, item, id, body, shanghaiDay(ctx.now)) : [];
    // Materials and promises are read only for a step that checks or changes them, or issues a document.
    const a = tr.action.action;
    const record =
      OWNER_EDIT_ACTIONS.has(a) ||
      a === 'issue-certificate' ||
      issuesDocument(a) ||
      !!req.corrections?.length ||
      deferred.length > 0 ||
      CHECK_ACTIONS.has(a)
        ? await partsOf(db, id, before)
        : NO_PARTS;
    (body.checks ?? []).forEach((c, i) => {
      const m = record.materials.find((x) => x.material_id === c.materialId);
      if (!m) throw fieldError(`checks.${i}.materialId`, `该办件没有材料 ${c.materialId}`);
      const why = checkRefusal(m, c.result);
      if (why) throw unprocessable(why, [{ field: `checks.${i}.result`, message: why }], 'material_not_submitted');
    });
    if (a === 'prereview-pass') {
      const wanting = prereviewRefusal(checks, record.materials);
      if (wanting.length)
        throw unprocessable(
          `预审清单未完成或发现问题：${wanting.map((e) => e.message).join('；')}`,
          wanting,
          'checklist_incomplete',
        );
    }
    if (tr.action.action === 'accept') {
      // 容缺 only against a recorded promise: a required material not in hand is named with its due date, or no acceptance.
      const promised = new Set([...deferred.map((d) => d.materialId), ...record.promises.map((p) => p.material_id)]);
      const owed = owedAtAcceptance(item.materials, record.materials, promised);
      if (owed.length) {
        const refusal = owedRefusal(owed);
        throw unprocessable(
          refusal.detail,
          refusal.errors,
          owed.some((m) => !m.tolerable) ? 'materials_missing' : 'deferral_required',
        );
      }
    }
    if (tr.action.action === 'issue-certificate' && item.promiseBlocksCertificate !== false) {
      const open = record.promises.filter((p) => p.status !== 'fulfilled');
      if (open.length) {
        throw unprocessable(
          `尚有容缺承诺未履行，不能制证：${open.map((p) => `「${p.material_name}」（承诺 ${p.due_date} 前补交）`).join('、')}。请先补交材料（${SUPPLY_ACTION}）`,
          open.map((p) => ({ field: 'promises', message: `${p.material_id}「${p.material_name}」未补交` })),
          'promise_open',
        );
      }
    }

    // The applicant's side may carry a corrected form and materials with submit / resubmit.
    const currentMaterials = record.materials;
    const { form, newMaterials } = await ownerEdits(db, actor, row, item, tr, body, currentMaterials);

    const newApplicant =
      form && body.form !== undefined ? await applicantColumns(db, actor, row, form) : { cols: {}, applicant: null };
    const now = ctx.now;
    const today = shanghaiDay(now);
    const cal = await loadCalendar(db);
    const clockEvents: ClockEvent[] = [...row.clock_log.map(toClockEvent), { on: today, clock: tr.clock }];
    const clock = computeClock(cal, clockEvents, limitsOf(row), today);
    const cols = clockColumns(cal, clock, row.promised_days, tr.status === 'suspended' || tr.clock === 'stop');
    const role = actingRole(tr.action, performers, actor);
    const payload = eventPayload(tr, req, body, newMaterials, currentMaterials);
    const hop: LinkageHop = {
      level: row.current_level,
      regionCode: row.current_region_code,
      hallId: row.current_hall_id,
    };
    const next = holderAfter(row.linkage_chain, hop, tr.action.action, tr.status, tr.terminal);
    if (next.regionCode !== hop.regionCode) payload.handover = handover(hop, next);
    if (deferred.length)
      payload.deferredMaterials = deferred.map((d) => ({ materialId: d.materialId, dueDate: d.dueDate }));
    if (body.greenChannel) payload.greenChannel = true;
    if (checks.length) payload.checks = checksRecord(checks, record.materials);

    const patch: repo.CasePatch = {
      status: tr.status,
      suspended_from: tr.suspendedFrom,
      actionable: actionableWith(
        def,
        { status: tr.status, suspendedFrom: tr.suspendedFrom },
        row.linkage_chain,
        next.regionCode,
      ),
      current_region_code: next.regionCode,
      current_level: next.level,
      current_hall_id: next.hallId,
      // an online case is accepted by the hall of the clerk who accepts it
      ...(tr.action.action === 'accept' && row.accept_hall_id === null
        ? { accept_hall_id: actor.scope.hallId ?? row.current_hall_id }
        : {}),
      ...(body.greenChannel !== undefined ? { green_channel: body.greenChannel } : {}),
      ...cols,
      finished_on: tr.terminal ? today : null,
      step_entered_at: now,
      ...(row.submitted_at === null && OWNER_EDIT_ACTIONS.has(tr.action.action) ? { submitted_at: now } : {}),
      ...(form ? { form: JSON.stringify(form) } : {}),
      ...newApplicant.cols,
    };
    const event = {
      ...eventWho(now, actor),
      actor_role: role,
      action: tr.action.action,
      from_status: tr.fromStatus,
      to_status: tr.status,
      clock: tr.clock,
      comment: body.comment?.trim() || null,
      payload: JSON.stringify(payload),
    };
    /** The applicant's message and the action's one audit entry (which records the message and the document). */
    const toldAndAudited = (issued: Issued | null): RowInsert[] => {
      const message = applicantMessage(
        tr,
        statusLabel(def, tr.status),
        row,
        item,
        req,
        clock.promisedDeadline,
        issued?.number ?? null,
      );
      const notice = message
        ? applicantNotice({ ...row, applicant: newApplicant.applicant ?? row.applicant }, message, {
            actor,
            ip: ctx.ip,
          })
        : null;
      const audit = auditInsert({
        actor,
        action: `cases.case.${tr.action.action}`,
        entityType: 'case',
        entityId: id,
        before: { status: row.status, version: row.version },
        after: {
          status: tr.status,
          version: body.version + 1,
          event: body.version + 1,
          clock: tr.clock,
          document: issued?.number ?? null,
          notified: notice?.notified ?? null,
          ...payload,
        },
        ip: ctx.ip,
      });
      return [...(notice?.inserts ?? []), audit];
    };
    // What the step changes besides the case row: written in a transaction, and read again for the answer.
    const changed = {
      materials: !!newMaterials || !!req.corrections?.some((c) => c.materialId),
      promises: deferred.length > 0,
      checks: CHECK_ACTIONS.has(tr.action.action),
    };
    const inTransaction =
      changed.materials || changed.promises || (changed.checks && checks.length > 0) || issuesDocument(a);
    return {
      patch,
      event,
      alongside: toldAndAudited,
      changed,
      // Most steps (review, suspend, resume, deliver, …) write one statement and need no transaction.
      also: !inTransaction
        ? undefined
        : async (tx, updated) => {
            // the step has recorded the checklist: it is closed
            if (changed.checks) await repo.clearChecks(tx, id);
            if (newMaterials) {
              for (const m of newMaterials) {
                await repo.updateMaterial(
                  tx,
                  id,
                  m.materialId,
                  {
                    file_ids: m.fileIds,
                    paper: m.paper,
                    status: m.status,
                    note: null,
                  },
                  now,
                );
              }
            }
            if (deferred.length) {
              await repo.insertPromises(
                tx,
                deferred.map((d) => ({
                  case_id: id,
                  material_id: d.materialId,
                  material_name: d.name,
                  due_date: d.dueDate,
                  promise_text: d.text,
                  created_by: actor.id,
                  created_at: now,
                })),
              );
            }
            for (const c of req.corrections ?? []) {
              if (c.materialId)
                await repo.updateMaterial(tx, id, c.materialId, { status: 'rejected', note: c.problem }, now);
            }
            return issueForAction(tx, a, {
              row: updated,
              item,
              actor,
              today,
              cal,
              clock,
              req,
              materials: currentMaterials,
              deferred: deferred.map((d) => ({ name: d.name, dueDate: d.dueDate })),
              baseUrl: ctx.baseUrl ?? defaultBaseUrl(),
              ip: ctx.ip,
            });
          },
    };
  },
});

/**
 * The corrected form and materials the applicant's side sends with submit / resubmit (null: unchanged); every
 * material the window rejected must come back with new files, or be checked again on paper at a window.
 */
async function ownerEdits(
  db: Db,
  actor: Actor,
  row: CaseRow,
  item: ItemDetail,
  tr: TransitionOk,
  body: ActionBody,
  currentMaterials: MaterialRowDb[],
): Promise<{ form: Record<string, unknown> | null; newMaterials: MaterialRow[] | null }> {
  if (body.form !== undefined || body.materials !== undefined) {
    if (!OWNER_EDIT_ACTIONS.has(tr.action.action)) {
      throw fieldError(body.form !== undefined ? 'form' : 'materials', `「${tr.action.label}」不能修改申请表或材料`);
    }
  }
  if (!OWNER_EDIT_ACTIONS.has(tr.action.action)) return { form: null, newMaterials: null };
  const formCheck = validateForm(item.formFields, body.form ?? row.form, { submit: true });
  throwFieldErrors(formCheck.errors, '申请表填写有误', 'form_invalid');
  const given: MaterialInput[] =
    body.materials ?? currentMaterials.map((m) => ({ materialId: m.material_id, fileIds: m.file_ids, paper: m.paper }));
  const mat = validateMaterials(item.materials, given, { submit: true, window: row.channel === 'window' });
  throwFieldErrors(mat.invalid, '申请材料有误', 'materials_invalid');
  if (body.materials) await assertMaterialFiles(db, actor.id, body.materials, (m) => isUnchanged(m, currentMaterials));
  const stillRejected = currentMaterials.filter((m) => {
    if (m.status !== 'rejected') return false;
    const g = given.find((x) => x.materialId === m.material_id);
    return !g || (g.fileIds.length === 0 && !g.paper) || (!g.paper && isUnchanged(g, currentMaterials));
  });
  const missing = [
    ...mat.missing,
    ...stillRejected.map((m) => ({
      field: 'materials',
      message: `需补正的材料 ${m.material_id}「${m.name}」尚未重新提交`,
    })),
  ];
  if (missing.length) missingMaterials(missing);
  return { form: formCheck.form, newMaterials: mat.rows };
}

interface Deferred {
  materialId: string;
  name: string;
  dueDate: string;
  text: string;
}

/** 容缺受理: only materials the guide allows to be missing, not yet received, due today or later. */
async function checkDeferred(
  db: Db,
  item: ItemDetail,
  caseId: string,
  body: ActionBody,
  today: string,
): Promise<Deferred[]> {
  const list = body.deferredMaterials ?? [];
  if (!list.length) return [];
  const current = await repo.listMaterials(db, caseId);
  const out: Deferred[] = [];
  const seen = new Set<string>();
  for (const [i, d] of list.entries()) {
    const m = item.materials.find((x) => x.id === d.materialId);
    const field = `deferredMaterials.${i}.materialId`;
    if (!m) throw fieldError(field, `该事项没有材料 ${d.materialId}`);
    if (seen.has(m.id)) throw fieldError(field, `材料 ${m.id} 重复`);
    seen.add(m.id);
    if (!m.toleranceAllowed) {
      throw unprocessable(
        `材料 ${m.id}「${m.name}」不在办事指南的容缺材料之列，不能容缺受理`,
        [{ field, message: `「${m.name}」不允许容缺` }],
        'tolerance_not_allowed',
      );
    }
    const row = current.find((x) => x.material_id === m.id);
    if (row && (row.status === 'received' || row.status === 'shared')) {
      throw unprocessable(
        `材料 ${m.id}「${m.name}」已收取，无需容缺承诺`,
        [{ field, message: '材料已收取' }],
        'material_already_received',
      );
    }
    if (d.dueDate < today) throw fieldError(`deferredMaterials.${i}.dueDate`, '承诺补交日期不能早于今天');
    out.push({
      materialId: m.id,
      name: m.name,
      dueDate: d.dueDate,
      text: d.promiseText ?? promiseText(m.name, d.dueDate),
    });
  }
  return out;
}

function eventPayload(
  tr: TransitionOk,
  req: Requirements,
  body: ActionBody,
  materials: MaterialRow[] | null,
  before: MaterialRowDb[],
): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (req.reason) p.reason = req.reason;
  if (req.corrections) p.corrections = req.corrections;
  if (req.suspension) p.suspension = req.suspension;
  if (req.delivery) p.delivery = req.delivery;
  if (req.certificate && Object.keys(req.certificate).length) p.certificate = req.certificate;
  if (tr.suspendedFrom) p.suspendedFrom = tr.suspendedFrom;
  if (tr.action.action === 'resume' && tr.fromStatus === 'suspended') p.resumedTo = tr.status;
  if (materials) {
    const changed = materials
      .filter((m) => !isUnchanged({ materialId: m.materialId, fileIds: m.fileIds, paper: m.paper }, before))
      .map((m) => m.materialId);
    if (changed.length) p.materialsChanged = changed;
  }
  if (body.form !== undefined) p.formChanged = true;
  return p;
}

/* ------------------------------------------------------------------ exit counter 出件窗口 (issuing) */

/** Who takes a step on another module's behalf, and when (always the caller's instant). */
export interface ExitCtx {
  actor: Actor;
  ip: string | null;
  now: Date;
  baseUrl?: string;
}

export interface IssuedCertificate {
  caseId: string;
  number: string;
  status: string;
  version: number;
  /** The certificate document 证照 just issued (null when the item issues none). */
  document: { id: string; number: string; kind: string } | null;
}

/** 制证: the case's `issue-certificate` action at `version` (one transaction per case; a problem throws). */
export async function issueCaseCertificate(
  db: Db,
  ctx: ExitCtx,
  caseId: string,
  version: number,
): Promise<IssuedCertificate> {
  const v = await applyAction(db, ctx, caseId, { action: 'issue-certificate', version });
  const certs = v.documents.filter((d) => d.kind === 'certificate');
  const doc = certs[certs.length - 1] ?? null;
  return {
    caseId: v.id,
    number: v.number,
    status: v.status,
    version: v.version,
    document: doc && { id: doc.id, number: doc.number, kind: doc.kind },
  };
}

/** 快递送达: the case's `deliver` action (express) inside the caller's transaction; a problem throws and the caller rolls back. */
export async function deliverByExpressInTransaction(
  tx: Tx,
  ctx: ExitCtx,
  caseId: string,
  version: number,
  delivery: { carrier: string; trackingNumber: string; address: string },
) {
  const v = await applyAction(joinTransaction(tx), ctx, caseId, {
    action: 'deliver',
    version,
    delivery: {
      method: 'express',
      carrier: delivery.carrier,
      trackingNumber: delivery.trackingNumber,
      address: delivery.address,
    },
  });
  return { caseId: v.id, status: v.status, version: v.version, finishedOn: v.deadlines.finishedOn };
}
