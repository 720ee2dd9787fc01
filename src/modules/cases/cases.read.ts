/**
 * Reading cases: the case view 办件详情 as the actor sees it (also the answer to a step, built from what the
 * step read and wrote), the inbox 办件列表, the public progress query 进度查询 and the downloads.
 */
import type { Db } from '../../platform/db';
import { type Actor, type Role } from '../../platform/auth';
import { fieldError, notFound, Problem, tooManyRequests } from '../../platform/errors';
import { UUID_RE } from '../../platform/schemas';
import { maskIdNumber, maskPhone } from '../../platform/mask';
import { loadCalendar, type CalendarData } from '../calendar/index';
import { departmentCodesFor, getHall, getRegion } from '../org/index';
import { getFileMetas, readFile } from '../files/index';
import {
  availableActions,
  computeClock,
  deadlineColour,
  statusLabel,
  stepDeadline,
  stepOf,
  clockEffectLabel,
} from '../workflow/index';
import * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';
import { limitsOf, overdueOn, shanghaiDay, storedRemaining, toClockEvent } from './cases.clock';
import { storedDeadlineState } from './cases.deadline';
import { formatTrackingCode, TRACK_FAILURE_WINDOW_MS, trackingCodeMatches, trackingLocked } from './cases.tracking';
import { isRegionStaff, ACTING_ROLES, canSupply, handoverRoles } from './cases.policy';
import { staffIdsAtWindow } from '../identity/index';
import { readCaseDocument } from './cases.outputs';
import {
  LEVEL_NAMES,
  LINKAGE_ACTIONS,
  linkageActionsAt,
  SUPPLY_ACTION,
  SUPPLY_LABEL,
  levelOfCode,
} from './cases.linkage';
import { PROMISE_STATE_LABELS, promiseState } from './cases.promises';
import {
  CHANNEL_LABELS,
  DEADLINE_STATE_LABELS,
  MATERIAL_STATUS_LABELS,
  type CaseListItem,
  type CaseListQuery,
  type CaseView,
} from './cases.schemas';
import {
  CASE,
  itemContext,
  requireItemContext,
  type Loaded,
  loadCase,
  accessTo,
  type CaseRecord,
  loadCaseWithRecord,
  snapshotOf,
  factsOf,
} from './cases.context';
import { actionLabel, roleLabel } from './cases.labels';

/* ------------------------------------------------------------------ read */

/** 办件详情: everything the applicant or the handling staff see about one case. */
export async function getCaseView(db: Db, actor: Actor, id: string, now: Date): Promise<CaseView> {
  return renderView(db, actor, now, ...(await loadCaseWithRecord(db, actor, id)));
}

/** The case as the actor sees it, from its row and record (reference data comes from caches). */
export async function renderView(
  db: Db,
  actor: Actor,
  now: Date,
  loaded: Loaded,
  record: CaseRecord,
): Promise<CaseView> {
  const { row, access, performers, holderRoles } = loaded;
  const { events, materials, documents, promises: promiseRows } = record;
  const { item, def } = await requireItemContext(db, row);
  const today = shanghaiDay(now);
  const cal = await loadCalendar(db);
  const metas = new Map(
    (
      await getFileMetas(
        db,
        materials.flatMap((m) => m.file_ids),
      )
    ).map((f) => [f.id, f]),
  );
  const clock = computeClock(cal, events.map(toClockEvent), limitsOf(row), today);
  const step = stepOf(def, row.status);
  const enteredOn = shanghaiDay(row.step_entered_at);
  const stepDue =
    step?.limitDays !== undefined && !step.terminal ? stepDeadline(cal, enteredOn, step.limitDays).date : null;
  const actions = access === 'act' ? availableActions(def, snapshotOf(row), { performers }) : [];
  const promises = promiseRows.map((p) => {
    const state = promiseState(p, today);
    return {
      materialId: p.material_id,
      materialName: p.material_name,
      dueDate: p.due_date,
      state,
      stateLabel: PROMISE_STATE_LABELS[state],
      promiseText: p.promise_text,
      fulfilledAt: p.fulfilled_at,
    };
  });
  const openPromises = promises.filter((p) => p.state !== 'fulfilled');
  const terminal = !!step?.terminal;
  const extra: { action: string; label: string; requires: string[] }[] = [];
  if (handoverRoles(holderRoles).length) {
    for (const a of linkageActionsAt(row.linkage_chain, row.current_region_code, row.status, terminal)) {
      extra.push({ action: a, label: LINKAGE_ACTIONS[a], requires: [a === 'report-up' ? 'comment' : 'reason'] });
    }
  }
  if (openPromises.length && !terminal && canSupply(actor, factsOf(row), performers)) {
    extra.push({ action: SUPPLY_ACTION, label: SUPPLY_LABEL, requires: ['materialId', 'fileIds'] });
  }
  const hallIds = [
    ...new Set(
      [row.accept_hall_id, row.current_hall_id, row.pickup?.method === 'hall' ? row.pickup.hallId : null].filter(
        (x): x is string => !!x,
      ),
    ),
  ];
  const halls = new Map(
    (await Promise.all(hallIds.map((h) => getHall(db, h)))).flatMap((h) => (h ? [[h.id, h] as const] : [])),
  );
  const regionNames = new Map(
    (
      await Promise.all(
        [...new Set([...row.linkage_chain.map((h) => h.regionCode), row.current_region_code])].map((c) =>
          getRegion(db, c),
        ),
      )
    ).flatMap((r) => (r ? [[r.code, r.name] as const] : [])),
  );
  const hallRef = (hid: string | null) => {
    const h = hid ? halls.get(hid) : undefined;
    return h ? { id: h.id, name: h.name } : null;
  };
  const pickup = row.pickup;
  const seen = new Set<string>();
  const order = new Map(item.materials.map((m, i) => [m.id, i]));
  const a = row.applicant;
  return {
    id: row.id,
    number: row.number,
    trackingCode: formatTrackingCode(row.tracking_code),
    itemCode: row.item_code,
    itemName: row.item_name,
    itemVersion: row.item_version,
    handlingType: row.handling_type,
    processKey: row.process_key,
    channel: row.channel,
    channelLabel: CHANNEL_LABELS[row.channel],
    regionCode: row.region_code,
    acceptRegionCode: row.accept_region_code,
    departmentCode: row.department_code,
    status: row.status,
    statusLabel: statusLabel(def, row.status),
    version: row.version,
    applicant: {
      kind: a.kind,
      name: a.name,
      idNumber: a.idNumber ?? null,
      creditCode: a.creditCode ?? null,
      phone: a.phone ?? null,
      hasAccount: row.applicant_id !== null,
    },
    form: row.form,
    materials: [...materials]
      .sort((x, y) => (order.get(x.material_id) ?? 99) - (order.get(y.material_id) ?? 99))
      .map((m) => ({
        materialId: m.material_id,
        name: m.name,
        required: m.required,
        status: m.status,
        statusLabel: MATERIAL_STATUS_LABELS[m.status],
        paper: m.paper,
        note: m.note,
        files: m.file_ids.flatMap((f) => {
          const meta = metas.get(f);
          return meta
            ? [{ id: meta.id, name: meta.name, size: meta.size, mediaType: meta.mediaType, sha256: meta.sha256 }]
            : [];
        }),
      })),
    deadlines: {
      acceptedOn: clock.acceptedOn,
      finishedOn: row.finished_on,
      promised: clock.promisedDeadline,
      statutory: clock.statutoryDeadline,
      provisional: clock.provisional,
      promisedDays: row.promised_days,
      statutoryDays: row.statutory_days,
      suspendedWorkdays: clock.suspendedWorkdays,
    },
    remainingWorkingDays: clock.remainingWorkingDays,
    deadlineState: clock.state,
    deadlineStateLabel: DEADLINE_STATE_LABELS[clock.state],
    deadlineColour: deadlineColour(clock.state),
    onTime: clock.onTime,
    currentStep: {
      code: row.status,
      label: statusLabel(def, row.status),
      enteredAt: row.step_entered_at,
      limitDays: step?.limitDays ?? null,
      deadline: stepDue,
      overdue: !!stepDue && today >= overdueOn(cal, stepDue),
    },
    availableActions: [
      ...actions
        .filter((x) => (seen.has(x.action) ? false : (seen.add(x.action), true)))
        .map((x) => ({ action: x.action, label: x.label, requires: [...(x.requires ?? [])] })),
      ...extra,
    ],
    readOnly: actions.length + extra.length === 0,
    documents,
    history: events.map((e) => ({
      seq: e.seq,
      at: e.at,
      on: e.on_date,
      actor: { id: e.actor_id, name: e.actor_name, role: e.actor_role, roleLabel: roleLabel(e.actor_role) },
      action: e.action,
      actionLabel: actionLabel(def, e.action),
      comment: e.comment,
      fromStatus: e.from_status,
      fromStatusLabel: e.from_status ? statusLabel(def, e.from_status) : null,
      toStatus: e.to_status,
      toStatusLabel: statusLabel(def, e.to_status),
      clock: e.clock,
      clockLabel: clockEffectLabel(e.clock),
      payload: e.payload,
    })),
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    acceptingHall: hallRef(row.accept_hall_id),
    currentLevel: row.current_level,
    currentLevelLabel: LEVEL_NAMES[row.current_level],
    currentRegion: {
      code: row.current_region_code,
      name: regionNames.get(row.current_region_code) ?? null,
      level: row.current_level,
      levelLabel: LEVEL_NAMES[row.current_level],
    },
    currentHall: hallRef(row.current_hall_id),
    linkage: row.linkage_chain.map((h) => ({
      level: h.level,
      levelLabel: LEVEL_NAMES[h.level],
      regionCode: h.regionCode,
      regionName: regionNames.get(h.regionCode) ?? null,
      current: h.regionCode === row.current_region_code,
    })),
    openPromises,
    promises,
    promiseOverdue: openPromises.some((p) => p.state === 'overdue'),
    greenChannel: row.green_channel,
    pickup: !pickup
      ? null
      : pickup.method === 'hall'
        ? { method: 'hall', hallId: pickup.hallId, hallName: halls.get(pickup.hallId)?.name ?? null }
        : { method: 'post', address: pickup.address },
  };
}

/* ------------------------------------------------------------------ inbox */

/** 待办 / 办件列表: the applicant's own cases, or the staff's cases in scope (waiting for them by default). */
export async function listCases(db: Db, actor: Actor, query: CaseListQuery, now: Date) {
  const staff = isRegionStaff(actor);
  const roles = actor.roles.filter((r): r is Role => ACTING_ROLES.includes(r));
  const todo = (query.view ?? (staff && roles.length ? 'todo' : 'all')) === 'todo';
  const cal = await loadCalendar(db);
  const today = shanghaiDay(now);
  const monitor = [query.regionCode, query.departmentCode, query.hallId, query.windowId, query.clerkId].some(
    (x) => x !== undefined,
  );
  if (monitor && !staff)
    throw fieldError(
      ['regionCode', 'departmentCode', 'hallId', 'windowId', 'clerkId'].find(
        (k) => query[k as keyof CaseListQuery] !== undefined,
      )!,
      '只有工作人员可以按区划、部门、大厅、窗口或人员筛选',
    );
  // A region subtree 区划 by its scope prefix; one outside the caller's subtree is not confirmed to exist.
  const region = query.regionCode ? await getRegion(db, query.regionCode) : undefined;
  if (query.regionCode && (!region || !region.scopePrefix.startsWith(actor.scope.regionPrefix))) throw notFound('区划');
  const clerks = [
    query.windowId ? await staffIdsAtWindow(db, query.windowId) : null,
    query.clerkId ? [query.clerkId] : null,
  ].filter((x): x is string[] => x !== null);
  const { total, totalExact, items } = await repo.listCases(db, {
    actorId: actor.id,
    mode: staff ? 'staff' : 'owner',
    todo,
    regionPrefix: actor.scope.regionPrefix,
    level: levelOfCode(actor.scope.regionCode),
    departmentCodes: staff ? await departmentCodesFor(db, actor) : null,
    roles,
    status: query.status,
    itemCode: query.itemCode,
    deadlineState: query.deadlineState,
    counter: query.counter,
    from: query.from,
    to: query.to,
    q: query.q,
    subtree: region?.scopePrefix,
    departmentCode: query.departmentCode,
    hallId: query.hallId,
    createdBy: clerks.length ? clerks.reduce((a, b) => a.filter((x) => b.includes(x))) : undefined,
    today,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
  const out: CaseListItem[] = [];
  for (const r of items) out.push(await listItem(db, cal, r, today));
  return { total, totalExact, page: query.page, pageSize: query.pageSize, items: out };
}

/**
 * Cases as list rows, in the order asked, each `null` when the actor may not see it (or it does not
 * exist): one read for all, deadlines from the stored clock columns.
 */
export async function caseListItems(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  now: Date,
): Promise<(CaseListItem | null)[]> {
  const rows = new Map(
    (
      await repo.getCases(
        db,
        ids.filter((id) => UUID_RE.test(id)),
      )
    ).map((r) => [r.id, r]),
  );
  const cal = await loadCalendar(db);
  const today = shanghaiDay(now);
  return Promise.all(
    ids.map(async (id) => {
      const r = rows.get(id);
      if (!r) return null;
      try {
        await accessTo(db, actor, r);
      } catch (err) {
        if (err instanceof Problem && err.status === 404) return null;
        throw err;
      }
      return listItem(db, cal, r, today);
    }),
  );
}

async function listItem(db: Db, cal: CalendarData, r: CaseRow, today: string): Promise<CaseListItem> {
  const ic = await itemContext(db, r.item_code, r.item_version);
  const state = storedDeadlineState(r, today);
  return {
    id: r.id,
    number: r.number,
    itemCode: r.item_code,
    itemName: r.item_name,
    channel: r.channel,
    status: r.status,
    statusLabel: ic ? statusLabel(ic.def, r.status) : r.status,
    version: r.version,
    applicant: {
      kind: r.applicant.kind,
      name: r.applicant.name,
      idNumberMasked: maskIdNumber(r.applicant.idNumber ?? r.applicant.creditCode),
      phoneMasked: maskPhone(r.applicant.phone),
    },
    regionCode: r.region_code,
    acceptRegionCode: r.accept_region_code,
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    acceptedOn: r.accepted_on,
    promisedDeadline: r.promised_deadline,
    provisional: r.deadline_provisional,
    remainingWorkingDays: storedRemaining(cal, r, today),
    deadlineState: state,
    deadlineStateLabel: DEADLINE_STATE_LABELS[state],
    deadlineColour: deadlineColour(state),
    finishedOn: r.finished_on,
    departmentCode: r.department_code,
    greenChannel: r.green_channel,
    currentRegionCode: r.current_region_code,
    currentLevel: r.current_level,
  };
}

/* ------------------------------------------------------------------ public progress query */

/**
 * 办件进度查询 (no sign-in): the case number plus its 查询码 (printed on the acceptance notice and sent with
 * the applicant's messages). Answers nothing personal; any mismatch is the same 404. After
 * `TRACK_FAILURE_LIMIT` failures for one number within the hour, from wherever they come, that number
 * answers 429 until the hour has passed, right code or not.
 */
export async function trackCase(db: Db, number: string, code: string, now: Date) {
  const row = await repo.getCaseByNumber(db, number);
  if (!row || row.status === 'draft') throw notFound(CASE);
  const since = new Date(now.getTime() - TRACK_FAILURE_WINDOW_MS);
  if (trackingLocked(await repo.countTrackFailures(db, number, since)))
    throw tooManyRequests('该办件编号查询失败次数过多，请一小时后再试，或登录一网查看办件');
  if (!trackingCodeMatches(row.tracking_code, code)) {
    await repo.recordTrackFailure(db, number, now, since);
    throw notFound(CASE);
  }
  const ic = await requireItemContext(db, row);
  const events = await repo.listEvents(db, row.id);
  return {
    number: row.number,
    itemName: row.item_name,
    status: row.status,
    statusLabel: statusLabel(ic.def, row.status),
    submittedOn: row.submitted_at ? shanghaiDay(row.submitted_at) : null,
    acceptedOn: row.accepted_on,
    finishedOn: row.finished_on,
    promisedDeadline: row.promised_deadline,
    steps: events.map((e) => ({
      label: actionLabel(ic.def, e.action),
      statusLabel: statusLabel(ic.def, e.to_status),
      on: e.on_date,
    })),
  };
}

/* ------------------------------------------------------------------ downloads */

export async function caseDocumentContent(db: Db, actor: Actor, id: string, docId: string) {
  await loadCase(db, actor, id);
  const doc = await readCaseDocument(db, id, docId);
  if (!doc) throw notFound('文书');
  return doc;
}

export async function caseFileContent(db: Db, actor: Actor, id: string, fileId: string) {
  await loadCase(db, actor, id);
  if (!(await repo.caseHasFile(db, id, fileId))) throw notFound('文件');
  const f = await readFile(db, fileId);
  if (!f) throw notFound('文件');
  return f;
}
