import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';
import { CASE_NUMBER_RE } from './cases.numbering';

const Uuid = z.string().uuid('ID 格式有误');
const Json = z.record(z.string(), z.unknown());

/** Kinds of special procedure 特别程序 (same codes as the catalog's guide). */
export const SUSPENSION_KINDS = ['site_inspection', 'expert_review', 'hearing', 'inspection', 'other'] as const;
export const SUSPENSION_KIND_LABELS: Record<(typeof SUSPENSION_KINDS)[number], string> = {
  site_inspection: '现场踏勘/核查',
  expert_review: '专家评审',
  hearing: '听证',
  inspection: '检验检测',
  other: '其他特别程序',
};
export const DELIVERY_METHODS = ['window', 'express'] as const;
export const DELIVERY_METHOD_LABELS = { window: '窗口领取', express: '快递送达' } as const;
export const CHANNEL_LABELS = { online: '网上申报', window: '窗口登记' } as const;
export const MATERIAL_STATUS_LABELS = {
  received: '已收取',
  missing: '未提交',
  shared: '共享调取',
  rejected: '需补正',
} as const;
export const DEADLINE_STATES = ['not_started', 'on_time', 'near', 'overdue', 'suspended', 'finished'] as const;
export const DEADLINE_STATE_LABELS: Record<(typeof DEADLINE_STATES)[number], string> = {
  not_started: '未开始计时',
  on_time: '正常',
  near: '临近期限',
  overdue: '已超期',
  suspended: '暂停计时',
  finished: '已结束计时',
};

export const MaterialInput = z.object({
  materialId: z.string().trim().min(1, '请填写材料标识').max(40),
  fileIds: z.array(Uuid).max(50, '每项材料最多 50 个文件').default([]),
  /** Window registrations: the paper original was checked at the window (no scan needed). */
  paper: z.boolean().optional(),
});

export const ApplicantBody = z.object({
  kind: z.enum(['person', 'company']),
  name: z.string().trim().min(1, '请填写申请人名称').max(100),
  idNumber: z.string().trim().toUpperCase().max(18).optional(),
  creditCode: z.string().trim().toUpperCase().max(18).optional(),
  phone: z.string().trim().max(30).optional(),
});

export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string({ error: '请在请求头 Idempotency-Key 中提供幂等键（每次新申请一个新值，如 UUID）' })
    .trim()
    .min(1, '幂等键不能为空')
    .max(200, '幂等键最多 200 个字符'),
});

/** 领取方式: at a hall (default: the accepting hall) or by post. */
export const PickupBody = z.discriminatedUnion('method', [
  z.object({ method: z.literal('hall'), hallId: Uuid }),
  z.object({ method: z.literal('post'), address: z.string().trim().min(5, '请填写完整的邮寄地址').max(300) }),
]);

export const CreateCaseBody = z.object({
  itemCode: z.string().trim().min(1, '请填写事项编码').max(64),
  form: Json.default({}),
  materials: z.array(MaterialInput).max(60).default([]),
  /** true: submit at once; false: save as a draft. */
  submit: z.boolean().default(false),
  /** Window registration or agent filing: who the case is for. */
  applicant: ApplicantBody.optional(),
  channel: z.enum(['online', 'window']).optional(),
  /** 领取方式 (default for window cases: the accepting hall). */
  pickup: PickupBody.optional(),
  /** 绿色通道 (clerks only): sorts first in every inbox. */
  greenChannel: z.boolean().optional(),
  /** 同城通办: the competent region (at the item's deciding level) when it is not the accepting hall's own; clerks only. */
  competentRegionCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{6,12}$/, '区划代码格式有误')
    .optional(),
});
export type CreateCaseBody = z.infer<typeof CreateCaseBody>;

export const SaveDraftBody = z.object({
  version: z.number().int().min(1),
  /** The whole form and material list as they now stand (replacing the saved ones). */
  form: Json.default({}),
  materials: z.array(MaterialInput).max(60).default([]),
});
export type SaveDraftBody = z.infer<typeof SaveDraftBody>;

export const Correction = z.object({
  materialId: z.string().trim().min(1).max(40).optional(),
  field: z.string().trim().min(1).max(64).optional(),
  problem: z.string().trim().min(1, '请说明需要补正的问题').max(500),
});

/** 预审清单: the verdict on one material (符合 ok / 有问题 problem, with the problem in the clerk's words). */
export const CheckInput = z.object({
  result: z.enum(['ok', 'problem'], '请选择「符合」（ok）或「有问题」（problem）'),
  problem: z.string().trim().max(500, '问题说明不超过 500 字').optional(),
});
export const ActionCheck = CheckInput.extend({ materialId: z.string().trim().min(1).max(40) });

export const Suspension = z.object({
  kind: z.enum(SUSPENSION_KINDS),
  reason: z.string().trim().min(1, '请填写启动特别程序的理由').max(1000),
  expectedDays: z.number().int().min(1, '预计时长至少 1 个工作日').max(3650),
});

export const Delivery = z.object({
  method: z.enum(DELIVERY_METHODS),
  carrier: z.string().trim().min(1).max(50).optional(),
  trackingNumber: z.string().trim().min(1).max(50).optional(),
  address: z.string().trim().min(1).max(300).optional(),
});

export const CertificateInfo = z.object({
  /** The licence number when the certificate comes from a department system; else the document number is used. */
  number: z.string().trim().min(1).max(100).optional(),
  validUntil: IsoDate.optional(),
});

export const ActionBody = z.object({
  action: z.string().trim().min(1, '请填写操作名').max(40),
  version: z.number().int().min(1),
  comment: z.string().trim().max(2000).optional(),
  reason: z.string().trim().max(2000).optional(),
  corrections: z.array(Correction).max(100).optional(),
  /** Pre-review, correction notice, acceptance, refusal: checks to record with the step (over the saved checklist). */
  checks: z.array(ActionCheck).max(60).optional(),
  suspension: Suspension.optional(),
  delivery: Delivery.optional(),
  certificate: CertificateInfo.optional(),
  /** Applicant's side (submit, resubmit): the corrected form and materials. */
  form: Json.optional(),
  materials: z.array(MaterialInput).max(60).optional(),
  /** accept: 容缺受理 — materials supplied later against a written promise. */
  deferredMaterials: z
    .array(
      z.object({
        materialId: z.string().trim().min(1, '请填写材料标识').max(40),
        dueDate: IsoDate,
        promiseText: z.string().trim().min(1).max(1000).optional(),
      }),
    )
    .max(30)
    .optional(),
  /** accept: 绿色通道. */
  greenChannel: z.boolean().optional(),
  /** supply-material: the promised material, with its files (or checked on paper at a window). */
  materialId: z.string().trim().min(1).max(40).optional(),
  fileIds: z.array(Uuid).max(50).optional(),
  paper: z.boolean().optional(),
});
export type ActionBody = z.infer<typeof ActionBody>;

/** The checked inputs an action demands (its `requires`). */
export interface ActionInputs {
  reason?: string;
  corrections?: NonNullable<ActionBody['corrections']>;
  suspension?: NonNullable<ActionBody['suspension']>;
  delivery?: NonNullable<ActionBody['delivery']>;
  certificate?: NonNullable<ActionBody['certificate']>;
}

export const CaseIdParam = z.object({ id: Uuid });
export const CaseMaterialParam = z.object({ id: Uuid, materialId: z.string().trim().min(1).max(40) });

export const CheckView = z.object({
  materialId: z.string(),
  materialName: z.string(),
  result: z.enum(['ok', 'problem']),
  resultLabel: z.string(),
  problem: z.string().nullable(),
  checkedBy: z.string(),
  checkedAt: z.date(),
});
export const CaseChecklist = z.object({ checks: z.array(CheckView) });

export const PromiseListQuery = PageQuery.extend({
  state: z.enum(['open', 'overdue', 'fulfilled']).default('overdue'),
});
export const PromiseListItem = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemName: z.string(),
  applicantName: z.string().nullable(),
  materialId: z.string(),
  materialName: z.string(),
  dueDate: z.string(),
  state: z.enum(['open', 'overdue', 'fulfilled']),
  stateLabel: z.string(),
  fulfilledAt: z.date().nullable(),
  acceptRegionCode: z.string(),
  currentRegionCode: z.string(),
});
export const PromiseListPage = paged(PromiseListItem);
export const CaseDocParam = z.object({ id: Uuid, docId: Uuid });
export const CaseFileParam = z.object({ id: Uuid, fileId: Uuid });

export const CaseListQuery = PageQuery.extend({
  /** todo: cases waiting for me (staff default); all: everything in my scope (applicant default). */
  view: z.enum(['todo', 'all']).optional(),
  status: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]*$/, '状态代码格式有误')
    .max(40)
    .optional(),
  itemCode: z.string().trim().min(1).max(64).optional(),
  deadlineState: z.enum(['on_time', 'near', 'overdue']).optional(),
  /** 受审分离: the front desk (before acceptance), the back office (review and decision), the exit counter (certificate and delivery). */
  counter: z.enum(['front', 'back', 'exit']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: z.string().trim().max(100).optional(),
  /** 监控 filters (staff in scope). */
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3}){0,2}$/, '区划代码应为 6、9 或 12 位数字')
    .optional(),
  departmentCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,40}$/, '部门代码格式有误')
    .optional(),
  hallId: z.uuid('大厅 ID 格式有误').optional(),
  windowId: z.uuid('窗口 ID 格式有误').optional(),
  clerkId: z.uuid('工作人员 ID 格式有误').optional(),
  sort: z.enum(['deadline', 'created']).default('deadline'),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const TrackQuery = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(CASE_NUMBER_RE, '办件编号格式应为 区划6位-日期8位-序号6位，如 211100-20261123-000042'),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[2-9A-HJKMNP-Z]{5}[- ]?[2-9A-HJKMNP-Z]{5}$/,
      '请填写受理通知书或办件消息中的 10 位查询码（如 K7M2P-9QX4R，不含 0、1、I、L、O）',
    )
    .describe('查询码：受理通知书和办件消息中的 10 位字母数字，可带连字符'),
});

/* ------------------------------------------------------------------ responses */

export const CreatedCase = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  trackingCode: z.string().nullable().describe('查询码：凭办件编号和查询码免登录查询进度'),
});

const DeadlineState = z.enum(DEADLINE_STATES);
const Colour = z.enum(['green', 'yellow', 'red', 'grey']);

export const ApplicantView = z.object({
  kind: z.enum(['person', 'company']),
  name: z.string(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
  phone: z.string().nullable(),
  /** Whether the case is linked to the applicant's online account. */
  hasAccount: z.boolean(),
});

export const FileView = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
});

export const MaterialView = z.object({
  materialId: z.string(),
  name: z.string(),
  required: z.boolean(),
  status: z.enum(['received', 'missing', 'shared', 'rejected']),
  statusLabel: z.string(),
  paper: z.boolean(),
  note: z.string().nullable(),
  files: z.array(FileView),
});

export const ActionView = z.object({ action: z.string(), label: z.string(), requires: z.array(z.string()) });

export const DocumentView = z.object({
  id: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  number: z.string(),
  issuedOn: z.string(),
});

export const HistoryEntry = z.object({
  seq: z.number().int(),
  at: z.date(),
  on: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string(), role: z.string(), roleLabel: z.string() }),
  action: z.string(),
  actionLabel: z.string(),
  comment: z.string().nullable(),
  fromStatus: z.string().nullable(),
  fromStatusLabel: z.string().nullable(),
  toStatus: z.string(),
  toStatusLabel: z.string(),
  clock: z.enum(['start', 'stop', 'resume', 'end']).nullable(),
  clockLabel: z.string(),
  payload: Json,
});

const LevelEnum = z.enum(['city', 'county', 'town', 'village']);
export const PickupView = z.discriminatedUnion('method', [
  z.object({ method: z.literal('hall'), hallId: z.string(), hallName: z.string().nullable() }),
  z.object({ method: z.literal('post'), address: z.string() }),
]);
export const PromiseView = z.object({
  materialId: z.string(),
  materialName: z.string(),
  dueDate: z.string(),
  state: z.enum(['open', 'overdue', 'fulfilled']),
  stateLabel: z.string(),
  promiseText: z.string(),
  fulfilledAt: z.date().nullable(),
});
const HallRef = z.object({ id: z.string(), name: z.string() });
const RegionRef = z.object({ code: z.string(), name: z.string().nullable(), level: LevelEnum, levelLabel: z.string() });

export const CaseView = z.object({
  id: z.string(),
  number: z.string(),
  trackingCode: z.string().nullable().describe('查询码（受理通知书所列，免登录查询进度用）'),
  itemCode: z.string(),
  itemName: z.string(),
  itemVersion: z.number().int(),
  handlingType: z.enum(['immediate', 'promised']),
  processKey: z.string(),
  channel: z.enum(['online', 'window']),
  channelLabel: z.string(),
  regionCode: z.string(),
  acceptRegionCode: z.string(),
  departmentCode: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  applicant: ApplicantView,
  form: Json,
  materials: z.array(MaterialView),
  deadlines: z.object({
    acceptedOn: z.string().nullable(),
    finishedOn: z.string().nullable(),
    promised: z.string().nullable(),
    statutory: z.string().nullable(),
    provisional: z.boolean(),
    promisedDays: z.number().int(),
    statutoryDays: z.number().int(),
    suspendedWorkdays: z.number().int(),
  }),
  remainingWorkingDays: z.number().int().nullable(),
  deadlineState: DeadlineState,
  deadlineStateLabel: z.string(),
  deadlineColour: Colour,
  onTime: z.boolean().nullable(),
  currentStep: z.object({
    code: z.string(),
    label: z.string(),
    enteredAt: z.date(),
    limitDays: z.number().int().nullable(),
    deadline: z.string().nullable(),
    overdue: z.boolean(),
  }),
  availableActions: z.array(ActionView),
  /** Nothing for the caller to do now: they follow the case (another step's turn, an accepting hall that is not the competent one, a supervisor, a finished case). */
  readOnly: z.boolean(),
  documents: z.array(DocumentView),
  history: z.array(HistoryEntry),
  createdAt: z.date(),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
  /** 四级联动: the accepting hall, who holds the case now, and the hops (accepting hall → pre-review → deciding level). */
  acceptingHall: HallRef.nullable(),
  currentLevel: LevelEnum,
  currentLevelLabel: z.string(),
  currentRegion: RegionRef,
  currentHall: HallRef.nullable(),
  linkage: z.array(
    z.object({
      level: LevelEnum,
      levelLabel: z.string(),
      regionCode: z.string(),
      regionName: z.string().nullable(),
      current: z.boolean(),
    }),
  ),
  /** 容缺承诺: every promise (open, overdue, fulfilled) and whether one is overdue. */
  openPromises: z.array(PromiseView),
  promises: z.array(PromiseView),
  promiseOverdue: z.boolean(),
  greenChannel: z.boolean(),
  pickup: PickupView.nullable(),
});

/**
 * The answer to an action when the client sends `Prefer: return=minimal` (RFC 7240): what changed, without
 * the case view (integrations and batch clients that do not display the case).
 */
export const CaseActed = z
  .strictObject({
    id: z.string(),
    number: z.string(),
    version: z.number().int().describe('新版本号（下一次操作时提交）'),
    status: z.string(),
    statusLabel: z.string(),
    documentNumber: z.string().nullable().describe('本次操作出具的文书编号'),
  })
  .describe('请求头 Prefer: return=minimal 时的精简应答');
export type CaseActed = z.infer<typeof CaseActed>;
export type CaseView = z.infer<typeof CaseView>;

export const CaseListItem = z.object({
  id: z.string(),
  number: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  channel: z.enum(['online', 'window']),
  status: z.string(),
  statusLabel: z.string(),
  version: z.number().int(),
  applicant: z.object({
    kind: z.enum(['person', 'company']),
    name: z.string(),
    idNumberMasked: z.string().nullable(),
    phoneMasked: z.string().nullable(),
  }),
  regionCode: z.string(),
  acceptRegionCode: z.string(),
  createdAt: z.date(),
  submittedAt: z.date().nullable(),
  acceptedOn: z.string().nullable(),
  promisedDeadline: z.string().nullable(),
  provisional: z.boolean(),
  remainingWorkingDays: z.number().int().nullable(),
  deadlineState: DeadlineState,
  deadlineStateLabel: z.string(),
  deadlineColour: Colour,
  finishedOn: z.string().nullable(),
  departmentCode: z.string(),
  greenChannel: z.boolean(),
  currentRegionCode: z.string(),
  currentLevel: LevelEnum,
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const TrackView = z.object({
  number: z.string(),
  itemName: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  submittedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  finishedOn: z.string().nullable(),
  promisedDeadline: z.string().nullable(),
  steps: z.array(z.object({ label: z.string(), statusLabel: z.string(), on: z.string() })),
});

/** A page of the inbox; `total` stops counting at 10 000 (`totalExact: false` beyond). */
export const CaseListPage = paged(CaseListItem).extend({ totalExact: z.boolean() });
