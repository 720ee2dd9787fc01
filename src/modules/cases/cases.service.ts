/**
 * Use cases of the case 办件 (C3): file online or at a window, take workflow actions, read a case,
 * the inbox, the public progress query. Each action runs in one transaction: optimistic update of
 * the case row, one appended event, the documents it issues, the applicant's notification, audit.
 */
import type { Db } from '../../platform/db';
import { hasRole, inRegionScope, type Actor } from '../../platform/auth';
import { auditInsert } from '../../platform/audit';
import { insertRows, type RowInsert } from '../../platform/writes';
import {
  conflict,
  fieldError,
  forbidden,
  Problem,
  unprocessable,
  type FieldError,
  staleVersion,
} from '../../platform/errors';
import { type ItemDetail } from '../catalog/index';
import { loadCalendar } from '../calendar/index';
import { assertFilesOwnedBy } from '../files/index';
import {
  availableActions,
  computeClock,
  statusLabel,
  stepOf,
  transition,
  type ActionDefinition,
  type ClockEvent,
  type ProcessDefinition,
  type TransitionOk,
} from '../workflow/index';
import * as repo from './cases.repository';
import type { CaseRow, EventRow, MaterialRowDb } from './cases.repository';
import { clockColumns, limitsOf, shanghaiDay, toClockEvent } from './cases.clock';
import { trackingHint } from './cases.tracking';
import { validateForm, validateMaterials, type MaterialInput, type MaterialRow } from './cases.form';
import { standsInNoLonger, ACTING_ROLES } from './cases.policy';
import { applicantNotice, caseDocuments, issueForAction, issuesDocument } from './cases.outputs';
import type { LinkageHop } from './cases.tables';
import {
  holderAfter,
  holderIndex,
  LEVEL_NAMES,
  LINKAGE_ACTIONS,
  linkageActionsAt,
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
import {
  SUSPENSION_KIND_LABELS,
  type ActionBody,
  type ActionInputs as Requirements,
  type CaseActed,
  type CaseView,
  type SaveDraftBody,
} from './cases.schemas';
import {
  type Ctx,
  defaultBaseUrl,
  requireItemContext,
  factsOf,
  loadCase,
  accessTo,
  type CaseRecord,
  loadForStep,
  NO_PARTS,
  partsOf,
  snapshotOf,
} from './cases.context';
import { actionLabel, actingRole } from './cases.labels';
import { getCaseView, renderView } from './cases.read';
import { eventWho, recordStep, actionableWith } from './cases.steps';
import { throwFieldErrors, assertMaterialFiles, missingMaterials, applicantColumns } from './cases.inputs';

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

/* ------------------------------------------------------------------ actions */

/** Checks the inputs an action demands (400 naming each missing or wrong field, 422 for rules of the guide). */
function checkRequirements(a: ActionDefinition, body: ActionBody, item: ItemDetail): Requirements {
  const errors: FieldError[] = [];
  const req = new Set(a.requires ?? []);
  const out: Requirements = {};
  if (req.has('reason')) {
    if (!body.reason?.trim()) errors.push({ field: 'reason', message: `「${a.label}」须填写理由` });
    else out.reason = body.reason.trim();
  }
  if (req.has('corrections')) {
    if (!body.corrections?.length)
      errors.push({ field: 'corrections', message: '一次性告知须列明需要补正的全部材料或内容' });
    else {
      const materialIds = new Set(item.materials.map((m) => m.id));
      const fieldKeys = new Set(item.formFields.map((f) => f.key));
      body.corrections.forEach((c, i) => {
        if (c.materialId && !materialIds.has(c.materialId))
          errors.push({ field: `corrections.${i}.materialId`, message: `该事项没有材料 ${c.materialId}` });
        if (c.field && !fieldKeys.has(c.field))
          errors.push({ field: `corrections.${i}.field`, message: `该事项的申请表没有字段 ${c.field}` });
      });
      out.corrections = body.corrections;
    }
  }
  if (req.has('suspension')) {
    if (!body.suspension)
      errors.push({
        field: 'suspension',
        message: '启动特别程序须填写种类（kind）、理由（reason）和预计时长（expectedDays）',
      });
    else out.suspension = body.suspension;
  }
  if (req.has('delivery')) {
    if (!body.delivery)
      errors.push({ field: 'delivery', message: '送达须填写方式（method：window 窗口领取 / express 快递）' });
    else {
      if (body.delivery.method === 'express' && !body.delivery.trackingNumber)
        errors.push({ field: 'delivery.trackingNumber', message: '快递送达须填写快递单号' });
      if (body.delivery.method === 'express' && !item.expressDelivery)
        errors.push({ field: 'delivery.method', message: '该事项不提供快递送达' });
      out.delivery = body.delivery;
    }
  }
  if (req.has('certificate')) out.certificate = body.certificate ?? {};
  throwFieldErrors(errors, `「${a.label}」的参数有误`, 'action_invalid');
  if (out.suspension) {
    const s = out.suspension;
    const listed = item.specialProcedures.find((p) => p.kind === s.kind);
    if (!listed) {
      throw unprocessable(
        `办事指南未列明「${SUSPENSION_KIND_LABELS[s.kind]}」特别程序，不能据此暂停计时（已列明：${item.specialProcedures.map((p) => p.name).join('、') || '无'}）`,
        [{ field: 'suspension.kind', message: '办事指南未列明的特别程序' }],
        'special_procedure_not_listed',
      );
    }
    if (s.expectedDays > listed.maxDays) {
      throw unprocessable(
        `「${listed.name}」最长 ${listed.maxDays} 个工作日`,
        [{ field: 'suspension.expectedDays', message: `不得超过 ${listed.maxDays} 个工作日` }],
        'special_procedure_too_long',
      );
    }
  }
  return out;
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
    return applyLinkageAction(db, ctx, id, body, body.action as LinkageAction, opts.minimal);
  if (body.action === SUPPLY_ACTION) return supplyMaterial(db, ctx, id, body, opts.minimal);
  if (body.materialId !== undefined || body.fileIds !== undefined || body.paper !== undefined) {
    throw fieldError(
      body.materialId !== undefined ? 'materialId' : body.fileIds !== undefined ? 'fileIds' : 'paper',
      `materialId、fileIds、paper 只用于「${SUPPLY_LABEL}」（${SUPPLY_ACTION}）`,
    );
  }
  // A minimal step on the version this process wrote last begins from that row (see repo.lastWrittenCase).
  // Whatever it refuses is refused only after a fresh read: nothing was written when a Problem was thrown.
  const known = opts.minimal ? repo.lastWrittenCase(db, id, body.version) : undefined;
  if (known) {
    try {
      return await workflowStep(db, ctx, id, body, opts.minimal, known);
    } catch (err) {
      if (!(err instanceof Problem)) throw err;
    }
  }
  return workflowStep(db, ctx, id, body, opts.minimal);
}

/** A step of the item's workflow (not a hand-over between levels, not a supplied material): see applyAction. */
async function workflowStep(
  db: Db,
  ctx: Ctx,
  id: string,
  body: ActionBody,
  minimal: boolean,
  known?: CaseRow,
): Promise<CaseView | CaseActed> {
  const { actor } = ctx;
  const {
    loaded: { row, access, performers },
    before,
  } = await loadForStep(db, actor, id, minimal, known);
  const { item, def } = await requireItemContext(db, row);
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
  if (body.version !== row.version) {
    throw staleVersion('办件', { current: row.version, submitted: body.version });
  }
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
  let form: Record<string, unknown> | null = null;
  let newMaterials: MaterialRow[] | null = null;
  const currentMaterials = record.materials;
  if (body.form !== undefined || body.materials !== undefined) {
    if (!OWNER_EDIT_ACTIONS.has(tr.action.action)) {
      throw fieldError(body.form !== undefined ? 'form' : 'materials', `「${tr.action.label}」不能修改申请表或材料`);
    }
  }
  if (OWNER_EDIT_ACTIONS.has(tr.action.action)) {
    const formCheck = validateForm(item.formFields, body.form ?? row.form, { submit: true });
    throwFieldErrors(formCheck.errors, '申请表填写有误', 'form_invalid');
    form = formCheck.form;
    const given: MaterialInput[] =
      body.materials ??
      currentMaterials.map((m) => ({ materialId: m.material_id, fileIds: m.file_ids, paper: m.paper }));
    const mat = validateMaterials(item.materials, given, { submit: true, window: row.channel === 'window' });
    throwFieldErrors(mat.invalid, '申请材料有误', 'materials_invalid');
    if (body.materials)
      await assertMaterialFiles(db, actor.id, body.materials, (m) => isUnchanged(m, currentMaterials));
    // A material the window rejected must come back with new files (or be checked again on paper at a window).
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
    newMaterials = mat.rows;
  }

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
  const toldAndAudited = (issued: { number: string } | null): RowInsert[] => {
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
      ? applicantNotice({ ...row, applicant: newApplicant.applicant ?? row.applicant }, message, { actor, ip: ctx.ip })
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
  const done: Acted =
    !changed.materials && !changed.promises && !(changed.checks && checks.length) && !issuesDocument(tr.action.action)
      ? // Most steps (review, suspend, resume, deliver, …) write one statement and need no transaction.
        { ...(await recordStep(db, row, patch, event, toldAndAudited(null))), issued: null }
      : await db.transaction().execute(async (tx) => {
          const { updated, event: written } = await recordStep(tx, row, patch, event);
          // the step has recorded the checklist: it is closed
          if (changed.checks) await repo.clearChecks(tx, id);
          if (newMaterials) {
            for (const m of newMaterials) {
              await repo.updateMaterial(tx, id, m.materialId, {
                file_ids: m.fileIds,
                paper: m.paper,
                status: m.status,
                note: null,
              });
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
            if (c.materialId) await repo.updateMaterial(tx, id, c.materialId, { status: 'rejected', note: c.problem });
          }
          const issued = await issueForAction(tx, tr.action.action, {
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
          await insertRows(tx, toldAndAudited(issued));
          return { updated, event: written, issued };
        });
  return actionAnswer(db, actor, ctx.now, def, done, before, changed);
}

/** What an action wrote: the case row after it, its history event and the document it issued, if any. */
interface Acted {
  updated: CaseRow;
  event: EventRow;
  issued?: { number: string } | null;
}

/**
 * The answer to an action: the minimal one when no record was read before it (`Prefer: return=minimal`),
 * otherwise the whole case built from that record and what the action wrote; only the parts it changed
 * (`changed`, and the documents when it issued one) are read again.
 */
async function actionAnswer(
  db: Db,
  actor: Actor,
  now: Date,
  def: ProcessDefinition,
  done: Acted,
  before: CaseRecord | null,
  changed: { materials?: boolean; promises?: boolean } = {},
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

/** 保存草稿: the applicant (or the clerk who registered it) changes a draft that was never submitted. */
export async function saveDraft(db: Db, ctx: Ctx, id: string, body: SaveDraftBody): Promise<CaseView> {
  const { actor } = ctx;
  const { row, performers } = await loadCase(db, actor, id);
  const { item, def } = await requireItemContext(db, row);
  if (!performers.includes('owner') && row.created_by !== actor.id)
    throw forbidden('只有申请人或登记该办件的窗口人员可以修改草稿');
  if (row.status !== def.initial || row.submitted_at !== null)
    throw conflict(`办件当前为「${statusLabel(def, row.status)}」，不是草稿，不能修改`, 'not_a_draft');
  if (body.version !== row.version) throw staleVersion('办件', { current: row.version, submitted: body.version });
  const formCheck = validateForm(item.formFields, body.form, { submit: false });
  throwFieldErrors(formCheck.errors, '申请表填写有误', 'form_invalid');
  const current = await repo.listMaterials(db, id);
  const mat = validateMaterials(item.materials, body.materials, { submit: false, window: row.channel === 'window' });
  throwFieldErrors(mat.invalid, '申请材料有误', 'materials_invalid');
  await assertMaterialFiles(db, actor.id, body.materials, (m) => isUnchanged(m, current));
  const { cols: applicantCols } = await applicantColumns(db, actor, row, formCheck.form);
  const now = ctx.now;
  await db.transaction().execute(async (tx) => {
    await recordStep(
      tx,
      row,
      { form: JSON.stringify(formCheck.form), ...applicantCols },
      {
        ...eventWho(now, actor),
        actor_role: performers.includes('owner') ? 'owner' : (actor.roles[0] ?? 'owner'),
        action: 'save',
        from_status: row.status,
        to_status: row.status,
        clock: null,
        comment: null,
        payload: JSON.stringify({
          materials: mat.rows.filter((m) => m.status === 'received').map((m) => m.materialId),
        }),
      },
      [
        auditInsert({
          actor,
          action: 'cases.case.save',
          entityType: 'case',
          entityId: id,
          before: { version: row.version },
          after: { version: body.version + 1, form: formCheck.form },
          ip: ctx.ip,
        }),
      ],
    );
    for (const m of mat.rows)
      await repo.updateMaterial(tx, id, m.materialId, {
        file_ids: m.fileIds,
        paper: m.paper,
        status: m.status,
        note: null,
      });
  });
  return getCaseView(db, actor, id, ctx.now);
}

function isUnchanged(m: MaterialInput, current: MaterialRowDb[]): boolean {
  const c = current.find((x) => x.material_id === m.materialId);
  return (
    !!c &&
    c.paper === !!m.paper &&
    c.file_ids.length === m.fileIds.length &&
    c.file_ids.every((f, i) => f === m.fileIds[i])
  );
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

interface Message {
  kind: string;
  title: string;
  body: string;
}

/** What the applicant is told after an action that concerns them (in-app, and SMS when a phone is known). */
function applicantMessage(
  tr: TransitionOk,
  toLabel: string,
  row: CaseRow,
  item: ItemDetail,
  req: Requirements,
  promised: string | null,
  docNumber: string | null,
): Message | null {
  const n = `办件编号 ${row.number}`;
  const name = item.name;
  const doc = docNumber ? `（文书编号 ${docNumber}）` : '';
  switch (tr.action.action) {
    case 'submit':
    case 'resubmit':
      return {
        kind: 'case.submitted',
        title: `申请已提交：${name}`,
        body: `您的申请（${n}）已提交，等待窗口预审。${trackingHint(row.tracking_code)}`,
      };
    case 'prereview-pass':
      return { kind: 'case.prereviewed', title: `预审通过：${name}`, body: `您的申请（${n}）已通过预审，等待受理。` };
    case 'request-correction':
      return {
        kind: 'case.correction',
        title: `请补正材料：${name}`,
        body: `您的申请（${n}）需要补正，窗口已一次性告知全部内容${doc}：${(req.corrections ?? []).map((c) => c.problem).join('；')}。请补正后重新提交。`,
      };
    case 'refuse':
      return {
        kind: 'case.refused',
        title: `不予受理：${name}`,
        body: `您的申请（${n}）不予受理${doc}。理由：${req.reason ?? ''}`,
      };
    case 'accept':
      return {
        kind: 'case.accepted',
        title: `已受理：${name}`,
        body: `您的申请（${n}）已受理${doc}，承诺办结期限 ${promised ?? '—'}。${trackingHint(row.tracking_code)}`,
      };
    case 'grant':
      return {
        kind: 'case.granted',
        title: `${tr.action.label}：${name}`,
        body: `您的申请（${n}）已作出准予决定${doc}，正在制证。`,
      };
    case 'deny':
      return {
        kind: 'case.denied',
        title: `${tr.action.label}：${name}`,
        body: `您的申请（${n}）${tr.action.label}${doc}。理由：${req.reason ?? ''}。如不服，可依法申请行政复议或提起行政诉讼。`,
      };
    case 'suspend':
      return {
        kind: 'case.suspended',
        title: `特别程序：${name}`,
        body: `您的办件（${n}）进入${req.suspension ? SUSPENSION_KIND_LABELS[req.suspension.kind] : '特别程序'}，预计 ${req.suspension?.expectedDays ?? '—'} 个工作日，期间不计入办理时限。`,
      };
    case 'resume':
      return {
        kind: 'case.resumed',
        title: `恢复办理：${name}`,
        body: `您的办件（${n}）特别程序结束，恢复计时，承诺办结期限 ${promised ?? '—'}。`,
      };
    case 'issue-certificate':
      return {
        kind: 'case.certificate',
        title: `证照已制作：${name}`,
        body: `您的办件（${n}）结果证照已制作${doc}，等待领取或寄送。`,
      };
    case 'deliver': {
      const d = req.delivery;
      const how = d
        ? d.method === 'express'
          ? `已快递寄出（${d.carrier ?? '快递'} 单号 ${d.trackingNumber}）`
          : '已在窗口领取'
        : '已送达';
      return { kind: 'case.completed', title: `已办结：${name}`, body: `您的办件（${n}）${how}，办件已办结。` };
    }
    case 'withdraw':
      return { kind: 'case.withdrawn', title: `已撤回：${name}`, body: `您的申请（${n}）已撤回。` };
    default:
      return tr.terminal
        ? { kind: 'case.finished', title: `办件已结束：${name}`, body: `您的办件（${n}）已结束：${toLabel}。` }
        : null;
  }
}

/* ------------------------------------------------------------------ linkage, tolerance */

function handover(from: LinkageHop, to: LinkageHop) {
  return {
    fromLevel: from.level,
    fromRegionCode: from.regionCode,
    fromHallId: from.hallId,
    toLevel: to.level,
    toRegionCode: to.regionCode,
    toHallId: to.hallId,
  };
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

/** 上报上级 / 退回下级: the holder hands the case to the next hop up (with its pre-review opinion) or back down (with reasons). */
async function applyLinkageAction(
  db: Db,
  ctx: Ctx,
  id: string,
  body: ActionBody,
  action: LinkageAction,
  minimal: boolean,
): Promise<CaseView | CaseActed> {
  const { actor } = ctx;
  const {
    loaded: { row, holderRoles },
    before,
  } = await loadForStep(db, actor, id, minimal);
  const { def } = await requireItemContext(db, row);
  const label = LINKAGE_ACTIONS[action];
  const chain = row.linkage_chain;
  const terminal = !!stepOf(def, row.status)?.terminal;
  const staffRoles = holderRoles.filter((r) => (ACTING_ROLES as readonly string[]).includes(r));
  if (!staffRoles.length)
    throw forbidden(`只有当前办理层级（${LEVEL_NAMES[row.current_level]}）的工作人员可以${label}`);
  if (!linkageActionsAt(chain, row.current_region_code, row.status, terminal).includes(action)) {
    const i = holderIndex(chain, row.current_region_code);
    const why =
      action === 'report-up' && i === chain.length - 1
        ? '本级即为决定层级，无需上报'
        : action === 'send-down' && i <= 0
          ? '本级为受理层级，没有可退回的下级'
          : `办件当前为「${statusLabel(def, row.status)}」，不能${label}`;
    throw conflict(why, 'invalid_state');
  }
  if (body.version !== row.version) throw staleVersion('办件', { current: row.version, submitted: body.version });
  const text = (action === 'report-up' ? body.comment : body.reason)?.trim();
  if (!text)
    throw fieldError(
      action === 'report-up' ? 'comment' : 'reason',
      action === 'report-up' ? '上报须填写初审意见（comment）' : '退回下级须填写退回理由（reason）',
    );
  const i = holderIndex(chain, row.current_region_code);
  const from = chain[i]!;
  const to = chain[action === 'report-up' ? i + 1 : i - 1]!;
  const now = ctx.now;
  const payload = { ...handover(from, to), ...(action === 'report-up' ? { opinion: text } : { reason: text }) };
  // One statement: the hand-over, its event and its audit entry.
  const done = await recordStep(
    db,
    row,
    {
      current_region_code: to.regionCode,
      current_level: to.level,
      current_hall_id: to.hallId,
      actionable: actionableWith(def, snapshotOf(row), chain, to.regionCode),
      step_entered_at: now,
    },
    {
      ...eventWho(now, actor),
      actor_role: staffRoles[0]!,
      action,
      from_status: row.status,
      to_status: row.status,
      clock: null,
      comment: text,
      payload: JSON.stringify(payload),
    },
    [
      auditInsert({
        actor,
        action: `cases.case.${action}`,
        entityType: 'case',
        entityId: id,
        before: { version: row.version, holder: from.regionCode },
        after: { version: body.version + 1, holder: to.regionCode, ...payload },
        ip: ctx.ip,
      }),
    ],
  );
  return actionAnswer(db, actor, ctx.now, def, done, before);
}

/** 补交容缺材料: the applicant (or a window clerk who sees the case) supplies a promised material; the promise is fulfilled. */
async function supplyMaterial(
  db: Db,
  ctx: Ctx,
  id: string,
  body: ActionBody,
  minimal: boolean,
): Promise<CaseView | CaseActed> {
  const { actor } = ctx;
  const {
    loaded: { row, performers },
    before,
  } = await loadForStep(db, actor, id, minimal);
  const { def } = await requireItemContext(db, row);
  const clerk = actor.kind === 'staff' && hasRole(actor, 'clerk');
  // The applicant, or a window clerk of the accepting hall or of the level holding the case.
  const windowClerk =
    clerk && (inRegionScope(actor, row.accept_region_code) || inRegionScope(actor, row.current_region_code));
  if (!performers.includes('owner') && !windowClerk) throw forbidden('只有申请人或受理、承办窗口人员可以补交容缺材料');
  if (!body.materialId) throw fieldError('materialId', '请指明补交的材料（materialId）');
  const { promises } = await partsOf(db, id, before);
  const promise = promises.find((p) => p.material_id === body.materialId && p.status !== 'fulfilled');
  if (!promise)
    throw unprocessable(
      `材料 ${body.materialId} 没有待补交的容缺承诺`,
      [{ field: 'materialId', message: '没有待补交的容缺承诺' }],
      'no_open_promise',
    );
  if (stepOf(def, row.status)?.terminal)
    throw conflict(`办件已结束（${statusLabel(def, row.status)}），不能补交材料`, 'invalid_state');
  const fileIds = body.fileIds ?? [];
  const paper = windowClerk && !!body.paper;
  if (!fileIds.length && !paper)
    throw fieldError('fileIds', '请上传补交的材料文件（窗口核验纸质原件的可设 paper: true）');
  if (fileIds.length) await assertFilesOwnedBy(db, actor.id, fileIds, (k) => `fileIds.${k}`);
  if (body.version !== row.version) throw staleVersion('办件', { current: row.version, submitted: body.version });
  const now = ctx.now;
  const done = await db.transaction().execute(async (tx) => {
    const payload = { materialId: promise.material_id, files: fileIds.length, paper, dueDate: promise.due_date };
    const audit = auditInsert({
      actor,
      action: 'cases.case.supply-material',
      entityType: 'case',
      entityId: id,
      before: { version: row.version },
      after: { version: body.version + 1, ...payload },
      ip: ctx.ip,
    });
    const { updated, event } = await recordStep(
      tx,
      row,
      {},
      {
        ...eventWho(now, actor),
        actor_role: performers.includes('owner') ? 'owner' : 'clerk',
        action: SUPPLY_ACTION,
        from_status: row.status,
        to_status: row.status,
        clock: null,
        comment: body.comment?.trim() || null,
        payload: JSON.stringify(payload),
      },
      [audit],
    );
    await repo.updateMaterial(tx, id, promise.material_id, {
      file_ids: fileIds,
      paper,
      status: 'received',
      note: null,
    });
    await repo.fulfilPromise(tx, id, promise.material_id, actor.id, now);
    return { updated, event };
  });
  return actionAnswer(db, actor, ctx.now, def, done, before, { materials: true, promises: true });
}
