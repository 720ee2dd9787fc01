import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ProcessDefinitionSchema,
  immediateDefinition,
  standardDefinition,
  withExtraSteps,
  type ProcessDefinition,
} from './index';

const issues = (value: unknown) => {
  const r = ProcessDefinitionSchema.safeParse(value);
  expect(r.success).toBe(false);
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const withEdit = (edit: (d: ProcessDefinition) => void) => {
  const d = standardDefinition();
  edit(d);
  return d;
};

describe('ProcessDefinitionSchema', () => {
  it('accepts the defaults and an extended definition unchanged', () => {
    for (const d of [
      standardDefinition(),
      immediateDefinition(),
      withExtraSteps(standardDefinition(), [
        { code: 'expert_review', label: '专家评审', performers: ['approver'], limitDays: 5, after: 'accepted' },
      ]),
    ]) {
      const r = ProcessDefinitionSchema.safeParse(d);
      expect(r.success, d.key).toBe(true);
      expect(r.data).toEqual(d);
    }
  });

  it('survives a JSON round trip (as stored in the item version)', () => {
    const d = JSON.parse(JSON.stringify(standardDefinition())) as unknown;
    expect(ProcessDefinitionSchema.parse(d)).toEqual(standardDefinition());
  });

  it('rejects a wrong shape field by field, in Chinese', () => {
    expect(issues(withEdit((d) => (d.steps[0]!.code = 'Draft')))).toContainEqual({
      path: 'steps.0.code',
      message: '环节代码应以小写字母开头，只含小写字母、数字和下划线',
    });
    expect(issues(withEdit((d) => (d.actions[0]!.performers = ['mayor' as never])))).toEqual([
      {
        path: 'actions.0.performers.0',
        message: '执行人应为：admin、supervisor、clerk、approver、chief、agent、applicant、owner',
      },
    ]);
    expect(issues(withEdit((d) => (d.actions[0]!.performers = [])))).toEqual([
      { path: 'actions.0.performers', message: '至少需要一个执行人' },
    ]);
    expect(issues(withEdit((d) => (d.actions[0]!.clock = 'pause' as never)))).toEqual([
      { path: 'actions.0.clock', message: '计时效果应为：start、stop、resume、end' },
    ]);
    expect(issues(withEdit((d) => (d.steps[1]!.limitDays = 2.5)))).toEqual([
      { path: 'steps.1.limitDays', message: '环节时限应为整数' },
    ]);
    expect(issues(withEdit((d) => (d.key = 'Standard Path')))[0]!.path).toBe('key');
    expect(issues(withEdit((d) => (d.name = '  ')))).toEqual([{ path: 'name', message: '流程名称不能为空' }]);
    expect(issues({ ...standardDefinition(), actions: [] })).toEqual([
      { path: 'actions', message: '流程至少需要一个操作' },
    ]);
  });

  it('runs validateDefinition once the shape is right, naming each path', () => {
    const d = withEdit((d) => {
      d.actions.find((a) => a.action === 'grant')!.to = 'approved';
      d.steps.push({ code: 'reviewed', label: '重复' });
    });
    const found = issues(d);
    const grant = d.actions.findIndex((a) => a.action === 'grant');
    expect(found).toContainEqual({
      path: `actions.${grant}.to`,
      message: '操作「准予许可」的目标环节「approved」不存在',
    });
    expect(found).toContainEqual({
      path: `steps.${d.steps.length - 1}.code`,
      message: '环节代码重复：reviewed（与第 7 个环节相同）',
    });
  });

  it('reports the meaning of standard actions through the schema too', () => {
    const d = withEdit((d) => delete d.actions.find((a) => a.action === 'deny')!.requires);
    const deny = d.actions.findIndex((a) => a.action === 'deny');
    expect(issues(d)).toEqual([
      { path: `actions.${deny}.requires`, message: '标准操作「deny」（不予许可）必须要求填写理由（reason）' },
    ]);
    // without a clock start, one problem for the clock as a whole, not one per action
    const a = withEdit((d) => delete d.actions.find((a) => a.action === 'accept')!.clock);
    const accept = a.actions.findIndex((x) => x.action === 'accept');
    const firstEnd = a.actions.findIndex((x) => x.clock === 'end' || x.clock === 'stop' || x.clock === 'resume');
    expect(issues(a)).toEqual([
      {
        path: `actions.${firstEnd}.clock`,
        message: '流程中没有开始计时的操作（通常是受理），不能暂停、恢复或结束计时',
      },
      { path: `actions.${accept}.clock`, message: '标准操作「accept」（受理）的计时效果应为：开始计时' },
    ]);
  });

  it('nests inside another schema with the full path', () => {
    const Guide = z.object({ name: z.string(), workflow: ProcessDefinitionSchema.optional() });
    expect(Guide.safeParse({ name: 'x' }).success).toBe(true);
    const bad = withEdit((d) => (d.initial = 'start'));
    const r = Guide.safeParse({ name: 'x', workflow: bad });
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['workflow.initial', '初始环节「start」不在环节列表中'],
    ]);
    // a problem elsewhere in the guide does not hide the definition's own problems
    const both = Guide.safeParse({ name: 42, workflow: bad });
    expect(both.error!.issues.map((i) => i.path.join('.'))).toEqual(['name', 'workflow.initial']);
  });
});
