import { describe, expect, it } from 'vitest';
import {
  immediateDefinition,
  isTerminal,
  standardDefinition,
  statusLabel,
  stepOf,
  validateDefinition,
  withExtraSteps,
  type ActionDefinition,
  type ProcessDefinition,
} from './index';

/** A fresh standard definition changed by `edit`. */
function edited(edit: (d: ProcessDefinition) => void): ProcessDefinition {
  const d = standardDefinition();
  edit(d);
  return d;
}
/** The action named `name` whose `from` includes `from` (first one if `from` is omitted). */
function act(d: ProcessDefinition, name: string, from?: string): ActionDefinition {
  const a = d.actions.find((x) => x.action === name && (from === undefined || x.from.includes(from)));
  if (!a) throw new Error(`no action ${name} from ${from}`);
  return a;
}
const ai = (d: ProcessDefinition, name: string, from?: string) => d.actions.indexOf(act(d, name, from));
const si = (d: ProcessDefinition, code: string) => d.steps.findIndex((s) => s.code === code);

/** Asserts a problem at `path` whose message contains `fragment`. */
function expectProblem(d: ProcessDefinition, path: string, fragment: string) {
  const problems = validateDefinition(d);
  const hit = problems.find((p) => p.path === path && p.message.includes(fragment));
  expect(hit, `expected「${fragment}」at ${path}; got ${JSON.stringify(problems)}`).toBeDefined();
}

describe('validateDefinition: the defaults are valid', () => {
  it('accepts the standard, immediate and extended definitions', () => {
    expect(validateDefinition(standardDefinition())).toEqual([]);
    expect(validateDefinition(immediateDefinition())).toEqual([]);
    const chain = withExtraSteps(standardDefinition(), [
      { code: 'site_inspection', label: '现场踏勘', performers: ['approver'], after: 'accepted' },
      { code: 'joint_signoff', label: '会签', performers: ['approver', 'chief'], after: 'site_inspection' },
      { code: 'expert_review', label: '专家评审', performers: ['approver'], after: 'joint_signoff' },
    ]);
    expect(validateDefinition(chain)).toEqual([]);
  });

  it('allows one action name from different steps with different targets (withdraw, return)', () => {
    const d = standardDefinition();
    expect(d.actions.filter((a) => a.action === 'withdraw')).toHaveLength(2);
    expect(validateDefinition(d)).toEqual([]);
  });
});

describe('validateDefinition: each problem is named at its path', () => {
  it('duplicate step codes', () => {
    const d = edited((d) => d.steps.push({ code: 'accepted', label: '又一个受理' }));
    expectProblem(
      d,
      `steps.${d.steps.length - 1}.code`,
      `环节代码重复：accepted（与第 ${si(d, 'accepted') + 1} 个环节相同）`,
    );
  });

  it('step code format', () => {
    for (const bad of ['Site', 'site-inspection', '1step', '', 'a'.repeat(41), 'site inspection']) {
      const d = edited((d) => (d.steps[si(d, 'reviewed')]!.code = bad));
      expectProblem(d, `steps.${si(standardDefinition(), 'reviewed')}.code`, '格式有误');
    }
  });

  it('step label, limit and terminal+clockStopped', () => {
    const i = si(standardDefinition(), 'reviewed');
    expectProblem(
      edited((d) => (d.steps[i]!.label = ' ')),
      `steps.${i}.label`,
      '缺少名称',
    );
    expectProblem(
      edited((d) => (d.steps[i]!.limitDays = -1)),
      `steps.${i}.limitDays`,
      '不小于 0 的整数',
    );
    expectProblem(
      edited((d) => (d.steps[i]!.limitDays = 1.5)),
      `steps.${i}.limitDays`,
      '不小于 0 的整数',
    );
    const c = si(standardDefinition(), 'completed');
    expectProblem(
      edited((d) => (d.steps[c]!.clockStopped = true)),
      `steps.${c}.clockStopped`,
      '终结环节「已办结」不需要标记暂停计时',
    );
  });

  it('initial step missing or terminal', () => {
    expectProblem(
      edited((d) => (d.initial = 'start')),
      'initial',
      '初始环节「start」不在环节列表中',
    );
    expectProblem(
      edited((d) => (d.initial = 'completed')),
      'initial',
      '初始环节「已办结」不能是终结环节',
    );
  });

  it('at least one terminal step', () => {
    const d = edited((d) => d.steps.forEach((s) => delete s.terminal));
    expectProblem(d, 'steps', '流程至少需要一个终结环节');
  });

  it('unknown from / to, and @previous as a from', () => {
    const d0 = standardDefinition();
    const g = ai(d0, 'grant');
    expectProblem(
      edited((d) => (d.actions[g]!.from = ['reviewed', 'approved'])),
      `actions.${g}.from.1`,
      '起始环节「approved」不存在',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.to = 'approved')),
      `actions.${g}.to`,
      '目标环节「approved」不存在',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.from = ['@previous'])),
      `actions.${g}.from.0`,
      '「@previous」只能用作目标环节',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.from = [])),
      `actions.${g}.from`,
      '至少需要一个起始环节',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.from = ['reviewed', 'reviewed'])),
      `actions.${g}.from.1`,
      '起始环节重复：reviewed',
    );
  });

  it('every step reachable from the initial step', () => {
    const d = edited((d) => {
      d.steps.push({ code: 'archived', label: '已归档' });
      d.actions.push({
        action: 'archive-close',
        label: '归档办结',
        from: ['archived'],
        to: 'completed',
        performers: ['clerk'],
        clock: 'end',
      });
    });
    expectProblem(d, `steps.${si(d, 'archived')}`, '环节「已归档」从初始环节「草稿」无法到达');
    // removing prereview-pass leaves prereviewed unreachable
    const p = edited((d) => d.actions.splice(ai(d, 'prereview-pass'), 1));
    expectProblem(p, `steps.${si(p, 'prereviewed')}`, '环节「预审通过，待受理」从初始环节「草稿」无法到达');
  });

  it('every non-terminal step has a way out', () => {
    const d = edited((d) => {
      d.steps.push({ code: 'archived', label: '已归档' });
      d.actions.push({
        action: 'archive',
        label: '归档',
        from: ['certificate_issued'],
        to: 'archived',
        performers: ['clerk'],
      });
    });
    expectProblem(d, `steps.${si(d, 'archived')}`, '非终结环节「已归档」没有任何后续操作');
  });

  it('no action leaves a terminal step', () => {
    const d = edited((d) =>
      d.actions.push({
        action: 'reopen',
        label: '重新办理',
        from: ['refused'],
        to: 'submitted',
        performers: ['clerk'],
      }),
    );
    expectProblem(d, `actions.${d.actions.length - 1}.from.0`, '终结环节「不予受理」之后不能再有操作');
  });

  it('performers: known, not repeated, not empty', () => {
    const g = ai(standardDefinition(), 'grant');
    expectProblem(
      edited((d) => (d.actions[g]!.performers = ['chief', 'mayor' as never])),
      `actions.${g}.performers.1`,
      '执行人「mayor」无效',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.performers = ['chief', 'chief'])),
      `actions.${g}.performers.1`,
      '执行人重复：审批办主任',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.performers = [])),
      `actions.${g}.performers`,
      '至少需要一个执行人',
    );
  });

  it('an action name at most once per from-step', () => {
    const d = edited((d) =>
      d.actions.push({
        action: 'grant',
        label: '准予许可',
        from: ['reviewed'],
        to: 'completed',
        performers: ['chief'],
        clock: 'end',
      }),
    );
    expectProblem(
      d,
      `actions.${d.actions.length - 1}.action`,
      `环节「审查通过，待决定」已有名为「grant」的操作（第 ${ai(d, 'grant') + 1} 个操作）`,
    );
  });

  it('action name format, label, requirements and clock values', () => {
    const g = ai(standardDefinition(), 'grant');
    expectProblem(
      edited((d) => (d.actions[g]!.action = 'Grant_It')),
      `actions.${g}.action`,
      '操作名「Grant_It」格式有误',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.label = '')),
      `actions.${g}.label`,
      '操作「grant」缺少名称',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.requires = ['signature' as never])),
      `actions.${g}.requires.0`,
      '附加要求「signature」无效',
    );
    expectProblem(
      edited((d) => (d.actions[g]!.clock = 'pause' as never)),
      `actions.${g}.clock`,
      '计时效果「pause」无效',
    );
  });

  describe('the clock is used consistently', () => {
    it('start only once', () => {
      const d = edited((d) => (act(d, 'review-pass').clock = 'start'));
      expectProblem(d, `actions.${ai(d, 'review-pass')}.clock`, '在已开始计时的环节「已受理，审查中」再次开始计时');
    });

    it('end only into a terminal step', () => {
      const d = edited((d) => (act(d, 'issue-certificate').clock = 'end'));
      expectProblem(d, `actions.${ai(d, 'issue-certificate')}.clock`, '结束计时的操作「制证」必须进入终结环节');
    });

    it('no end, stop or resume before acceptance', () => {
      const d = edited((d) => (act(d, 'withdraw', 'draft').clock = 'end'));
      expectProblem(
        d,
        `actions.${ai(d, 'withdraw', 'draft')}.clock`,
        '受理前尚未开始计时，操作「撤回申请」不能在「草稿」结束计时',
      );
      const s = edited((d) => act(d, 'suspend').from.push('submitted'));
      expectProblem(s, `actions.${ai(s, 'suspend')}.clock`, '不能在「已提交，待预审」暂停计时');
    });

    it('reaching a terminal step while the clock runs ends it', () => {
      const d = edited((d) =>
        d.actions.push({
          action: 'close',
          label: '直接办结',
          from: ['granted'],
          to: 'completed',
          performers: ['chief'],
        }),
      );
      expectProblem(
        d,
        `actions.${d.actions.length - 1}.clock`,
        '操作「直接办结」在计时中（准予许可，待制证）结束办件，须结束计时',
      );
    });

    it('@previous only from a step entered by a clock stop, and every stop can be resumed', () => {
      const d = edited((d) =>
        d.actions.push({
          action: 'back',
          label: '回到上一步',
          from: ['granted'],
          to: '@previous',
          performers: ['chief'],
        }),
      );
      expectProblem(d, `actions.${d.actions.length - 1}.to`, '「准予许可，待制证」不是暂停计时的操作所进入的环节');
      const r = edited((d) => d.actions.splice(ai(d, 'resume'), 1));
      expectProblem(r, `actions.${ai(r, 'suspend')}.to`, '须有返回暂停前环节（@previous）的恢复操作');
    });
  });

  describe('standard action names keep their meaning', () => {
    it('accept starts the clock', () => {
      const d = edited((d) => delete act(d, 'accept').clock);
      expectProblem(d, `actions.${ai(d, 'accept')}.clock`, '标准操作「accept」（受理）的计时效果应为：开始计时');
    });
    it('refuse and deny end the case with a reason', () => {
      const d = edited((d) => (act(d, 'refuse').to = 'prereviewed'));
      expectProblem(d, `actions.${ai(d, 'refuse')}.to`, '标准操作「refuse」（不予受理）必须进入终结环节');
      const r = edited((d) => delete act(d, 'deny').requires);
      expectProblem(r, `actions.${ai(r, 'deny')}.requires`, '标准操作「deny」（不予许可）必须要求填写理由（reason）');
    });
    it('submit, accept and return never end the case', () => {
      const d = edited((d) => (act(d, 'return').to = 'denied'));
      expectProblem(d, `actions.${ai(d, 'return')}.to`, '标准操作「return」（退回上一环节）不能进入终结环节');
    });
    it('request-correction needs the corrections list', () => {
      const d = edited((d) => (act(d, 'request-correction').requires = []));
      expectProblem(d, `actions.${ai(d, 'request-correction')}.requires`, '必须要求填写补正清单（corrections）');
    });
    it('suspend stops the clock into a clock-stopped step, with the special procedure', () => {
      const d = edited((d) => delete d.steps[si(d, 'suspended')]!.clockStopped);
      expectProblem(d, `actions.${ai(d, 'suspend')}.to`, '的目标环节「特别程序中（暂停计时）」须标记为暂停计时');
      const r = edited((d) => delete act(d, 'suspend').requires);
      expectProblem(r, `actions.${ai(r, 'suspend')}.requires`, '必须要求填写特别程序信息（suspension）');
    });
    it('resume returns to @previous', () => {
      const d = edited((d) => (act(d, 'resume').to = 'accepted'));
      expectProblem(
        d,
        `actions.${ai(d, 'resume')}.to`,
        '标准操作「resume」（结束特别程序（恢复计时））必须返回暂停前的环节（@previous）',
      );
    });
    it('deliver ends the clock and records the delivery', () => {
      const d = edited((d) => delete act(d, 'deliver').requires);
      expectProblem(d, `actions.${ai(d, 'deliver')}.requires`, '必须要求填写送达信息（delivery）');
      const c = edited((d) => delete act(d, 'deliver').clock);
      expectProblem(c, `actions.${ai(c, 'deliver')}.clock`, '的计时效果应为：结束计时');
    });
    it('issue-certificate records the certificate', () => {
      const d = edited((d) => delete act(d, 'issue-certificate').requires);
      expectProblem(d, `actions.${ai(d, 'issue-certificate')}.requires`, '必须要求填写证照信息（certificate）');
    });
    it('withdraw is the applicant’s own', () => {
      const d = edited((d) => (act(d, 'withdraw', 'draft').performers = ['clerk']));
      expectProblem(d, `actions.${ai(d, 'withdraw', 'draft')}.performers`, '必须允许申请人本人（owner）执行');
    });
  });
});

describe('stepOf, statusLabel, isTerminal', () => {
  const d = withExtraSteps(standardDefinition(), [
    { code: 'site_inspection', label: '现场踏勘', performers: ['approver'], limitDays: 2, after: 'accepted' },
  ]);

  it('finds steps and their labels', () => {
    expect(stepOf(d, 'site_inspection')).toEqual({ code: 'site_inspection', label: '现场踏勘', limitDays: 2 });
    expect(stepOf(d, 'nowhere')).toBeUndefined();
    expect(statusLabel(d, 'site_inspection')).toBe('现场踏勘');
    expect(statusLabel(d, 'correction_requested')).toBe('待补正');
  });

  it('falls back to the standard label, then to the code', () => {
    expect(statusLabel(immediateDefinition(), 'suspended')).toBe('特别程序中（暂停计时）');
    expect(statusLabel(d, 'archived')).toBe('archived');
  });

  it('knows the terminal steps', () => {
    expect(['refused', 'denied', 'completed', 'withdrawn'].every((c) => isTerminal(d, c))).toBe(true);
    expect(['draft', 'accepted', 'site_inspection', 'suspended', 'granted'].some((c) => isTerminal(d, c))).toBe(false);
    expect(isTerminal(d, 'archived')).toBe(false);
  });
});
