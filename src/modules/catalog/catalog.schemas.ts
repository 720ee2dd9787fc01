import { z } from 'zod';
import { IsoDate, PageQuery } from '../../platform/schemas';
import { ProcessDefinitionSchema } from '../workflow/index';

/** Item types of the national list (GB/T 39554; State Council C0101–C0109), stable English codes. */
export const ITEM_TYPES = [
  'licence',
  'penalty',
  'enforcement',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other_power',
  'public_service',
  'filing',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  licence: '行政许可',
  penalty: '行政处罚',
  enforcement: '行政强制',
  levy: '行政征收',
  benefit: '行政给付',
  inspection: '行政检查',
  confirmation: '行政确认',
  reward: '行政奖励',
  adjudication: '行政裁决',
  other_power: '其他行政权力',
  public_service: '公共服务',
  filing: '行政备案',
};

/** Levels of the four-level network 市·县区·镇街·村社区 (same codes as the org module). */
export const ITEM_LEVELS = ['city', 'county', 'town', 'village'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];

export const MATERIAL_FORMS = ['original', 'copy', 'original_and_copy', 'electronic'] as const;
export const MATERIAL_FORM_LABELS: Record<(typeof MATERIAL_FORMS)[number], string> = {
  original: '原件',
  copy: '复印件',
  original_and_copy: '原件及复印件',
  electronic: '电子材料',
};
export const MATERIAL_SOURCES = ['applicant', 'elicence', 'department'] as const;
export const MATERIAL_SOURCE_LABELS: Record<(typeof MATERIAL_SOURCES)[number], string> = {
  applicant: '申请人自备',
  elicence: '电子证照库调取',
  department: '部门核发/共享',
};
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'idNumber',
  'creditCode',
  'phone',
  'address',
] as const;
export const SPECIAL_PROCEDURE_KINDS = ['site_inspection', 'expert_review', 'hearing', 'inspection', 'other'] as const;
export const HANDLING_TYPE_LABELS = { immediate: '即办件', promised: '承诺件' } as const;
export const ONLINE_DEPTH_LABELS: Record<number, string> = {
  1: '网上咨询',
  2: '网上收件',
  3: '网上预审',
  4: '网上受理',
  5: '网上办理',
  6: '网上反馈结果',
  7: '电子证照结果',
};

const text = (max = 200) => z.string().trim().min(1).max(max);
const Level = z.enum(ITEM_LEVELS);

export const Material = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, '材料标识应为小写字母开头的短标识，如 m1'),
  name: text(),
  required: z.boolean(),
  form: z.enum(MATERIAL_FORMS),
  copies: z.number().int().min(0).max(20),
  paperSize: z.string().max(20).optional(),
  source: z.enum(MATERIAL_SOURCES),
  blankFormUrl: z.string().max(500).optional(),
  sampleUrl: z.string().max(500).optional(),
  notes: z.string().max(1000).optional(),
  /** 容缺: may be missing at acceptance against a written promise. */
  toleranceAllowed: z.boolean(),
  acceptanceStandard: z.string().max(1000).optional(),
  basis: z.string().max(500).optional(),
});
export type Material = z.infer<typeof Material>;

export const FormField = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, '字段键应为字母开头的英文标识'),
  label: text(100),
  type: z.enum(FORM_FIELD_TYPES),
  required: z.boolean(),
  options: z.array(text(100)).max(50).optional(),
});
export type FormField = z.infer<typeof FormField>;

const TimeLimit = z.object({
  days: z.number().int().min(0).max(3650),
  unit: z.literal('working_day'),
  note: z.string().max(500),
});

/**
 * Where the implementing body 实施机关 sits in the region that decides a case: the department of that
 * region whose name contains `keyword` (民政局 → 兴隆台区民政局), or the region's own people's government
 * (镇人民政府、街道办事处、村民委员会 …). Required when the item is decided below its own region (a county
 * item of the city's catalogue): the documents name the real body, never 所在县（区）….
 */
export const BodyOffice = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('department'),
    keyword: z.string().trim().min(2, '部门关键词至少 2 个字').max(30),
  }),
  z.object({ kind: z.literal('government') }),
]);
export type BodyOffice = z.infer<typeof BodyOffice>;

/** The full guide 办事指南 of one item version (stored as `item_versions.data`). */
export const ItemGuide = z.object({
  name: text(100),
  type: z.enum(ITEM_TYPES),
  departmentCode: text(64),
  implementingBody: z.object({ name: text(), nature: text(50), office: BodyOffice.optional() }),
  entrustedDepartment: z.string().max(200).optional(),
  serviceObjects: z.array(text(50)).min(1).max(10),
  decideLevel: Level,
  acceptLevels: z.array(Level).min(1).max(4),
  /** 同城通办: any hall in the city may accept. */
  acceptAnywhere: z.boolean(),
  legalBasis: z
    .array(z.object({ title: text(), article: z.string().max(2000) }))
    .min(1)
    .max(30),
  acceptanceConditions: z.array(text(1000)).max(30),
  materials: z.array(Material).max(60),
  formFields: z.array(FormField).max(100),
  fees: z.object({
    charged: z.boolean(),
    items: z.array(z.object({ name: text(), amount: z.string().max(200), basis: z.string().max(500) })).max(20),
  }),
  statutoryLimit: TimeLimit,
  promisedLimit: TimeLimit,
  handlingType: z.enum(['immediate', 'promised']),
  visits: z.number().int().min(0).max(5),
  onlineDepth: z.number().int().min(1).max(7),
  hall: z.object({ name: text(), address: text(), hours: text() }),
  contacts: z.object({ consultPhone: text(50), complaintPhone: text(50) }),
  process: z
    .array(
      z.object({
        step: text(50),
        description: z.string().max(1000),
        limitDays: z.number().int().min(0).max(3650).optional(),
      }),
    )
    .min(1)
    .max(30),
  specialProcedures: z
    .array(
      z.object({ kind: z.enum(SPECIAL_PROCEDURE_KINDS), name: text(100), maxDays: z.number().int().min(0).max(3650) }),
    )
    .max(10),
  result: z.object({
    name: text(),
    type: z.enum(['certificate', 'approval_document', 'other']),
    sampleUrl: z.string().max(500).optional(),
    /** 有效期: the certificate is valid this many years from its issue (absent: the item states no term). */
    validYears: z.number().int().min(1).max(100).optional(),
    /** Application-form fields printed on the certificate (经营场所、主体业态、经营项目 …), by key. */
    entries: z.array(z.string().max(64)).max(20).optional(),
  }),
  expressDelivery: z.boolean(),
  onlinePayment: z.boolean(),
  appointment: z.boolean(),
  keywords: z.array(text(30)).max(30),
  /** The item's own process 流程定义 (e.g. with 现场踏勘); absent = the default of `handlingType`. */
  workflow: ProcessDefinitionSchema.optional(),
  /**
   * 四级联动: which intermediate levels pre-review 初审 a case reported up from a lower accepting hall
   * to `decideLevel` (absent = every level between them that is in `acceptLevels`; [] = none).
   */
  linkage: z.object({ preReviewLevels: z.array(Level).max(3) }).optional(),
  /** 容缺受理: an open promise blocks the certificate 制证 (absent = true). */
  promiseBlocksCertificate: z.boolean().optional(),
});
export type ItemGuide = z.infer<typeof ItemGuide>;

export const ItemCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z][0-9A-Za-z_-]{2,63}$/, '事项编码只能包含字母、数字、短横线和下划线');
export const CodeParam = z.object({ code: ItemCode });
export const VersionParam = z.object({
  code: ItemCode,
  version: z.coerce.number().int().min(1, '版本号从 1 开始').max(100000),
});

export const ItemListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().trim().max(20).optional(),
  departmentCode: z.string().trim().max(64).optional(),
  type: z.enum(ITEM_TYPES).optional(),
  level: Level.optional(),
  sort: z.enum(['relevance', 'name', 'code']).default('relevance'),
});
export type ItemListQuery = z.infer<typeof ItemListQuery>;

export const AdminItemQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['all', 'published', 'draft', 'inactive', 'unpublished']).default('all'),
});
export type AdminItemQuery = z.infer<typeof AdminItemQuery>;

export const ItemSummary = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(ITEM_TYPES),
  typeLabel: z.string(),
  departmentCode: z.string(),
  departmentName: z.string().nullable(),
  decideLevel: Level,
  acceptLevels: z.array(Level),
  handlingType: z.enum(['immediate', 'promised']),
  promisedDays: z.number().int(),
  statutoryDays: z.number().int(),
  visits: z.number().int(),
  onlineDepth: z.number().int(),
});
export type ItemSummary = z.infer<typeof ItemSummary>;

export const Delegation = z.object({
  id: z.string(),
  fromLevel: Level,
  toLevel: Level,
  regionCode: z.string(),
  basis: z.string(),
  effectiveDate: z.string(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type Delegation = z.infer<typeof Delegation>;

export const DelegationBody = z.object({
  fromLevel: Level,
  toLevel: Level,
  regionCode: z.string().trim().min(1).max(20),
  basis: text(500),
  effectiveDate: IsoDate,
  note: z.string().trim().max(1000).optional(),
});
export type DelegationBody = z.infer<typeof DelegationBody>;

export const ItemDetail = ItemGuide.extend({
  code: z.string(),
  basicCode: z.string(),
  businessCode: z.string(),
  regionCode: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'superseded']),
  active: z.boolean(),
  typeLabel: z.string(),
  departmentName: z.string().nullable(),
  publishedAt: z.date().nullable(),
  delegations: z.array(Delegation),
});
export type ItemDetail = z.infer<typeof ItemDetail>;

export const VersionSummary = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'superseded']),
  name: z.string(),
  publishedAt: z.date().nullable(),
  publishedBy: z.string().nullable(),
  createdAt: z.date(),
});

export const CreateItemBody = z.object({
  code: ItemCode,
  basicCode: z.string().trim().min(1).max(64),
  businessCode: z.string().trim().min(1).max(64),
  regionCode: z.string().trim().min(1).max(20),
  guide: ItemGuide,
});
export type CreateItemBody = z.infer<typeof CreateItemBody>;

export const DraftBody = z.object({ guide: ItemGuide });

export const AdminItemRow = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(ITEM_TYPES),
  typeLabel: z.string(),
  departmentCode: z.string(),
  regionCode: z.string(),
  currentVersion: z.number().int().nullable(),
  draftVersion: z.number().int().nullable(),
  active: z.boolean(),
  updatedAt: z.date(),
});
