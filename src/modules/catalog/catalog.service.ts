import type { Db, Tx } from '../../platform/db';
import type { Actor } from '../../platform/auth';
import { recordAudit } from '../../platform/audit';
import { readCache } from '../../platform/cache';
import { badRequest, conflict, fieldError, notFound, unprocessable, type FieldError } from '../../platform/errors';
import { getDepartment, getRegion, getRegionPath, listDepartmentsAt, listRegionsAt } from '../org/index';
import { decidedBelow, resolveBody, unresolvedBodyError, type BodyResolution } from './catalog.authority';
import * as repo from './catalog.repository';
import type { DelegationRow, ItemRow, VersionRow } from './catalog.repository';
import { validateDelegation, validateGuide } from './catalog.rules';
import { queryTokens } from './catalog.search';
import {
  ITEM_TYPE_LABELS,
  type AdminItemQuery,
  type CreateItemBody,
  type Delegation,
  type DelegationBody,
  type ItemDetail,
  type ItemGuide,
  type ItemListQuery,
  type ItemSummary,
} from './catalog.schemas';

const ITEM = '事项';

/** Department names by code, looked up once per request through the org facade. */
export function departmentNames(db: Db | Tx) {
  const cache = new Map<string, Promise<string | null>>();
  return (code: string) => {
    let p = cache.get(code);
    if (!p) {
      p = getDepartment(db, code).then((d) => d?.name ?? null);
      cache.set(code, p);
    }
    return p;
  };
}

export function toSummary(r: ItemRow, departmentName: string | null): ItemSummary {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    typeLabel: ITEM_TYPE_LABELS[r.type],
    departmentCode: r.department_code,
    departmentName,
    decideLevel: r.decide_level,
    acceptLevels: r.accept_levels,
    handlingType: r.handling_type,
    promisedDays: r.promised_days,
    statutoryDays: r.statutory_days,
    visits: r.visits,
    onlineDepth: r.online_depth,
  };
}

const toDelegation = (d: DelegationRow): Delegation => ({
  id: d.id,
  fromLevel: d.from_level,
  toLevel: d.to_level,
  regionCode: d.region_code,
  basis: d.basis,
  effectiveDate: d.effective_date,
  note: d.note,
  createdBy: d.created_by,
  createdAt: d.created_at,
});

async function detail(db: Db | Tx, item: ItemRow, v: VersionRow): Promise<ItemDetail> {
  const [dept, delegations] = await Promise.all([
    getDepartment(db, v.data.departmentCode),
    repo.listDelegations(db, item.id),
  ]);
  return {
    ...v.data,
    code: item.code,
    basicCode: item.basic_code,
    businessCode: item.business_code,
    regionCode: item.region_code,
    version: v.version,
    status: v.status,
    active: item.active,
    typeLabel: ITEM_TYPE_LABELS[v.data.type],
    departmentName: dept?.name ?? null,
    publishedAt: v.published_at,
    delegations: delegations.map(toDelegation),
  };
}

/**
 * Answers of the public search, by query, for a few seconds: the same few queries come from many citizens at
 * once, and each answer costs a segmentation, two statements and the department names. Every catalog write on
 * this node forgets them at once (`catalogWrite`); other nodes within SEARCH_CACHE_MS, as for the org caches. An
 * expired answer is still given while its successor is computed, so that a hot query never makes all wait.
 */
const SEARCH_CACHE_MS = 5_000;
const searchCache = readCache(SEARCH_CACHE_MS, { maxEntries: 2_000, staleMs: 60_000 });

/** Runs a catalog write in its own transaction and, once committed, forgets the cached search answers. */
async function catalogWrite<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.transaction().execute(fn);
  searchCache.clear();
  return result;
}

/** Public search 事项检索. */
export function searchItems(db: Db, query: ItemListQuery) {
  const q = query.q?.trim() || undefined;
  const key = JSON.stringify([
    q,
    query.regionCode,
    query.departmentCode,
    query.type,
    query.level,
    query.sort,
    query.page,
    query.pageSize,
  ]);
  return searchCache.get(db, key, () => searchUncached(db, { ...query, q }));
}

async function searchUncached(db: Db, query: ItemListQuery) {
  let regionCodes: string[] | undefined;
  if (query.regionCode) {
    const path = await getRegionPath(db, query.regionCode);
    if (!path.length) throw fieldError('regionCode', `未知的区划代码：${query.regionCode}`);
    regionCodes = path.map((r) => r.code);
  }
  const text = query.q;
  const { total, items } = await repo.searchItems(db, {
    tokens: text ? queryTokens(text) : [],
    text,
    regionCodes,
    department: query.departmentCode,
    type: query.type,
    level: query.level,
    sort: query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
  const names = departmentNames(db);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: await Promise.all(items.map(async (r) => toSummary(r, await names(r.department_code)))),
  };
}

/** The current published guide of an active item, or undefined (unknown, unpublished or cancelled). */
export async function getPublishedItem(db: Db | Tx, code: string): Promise<ItemDetail | undefined> {
  const item = await repo.findItem(db, code);
  if (!item || !item.active || item.current_version === null) return undefined;
  const v = await repo.getVersion(db, item.id, item.current_version);
  return v && detail(db, item, v);
}

/** One version of an item (for cases opened under an older guide); drafts are not returned. */
export async function getItemVersion(db: Db | Tx, code: string, version: number): Promise<ItemDetail | undefined> {
  const item = await repo.findItem(db, code);
  if (!item) return undefined;
  const v = await repo.getVersion(db, item.id, version);
  if (!v || v.status === 'draft') return undefined;
  return detail(db, item, v);
}

export async function requirePublished(db: Db, code: string): Promise<ItemDetail> {
  const d = await getPublishedItem(db, code);
  if (!d) throw notFound(ITEM);
  return d;
}

export async function listVersions(db: Db, code: string, includeDraft: boolean) {
  const item = await repo.findItem(db, code);
  if (!item || (!includeDraft && item.current_version === null)) throw notFound(ITEM);
  const rows = await repo.listVersions(db, item.id, includeDraft);
  return rows.map((v) => ({
    version: v.version,
    status: v.status,
    name: v.data.name,
    publishedAt: v.published_at,
    publishedBy: v.published_by,
    createdAt: v.created_at,
  }));
}

export async function getVersionDetail(
  db: Db,
  code: string,
  version: number,
  includeDraft: boolean,
): Promise<ItemDetail> {
  const item = await repo.findItem(db, code);
  const v = item && (await repo.getVersion(db, item.id, version));
  if (!item || !v || (v.status === 'draft' && !includeDraft)) throw notFound(`${ITEM}版本`);
  return detail(db, item, v);
}

export async function getDraft(db: Db, code: string): Promise<ItemDetail> {
  const item = await repo.findItem(db, code);
  if (!item) throw notFound(ITEM);
  if (item.draft_version === null) throw notFound(`${ITEM}草稿`);
  const v = await repo.getVersion(db, item.id, item.draft_version);
  if (!v) throw notFound(`${ITEM}草稿`);
  return detail(db, item, v);
}

/** Guide rules → 400 naming each field (prefixed as in the request body). */
function assertValid(g: ItemGuide, prefix = 'guide.') {
  const errors: FieldError[] = validateGuide(g).map((e) => ({ field: prefix + e.field, message: e.message }));
  if (errors.length)
    throw badRequest(
      `办事指南校验未通过：${errors.map((e) => `${e.field}：${e.message}`).join('；')}`,
      errors,
      'guide_invalid',
    );
}

/**
 * 实施机关 of a case decided in `regionCode`: the real office that speaks in its documents and seals them
 * (兴隆台区民政局 for a 最低生活保障 case decided by 兴隆台区), or why it cannot be found.
 */
export async function implementingBodyAt(
  db: Db | Tx,
  item: Pick<ItemDetail, 'implementingBody' | 'regionCode'>,
  regionCode: string,
): Promise<BodyResolution> {
  const region = await getRegion(db, regionCode);
  if (!region) return { error: `办理机关所在区划不存在：${regionCode}` };
  const departments =
    item.implementingBody.office?.kind === 'department' ? await listDepartmentsAt(db, [regionCode]) : [];
  return resolveBody(item.implementingBody, region, departments, regionCode === item.regionCode);
}

/**
 * 发布前检查实施机关: the body must be found in every region that decides the item's cases — the item's own
 * region, or each region at the deciding level below it (economic zones excepted: they exercise powers by
 * delegation, recorded on their own). 422 naming `implementingBody.office` otherwise.
 */
async function assertBodyResolves(db: Db | Tx, itemRegionCode: string, guide: ItemGuide) {
  const own = await getRegion(db, itemRegionCode);
  if (!own) return; // the item's region was checked when it was created
  const failures: string[] = [];
  if (!decidedBelow(guide, own.level)) {
    const r = await implementingBodyAt(
      db,
      { implementingBody: guide.implementingBody, regionCode: own.code },
      own.code,
    );
    if ('error' in r) failures.push(r.error);
  } else {
    const regions = (await listRegionsAt(db, own.scopePrefix, guide.decideLevel)).filter(
      (r) => r.kind !== 'economic_zone',
    );
    const departments =
      guide.implementingBody.office?.kind === 'department'
        ? await listDepartmentsAt(
            db,
            regions.map((r) => r.code),
          )
        : [];
    for (const region of regions) {
      const here = departments.filter((d) => d.regionCode === region.code);
      const r = resolveBody(guide.implementingBody, region, here, false);
      if ('error' in r) failures.push(r.error);
      // a body without `office` fails alike everywhere: say it once
      if (!guide.implementingBody.office && failures.length) break;
    }
  }
  const error = unresolvedBodyError(failures);
  if (error) throw unprocessable(`${error.message}，不能发布`, [error], 'implementing_body_unresolved');
}

async function assertDepartment(db: Db | Tx, code: string) {
  if (!(await getDepartment(db, code))) throw fieldError('guide.departmentCode', `未知的部门编码：${code}`);
}

interface Ctx {
  actor: Actor;
  ip: string | null;
  /** The instant the request acts at. */
  now: Date;
}

/** 新增事项: the item and version 1 as a draft. */
export async function createItem(db: Db, ctx: Ctx, body: CreateItemBody): Promise<ItemDetail> {
  assertValid(body.guide);
  if (!(await getRegion(db, body.regionCode))) throw fieldError('regionCode', `未知的区划代码：${body.regionCode}`);
  await assertDepartment(db, body.guide.departmentCode);
  return catalogWrite(db, async (tx) => {
    if (await repo.findItem(tx, body.code)) throw conflict(`事项编码已存在：${body.code}`, 'duplicate_code');
    const { cols, searchText } = repo.itemColumnsFor(body.guide);
    const [item] = await repo.insertItems(tx, [
      {
        ...cols,
        code: body.code,
        basic_code: body.basicCode,
        business_code: body.businessCode,
        region_code: body.regionCode,
        current_version: null,
        draft_version: 1,
      },
    ]);
    if (!item) throw new Error('insert failed');
    await repo.insertVersions(tx, [
      {
        item_id: item.id,
        version: 1,
        status: 'draft',
        data: JSON.stringify(body.guide),
        search_text: searchText,
        created_by: ctx.actor.username,
        published_at: null,
        published_by: null,
      },
    ]);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'catalog.item.create',
      entityType: 'item',
      entityId: body.code,
      after: {
        basicCode: body.basicCode,
        businessCode: body.businessCode,
        regionCode: body.regionCode,
        version: 1,
        guide: body.guide,
      },
      ip: ctx.ip,
    });
    const v = await repo.getVersion(tx, item.id, 1);
    return detail(tx, item, v!);
  });
}

/** 修改草稿: creates the next version as a draft, or replaces the existing draft; published versions never change. */
export async function saveDraft(db: Db, ctx: Ctx, code: string, guide: ItemGuide): Promise<ItemDetail> {
  assertValid(guide);
  await assertDepartment(db, guide.departmentCode);
  return catalogWrite(db, async (tx) => {
    const item = await repo.findItem(tx, code, true);
    if (!item) throw notFound(ITEM);
    let version: number;
    let before: ItemGuide | null = null;
    const { cols, searchText } = repo.itemColumnsFor(guide);
    if (item.draft_version !== null) {
      version = item.draft_version;
      before = (await repo.getVersion(tx, item.id, version))?.data ?? null;
      await repo.updateVersion(tx, item.id, version, {
        data: JSON.stringify(guide),
        search_text: searchText,
        created_by: ctx.actor.username,
      });
    } else {
      version = (await repo.maxVersion(tx, item.id)) + 1;
      await repo.insertVersions(tx, [
        {
          item_id: item.id,
          version,
          status: 'draft',
          data: JSON.stringify(guide),
          search_text: searchText,
          created_by: ctx.actor.username,
          published_at: null,
          published_by: null,
        },
      ]);
    }
    // Until the first publication the draft is what the back office searches by.
    const updated = await repo.updateItem(
      tx,
      item.id,
      item.current_version === null
        ? { ...cols, draft_version: version, updated_at: ctx.now }
        : { draft_version: version, updated_at: ctx.now },
    );
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'catalog.item.draft',
      entityType: 'item',
      entityId: code,
      before: before && { version, guide: before },
      after: { version, guide },
      ip: ctx.ip,
    });
    const v = await repo.getVersion(tx, item.id, version);
    return detail(tx, updated, v!);
  });
}

/** 发布: the draft becomes the current version; the previous one is superseded. */
export async function publish(db: Db, ctx: Ctx, code: string): Promise<ItemDetail> {
  return catalogWrite(db, async (tx) => {
    const item = await repo.findItem(tx, code, true);
    if (!item) throw notFound(ITEM);
    if (item.draft_version === null) throw unprocessable('该事项没有待发布的草稿', [], 'no_draft');
    const draft = await repo.getVersion(tx, item.id, item.draft_version);
    if (!draft) throw unprocessable('该事项没有待发布的草稿', [], 'no_draft');
    assertValid(draft.data, '');
    await assertBodyResolves(tx, item.region_code, draft.data);
    const { now } = ctx;
    if (item.current_version !== null)
      await repo.updateVersion(tx, item.id, item.current_version, { status: 'superseded' });
    await repo.updateVersion(tx, item.id, draft.version, {
      status: 'published',
      published_at: now,
      published_by: ctx.actor.username,
    });
    const { cols } = repo.itemColumnsFor(draft.data);
    const updated = await repo.updateItem(tx, item.id, {
      ...cols,
      current_version: draft.version,
      draft_version: null,
      updated_at: now,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'catalog.item.publish',
      entityType: 'item',
      entityId: code,
      before: { version: item.current_version },
      after: { version: draft.version, name: draft.data.name },
      ip: ctx.ip,
    });
    const v = await repo.getVersion(tx, item.id, draft.version);
    return detail(tx, updated, v!);
  });
}

/** 取消 / 恢复: items are never deleted. */
export async function setActive(
  db: Db,
  ctx: Ctx,
  code: string,
  active: boolean,
): Promise<{ code: string; active: boolean }> {
  return catalogWrite(db, async (tx) => {
    const item = await repo.findItem(tx, code, true);
    if (!item) throw notFound(ITEM);
    if (item.active === active) throw conflict(active ? '该事项已是有效状态' : '该事项已取消', 'state_unchanged');
    await repo.updateItem(tx, item.id, { active, updated_at: ctx.now });
    await recordAudit(tx, {
      actor: ctx.actor,
      action: active ? 'catalog.item.activate' : 'catalog.item.deactivate',
      entityType: 'item',
      entityId: code,
      before: { active: item.active },
      after: { active },
      ip: ctx.ip,
    });
    return { code, active };
  });
}

/** 下放/赋权 record (also for powers a level never uses). */
export async function addDelegation(db: Db, ctx: Ctx, code: string, body: DelegationBody): Promise<Delegation> {
  if (!(await getRegion(db, body.regionCode))) throw fieldError('regionCode', `未知的区划代码：${body.regionCode}`);
  return catalogWrite(db, async (tx) => {
    const item = await repo.findItem(tx, code, true);
    if (!item) throw notFound(ITEM);
    const errors = validateDelegation(body, item.type);
    if (errors.length)
      throw badRequest(errors.map((e) => `${e.field}：${e.message}`).join('；'), errors, 'delegation_invalid');
    const [row] = await repo.insertDelegations(tx, [
      {
        item_id: item.id,
        from_level: body.fromLevel,
        to_level: body.toLevel,
        region_code: body.regionCode,
        basis: body.basis,
        effective_date: body.effectiveDate,
        note: body.note ?? null,
        created_by: ctx.actor.username,
      },
    ]);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'catalog.item.delegate',
      entityType: 'item',
      entityId: code,
      after: body,
      ip: ctx.ip,
    });
    return toDelegation(row!);
  });
}

export async function adminList(db: Db, query: AdminItemQuery) {
  const { total, items } = await repo.adminListItems(db, {
    text: query.q || undefined,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map((r) => ({
      code: r.code,
      name: r.name,
      type: r.type,
      typeLabel: ITEM_TYPE_LABELS[r.type],
      departmentCode: r.department_code,
      regionCode: r.region_code,
      currentVersion: r.current_version,
      draftVersion: r.draft_version,
      active: r.active,
      updatedAt: r.updated_at,
    })),
  };
}

/** Published, active items as summaries (for other modules: hall, case workflow, reports). */
export async function listItems(db: Db | Tx, opts: { codes?: string[] } = {}): Promise<ItemSummary[]> {
  const rows = await repo.listPublished(db, opts.codes);
  const names = departmentNames(db);
  return Promise.all(rows.map(async (r) => toSummary(r, await names(r.department_code))));
}
