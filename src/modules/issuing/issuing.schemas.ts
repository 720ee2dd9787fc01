import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';
import { carrierOf } from './issuing.rules';

const Uuid = z.string().uuid('ID 格式有误');

/** Free-text search of a list: a case number, tracking number or name (LIKE metacharacters are taken literally). */
const SearchText = z.string().trim().max(100, '搜索内容最多 100 个字').optional();

export const QueueQuery = PageQuery.extend({
  stage: z
    .enum(['to_issue', 'to_deliver'], { error: 'stage 应为 to_issue（待制证）或 to_deliver（待送达）' })
    .default('to_issue'),
  hallId: Uuid.optional(),
  /** 办件编号 or applicant name. */
  q: SearchText,
  departmentCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_-]{1,40}$/, '部门代码格式有误')
    .optional(),
});

const PickupOut = z.union([
  z.object({ method: z.literal('hall'), hallId: z.string() }),
  z.object({ method: z.literal('post'), address: z.string() }),
]);

export const QueueItem = z.object({
  id: z.string(),
  number: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  regionCode: z.string(),
  acceptRegionCode: z.string(),
  acceptHallId: z.string().nullable(),
  currentHallId: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
  applicantNameMasked: z.string().nullable(),
  greenChannel: z.boolean(),
  pickup: PickupOut.nullable(),
  pickupLabel: z.string(),
  since: z.date(),
});
export const QueuePage = paged(QueueItem).extend({ stage: z.enum(['to_issue', 'to_deliver']), stageLabel: z.string() });

export const BatchBody = z
  .object({
    caseIds: z.array(Uuid).min(1, '请至少选择一件办件').max(100, '一批最多 100 件'),
    /** The version of each case as the clerk saw it in the queue (stale → that case fails with 409). */
    versions: z.record(z.string(), z.number().int().min(1, '版本号从 1 开始')),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.caseIds.forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['caseIds', i], message: '办件重复' });
      seen.add(id);
      if (b.versions[id] === undefined)
        ctx.addIssue({ code: 'custom', path: ['versions', id], message: '请提供该办件的版本号' });
    });
  });

export const BatchItemView = z.object({
  caseId: z.string(),
  ok: z.boolean(),
  number: z.string().nullable(),
  status: z.string().nullable(),
  version: z.number().int().nullable(),
  documentId: z.string().nullable(),
  documentNumber: z.string().nullable(),
  error: z.object({ status: z.number().int(), detail: z.string() }).nullable(),
});
export const BatchView = z.object({
  id: z.string(),
  createdBy: z.string(),
  createdByName: z.string(),
  regionCode: z.string(),
  createdAt: z.date(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  items: z.array(BatchItemView),
  /** The certificates to print, in order (PDFs are not merged server-side). */
  documentIds: z.array(z.string()),
  /** Where each certificate PDF is downloaded for printing (same order as documentIds). */
  printUrls: z.array(z.string()),
  /** The batch's handover list 交接清单 (PDF). */
  listUrl: z.string(),
});

const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '请填写正确的手机号或固定电话');

export const WaybillBody = z.object({
  caseId: Uuid,
  version: z.number().int().min(1, '版本号从 1 开始'),
  carrier: z
    .string({ error: '请填写快递公司（EMS、顺丰、京东等）' })
    .trim()
    .refine(
      (s) => carrierOf(s) !== undefined,
      '不支持的快递公司（可选：EMS、顺丰 SF、京东 JD、中通 ZTO、圆通 YTO、申通 STO）',
    ),
  recipient: z.object(
    {
      name: z.string().trim().min(1, '请填写收件人姓名').max(50),
      phone: Phone,
      address: z.string().trim().min(5, '请填写完整的收件地址').max(300),
    },
    { error: '请填写收件人（name、phone、address）' },
  ),
  free: z.boolean().default(true),
  feeCents: z.number().int().min(0, '邮费不能为负').max(1_000_000).default(0),
});

export const ReceiptBody = z.object({
  signedBy: z.string().trim().min(1, '请填写签收人').max(50),
  at: z.coerce.date({ error: '签收时间格式有误' }),
});
export const ReturnBody = z.object({ reason: z.string().trim().min(1, '请填写退回原因').max(300) });

export const WaybillView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  departmentCode: z.string(),
  regionCode: z.string(),
  carrier: z.string(),
  carrierLabel: z.string(),
  trackingNumber: z.string(),
  recipient: z.object({ name: z.string(), phone: z.string().nullable(), address: z.string() }),
  status: z.enum(['created', 'dispatched', 'delivered', 'returned']),
  statusLabel: z.string(),
  feeCents: z.number().int(),
  free: z.boolean(),
  signedBy: z.string().nullable(),
  createdAt: z.date(),
  dispatchedAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  returnedAt: z.date().nullable(),
});
export const WaybillCreated = WaybillView.extend({
  case: z.object({ id: z.string(), status: z.string(), version: z.number().int(), finishedOn: z.string().nullable() }),
});

export const WaybillListQuery = PageQuery.extend({
  /** 办件编号, 快递单号 or recipient name. */
  q: SearchText,
  status: z.enum(['created', 'dispatched', 'delivered', 'returned']).optional(),
  carrier: z.enum(['EMS', 'SF', 'JD', 'ZTO', 'YTO', 'STO']).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const WaybillPage = paged(WaybillView);

export const StatsQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  groupBy: z
    .enum(['carrier', 'department', 'region'], { error: 'groupBy 应为 carrier、department 或 region' })
    .default('carrier'),
});
const StatsRow = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  freeCount: z.number().int(),
  deliveredCount: z.number().int(),
  totalFeeCents: z.number().int(),
  avgDaysGrantToReceipt: z.number().nullable(),
});
export const StatsView = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  groupBy: z.enum(['carrier', 'department', 'region']),
  rows: z.array(StatsRow),
  total: StatsRow,
});
export type StatsView = z.infer<typeof StatsView>;
