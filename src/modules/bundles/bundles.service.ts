/**
 * 一件事一次办 use cases: bundles administration (with audit), the merged guide, one application
 * filing one linked case per item in one transaction (all or none), and tracking them as one.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { canonicalJson, recordAudit } from '../../platform/audit';
import {
  badRequest,
  conflict,
  notFound,
  Problem,
  unprocessable,
  type FieldError,
  staleVersion,
} from '../../platform/errors';
import { getPublishedItem, type ItemDetail } from '../catalog/index';
import { addWorkdays, countWorkdays, todayInShanghai } from '../calendar/index';
import { caseStatusesFor, caseStatusesOrHidden, casesVisibleTo, createCaseInTransaction } from '../cases/index';
import * as repo from './bundles.repository';
import type { ApplicationRow, BundleRow } from './bundles.repository';
import {
  mergeGuides,
  splitApplication,
  totalPromisedDays,
  type BundleItem,
  type SharedFieldGroup,
} from './bundles.merge';
import { APPLICATION_STATUS_LABELS, applicationStatus } from './bundles.tracking';
import type {
  ApplicationBody,
  ApplicationListQuery,
  ApplicationView,
  BundleDetail,
  BundleListQuery,
  CreateBundleBody,
  UpdateBundleBody,
} from './bundles.schemas';
import { seesUnavailable } from './bundles.policy';

export interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The instant the request acts at. */
  now: Date;
}

const BUNDLE = '一件事主题';
export const MODE_LABELS = { parallel: '并联办理（总时限取最长）', serial: '串联办理（总时限累加）' } as const;

const toBundleItem = (i: ItemDetail): BundleItem => ({
  code: i.code,
  name: i.name,
  formFields: i.formFields,
  materials: i.materials,
  promisedDays: i.promisedLimit.days,
});

/** The published items of a bundle, in order; a missing or unpublished item is a configuration error. */
async function loadItems(db: Db, codes: readonly string[]): Promise<{ items: ItemDetail[]; errors: FieldError[] }> {
  const items: ItemDetail[] = [];
  const errors: FieldError[] = [];
  for (const [i, code] of codes.entries()) {
    const item = await getPublishedItem(db, code);
    if (!item) errors.push({ field: `itemCodes.${i}`, message: `事项不存在、未发布或已取消：${code}` });
    else items.push(item);
  }
  return { items, errors };
}

/** Checks a configuration as the administrator saves it: items exist, forms merge without conflicts. */
async function checkConfig(db: Db, itemCodes: string[], shared: SharedFieldGroup[]) {
  const { items, errors } = await loadItems(db, itemCodes);
  const merged = mergeGuides(items.map(toBundleItem), shared);
  const all = [...errors, ...merged.errors];
  if (all.length)
    throw unprocessable(`一件事配置有误：${all.map((e) => e.message).join('；')}`, all, 'bundle_config_invalid');
  return { items, merged };
}

const summaryOf = (r: BundleRow) => ({
  code: r.code,
  name: r.name,
  description: r.description,
  itemCodes: r.item_codes,
  mode: r.mode,
  modeLabel: MODE_LABELS[r.mode],
  active: r.active,
  version: r.version,
});

export async function listBundles(db: Db, actor: Actor | null, query: BundleListQuery) {
  const includeInactive = query.includeInactive && seesUnavailable(actor);
  const { total, rows } = await repo.listBundles(db, {
    includeInactive,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { total, page: query.page, pageSize: query.pageSize, items: rows.map(summaryOf) };
}

async function requireBundle(db: Db, code: string, actor: Actor | null): Promise<BundleRow> {
  const row = await repo.getBundle(db, code);
  if (!row || (!row.active && !seesUnavailable(actor))) throw notFound(BUNDLE);
  return row;
}

/** The bundle with its merged form and de-duplicated materials. */
export async function getBundleDetail(db: Db, actor: Actor | null, code: string): Promise<BundleDetail> {
  const row = await requireBundle(db, code, actor);
  const { items, errors } = await loadItems(db, row.item_codes);
  // An administrator still opens the bundle to mend it; applicants cannot apply for it meanwhile.
  if (errors.length && !seesUnavailable(actor)) {
    throw unprocessable(
      `该一件事包含的事项已下线，暂不能办理：${errors.map((e) => e.message).join('；')}`,
      errors,
      'bundle_item_unavailable',
    );
  }
  const merged = mergeGuides(items.map(toBundleItem), row.shared_fields);
  return {
    ...summaryOf(row),
    sharedFields: row.shared_fields,
    items: items.map((i) => ({
      code: i.code,
      name: i.name,
      departmentCode: i.departmentCode,
      departmentName: i.departmentName,
      promisedDays: i.promisedLimit.days,
    })),
    promisedDays: totalPromisedDays(items.map(toBundleItem), row.mode),
    form: merged.fields,
    materials: merged.materials,
    materialCountBefore: merged.materialCountBefore,
    materialCountAfter: merged.materialCountAfter,
    unavailableItems: errors,
  };
}

export async function createBundle(db: Db, ctx: Ctx, body: CreateBundleBody): Promise<BundleDetail> {
  await checkConfig(db, body.itemCodes, body.sharedFields);
  if (await repo.getBundle(db, body.code)) throw conflict(`一件事主题编码已存在：${body.code}`, 'bundle_exists');
  await db.transaction().execute(async (tx) => {
    const row = await repo.insertBundle(tx, {
      code: body.code,
      name: body.name,
      description: body.description,
      item_codes: body.itemCodes,
      shared_fields: body.sharedFields,
      mode: body.mode,
      active: true,
      version: 1,
      created_by: ctx.actor.id,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'bundles.bundle.create',
      entityType: 'bundle',
      entityId: row.code,
      after: summaryOf(row),
      ip: ctx.ip,
    });
  });
  return getBundleDetail(db, ctx.actor, body.code);
}

export async function updateBundle(db: Db, ctx: Ctx, code: string, body: UpdateBundleBody): Promise<BundleDetail> {
  const before = await repo.getBundle(db, code);
  if (!before) throw notFound(BUNDLE);
  if (body.active) await checkConfig(db, body.itemCodes, body.sharedFields);
  await db.transaction().execute(async (tx) => {
    const row = await repo.updateBundle(tx, code, body.version, {
      updated_at: ctx.now,
      name: body.name,
      description: body.description,
      item_codes: body.itemCodes,
      shared_fields: body.sharedFields,
      mode: body.mode,
      active: body.active,
    });
    if (!row) throw staleVersion('一件事主题');
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'bundles.bundle.update',
      entityType: 'bundle',
      entityId: code,
      before: summaryOf(before),
      after: summaryOf(row),
      ip: ctx.ip,
    });
  });
  return getBundleDetail(db, ctx.actor, code);
}

/** 停用: the bundle leaves the portal; applications already filed stay trackable. */
export async function deactivateBundle(db: Db, ctx: Ctx, code: string) {
  const before = await repo.getBundle(db, code);
  if (!before) throw notFound(BUNDLE);
  await db.transaction().execute(async (tx) => {
    const row = await repo.updateBundle(tx, code, before.version, {
      updated_at: ctx.now,
      name: before.name,
      description: before.description,
      item_codes: before.item_codes,
      shared_fields: before.shared_fields,
      mode: before.mode,
      active: false,
    });
    if (!row) throw staleVersion('一件事主题');
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'bundles.bundle.deactivate',
      entityType: 'bundle',
      entityId: code,
      before: summaryOf(before),
      after: summaryOf(row),
      ip: ctx.ip,
    });
  });
  return { code, active: false };
}

/* ------------------------------------------------------------------ applications */

const requestHash = (code: string, body: ApplicationBody) =>
  createHash('sha256').update(canonicalJson({ code, body })).digest('hex');

function replay(row: ApplicationRow, hash: string) {
  if (row.request_hash !== hash) {
    throw unprocessable(
      '该 Idempotency-Key 已用于另一份不同内容的一件事申请；新申请请使用新的幂等键',
      [{ field: 'Idempotency-Key', message: '幂等键已用于内容不同的请求' }],
      'idempotency_key_reused',
    );
  }
  return { id: row.id, caseIds: row.case_ids, numbers: row.case_numbers, replayed: true };
}

/** Names the item in a problem raised while filing its case. */
function forItem(item: ItemDetail, err: unknown): unknown {
  if (!(err instanceof Problem)) return err;
  return new Problem(
    err.status,
    err.title,
    `「${item.name}」：${err.detail}`,
    err.errors.map((e) => ({ field: e.field, message: `「${item.name}」${e.message}` })),
    err.code,
  );
}

/**
 * 一件事申请: one form, one set of materials → one linked case per item, all in one transaction.
 * The same Idempotency-Key returns the application it created; reused with another body → 422.
 */
export async function apply(db: Db, ctx: Ctx, code: string, body: ApplicationBody, idempotencyKey: string) {
  const { actor } = ctx;
  const hash = requestHash(code, body);
  const earlier = await repo.findApplication(db, actor.id, idempotencyKey);
  if (earlier) return replay(earlier, hash);

  const bundle = await requireBundle(db, code, null);
  const { items, errors } = await loadItems(db, bundle.item_codes);
  if (errors.length) throw unprocessable('该一件事包含的事项已下线，暂不能办理', errors, 'bundle_item_unavailable');
  const bItems = items.map(toBundleItem);
  const merged = mergeGuides(bItems, bundle.shared_fields);
  if (merged.errors.length)
    throw unprocessable('该一件事配置有误，暂不能办理，请联系管理员', merged.errors, 'bundle_config_invalid');
  const split = splitApplication(bItems, merged, bundle.shared_fields, body);
  if (split.invalid.length)
    throw badRequest(
      `一件事申请有误：${split.invalid.map((e) => `${e.field}：${e.message}`).join('；')}`,
      split.invalid,
      'bundle_application_invalid',
    );
  if (split.conflicts.length) {
    throw unprocessable(
      `同一信息在各事项中填写的值相互矛盾：${[...new Set(split.conflicts.map((e) => e.field))].join('、')}`,
      split.conflicts,
      'bundle_field_conflict',
    );
  }

  const { now } = ctx;
  const today = todayInShanghai(now);
  const promisedDays = totalPromisedDays(bItems, bundle.mode);
  try {
    return await db.transaction().execute(async (tx) => {
      await repo.lockKey(tx, actor.id, idempotencyKey);
      const again = await repo.findApplication(tx, actor.id, idempotencyKey);
      if (again) return replay(again, hash);
      const id = randomUUID();
      const created: { id: string; number: string }[] = [];
      for (const [i, f] of split.filings.entries()) {
        const item = items[i]!;
        try {
          created.push(
            await createCaseInTransaction(
              tx,
              { actor, ip: ctx.ip, now },
              {
                itemCode: f.itemCode,
                form: f.form,
                materials: f.materials,
                submit: body.submit,
                ...(body.applicant ? { applicant: body.applicant } : {}),
                ...(body.channel ? { channel: body.channel } : {}),
              },
              `bundle:${id}:${f.itemCode}`,
            ),
          );
        } catch (err) {
          throw forItem(item, err);
        }
      }
      const deadline = body.submit ? await addWorkdays(tx, today, promisedDays) : null;
      const row = await repo.insertApplication(tx, {
        id,
        bundle_code: bundle.code,
        bundle_name: bundle.name,
        applicant_id: actor.id,
        applicant_name: body.applicant?.name ?? actor.name,
        idempotency_key: idempotencyKey,
        request_hash: hash,
        item_codes: bundle.item_codes,
        case_ids: created.map((c) => c.id),
        case_numbers: created.map((c) => c.number),
        mode: bundle.mode,
        promised_days: promisedDays,
        submitted: body.submit,
        started_on: body.submit ? today : null,
        deadline: deadline?.date ?? null,
        deadline_provisional: deadline?.provisional ?? false,
        created_at: now,
      });
      await recordAudit(tx, {
        actor,
        action: 'bundles.application.create',
        entityType: 'bundle_application',
        entityId: row.id,
        after: {
          bundleCode: bundle.code,
          caseNumbers: row.case_numbers,
          promisedDays,
          deadline: row.deadline,
          submitted: body.submit,
        },
        ip: ctx.ip,
      });
      return { id: row.id, caseIds: row.case_ids, numbers: row.case_numbers, replayed: false };
    });
  } catch (err) {
    // A concurrent retry with the same key committed first: answer with its application.
    if ((err as { code?: string }).code === '23505') {
      const winner = await repo.findApplication(db, actor.id, idempotencyKey);
      if (winner) return replay(winner, hash);
    }
    throw err;
  }
}

const ownsApplication = (actor: Actor, row: ApplicationRow) => row.applicant_id === actor.id;

/**
 * The application tracked as one. The applicant sees every linked case; staff (administrators and
 * supervisors included) see the ones in their data scope and only the number and item of the others.
 * Staff who see none of its cases get 404, as for any case outside their scope.
 */
async function buildView(db: Db, actor: Actor, row: ApplicationRow, now: Date): Promise<ApplicationView> {
  const statuses = ownsApplication(actor, row)
    ? await caseStatusesFor(db, actor, row.case_ids, now)
    : await caseStatusesOrHidden(db, actor, row.case_ids, now);
  if (statuses.every((c) => c === null)) throw notFound('一件事申请');
  const names = new Map<string, string>();
  for (const code of row.item_codes)
    if (!statuses.some((c) => c?.itemCode === code)) names.set(code, (await getPublishedItem(db, code))?.name ?? code);
  // A case hidden from this actor counts as unfinished: the whole is never reported done on partial knowledge.
  const status = applicationStatus(
    row.submitted,
    statuses.map((c) => c?.finished ?? false),
  );
  const today = todayInShanghai(now);
  const remaining =
    row.deadline && status === 'in_progress' ? (await countWorkdays(db, today, row.deadline)).count : null;
  return {
    id: row.id,
    bundleCode: row.bundle_code,
    bundleName: row.bundle_name,
    applicantName: row.applicant_name,
    mode: row.mode,
    createdAt: row.created_at,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status],
    promisedDays: row.promised_days,
    startedOn: row.started_on,
    deadline: row.deadline,
    deadlineProvisional: row.deadline_provisional,
    remainingWorkingDays: remaining,
    completedCount: statuses.filter((c) => c?.finished).length,
    hiddenCount: statuses.filter((c) => c === null).length,
    cases: statuses.map((c, i) =>
      c
        ? { ...c, visible: true }
        : {
            id: null,
            visible: false,
            number: row.case_numbers[i] ?? '',
            itemCode: row.item_codes[i] ?? '',
            itemName: names.get(row.item_codes[i] ?? '') ?? row.item_codes[i] ?? '',
            departmentCode: null,
            status: null,
            statusLabel: OUT_OF_SCOPE_LABEL,
            finished: null,
            promisedDeadline: null,
            remainingWorkingDays: null,
            deadlineStateLabel: null,
          },
    ),
  };
}

const OUT_OF_SCOPE_LABEL = '由其他部门办理';

/** 一件事办理进度 by application id. */
export async function getApplicationView(db: Db, actor: Actor, id: string, now: Date): Promise<ApplicationView> {
  const row = await repo.getApplication(db, id);
  if (!row) throw notFound('一件事申请');
  return buildView(db, actor, row, now);
}

/** The bundle application a case belongs to (workbench: marker and sibling cases). 404 when the case is not visible or not part of one. */
export async function getApplicationForCase(
  db: Db,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<ApplicationView | null> {
  if (!(await casesVisibleTo(db, actor, [caseId])).has(caseId)) throw notFound('办件');
  const row = await repo.findApplicationByCase(db, caseId);
  // A case filed on its own: a plain answer, not an error (every case page asks).
  if (!row) return null;
  return buildView(db, actor, row, now);
}

/**
 * 一件事 markers for a page of a work queue: which of these cases were filed through a bundle. Only
 * cases the actor may see are answered, so a guessed id tells nothing.
 */
export async function bundleLinksFor(db: Db, actor: Actor, caseIds: readonly string[]) {
  const rows = await repo.findApplicationsByCases(db, caseIds);
  const linked = caseIds.filter((id) => rows.some((r) => r.case_ids.includes(id)));
  const visible = await casesVisibleTo(db, actor, linked);
  const items = [];
  for (const caseId of linked) {
    const row = rows.find((r) => r.case_ids.includes(caseId));
    if (!row || !visible.has(caseId)) continue;
    items.push({
      caseId,
      applicationId: row.id,
      bundleCode: row.bundle_code,
      bundleName: row.bundle_name,
      caseCount: row.case_ids.length,
    });
  }
  return { items };
}

/** 我的一件事: the applications the signed-in account filed, each with its overall progress. */
export async function listMyApplications(db: Db, actor: Actor, query: ApplicationListQuery, now: Date) {
  const { total, rows } = await repo.listApplicationsOf(db, actor.id, {
    q: query.q,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const today = todayInShanghai(now);
  const items = [];
  for (const row of rows) {
    const cases = await caseStatusesFor(db, actor, row.case_ids, now);
    const status = applicationStatus(
      row.submitted,
      cases.map((c) => c.finished),
    );
    items.push({
      id: row.id,
      bundleCode: row.bundle_code,
      bundleName: row.bundle_name,
      createdAt: row.created_at,
      status,
      statusLabel: APPLICATION_STATUS_LABELS[status],
      promisedDays: row.promised_days,
      deadline: row.deadline,
      remainingWorkingDays:
        row.deadline && status === 'in_progress' ? (await countWorkdays(db, today, row.deadline)).count : null,
      caseCount: cases.length,
      completedCount: cases.filter((c) => c.finished).length,
      caseNumbers: row.case_numbers,
    });
  }
  return { total, page: query.page, pageSize: query.pageSize, items };
}
