import { z } from 'zod';
import { PageQuery } from '../../platform/schemas';

export const BundleCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,47}$/, '主题编码应为小写字母开头的英文短标识，如 company-startup');
export const BundleCodeParam = z.object({ code: BundleCode });
const ItemCode = z.string().trim().min(1, '请填写事项编码').max(64);

export const SharedFieldGroupSchema = z.object({
  label: z.string().trim().min(1, '请填写共享字段名称').max(50),
  keys: z.array(z.string().trim().min(1).max(64)).min(2, '共享字段至少对应两个字段键').max(10),
});

const BundleFields = {
  name: z.string().trim().min(1, '请填写主题名称').max(100),
  description: z.string().trim().max(2000).default(''),
  itemCodes: z
    .array(ItemCode)
    .min(2, '一件事至少包含两个事项')
    .max(20, '一件事最多包含 20 个事项')
    .refine((a) => new Set(a).size === a.length, '事项不能重复'),
  sharedFields: z.array(SharedFieldGroupSchema).max(50).default([]),
  /** parallel 并联（总时限取最长）; serial 串联（总时限累加）. */
  mode: z.enum(['parallel', 'serial']).default('parallel'),
};

export const CreateBundleBody = z.object({ code: BundleCode, ...BundleFields });
export type CreateBundleBody = z.infer<typeof CreateBundleBody>;
export const UpdateBundleBody = z.object({
  version: z.number().int().min(1),
  active: z.boolean().default(true),
  ...BundleFields,
});
export type UpdateBundleBody = z.infer<typeof UpdateBundleBody>;

export const BundleListQuery = PageQuery.extend({ includeInactive: z.coerce.boolean().default(false) });
export type BundleListQuery = z.infer<typeof BundleListQuery>;

export const BundleSummary = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  itemCodes: z.array(z.string()),
  mode: z.enum(['parallel', 'serial']),
  modeLabel: z.string(),
  active: z.boolean(),
  version: z.number().int(),
});

const MergedFieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
  itemCodes: z.array(z.string()),
  sharedGroup: z.string().optional(),
});
const MergedMaterialView = z.object({
  id: z.string(),
  name: z.string(),
  required: z.boolean(),
  source: z.string(),
  toleranceAllowed: z.boolean(),
  sources: z.array(z.object({ itemCode: z.string(), materialId: z.string() })),
});

export const BundleDetail = BundleSummary.extend({
  sharedFields: z.array(SharedFieldGroupSchema),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      departmentCode: z.string(),
      departmentName: z.string().nullable(),
      promisedDays: z.number().int(),
    }),
  ),
  promisedDays: z.number().int(),
  form: z.array(MergedFieldView),
  materials: z.array(MergedMaterialView),
  materialCountBefore: z.number().int(),
  materialCountAfter: z.number().int(),
  /** Administrators only: included items that are no longer published (the others still show). */
  unavailableItems: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type BundleDetail = z.infer<typeof BundleDetail>;

export const ApplicationBody = z.object({
  form: z.record(z.string(), z.unknown()).default({}),
  materials: z
    .array(
      z.object({
        materialId: z.string().trim().min(1, '请填写材料标识').max(40),
        fileIds: z.array(z.string().uuid('文件 ID 格式有误')).max(50).default([]),
      }),
    )
    .max(100)
    .default([]),
  submit: z.boolean().default(true),
  /** Window registration or agent filing: who the bundle is for (same rules as a single case). */
  applicant: z
    .object({
      kind: z.enum(['person', 'company']),
      name: z.string().trim().min(1, '请填写申请人名称').max(100),
      idNumber: z.string().trim().toUpperCase().max(18).optional(),
      creditCode: z.string().trim().toUpperCase().max(18).optional(),
      phone: z.string().trim().max(30).optional(),
    })
    .optional(),
  channel: z.enum(['online', 'window']).optional(),
});
export type ApplicationBody = z.infer<typeof ApplicationBody>;

export const ApplicationCreated = z.object({
  id: z.string(),
  caseIds: z.array(z.string()),
  numbers: z.array(z.string()),
  replayed: z.boolean(),
});

export const ApplicationView = z.object({
  id: z.string(),
  bundleCode: z.string(),
  bundleName: z.string(),
  applicantName: z.string(),
  mode: z.enum(['parallel', 'serial']),
  createdAt: z.date(),
  status: z.enum(['draft', 'in_progress', 'completed']),
  statusLabel: z.string(),
  promisedDays: z.number().int(),
  startedOn: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineProvisional: z.boolean(),
  remainingWorkingDays: z.number().int().nullable(),
  completedCount: z.number().int(),
  /** Linked cases outside the viewer's data scope (staff of one department): listed by number and item only. */
  hiddenCount: z.number().int(),
  cases: z.array(
    z.object({
      /** null when the case is outside the viewer's scope. */
      id: z.string().nullable(),
      visible: z.boolean(),
      number: z.string(),
      itemCode: z.string(),
      itemName: z.string(),
      departmentCode: z.string().nullable(),
      status: z.string().nullable(),
      statusLabel: z.string(),
      finished: z.boolean().nullable(),
      promisedDeadline: z.string().nullable(),
      remainingWorkingDays: z.number().int().nullable(),
      deadlineStateLabel: z.string().nullable(),
    }),
  ),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplicationListQuery = PageQuery.extend({
  q: z.string().trim().max(50, '查询内容最多 50 个字符').optional(),
});
export type ApplicationListQuery = z.infer<typeof ApplicationListQuery>;

export const ApplicationSummary = z.object({
  id: z.string(),
  bundleCode: z.string(),
  bundleName: z.string(),
  createdAt: z.date(),
  status: z.enum(['draft', 'in_progress', 'completed']),
  statusLabel: z.string(),
  promisedDays: z.number().int(),
  deadline: z.string().nullable(),
  remainingWorkingDays: z.number().int().nullable(),
  caseCount: z.number().int(),
  completedCount: z.number().int(),
  caseNumbers: z.array(z.string()),
});

export const CaseIdParam = z.object({ caseId: z.string().uuid('办件 ID 格式有误') });

export const CaseLinksQuery = z.object({
  caseIds: z
    .string({ error: '请提供办件 ID（逗号分隔）' })
    .transform((s) => [
      ...new Set(
        s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z.array(z.string().uuid('办件 ID 格式有误')).min(1, '请提供至少一个办件 ID').max(100, '一次最多查询 100 件办件'),
    ),
});
export type CaseLinksQuery = z.infer<typeof CaseLinksQuery>;

export const CaseLinks = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      applicationId: z.string(),
      bundleCode: z.string(),
      bundleName: z.string(),
      caseCount: z.number().int(),
    }),
  ),
});
