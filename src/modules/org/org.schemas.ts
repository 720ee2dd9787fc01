import { z } from 'zod';
import { PageQuery } from '../../platform/schemas';
import { DEPARTMENT_KINDS, REGION_LEVELS, WINDOW_KINDS } from './org.tables';

/** Region codes: GB/T 2260 (6 digits), statistical codes (12 digits) or local zone codes (2111Z1). */
export const RegionCode = z
  .string()
  .regex(/^[0-9A-Z]{4,12}$/, '区划代码应为 4–12 位数字或大写字母')
  .describe('区划代码（GB/T 2260 或 12 位统计用区划代码；经济区为本地代码，如 2111Z1）');
export const RegionCodeParam = z.object({ code: RegionCode });

const Level = z.enum(REGION_LEVELS).describe('层级：city 市 · county 县区 · town 镇街 · village 村社区');
const RegionKindEnum = z
  .enum(['admin', 'economic_zone'])
  .describe('admin 行政区划 · economic_zone 经济区（无国标代码）');
const DepartmentKindEnum = z
  .enum(DEPARTMENT_KINDS)
  .describe(
    'department 委办局 · approval_bureau 行政审批局 · approval_office 审批办 · supervision 效能监察 · service_center 政务服务中心 · hotline 12345 热线',
  );
const WindowKindEnum = z
  .enum(WINDOW_KINDS)
  .describe('comprehensive 综合窗口 · department 部门窗口 · exit 出件窗口 · enquiry 咨询导办');
const Uuid = z.string().uuid('ID 格式有误');
const Name = z.string().trim().min(2, '名称至少 2 个字').max(100, '名称最多 100 个字');
const Sort = z.number().int().min(0).max(100000).describe('排序号，小的在前');
/** `true`/`false` (or 1/0) in a query string. */
const Flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const UnitCode = (what: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, `${what}应为 2–32 位大写字母、数字或连字符`);

// ---- responses ----

export const RegionOut = z.object({
  code: z.string(),
  name: z.string(),
  level: Level,
  levelLabel: z.string(),
  kind: RegionKindEnum,
  parentCode: z.string().nullable(),
  scopePrefix: z.string().describe('下级区划代码的共同前缀（数据范围）'),
  official: z.boolean().describe('是否国标/统计用区划代码'),
  active: z.boolean(),
  sort: z.number().int(),
});
export const RegionBrief = z.object({ code: z.string(), name: z.string(), level: Level });
export const RegionDetail = RegionOut.extend({
  path: z.array(RegionBrief).describe('上级区划（不含本级），市级在前'),
  childCount: z.number().int().describe('启用的下级区划数'),
});
export const RegionChild = z.object({
  code: z.string(),
  name: z.string(),
  level: Level,
  kind: RegionKindEnum,
  official: z.boolean(),
  active: z.boolean(),
  childCount: z.number().int(),
});

export const DepartmentOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: DepartmentKindEnum,
  parentId: z.string().nullable(),
  creditCode: z.string().nullable().describe('统一社会信用代码'),
  active: z.boolean(),
  sort: z.number().int(),
});
export const DepartmentDetail = DepartmentOut.extend({
  parentName: z.string().nullable(),
  offices: z
    .array(z.object({ id: z.string(), code: z.string(), name: z.string(), active: z.boolean() }))
    .describe('下设审批办'),
});

export const WindowOut = z.object({
  id: z.string(),
  hallId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: WindowKindEnum,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  active: z.boolean(),
});
export const HallOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  hours: z.string().nullable(),
  active: z.boolean(),
  windowCount: z.number().int().describe('启用的窗口数'),
});
export const HallDetail = HallOut.extend({ windows: z.array(WindowOut) });

// ---- queries ----

export const ChildrenQuery = z.object({ includeInactive: Flag.describe('是否包含已停用的下级区划') });
export const RegionSearchQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional().describe('名称关键字'),
  level: Level.optional(),
  includeInactive: Flag,
});
export const DepartmentQuery = PageQuery.extend({
  regionCode: RegionCode.optional().describe('所在区划（仅本级）'),
  kind: DepartmentKindEnum.optional(),
  q: z.string().trim().max(50).optional().describe('名称或简称关键字'),
  includeInactive: Flag,
});
export const HallQuery = PageQuery.extend({
  regionCode: RegionCode.optional().describe('区划（含全部下级）'),
  q: z.string().trim().max(50).optional().describe('名称或地址关键字'),
  includeInactive: Flag,
});

// ---- bodies ----

const atLeastOne = (o: object) => Object.values(o).some((v) => v !== undefined);
const NOTHING = '请至少修改一项';

export const CreateRegionBody = z.object({
  code: RegionCode,
  name: Name,
  level: Level,
  kind: RegionKindEnum.default('admin'),
  parentCode: RegionCode.describe('上级区划代码'),
  sort: Sort.optional(),
});
export const UpdateRegionBody = z.object({ name: Name.optional(), sort: Sort.optional() }).refine(atLeastOne, NOTHING);

const CreditCode = z
  .string()
  .trim()
  .toUpperCase()
  .max(18, '统一社会信用代码为 18 位')
  .describe('统一社会信用代码（GB 32100）');
export const CreateDepartmentBody = z.object({
  code: UnitCode('部门代码').describe('部门代码，如 PJ-SCJG'),
  name: Name,
  shortName: z.string().trim().min(1).max(30).nullish(),
  regionCode: RegionCode,
  kind: DepartmentKindEnum,
  parentId: Uuid.nullish().describe('所属部门（仅审批办）'),
  creditCode: CreditCode.nullish(),
  sort: Sort.optional(),
});
export const UpdateDepartmentBody = z
  .object({
    name: Name.optional(),
    shortName: z.string().trim().min(1).max(30).nullish(),
    creditCode: CreditCode.nullish(),
    sort: Sort.optional(),
  })
  .refine(atLeastOne, NOTHING);

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9][0-9-]{4,19}$/, '电话格式有误，如 0427-2812345');
const Text = (max: number) => z.string().trim().min(1).max(max);
export const CreateHallBody = z.object({
  code: UnitCode('大厅代码').describe('大厅代码，如 XLT-HALL'),
  name: Name,
  regionCode: RegionCode,
  address: Text(200).nullish(),
  phone: Phone.nullish(),
  hours: Text(100).nullish().describe('办公时间，如 工作日 9:00-17:00'),
});
export const UpdateHallBody = z
  .object({ name: Name.optional(), address: Text(200).nullish(), phone: Phone.nullish(), hours: Text(100).nullish() })
  .refine(atLeastOne, NOTHING);

const WindowCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{1,8}$/, '窗口编号应为 1–8 位字母或数字')
  .describe('窗口编号，大厅内唯一，如 A01');
export const CreateWindowBody = z.object({
  code: WindowCode,
  name: z.string().trim().min(2, '名称至少 2 个字').max(50),
  kind: WindowKindEnum,
  departmentId: Uuid.nullish().describe('所属部门（部门窗口必填）'),
});
export const UpdateWindowBody = z
  .object({
    name: z.string().trim().min(2, '名称至少 2 个字').max(50).optional(),
    kind: WindowKindEnum.optional(),
    departmentId: Uuid.nullish(),
  })
  .refine(atLeastOne, NOTHING);

export type CreateRegionInput = z.infer<typeof CreateRegionBody>;
export type UpdateRegionInput = z.infer<typeof UpdateRegionBody>;
export type CreateDepartmentInput = z.infer<typeof CreateDepartmentBody>;
export type UpdateDepartmentInput = z.infer<typeof UpdateDepartmentBody>;
export type CreateHallInput = z.infer<typeof CreateHallBody>;
export type UpdateHallInput = z.infer<typeof UpdateHallBody>;
export type CreateWindowInput = z.infer<typeof CreateWindowBody>;
export type UpdateWindowInput = z.infer<typeof UpdateWindowBody>;
