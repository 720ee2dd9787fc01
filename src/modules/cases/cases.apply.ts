/**
 * Filing a case 申请: online by the applicant, at a window by a clerk (paper), or by an agent — where it
 * goes (routing and four-level linkage), who the applicant is, its materials and first history event, once
 * per idempotency key.
 */
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../platform/db';
import { joinTransaction } from '../../platform/db';
import { type Actor } from '../../platform/auth';
import { auditInsert, canonicalJson } from '../../platform/audit';
import { insertRows } from '../../platform/writes';
import { conflict, fieldError, forbidden, unprocessable } from '../../platform/errors';
import { getPublishedItem, type ItemDetail } from '../catalog/index';
import { getDepartmentsByKind, getHall, getRegion, getRegionPath, listHallsInRegion } from '../org/index';
import { getProcessDefinition, statusLabel, transition, type Performer, type TransitionOk } from '../workflow/index';
import * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';
import { shanghaiDay } from './cases.clock';
import { formatCaseNumber, numberPrefix } from './cases.numbering';
import { formatTrackingCode, newTrackingCode, trackingHint } from './cases.tracking';
import { idTail, validateApplicant, validateForm, validateMaterials, type MaterialRow } from './cases.form';
import { assertEditsDraft, assertFiles, filesAtWindow, filingAs } from './cases.policy';
import { findApplicantAccount } from '../identity/index';
import { applicantNotice } from './cases.outputs';
import type { ApplicantInfo, Channel, Level, LinkageHop, Pickup } from './cases.tables';
import {
  acceptRefusal,
  competentRegion,
  onlineCompetentRegion,
  linkageChain,
  type LinkageGuide,
} from './cases.linkage';
import type { CaseView, CreateCaseBody, SaveDraftBody } from './cases.schemas';
import { factsOf, partsOf, type Ctx } from './cases.context';
import { eventHead, eventWho, actionableAt } from './cases.steps';
import {
  throwFieldErrors,
  assertMaterialFiles,
  missingMaterials,
  onlineApplicant,
  applicantColumns,
  isUnchanged,
} from './cases.inputs';
import { takeStep, type Step } from './cases.pipeline';

/* ------------------------------------------------------------------ create */

export interface CreateResult {
  id: string;
  number: string;
  status: string;
  /** 查询码 as printed (see cases.tracking). */
  trackingCode: string | null;
  /** The same Idempotency-Key was used before: this is the case it created. */
  replayed: boolean;
}

const requestHash = (body: CreateCaseBody) => createHash('sha256').update(canonicalJson(body)).digest('hex');

interface Filing {
  channel: Channel;
  applicant: ApplicantInfo;
  applicantId: string | null;
  acceptRegionCode: string;
  acceptHallId: string | null;
  performers: Performer[];
  actorRole: string;
}

const linkageGuide = (item: ItemDetail): LinkageGuide => ({
  decideLevel: item.decideLevel,
  acceptLevels: item.acceptLevels,
  acceptAnywhere: item.acceptAnywhere,
  preReviewLevels: item.linkage?.preReviewLevels,
});

interface Routing {
  regionCode: string;
  departmentCode: string;
  chain: LinkageHop[];
  pickup: Pickup | null;
  greenChannel: boolean;
}

/**
 * 四级联动 / 同城通办: the competent region at the item's deciding level (the accepting hall's own, or
 * one named for an item accepted anywhere), the hops from the accepting hall up to it, the competent
 * office (a county's approval bureau 行政审批局 when the case is routed below the item's own region),
 * and the pickup. Online and agent filings go to the item's own region as before.
 */
async function routeCase(
  db: Db,
  actor: Actor,
  item: ItemDetail,
  filing: Filing,
  body: CreateCaseBody,
): Promise<Routing> {
  const clerk = filing.channel === 'window';
  if (!clerk && body.greenChannel) throw fieldError('greenChannel', '绿色通道只能由窗口人员设置');
  const itemRegion = await getRegion(db, item.regionCode);
  const itemRef = { code: item.regionCode, level: (itemRegion?.level ?? 'city') as Level };
  let chosen: { code: string; level: Level } | undefined;
  if (body.competentRegionCode) {
    const r = await getRegion(db, body.competentRegionCode);
    if (!r || !r.active || !r.code.startsWith(itemRegion?.scopePrefix ?? ''))
      throw fieldError('competentRegionCode', '办理机关所在区划不存在或不在本事项的实施范围内');
    chosen = { code: r.code, level: r.level as Level };
  }
  const guide = linkageGuide(item);
  let pickup: Pickup | null = null;
  if (body.pickup?.method === 'hall') {
    const hall = await getHall(db, body.pickup.hallId);
    if (!hall || !hall.active) throw fieldError('pickup.hallId', '领取大厅不存在或已停用');
    pickup = { method: 'hall', hallId: hall.id };
  } else if (body.pickup?.method === 'post') {
    if (!item.expressDelivery)
      throw unprocessable(
        '该事项不提供邮寄送达，请选择到大厅领取',
        [{ field: 'pickup.method', message: '该事项不提供邮寄送达' }],
        'post_not_offered',
      );
    pickup = { method: 'post', address: body.pickup.address };
  }
  if (!clerk) {
    const routed = onlineCompetentRegion(guide, itemRef, chosen);
    if ('error' in routed) throw fieldError('competentRegionCode', routed.error);
    const competent = routed.region;
    const hallId = competent.code === item.regionCode ? null : await firstHallOf(db, competent.code);
    return {
      regionCode: competent.code,
      departmentCode: await competentDepartment(db, item, competent.code),
      chain: [{ level: competent.level, regionCode: competent.code, hallId }],
      pickup,
      greenChannel: false,
    };
  }
  const path = (await getRegionPath(db, filing.acceptRegionCode)).map((r) => ({
    code: r.code,
    level: r.level as Level,
  }));
  const acceptRef = path[path.length - 1] ?? { code: filing.acceptRegionCode, level: 'city' as Level };
  const routed = competentRegion(guide, path, itemRef, chosen);
  if ('error' in routed)
    throw unprocessable(routed.error, [{ field: 'competentRegionCode', message: routed.error }], 'not_accept_anywhere');
  const competent = routed.region;
  const chain = linkageChain(guide, path, { region: acceptRef, hallId: filing.acceptHallId }, competent);
  // Hops other than the accepting hall are shown with their region's first hall.
  for (const hop of chain) hop.hallId ??= await firstHallOf(db, hop.regionCode);
  if (!pickup && filing.acceptHallId) pickup = { method: 'hall', hallId: filing.acceptHallId };
  return {
    regionCode: competent.code,
    departmentCode: await competentDepartment(db, item, competent.code),
    chain,
    pickup,
    greenChannel: !!body.greenChannel,
  };
}

/** The region's own first hall (not one of its subregions'). */
async function firstHallOf(db: Db, regionCode: string): Promise<string | null> {
  return (await listHallsInRegion(db, regionCode)).find((h) => h.regionCode === regionCode)?.id ?? null;
}

/** The department that decides in the competent region: the item's own, or that region's approval bureau. */
async function competentDepartment(db: Db, item: ItemDetail, regionCode: string): Promise<string> {
  if (regionCode === item.regionCode) return item.departmentCode;
  return (await getDepartmentsByKind(db, regionCode, 'approval_bureau'))[0]?.code ?? item.departmentCode;
}

/** Who files, for whom, where: online by the applicant, by an agent for a company, or at a window by a clerk. */
async function resolveFiling(
  db: Db,
  actor: Actor,
  item: ItemDetail,
  body: CreateCaseBody,
  form: Record<string, unknown>,
): Promise<Filing> {
  const as = filingAs(actor);
  const clerk = as === 'window';
  if (as !== 'self') {
    const channel: Channel = clerk ? 'window' : 'online';
    if (body.channel && body.channel !== channel) {
      throw fieldError('channel', clerk ? '窗口人员登记的办件渠道为 window' : '代办员提交的办件渠道为 online');
    }
    if (!body.applicant)
      throw fieldError(
        'applicant',
        clerk ? '窗口登记须填写申请人信息（类型、名称、证件号码、电话）' : '代办须填写被代办的申请人信息',
      );
    const a = body.applicant;
    throwFieldErrors(validateApplicant(a), '申请人信息有误', 'applicant_invalid');
    const applicant: ApplicantInfo = { kind: a.kind, name: a.name };
    if (a.kind === 'person') applicant.idNumber = a.idNumber!;
    else applicant.creditCode = a.creditCode!;
    if (a.phone) applicant.phone = a.phone;
    const account = await findApplicantAccount(db, applicant);
    if (!applicant.phone && account?.phone) applicant.phone = account.phone;
    let acceptRegionCode = item.regionCode;
    if (clerk) {
      acceptRegionCode = actor.scope.regionCode;
      const [hallRegion, itemRegion] = await Promise.all([
        getRegion(db, acceptRegionCode),
        getRegion(db, item.regionCode),
      ]);
      if (!hallRegion) throw forbidden('您的账号没有所属区划，不能窗口登记');
      if (itemRegion && !acceptRegionCode.startsWith(itemRegion.scopePrefix)) {
        throw unprocessable(
          `该事项由${itemRegion.name}实施，不在本窗口的受理范围内`,
          [{ field: 'itemCode', message: '不在本窗口受理范围内' }],
          'outside_item_region',
        );
      }
      const refusal = acceptRefusal(linkageGuide(item), hallRegion.level);
      if (refusal)
        throw unprocessable(
          `「${item.name}」${refusal}`,
          [{ field: 'itemCode', message: refusal }],
          'level_not_accepting',
        );
    }
    return {
      channel,
      applicant,
      applicantId: account?.id ?? null,
      acceptRegionCode,
      acceptHallId: clerk ? actor.scope.hallId : null,
      performers: clerk ? ['clerk', 'owner'] : ['owner'],
      actorRole: clerk ? 'clerk' : 'agent',
    };
  }

  if (body.channel === 'window') throw fieldError('channel', '申请人网上申请的渠道为 online；窗口办理请到政务服务大厅');
  if (body.applicant) throw fieldError('applicant', '网上申请以登录账号为申请人，不填写申请人信息');
  return {
    channel: 'online',
    applicant: await onlineApplicant(db, actor, form),
    applicantId: actor.id,
    acceptRegionCode: item.regionCode,
    acceptHallId: null,
    performers: ['owner'],
    actorRole: 'owner',
  };
}
function materialRows(caseId: string, rows: MaterialRow[], at: Date) {
  return rows.map((m) => ({
    case_id: caseId,
    material_id: m.materialId,
    name: m.name,
    required: m.required,
    file_ids: m.fileIds,
    paper: m.paper,
    status: m.status,
    note: null,
    updated_at: at,
  }));
}

/**
 * 申请 / 窗口登记: saves a draft or files at once. The same Idempotency-Key from the same user
 * returns the case it created (also when two requests race); reused with another body → 422.
 */
export async function createCase(
  db: Db,
  ctx: Ctx,
  body: CreateCaseBody,
  idempotencyKey: string,
): Promise<CreateResult> {
  const { actor } = ctx;
  assertFiles(actor);
  const hash = requestHash(body);
  const earlier = await repo.findByIdempotencyKey(db, actor.id, idempotencyKey);
  if (earlier) return replay(earlier, hash);

  const item = await getPublishedItem(db, body.itemCode);
  if (!item) throw fieldError('itemCode', `事项不存在、未发布或已取消：${body.itemCode}`, 'unknown_item');
  const formCheck = validateForm(item.formFields, body.form, { submit: body.submit });
  throwFieldErrors(formCheck.errors, '申请表填写有误', 'form_invalid');
  const window = filesAtWindow(actor);
  const mat = validateMaterials(item.materials, body.materials, { submit: body.submit, window });
  throwFieldErrors(mat.invalid, '申请材料有误', 'materials_invalid');
  await assertMaterialFiles(db, actor.id, body.materials);
  if (mat.missing.length) missingMaterials(mat.missing);
  const filing = await resolveFiling(db, actor, item, body, formCheck.form);
  const routing = await routeCase(db, actor, item, filing, body);

  const def = getProcessDefinition(item);
  const now = ctx.now;
  const today = shanghaiDay(now);
  let submitted: TransitionOk | null = null;
  if (body.submit) {
    const tr = transition(def, { status: def.initial, suspendedFrom: null }, 'submit', {
      performers: filing.performers,
    });
    if (!tr.ok) throw unprocessable(`该事项的流程不能直接提交：${tr.message}`, [], 'cannot_submit');
    submitted = tr;
  }
  const status = submitted?.status ?? def.initial;

  try {
    return await db.transaction().execute(async (tx) => {
      await repo.lockIdempotencyKey(tx, actor.id, idempotencyKey);
      const again = await repo.findByIdempotencyKey(tx, actor.id, idempotencyKey);
      if (again) return replay(again, hash);

      const prefix = numberPrefix(filing.acceptRegionCode);
      const seq = await repo.nextNumberSeq(tx, prefix, today);
      const number = formatCaseNumber(filing.acceptRegionCode, today, seq);
      const trackingCode = newTrackingCode();
      const row = await repo.insertCase(tx, {
        number,
        tracking_code: trackingCode,
        item_code: item.code,
        item_version: item.version,
        item_name: item.name,
        department_code: routing.departmentCode,
        process_key: def.key,
        region_code: routing.regionCode,
        current_region_code: routing.chain[0]!.regionCode,
        current_level: routing.chain[0]!.level,
        current_hall_id: routing.chain[0]!.hallId,
        linkage_chain: JSON.stringify(routing.chain),
        pickup: routing.pickup ? JSON.stringify(routing.pickup) : null,
        green_channel: routing.greenChannel,
        accept_region_code: filing.acceptRegionCode,
        accept_hall_id: filing.acceptHallId,
        channel: filing.channel,
        applicant_id: filing.applicantId,
        applicant: JSON.stringify(filing.applicant),
        applicant_name: filing.applicant.name,
        applicant_id_tail: idTail(filing.applicant),
        created_by: actor.id,
        idempotency_key: idempotencyKey,
        request_hash: hash,
        status,
        suspended_from: null,
        version: submitted ? 2 : 1,
        actionable: actionableAt(def, { status, suspendedFrom: null }),
        form: JSON.stringify(formCheck.form),
        handling_type: item.handlingType,
        promised_days: item.promisedLimit.days,
        statutory_days: item.statutoryLimit.days,
        accepted_on: null,
        promised_deadline: null,
        statutory_deadline: null,
        near_on: null,
        overdue_on: null,
        finished_on: null,
        step_entered_at: now,
        submitted_at: submitted ? now : null,
        created_at: now,
        updated_at: now,
      });
      await repo.insertMaterials(tx, materialRows(row.id, mat.rows, now));
      const actorRole = filing.actorRole;
      await repo.insertEvent(tx, {
        ...eventHead(row.id, 1, now, actor),
        actor_role: actorRole,
        action: filing.channel === 'window' ? 'register' : 'create',
        from_status: null,
        to_status: def.initial,
        clock: null,
        comment: null,
        payload: JSON.stringify({
          channel: filing.channel,
          itemVersion: item.version,
          level: routing.chain[0]!.level,
          regionCode: routing.chain[0]!.regionCode,
          hallId: routing.chain[0]!.hallId,
          competentRegionCode: routing.regionCode,
          ...(routing.greenChannel ? { greenChannel: true } : {}),
        }),
      });
      if (submitted) {
        await repo.insertEvent(tx, {
          ...eventHead(row.id, 2, now, actor),
          actor_role: actorRole,
          action: 'submit',
          from_status: def.initial,
          to_status: submitted.status,
          clock: null,
          comment: null,
          payload: JSON.stringify({}),
        });
      }
      const notice = submitted
        ? applicantNotice(
            row,
            {
              kind: 'case.submitted',
              title: `申请已提交：${item.name}`,
              body: `您的申请（办件编号 ${number}）已提交，等待窗口预审。${trackingHint(trackingCode)}`,
            },
            { actor, ip: ctx.ip },
          )
        : null;
      await insertRows(tx, [
        ...(notice?.inserts ?? []),
        auditInsert({
          actor,
          action: 'cases.case.create',
          entityType: 'case',
          entityId: row.id,
          after: {
            number,
            itemCode: item.code,
            itemVersion: item.version,
            channel: filing.channel,
            status,
            submitted: !!submitted,
            notified: notice?.notified ?? null,
          },
          ip: ctx.ip,
        }),
      ]);
      return { id: row.id, number, status, trackingCode: formatTrackingCode(trackingCode), replayed: false };
    });
  } catch (err) {
    // A concurrent request with the same key won the race past the advisory lock: answer with its case.
    if (
      (err as { code?: string }).code === '23505' &&
      String((err as { constraint?: string }).constraint ?? '').includes('idempotency')
    ) {
      const winner = await repo.findByIdempotencyKey(db, actor.id, idempotencyKey);
      if (winner) return replay(winner, hash);
    }
    throw err;
  }
}

function replay(row: CaseRow, hash: string): CreateResult {
  if (row.request_hash !== hash) {
    throw unprocessable(
      '该 Idempotency-Key 已用于另一份不同内容的申请；新申请请使用新的幂等键',
      [{ field: 'Idempotency-Key', message: '幂等键已用于内容不同的请求' }],
      'idempotency_key_reused',
    );
  }
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    trackingCode: formatTrackingCode(row.tracking_code),
    replayed: true,
  };
}

/**
 * 一件事一次办 (bundles): files one case inside the caller's transaction, at the caller's instant; any problem
 * throws and the caller rolls back everything.
 */
export async function createCaseInTransaction(tx: Tx, ctx: Ctx, body: CreateCaseBody, idempotencyKey: string) {
  const r = await createCase(joinTransaction(tx), ctx, body, idempotencyKey);
  return { id: r.id, number: r.number, status: r.status };
}

/* ------------------------------------------------------------------ drafts */

/** 保存草稿: the applicant (or the clerk who registered it) changes a draft that was never submitted. */
export async function saveDraft(db: Db, ctx: Ctx, id: string, body: SaveDraftBody): Promise<CaseView> {
  return (await takeStep(db, ctx, id, body.version, draftStep(body), { minimal: false })) as CaseView;
}

const draftStep = (body: SaveDraftBody): Step<void> => ({
  allow({ ctx: { actor }, row, def, loaded: { performers } }) {
    assertEditsDraft(actor, factsOf(row), performers);
    if (row.status !== def.initial || row.submitted_at !== null)
      throw conflict(`办件当前为「${statusLabel(def, row.status)}」，不是草稿，不能修改`, 'not_a_draft');
  },

  async plan({ db, ctx: { actor, now, ip }, row, item, before, loaded: { performers } }) {
    const formCheck = validateForm(item.formFields, body.form, { submit: false });
    throwFieldErrors(formCheck.errors, '申请表填写有误', 'form_invalid');
    const { materials: current } = await partsOf(db, row.id, before);
    const mat = validateMaterials(item.materials, body.materials, { submit: false, window: row.channel === 'window' });
    throwFieldErrors(mat.invalid, '申请材料有误', 'materials_invalid');
    await assertMaterialFiles(db, actor.id, body.materials, (m) => isUnchanged(m, current));
    const { cols: applicantCols } = await applicantColumns(db, actor, row, formCheck.form);
    return {
      patch: { form: JSON.stringify(formCheck.form), ...applicantCols },
      event: {
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
      alongside: () => [
        auditInsert({
          actor,
          action: 'cases.case.save',
          entityType: 'case',
          entityId: row.id,
          before: { version: row.version },
          after: { version: body.version + 1, form: formCheck.form },
          ip,
        }),
      ],
      also: async (tx) => {
        for (const m of mat.rows)
          await repo.updateMaterial(
            tx,
            row.id,
            m.materialId,
            {
              file_ids: m.fileIds,
              paper: m.paper,
              status: m.status,
              note: null,
            },
            now,
          );
      },
      changed: { materials: true },
    };
  },
});
