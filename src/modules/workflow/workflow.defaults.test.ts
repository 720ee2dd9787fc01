import { describe, expect, it } from 'vitest';
import {
  STANDARD_ACTIONS,
  STANDARD_STATUSES,
  getProcessDefinition,
  decisionWords,
  immediateDefinition,
  standardDefinition,
  validateDefinition,
  withExtraSteps,
  type ProcessDefinition,
} from './index';

const HAN = /[\u4e00-\u9fff]/;
const edges = (d: ProcessDefinition) =>
  d.actions.flatMap((a) => a.from.map((f) => `${f} -${a.action}-> ${a.to} [${a.performers.join(',')}]`)).sort();

describe('default definitions', () => {
  it('the standard path uses every standard status and action, each labelled in Chinese', () => {
    const d = standardDefinition();
    expect(d.key).toBe('standard');
    expect(d.initial).toBe('draft');
    expect(d.steps.map((s) => s.code).sort()).toEqual([...STANDARD_STATUSES].sort());
    expect([...new Set(d.actions.map((a) => a.action))].sort()).toEqual([...STANDARD_ACTIONS].sort());
    for (const s of d.steps) expect(s.label, s.code).toMatch(HAN);
    for (const a of d.actions) expect(a.label, a.action).toMatch(HAN);
    expect(
      d.steps
        .filter((s) => s.terminal)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['completed', 'denied', 'refused', 'withdrawn']);
    expect(
      d.steps
        .filter((s) => s.clockStopped)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['correction_requested', 'suspended']);
  });

  it('the immediate path has no back office, no return and no special procedure', () => {
    const d = immediateDefinition();
    expect(d.key).toBe('immediate');
    expect(d.steps.map((s) => s.code).sort()).toEqual([
      'accepted',
      'certificate_issued',
      'completed',
      'correction_requested',
      'denied',
      'draft',
      'granted',
      'prereviewed',
      'refused',
      'submitted',
      'withdrawn',
    ]);
    for (const gone of ['review-pass', 'return', 'suspend', 'resume'])
      expect(d.actions.map((a) => a.action)).not.toContain(gone);
    for (const s of d.steps) expect(s.label, s.code).toMatch(HAN);
    for (const a of d.actions) expect(a.label, a.action).toMatch(HAN);
  });

  it('returns fresh objects, so a caller cannot change the defaults', () => {
    const a = standardDefinition();
    a.actions[0]!.performers.push('admin');
    a.steps.pop();
    expect(standardDefinition().actions[0]!.performers).toEqual(['owner', 'clerk']);
    expect(standardDefinition().steps).toHaveLength(13);
  });

  it('getProcessDefinition: the item’s own definition, else the default of its handling type', () => {
    expect(getProcessDefinition({ handlingType: 'promised' }).key).toBe('standard');
    expect(getProcessDefinition({ handlingType: 'immediate' }).key).toBe('immediate');
    expect(getProcessDefinition({ handlingType: 'immediate', workflow: undefined }).key).toBe('immediate');
    const own = withExtraSteps(standardDefinition(), [
      { code: 'site_inspection', label: '现场踏勘', performers: ['approver'], after: 'accepted' },
    ]);
    expect(getProcessDefinition({ handlingType: 'promised', workflow: own })).toBe(own);
    expect(getProcessDefinition({ handlingType: 'immediate', workflow: own })).toBe(own);
  });
});

describe('withExtraSteps', () => {
  const site = {
    code: 'site_inspection',
    label: '现场踏勘',
    performers: ['approver' as const],
    limitDays: 2,
    after: 'accepted',
  };

  it('inserts a step between review and decision, with its pass action, return, suspend and withdraw', () => {
    const d = withExtraSteps(standardDefinition(), [site]);
    const base = edges(standardDefinition());
    const now = edges(d);
    expect(base.filter((e) => !now.includes(e))).toEqual([
      'accepted -review-pass-> reviewed [approver]',
      'reviewed -return-> accepted [chief]',
    ]);
    expect(now.filter((e) => !base.includes(e))).toEqual([
      'accepted -review-pass-> site_inspection [approver]',
      'reviewed -return-> site_inspection [chief]',
      'site_inspection -inspection-pass-> reviewed [approver]',
      'site_inspection -return-> accepted [approver]',
      'site_inspection -suspend-> suspended [approver,chief]',
      'site_inspection -withdraw-> withdrawn [owner]',
    ]);
    expect(d.steps.map((s) => s.code).indexOf('site_inspection')).toBe(
      d.steps.map((s) => s.code).indexOf('accepted') + 1,
    );
    expect(d.steps.find((s) => s.code === 'site_inspection')).toEqual({
      code: 'site_inspection',
      label: '现场踏勘',
      limitDays: 2,
    });
    expect(d.actions.find((a) => a.action === 'inspection-pass')!.label).toBe('踏勘通过');
    expect(d.actions.find((a) => a.action === 'withdraw' && a.from.includes('site_inspection'))!.clock).toBe('end');
    expect(d.key).toBe('standard-site-inspection');
    expect(d.name).toBe('承诺件标准流程（含现场踏勘）');
  });

  it('chains several steps; return always goes one step back', () => {
    const d = withExtraSteps(
      standardDefinition(),
      [
        site,
        { code: 'joint_signoff', label: '会签', performers: ['approver', 'chief'], after: 'site_inspection' },
        { code: 'expert_review', label: '专家评审', performers: ['approver'], after: 'joint_signoff', limitDays: 5 },
      ],
      { key: 'construction', name: '施工许可流程' },
    );
    const now = edges(d);
    expect(now).toEqual(
      expect.arrayContaining([
        'accepted -review-pass-> site_inspection [approver]',
        'site_inspection -inspection-pass-> joint_signoff [approver]',
        'joint_signoff -signoff-pass-> expert_review [approver,chief]',
        'expert_review -expert-pass-> reviewed [approver]',
        'site_inspection -return-> accepted [approver]',
        'joint_signoff -return-> site_inspection [approver,chief]',
        'expert_review -return-> joint_signoff [approver]',
        'reviewed -return-> expert_review [chief]',
        'expert_review -suspend-> suspended [approver,chief]',
        'joint_signoff -withdraw-> withdrawn [owner]',
      ]),
    );
    expect(now.filter((e) => e.startsWith('reviewed -return->'))).toHaveLength(1);
    expect(d.steps.map((s) => s.code).slice(5, 9)).toEqual([
      'accepted',
      'site_inspection',
      'joint_signoff',
      'expert_review',
    ]);
    expect([d.key, d.name]).toEqual(['construction', '施工许可流程']);
  });

  it('names a custom pass action, or derives one from the code', () => {
    const d = withExtraSteps(standardDefinition(), [
      { code: 'hearing_step', label: '听证', performers: ['chief'], after: 'accepted' },
      {
        code: 'site_inspection',
        label: '现场核查',
        performers: ['approver'],
        after: 'hearing_step',
        passAction: 'check-done',
        passLabel: '核查完毕',
      },
    ]);
    expect(d.actions.find((a) => a.from.includes('hearing_step') && a.to === 'site_inspection')).toMatchObject({
      action: 'hearing-step-pass',
      label: '听证通过',
    });
    expect(d.actions.find((a) => a.action === 'check-done')).toMatchObject({ label: '核查完毕', to: 'reviewed' });
  });

  it('does not change its input', () => {
    const base = standardDefinition();
    const before = JSON.stringify(base);
    withExtraSteps(base, [site]);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('refuses impossible insertions', () => {
    expect(() => withExtraSteps(standardDefinition(), [{ ...site, code: 'reviewed' }])).toThrow(
      '流程中已有环节「reviewed」',
    );
    expect(() => withExtraSteps(standardDefinition(), [{ ...site, after: 'inspection' }])).toThrow(
      '所接的环节「inspection」不存在',
    );
    expect(() => withExtraSteps(standardDefinition(), [{ ...site, after: 'completed' }])).toThrow(
      '之后的去向不唯一（无）',
    );
    // submitted leads forward to prereviewed, correction_requested and accepted
    expect(() => withExtraSteps(standardDefinition(), [{ ...site, after: 'submitted' }])).toThrow('之后的去向不唯一');
    expect(() => withExtraSteps(standardDefinition(), [{ ...site, code: 'Site' }])).toThrow('环节代码「Site」格式有误');
    expect(() => withExtraSteps(standardDefinition(), [{ ...site, performers: [] }])).toThrow('至少需要一个执行人');
  });
});

describe('default step limits 环节时限', () => {
  it('gives a promised item one day per window step and the review the rest of the promised time', () => {
    const def = getProcessDefinition({ handlingType: 'promised', promisedLimit: { days: 10 } });
    const limit = (code: string) => def.steps.find((s) => s.code === code)?.limitDays;
    expect([
      limit('submitted'),
      limit('prereviewed'),
      limit('accepted'),
      limit('reviewed'),
      limit('granted'),
      limit('certificate_issued'),
    ]).toEqual([1, 1, 8, 1, 1, 1]);
    expect(limit('correction_requested')).toBeUndefined(); // the applicant's time, not the office's
    expect(validateDefinition(def)).toEqual([]);
  });

  it('never gives the review less than one day, and an immediate item nothing beyond the same day', () => {
    expect(
      getProcessDefinition({ handlingType: 'promised', promisedLimit: { days: 1 } }).steps.find(
        (s) => s.code === 'accepted',
      )?.limitDays,
    ).toBe(1);
    const immediate = getProcessDefinition({ handlingType: 'immediate', promisedLimit: { days: 0 } });
    expect(immediate.steps.filter((s) => s.limitDays !== undefined).every((s) => s.limitDays === 0)).toBe(true);
  });

  it('leaves an item with its own definition alone', () => {
    const own = standardDefinition();
    expect(getProcessDefinition({ handlingType: 'promised', workflow: own, promisedLimit: { days: 10 } })).toBe(own);
  });
});

describe('decision words of the item type', () => {
  const label = (d: ProcessDefinition, action: string) => d.actions.find((a) => a.action === action)?.label;
  const step = (d: ProcessDefinition, code: string) => d.steps.find((s) => s.code === code)?.label;

  it('decides a benefit 准予给付 / 不予给付 and a confirmation 予以确认 / 不予确认', () => {
    const benefit = getProcessDefinition({ handlingType: 'promised', type: 'benefit' });
    expect([label(benefit, 'grant'), label(benefit, 'deny')]).toEqual(['准予给付', '不予给付']);
    expect([step(benefit, 'granted'), step(benefit, 'denied')]).toEqual(['准予给付，待制证', '不予给付']);
    const confirm = getProcessDefinition({ handlingType: 'immediate', type: 'confirmation' });
    expect([label(confirm, 'grant'), label(confirm, 'deny')]).toEqual(['予以确认', '不予确认']);
    const licence = getProcessDefinition({ handlingType: 'promised', type: 'licence' });
    expect([label(licence, 'grant'), label(licence, 'deny')]).toEqual(['准予许可', '不予许可']);
    expect(validateDefinition(benefit)).toEqual([]);
  });

  it('rewords an item’s own definition, but keeps a label its author chose', () => {
    const own = withExtraSteps(standardDefinition(), [
      { code: 'site_inspection', label: '入户调查', performers: ['approver'], after: 'accepted' },
    ]);
    own.actions.find((a) => a.action === 'deny')!.label = '不予纳入低保';
    const worded = getProcessDefinition({ handlingType: 'promised', workflow: own, type: 'benefit' });
    expect(label(worded, 'grant')).toBe('准予给付');
    expect(label(worded, 'deny')).toBe('不予纳入低保');
    expect(label(own, 'grant')).toBe('准予许可'); // the stored definition is not changed
    expect(getProcessDefinition({ handlingType: 'promised', workflow: own, type: 'licence' })).toBe(own);
  });

  it('gives a type without words of its own the general 准予办理 / 不予办理', () => {
    expect(decisionWords('levy')).toEqual({ grant: '准予办理', deny: '不予办理' });
    expect(decisionWords('constructor')).toEqual({ grant: '准予办理', deny: '不予办理' });
    expect(decisionWords(undefined)).toEqual({ grant: '准予许可', deny: '不予许可' });
  });
});
