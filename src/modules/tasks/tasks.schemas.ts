import { z } from 'zod';
import { IsoDate, PageQuery, paged } from '../../platform/schemas';

export const MEASURE_STATUSES = ['open', 'done', 'overdue'] as const;

export const ProblemIdParam = z.object({ problemId: z.string().uuid('ID 格式有误') });
export const ReportFileParams = z.object({
  id: z.string().uuid('ID 格式有误'),
  fileId: z.string().uuid('附件 ID 格式有误'),
});

const Accountability = z.object({ note: z.string(), byName: z.string().nullable(), at: z.string() });

export const MeasureView = z.object({
  id: z.string(),
  problemId: z.string(),
  number: z.number().int(),
  content: z.string(),
  leadUnits: z.string().describe('牵头单位（原文）'),
  leadDepartmentCode: z.string().nullable(),
  coLeadDepartmentCodes: z.array(z.string()),
  assistingUnits: z.string().describe('配合单位（原文）'),
  assistingDepartmentCodes: z.array(z.string()),
  unmatchedUnits: z.array(z.string()).describe('未能对应到平台部门的单位名称'),
  deadlineText: z.string(),
  deadline: z.string().nullable(),
  longTerm: z.boolean(),
  status: z.enum(MEASURE_STATUSES),
  overdueOn: z.string().nullable(),
  doneAt: z.string().nullable(),
  urgeCount: z.number().int(),
  accountability: Accountability.nullable(),
});
export type MeasureView = z.infer<typeof MeasureView>;

export const ReportView = z.object({
  id: z.string(),
  reportedByName: z.string(),
  departmentCode: z.string().nullable(),
  reportedAt: z.string(),
  content: z.string(),
  fileIds: z.array(z.string()),
  files: z
    .array(z.object({ id: z.string(), name: z.string(), size: z.number().int(), mediaType: z.string() }))
    .describe('附件（名称、大小）'),
  final: z.boolean(),
});
export type ReportView = z.infer<typeof ReportView>;

export const UrgingView = z.object({ id: z.string(), byName: z.string(), at: z.string(), note: z.string() });
export type UrgingView = z.infer<typeof UrgingView>;

export const MeasureDetail = MeasureView.extend({ reports: z.array(ReportView), urgings: z.array(UrgingView) });
export type MeasureDetail = z.infer<typeof MeasureDetail>;

const ProblemBase = z.object({
  id: z.string(),
  number: z.number().int(),
  category: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  source: z.string(),
  regionCode: z.string(),
  createdAt: z.string(),
});
export const ProblemView = ProblemBase.extend({ measures: z.array(MeasureView) });
export type ProblemView = z.infer<typeof ProblemView>;
export const ProblemDetail = ProblemBase.extend({ measures: z.array(MeasureDetail) });
export type ProblemDetail = z.infer<typeof ProblemDetail>;

export const TaskFilter = z.object({
  departmentCode: z.string().max(40).optional().describe('部门代码：牵头或配合'),
  status: z.enum(MEASURE_STATUSES, { message: '状态应为 open、done 或 overdue' }).optional(),
  overdue: z.stringbool({ error: 'overdue 应为 true 或 false' }).optional().describe('true：只看已逾期的措施'),
  longTerm: z
    .stringbool({ error: 'longTerm 应为 true 或 false' })
    .optional()
    .describe('true：只看长期推进的措施；false：只看有完成时限的'),
  q: z.string().trim().max(100, '关键词最多 100 字').optional(),
});
export type TaskFilter = z.infer<typeof TaskFilter>;
export const TaskListQuery = PageQuery.extend(TaskFilter.shape);
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskPage = paged(ProblemView);

export const MeasureInput = z
  .object({
    content: z.string().trim().min(1, '整改措施不能为空').max(5000),
    leadDepartmentCode: z.string().trim().min(1, '请选择牵头部门').max(40),
    assistingDepartmentCodes: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    deadline: IsoDate.optional(),
    longTerm: z.boolean().default(false),
  })
  .refine((m) => m.longTerm !== (m.deadline !== undefined), {
    message: '完成时限：请填写日期或选择“长期”（二选一）',
    path: ['deadline'],
  });

export const CreateTaskBody = z.object({
  category: z.string().trim().max(200).optional(),
  title: z.string().trim().min(1, '问题不能为空').max(500, '问题最多 500 字'),
  description: z.string().trim().max(5000).default(''),
  source: z.string().trim().max(500).default(''),
  measures: z.array(MeasureInput).min(1, '至少一条整改措施').max(50),
});
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const ReportBody = z.object({
  content: z.string().trim().min(1, '请填写进展情况').max(5000, '最多 5000 字'),
  fileIds: z.array(z.string().uuid('附件 ID 格式有误')).max(20, '最多 20 个附件').default([]),
});
export type ReportBody = z.infer<typeof ReportBody>;

export const NoteBody = z.object({ note: z.string().trim().min(1, '请填写说明').max(1000, '最多 1000 字') });
export const AccountabilityBody = z.object({
  note: z.string().trim().min(1, '请填写问责意见').max(2000, '最多 2000 字'),
});

export const ImportResult = z.object({
  problems: z.number().int(),
  measures: z.number().int(),
  unmatchedUnits: z.array(z.object({ row: z.number().int(), name: z.string() })),
  problemIds: z.array(z.string()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportPreview = z.object({
  rows: z.number().int().describe('数据行数'),
  measures: z.number().int().describe('可导入的整改措施数'),
  problems: z.array(
    z.object({
      title: z.string(),
      measures: z.array(
        z.object({
          row: z.number().int(),
          content: z.string(),
          leadUnits: z.string(),
          leadDepartmentCodes: z.array(z.string()),
          assistingUnits: z.string(),
          assistingDepartmentCodes: z.array(z.string()),
          unmatchedUnits: z.array(z.string()),
          deadlineText: z.string(),
          deadline: z.string().nullable(),
          longTerm: z.boolean(),
        }),
      ),
    }),
  ),
  errors: z
    .array(z.object({ row: z.number().int(), column: z.string(), field: z.string(), message: z.string() }))
    .describe('有错误的行（有错误时不能导入）'),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
