/**
 * zod schema of a process definition (stored in an item's guide as `workflow`). The shape is checked
 * field by field; once the shape is right (no field issue at all), `validateDefinition` runs and every
 * problem it finds is reported at its own path (e.g. `workflow.actions.3.to` inside a guide).
 */
import { z } from 'zod';
import { CASE_ROLES } from '../../platform/auth';
import { ACTION_REQUIREMENTS, CLOCK_EFFECTS } from './workflow.labels';
import { ACTION_NAME_RE, MAX_CODE_LENGTH, STEP_CODE_RE, validateDefinition } from './workflow.rules';
import type { ProcessDefinition } from './workflow.types';

const label = (what: string) => z.string().trim().min(1, `${what}不能为空`).max(50, `${what}最长 50 个字符`);

const StepCode = z
  .string()
  .max(MAX_CODE_LENGTH, `环节代码最长 ${MAX_CODE_LENGTH} 个字符`)
  .regex(STEP_CODE_RE, '环节代码应以小写字母开头，只含小写字母、数字和下划线');

/** A `from`/`to`/`initial` reference: a step code (or `@previous` for `to`, checked by the rules). */
const StepRef = z.string().min(1, '环节代码不能为空').max(MAX_CODE_LENGTH, `环节代码最长 ${MAX_CODE_LENGTH} 个字符`);

export const PerformerSchema = z.enum([...CASE_ROLES, 'owner'], {
  error: `执行人应为：${[...CASE_ROLES, 'owner'].join('、')}`,
});

export const StepDefinitionSchema = z.object({
  code: StepCode,
  label: label('环节名称'),
  limitDays: z
    .number()
    .int('环节时限应为整数')
    .min(0, '环节时限不能为负')
    .max(3650, '环节时限最长 3650 个工作日')
    .optional(),
  terminal: z.boolean().optional(),
  clockStopped: z.boolean().optional(),
});

export const ActionDefinitionSchema = z.object({
  action: z
    .string()
    .max(MAX_CODE_LENGTH, `操作名最长 ${MAX_CODE_LENGTH} 个字符`)
    .regex(ACTION_NAME_RE, '操作名应以小写字母开头，只含小写字母、数字和短横线'),
  label: label('操作名称'),
  from: z.array(StepRef).min(1, '至少需要一个起始环节').max(60),
  to: StepRef,
  performers: z.array(PerformerSchema).min(1, '至少需要一个执行人').max(10),
  requires: z
    .array(z.enum(ACTION_REQUIREMENTS, { error: `附加要求应为：${ACTION_REQUIREMENTS.join('、')}` }))
    .max(5)
    .optional(),
  clock: z
    .enum(CLOCK_EFFECTS, { error: `计时效果应为：${CLOCK_EFFECTS.join('、')}` })
    .nullable()
    .optional(),
});

const toPath = (dotted: string): (string | number)[] => dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

export const ProcessDefinitionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,63}$/, '流程标识应以小写字母开头，只含小写字母、数字、下划线和短横线，最长 64 个字符'),
    name: z.string().trim().min(1, '流程名称不能为空').max(100, '流程名称最长 100 个字符'),
    initial: StepRef,
    steps: z.array(StepDefinitionSchema).min(2, '流程至少需要两个环节').max(60, '流程最多 60 个环节'),
    actions: z.array(ActionDefinitionSchema).min(1, '流程至少需要一个操作').max(200, '流程最多 200 个操作'),
  })
  .superRefine(
    (def, ctx) => {
      for (const p of validateDefinition(def))
        ctx.addIssue({ code: 'custom', message: p.message, path: toPath(p.path) });
    },
    // Only on a definition whose shape is right: a field error is reported once, by the field's own schema.
    { when: (payload) => payload.issues.length === 0 },
  );

/** The schema's output is a `ProcessDefinition` (compile-time check). */
type Parsed = z.infer<typeof ProcessDefinitionSchema>;
const _parsedIsDefinition = (p: Parsed): ProcessDefinition => p;
void _parsedIsDefinition;
