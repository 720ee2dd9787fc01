/**
 * The default process definitions 默认流程 and the builder for items that add their own steps.
 *
 * Standard path 承诺件 (front desk accepts, back office decides, one exit window 受审分离、统一出件):
 *
 *   draft ─submit─▶ submitted ─prereview-pass─▶ prereviewed
 *   submitted|prereviewed ─request-correction─▶ correction_requested ─resubmit─▶ submitted
 *   submitted|prereviewed ─refuse─▶ refused ■          submitted|prereviewed ─accept (clock start)─▶ accepted
 *   accepted ─review-pass─▶ reviewed ─grant─▶ granted ─issue-certificate─▶ certificate_issued ─deliver (end)─▶ completed ■
 *   reviewed ─deny (end)─▶ denied ■            reviewed ─return─▶ accepted
 *   accepted|reviewed|added steps ─suspend (stop)─▶ suspended ─resume─▶ @previous
 *   any state before the decision ─withdraw─▶ withdrawn ■ (clock end once accepted)
 *
 * `return` (退回上一环节) sends a case ONE step back along the back-office review chain, never out of
 * it: the chief 审批办主任 at `reviewed` returns it to `accepted` for re-review by the approver, and the
 * performer of an added step (site inspection, joint sign-off, expert review) returns it to the step
 * before. There is no `return` at `accepted`: once the window has accepted, the clock runs, and
 * sending the case back to the window would restart acceptance; a back office that finds the case
 * unfit denies it (with reasons) or opens a special procedure instead.
 */
import { PREVIOUS, STANDARD_ACTION_LABELS as A, STANDARD_STATUS_LABELS as S } from './workflow.labels';
import { validateDefinition } from './workflow.rules';
import { decisionStatusLabels, decisionWords } from './workflow.words';
import type { ActionDefinition, Performer, ProcessDefinition, StepDefinition } from './workflow.types';

/** Statuses before acceptance, from which the applicant may withdraw without a clock. */
const PRE_ACCEPTANCE = ['draft', 'submitted', 'correction_requested', 'prereviewed'];

/** The window's part, shared by both defaults: filing, online pre-review, one-time notice, refusal, acceptance. */
function frontDeskActions(): ActionDefinition[] {
  return [
    { action: 'submit', label: A.submit, from: ['draft'], to: 'submitted', performers: ['owner', 'clerk'] },
    {
      action: 'prereview-pass',
      label: A['prereview-pass'],
      from: ['submitted'],
      to: 'prereviewed',
      performers: ['clerk'],
    },
    {
      action: 'request-correction',
      label: A['request-correction'],
      from: ['submitted', 'prereviewed'],
      to: 'correction_requested',
      performers: ['clerk'],
      requires: ['corrections'],
    },
    {
      action: 'resubmit',
      label: A.resubmit,
      from: ['correction_requested'],
      to: 'submitted',
      performers: ['owner', 'clerk'],
    },
    {
      action: 'refuse',
      label: A.refuse,
      from: ['submitted', 'prereviewed'],
      to: 'refused',
      performers: ['clerk'],
      requires: ['reason'],
    },
    {
      action: 'accept',
      label: A.accept,
      from: ['submitted', 'prereviewed'],
      to: 'accepted',
      performers: ['clerk'],
      clock: 'start',
    },
  ];
}

function frontDeskSteps(): StepDefinition[] {
  return [
    { code: 'draft', label: S.draft },
    { code: 'submitted', label: S.submitted },
    // Before acceptance no clock runs anyway; marked so that a definition reusing it after acceptance stays right.
    { code: 'correction_requested', label: S.correction_requested, clockStopped: true },
    { code: 'prereviewed', label: S.prereviewed },
    { code: 'refused', label: S.refused, terminal: true },
    { code: 'accepted', label: S.accepted },
  ];
}

/** The exit window's part: certificate 制证 and delivery 送达 (统一出件). */
function exitActions(): ActionDefinition[] {
  return [
    {
      action: 'issue-certificate',
      label: A['issue-certificate'],
      from: ['granted'],
      to: 'certificate_issued',
      performers: ['clerk', 'approver'],
      requires: ['certificate'],
    },
    {
      action: 'deliver',
      label: A.deliver,
      from: ['certificate_issued'],
      to: 'completed',
      performers: ['clerk'],
      requires: ['delivery'],
      clock: 'end',
    },
  ];
}

function withdrawActions(afterAcceptance: string[]): ActionDefinition[] {
  return [
    { action: 'withdraw', label: A.withdraw, from: [...PRE_ACCEPTANCE], to: 'withdrawn', performers: ['owner'] },
    {
      action: 'withdraw',
      label: A.withdraw,
      from: afterAcceptance,
      to: 'withdrawn',
      performers: ['owner'],
      clock: 'end',
    },
  ];
}

/** 承诺件: the full path with back-office review and decision (see the file header). */
export function standardDefinition(): ProcessDefinition {
  return {
    key: 'standard',
    name: '承诺件标准流程',
    initial: 'draft',
    steps: [
      ...frontDeskSteps(),
      { code: 'reviewed', label: S.reviewed },
      { code: 'suspended', label: S.suspended, clockStopped: true },
      { code: 'granted', label: S.granted },
      { code: 'denied', label: S.denied, terminal: true },
      { code: 'certificate_issued', label: S.certificate_issued },
      { code: 'completed', label: S.completed, terminal: true },
      { code: 'withdrawn', label: S.withdrawn, terminal: true },
    ],
    actions: [
      ...frontDeskActions(),
      { action: 'review-pass', label: A['review-pass'], from: ['accepted'], to: 'reviewed', performers: ['approver'] },
      {
        action: 'return',
        label: A.return,
        from: ['reviewed'],
        to: 'accepted',
        performers: ['chief'],
        requires: ['reason'],
      },
      { action: 'grant', label: A.grant, from: ['reviewed'], to: 'granted', performers: ['chief'] },
      {
        action: 'deny',
        label: A.deny,
        from: ['reviewed'],
        to: 'denied',
        performers: ['chief'],
        requires: ['reason'],
        clock: 'end',
      },
      {
        action: 'suspend',
        label: A.suspend,
        from: ['accepted', 'reviewed'],
        to: 'suspended',
        performers: ['approver', 'chief'],
        requires: ['suspension'],
        clock: 'stop',
      },
      {
        action: 'resume',
        label: A.resume,
        from: ['suspended'],
        to: PREVIOUS,
        performers: ['approver', 'chief'],
        clock: 'resume',
      },
      ...exitActions(),
      ...withdrawActions(['accepted', 'reviewed', 'suspended']),
    ],
  };
}

/**
 * 即办件: done on the spot. The window clerk alone can carry a case through one visit:
 * submit (registering it) → accept → grant (or deny) → issue-certificate → deliver (at the window).
 * No back-office review, no `return` and no special procedures (an item that needs them is not 即办).
 * Online filings still pass the window's pre-review, correction and refusal as in the standard path.
 */
export function immediateDefinition(): ProcessDefinition {
  return {
    key: 'immediate',
    name: '即办件流程（当场办结）',
    initial: 'draft',
    steps: [
      ...frontDeskSteps(),
      { code: 'granted', label: S.granted },
      { code: 'denied', label: S.denied, terminal: true },
      { code: 'certificate_issued', label: S.certificate_issued },
      { code: 'completed', label: S.completed, terminal: true },
      { code: 'withdrawn', label: S.withdrawn, terminal: true },
    ],
    actions: [
      ...frontDeskActions(),
      { action: 'grant', label: A.grant, from: ['accepted'], to: 'granted', performers: ['clerk'] },
      {
        action: 'deny',
        label: A.deny,
        from: ['accepted'],
        to: 'denied',
        performers: ['clerk'],
        requires: ['reason'],
        clock: 'end',
      },
      ...exitActions(),
      ...withdrawActions(['accepted']),
    ],
  };
}

/**
 * The definition worded for the item's type: a decision action or status that still carries the standard
 * licence label takes the type's words; a label the item's author chose stays. Unchanged (the same object)
 * when there is nothing to reword.
 */
export function wordedForType(def: ProcessDefinition, itemType: string | undefined): ProcessDefinition {
  const w = decisionWords(itemType);
  if (w.grant === A.grant && w.deny === A.deny) return def;
  const action: Record<string, [string, string]> = { grant: [A.grant, w.grant], deny: [A.deny, w.deny] };
  const worded = decisionStatusLabels(w);
  const step: Record<string, [string, string]> = {
    granted: [S.granted, worded.granted],
    denied: [S.denied, worded.denied],
  };
  const relabel = <T extends { label: string }>(x: T, pair: [string, string] | undefined): T =>
    pair && x.label === pair[0] ? { ...x, label: pair[1] } : x;
  return {
    ...def,
    steps: def.steps.map((s) => relabel(s, step[s.code])),
    actions: def.actions.map((a) => relabel(a, action[a.action])),
  };
}

/** The definition a case of this item follows: the item's own, else the default of its handling type, worded for its type. */
export function getProcessDefinition(guide: {
  handlingType: 'immediate' | 'promised';
  workflow?: ProcessDefinition | undefined;
  promisedLimit?: { days: number };
  type?: string;
}): ProcessDefinition {
  if (guide.workflow) return wordedForType(guide.workflow, guide.type);
  return wordedForType(
    guide.handlingType === 'immediate'
      ? withStepLimits(immediateDefinition(), IMMEDIATE_STEP_LIMITS)
      : withStepLimits(standardDefinition(), standardStepLimits(guide.promisedLimit?.days ?? 0)),
    guide.type,
  );
}

/**
 * 环节时限 of the default paths, in working days. A promised item's window steps and the decision get
 * one day each, certificate and delivery one each, and the review keeps the rest of the promised time
 * (at least one day); an immediate item's every step is due the same day. Items with their own
 * definition set their own limits.
 */
export function standardStepLimits(promisedDays: number): Record<string, number> {
  return {
    submitted: 1,
    prereviewed: 1,
    accepted: Math.max(1, promisedDays - 2),
    reviewed: 1,
    granted: 1,
    certificate_issued: 1,
  };
}
const IMMEDIATE_STEP_LIMITS: Record<string, number> = {
  submitted: 0,
  prereviewed: 0,
  accepted: 0,
  granted: 0,
  certificate_issued: 0,
};

/** The definition with these step limits set (steps not named keep theirs). */
export function withStepLimits(def: ProcessDefinition, limits: Record<string, number>): ProcessDefinition {
  return {
    ...def,
    steps: def.steps.map((st) => (limits[st.code] === undefined ? st : { ...st, limitDays: limits[st.code] })),
  };
}

/* ------------------------------------------------------------------ added steps */

/** A step an item inserts into the back-office chain, with its own pass action and a `return`. */
export interface ExtraStep {
  /** Status code, e.g. `site_inspection`. */
  code: string;
  label: string;
  performers: Performer[];
  limitDays?: number;
  /** The step it follows: `accepted` (审查) or a step added before it. */
  after: string;
  /** Name of the action that completes the step; default from `EXTRA_STEP_PRESETS`, else `<code>-pass`. */
  passAction?: string;
  passLabel?: string;
}

/** Common added steps with their pass actions. */
export const EXTRA_STEP_PRESETS: Record<string, { label: string; passAction: string; passLabel: string }> = {
  site_inspection: { label: '现场踏勘', passAction: 'inspection-pass', passLabel: '踏勘通过' },
  joint_signoff: { label: '会签', passAction: 'signoff-pass', passLabel: '会签通过' },
  expert_review: { label: '专家评审', passAction: 'expert-pass', passLabel: '评审通过' },
};

/** Replaces `from` state `at` of action `a` by a copy going to `to` (splitting a shared action). */
function redirectFrom(actions: ActionDefinition[], a: ActionDefinition, at: string, to: string): void {
  if (a.from.length === 1) {
    a.to = to;
    return;
  }
  a.from = a.from.filter((f) => f !== at);
  actions.splice(actions.indexOf(a) + 1, 0, { ...a, from: [at], to });
}

const clone = (def: ProcessDefinition): ProcessDefinition => structuredClone(def);

/**
 * A copy of `base` with `steps` inserted into the review chain, each right after its `after` step A:
 * the forward action(s) leaving A (e.g. `review-pass`) now lead to the new step S; S's pass action
 * leads where they led (B); S gets `return` → A; a `return` from B to A now goes to S (one step back);
 * S inherits A's other actions (`suspend`, `withdraw`). E.g. after `accepted`:
 * accepted ─review-pass▶ site_inspection ─inspection-pass▶ reviewed, site_inspection ─return▶ accepted,
 * reviewed ─return▶ site_inspection. Throws when a step cannot be inserted or the result is invalid.
 */
export function withExtraSteps(
  base: ProcessDefinition,
  steps: ExtraStep[],
  meta?: { key?: string; name?: string },
): ProcessDefinition {
  const def = clone(base);
  for (const x of steps) {
    const preset = EXTRA_STEP_PRESETS[x.code];
    const passAction = x.passAction ?? preset?.passAction ?? `${x.code.replace(/_/g, '-')}-pass`;
    const passLabel = x.passLabel ?? preset?.passLabel ?? `${x.label}通过`;
    if (def.steps.some((s) => s.code === x.code)) throw new Error(`流程中已有环节「${x.code}」`);
    const afterIndex = def.steps.findIndex((s) => s.code === x.after);
    if (afterIndex < 0) throw new Error(`环节「${x.code}」所接的环节「${x.after}」不存在`);
    const terminal = (code: string) => def.steps.find((s) => s.code === code)?.terminal ?? false;
    const leaving = def.actions.filter((a) => a.from.includes(x.after));
    const forward = leaving.filter(
      (a) => a.action !== 'return' && a.to !== PREVIOUS && a.clock !== 'stop' && !terminal(a.to),
    );
    const targets = [...new Set(forward.map((a) => a.to))];
    if (targets.length !== 1)
      throw new Error(`环节「${x.after}」之后的去向不唯一（${targets.join('、') || '无'}），无法插入「${x.label}」`);
    const next = targets[0]!;
    for (const a of forward) redirectFrom(def.actions, a, x.after, x.code);
    for (const a of def.actions.filter((b) => b.action === 'return' && b.to === x.after && b.from.includes(next))) {
      redirectFrom(def.actions, a, next, x.code);
    }
    for (const a of leaving) if (!forward.includes(a) && a.action !== 'return') a.from.push(x.code);
    def.steps.splice(afterIndex + 1, 0, {
      code: x.code,
      label: x.label,
      ...(x.limitDays === undefined ? {} : { limitDays: x.limitDays }),
    });
    def.actions.push(
      { action: passAction, label: passLabel, from: [x.code], to: next, performers: [...x.performers] },
      {
        action: 'return',
        label: A.return,
        from: [x.code],
        to: x.after,
        performers: [...x.performers],
        requires: ['reason'],
      },
    );
  }
  def.key = meta?.key ?? `${base.key}-${steps.map((s) => s.code.replace(/_/g, '-')).join('-')}`;
  def.name = meta?.name ?? `${base.name}（含${steps.map((s) => s.label).join('、')}）`;
  const problems = validateDefinition(def);
  if (problems.length) throw new Error(`流程定义无效：${problems.map((p) => `${p.path}：${p.message}`).join('；')}`);
  return def;
}
