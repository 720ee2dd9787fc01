import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';

const Uuid = (what: string) => z.string().uuid(`${what}格式有误`);
const Version = z.number({ error: '缺少版本号 version' }).int().min(1);
const Text = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}最多 ${max} 字`);
const RegionCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, '区划代码应为 6、9 或 12 位数字');

export const SUPERVISION_RESULTS = ['qualified', 'rectify', 'case_filed', 'revoked', 'other'] as const;
export const SUPERVISION_RESULT_LABELS: Record<(typeof SUPERVISION_RESULTS)[number], string> = {
  qualified: '检查合格',
  rectify: '责令整改',
  case_filed: '立案查处',
  revoked: '撤销许可',
  other: '其他',
};
export const PUSH_STATUS_LABELS = {
  unassigned: '未配置监管部门',
  pushed: '已推送待签收',
  received: '已签收',
  returned: '已反馈监管结果',
} as const;
export const INSPECTION_RESULT_LABELS = { qualified: '合格', problem: '发现问题' } as const;
export const PLAN_STATUS_LABELS = { draft: '待抽取', drawn: '已抽取', published: '已公示' } as const;

/* ---------------------------------------------------------------- assignments 监管事项配置 */

export const AssignmentQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });
export const AssignmentBody = z.object({
  itemCode: Text('事项编码', 40),
  regionCode: RegionCode,
  departmentCode: Text('监管部门编码', 40),
});
export const AssignmentUpdate = z.object({ departmentCode: Text('监管部门编码', 40), version: Version });
export const AssignmentView = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  regionCode: z.string(),
  departmentId: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.date(),
});
export const AssignmentPage = paged(AssignmentView);
export const AssignmentCreated = AssignmentView.extend({
  assignedPushes: z.number().int().describe('因本配置补推送的办件数'),
});

/* ---------------------------------------------------------------- pushes 双推送 */

export const PushQuery = PageQuery.extend({
  box: z.enum(['inbox', 'outbox'], { error: 'box 应为 inbox（监管部门接收）或 outbox（审批部门）' }).default('inbox'),
  status: z.enum(['unassigned', 'pushed', 'received', 'returned'], { error: '状态不存在' }).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).optional(),
  q: z.string().trim().max(60).optional(),
});
export const PushView = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  approvingDepartmentCode: z.string(),
  regionCode: z.string(),
  entityName: z.string().describe('自然人姓名已脱敏'),
  entityKind: z.enum(['person', 'company']),
  creditCode: z.string().nullable(),
  licenceNumber: z.string().nullable(),
  grantedOn: z.string(),
  status: z.enum(['unassigned', 'pushed', 'received', 'returned']),
  statusLabel: z.string(),
  regulatorDepartmentId: z.string().nullable(),
  regulatorDepartmentName: z.string().nullable(),
  pushedAt: z.date().nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  reminders: z.number().int(),
  receivedAt: z.date().nullable(),
  receivedByName: z.string().nullable(),
  result: z.enum(SUPERVISION_RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  resultText: z.string().nullable(),
  resultOn: z.string().nullable(),
  returnedAt: z.date().nullable(),
  returnedByName: z.string().nullable(),
  version: z.number().int(),
});
export const PushPage = paged(PushView);
export const ReceiveBody = z.object({ version: Version });
export const ResultBody = z.object({
  version: Version,
  result: z.enum(SUPERVISION_RESULTS, { error: '监管结果应为：检查合格、责令整改、立案查处、撤销许可或其他' }),
  text: Text('监管情况说明', 1000),
  resultOn: IsoDate,
});

/* ---------------------------------------------------------------- directory and roster 名录库 */

export const EntityQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  itemCode: z.string().trim().max(40).optional(),
  regionCode: RegionCode.optional(),
});
export const EntityView = z.object({
  id: z.string(),
  name: z.string(),
  entityKind: z.enum(['person', 'company']),
  creditCode: z.string().nullable(),
  itemCode: z.string(),
  itemName: z.string(),
  licenceNumber: z.string().nullable(),
  regionCode: z.string(),
  source: z.enum(['grant', 'register']),
  createdAt: z.date(),
});
export const EntityPage = paged(EntityView);

const Conflicts = z
  .array(z.string().trim().min(1, '回避对象不能为空').max(100, '回避对象最多 100 字'))
  .max(50, '回避对象最多 50 个')
  .default([]);
const CertificateNumber = z
  .string({ error: '请填写行政执法证件号' })
  .trim()
  .regex(/^[0-9A-Za-z-]{6,30}$/, '行政执法证件号应为 6–30 位字母、数字或连字符');
export const InspectorBody = z.object({
  username: Text('账号', 64),
  certificateNumber: CertificateNumber,
  residenceRegionCode: RegionCode.nullable().default(null),
  conflicts: Conflicts,
});
export const InspectorUpdate = z.object({
  certificateNumber: CertificateNumber,
  residenceRegionCode: RegionCode.nullable(),
  conflicts: Conflicts,
  active: z.boolean({ error: 'active 应为 true 或 false' }),
  version: Version,
});
export const InspectorQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });
export const InspectorView = z.object({
  accountId: z.string(),
  username: z.string(),
  name: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  certificateNumber: z.string(),
  residenceRegionCode: z.string().nullable(),
  conflicts: z.array(z.string()),
  active: z.boolean(),
  version: z.number().int(),
});
export const InspectorPage = paged(InspectorView);
export const AccountParam = z.object({ accountId: Uuid('账号 ID') });

/* ---------------------------------------------------------------- plans 双随机、一公开 */

export const PlanBody = z.object({
  name: Text('抽查计划名称', 100),
  /** Admin only: the regulator department the plan belongs to (staff plan for their own department). */
  departmentCode: z.string().trim().max(40).optional(),
  targetRegionCode: RegionCode,
  itemCodes: z.array(z.string().trim().min(1).max(40)).max(50, '事项最多 50 个').default([]),
  targetCount: z
    .number({ error: '请填写抽取对象数量' })
    .int('抽取对象数量应为整数')
    .min(1, '至少抽取 1 个检查对象')
    .max(500, '一次最多抽取 500 个检查对象'),
  inspectorsPerTarget: z
    .number({ error: '请填写每个对象的检查人员数' })
    .int()
    .min(2, '每个检查对象至少 2 名执法人员')
    .max(10, '每个检查对象最多 10 名执法人员'),
});
export const PlanQuery = PageQuery.extend({
  status: z.enum(['draft', 'drawn', 'published'], { error: '状态不存在' }).optional(),
  q: z.string().trim().max(50).optional(),
});
const DrawnInspectorView = z.object({ accountId: z.string(), name: z.string(), certificateNumber: z.string() });
export const TargetView = z.object({
  id: z.string(),
  seq: z.number().int(),
  entityId: z.string(),
  entityName: z.string(),
  creditCode: z.string().nullable(),
  itemName: z.string(),
  regionCode: z.string(),
  inspectors: z.array(DrawnInspectorView),
  result: z.enum(['qualified', 'problem']).nullable(),
  resultLabel: z.string().nullable(),
  resultText: z.string().nullable(),
  resultOn: z.string().nullable(),
});
export const PlanSummary = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  regionCode: z.string(),
  name: z.string(),
  targetRegionCode: z.string(),
  itemCodes: z.array(z.string()),
  targetCount: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  status: z.enum(['draft', 'drawn', 'published']),
  statusLabel: z.string(),
  seed: z.string().nullable(),
  drawnAt: z.date().nullable(),
  drawnByName: z.string().nullable(),
  publishedAt: z.date().nullable(),
  createdByName: z.string(),
  createdAt: z.date(),
  version: z.number().int(),
});
export const PlanView = PlanSummary.extend({ targets: z.array(TargetView) });
export const PlanPage = paged(PlanSummary);
export const PlanAction = z.object({ version: Version });
export const TargetParams = z.object({ id: Uuid('计划 ID'), targetId: Uuid('检查对象 ID') });
export const TargetResultBody = z
  .object({
    result: z.enum(['qualified', 'problem'], { error: '检查结果应为合格或发现问题' }),
    text: z.string().trim().max(1000, '检查情况最多 1000 字').default(''),
    resultOn: IsoDate,
  })
  .refine((b) => b.result !== 'problem' || b.text.length > 0, { path: ['text'], message: '发现问题时请填写问题情况' });
export const VerifyView = z.object({ seed: z.string(), reproducible: z.boolean(), targets: z.number().int() });

/* ---------------------------------------------------------------- public portal 一公开 */

export const PublicPlanQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });
export const PublicTarget = z.object({
  seq: z.number().int(),
  entityName: z.string(),
  creditCode: z.string().nullable(),
  itemName: z.string(),
  regionCode: z.string(),
  inspectors: z.array(z.string()).describe('执法人员姓名（脱敏）'),
  result: z.string(),
  resultCode: z.enum(['qualified', 'problem']),
  resultText: z.string().nullable(),
  resultOn: z.string().nullable(),
});
export const PublicPlan = z.object({
  id: z.string(),
  name: z.string(),
  departmentName: z.string(),
  targetCount: z.number().int(),
  problems: z.number().int(),
  seed: z.string(),
  drawnAt: z.date(),
  publishedAt: z.date(),
});
export const PublicPlanPage = paged(PublicPlan);
export const PublicPlanView = PublicPlan.extend({ targets: z.array(PublicTarget) });
