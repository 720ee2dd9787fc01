/**
 * Pure rules of the workflow engine (办件流程): checking a process definition, and what an action
 * does to a case. No I/O; the cases module persists what `transition()` answers.
 */
import {
  ACTION_REQUIREMENTS,
  CLOCK_EFFECTS,
  PERFORMERS,
  PERFORMER_LABELS,
  PREVIOUS,
  REQUIREMENT_LABELS,
  STANDARD_ACTION_LABELS,
  STANDARD_STATUS_LABELS,
  clockEffectLabel,
} from './workflow.labels';
import type {
  ActionDefinition,
  ActionRequirement,
  ActorContext,
  CaseSnapshot,
  ClockEffect,
  ProcessDefinition,
  StandardAction,
  StepDefinition,
  TransitionResult,
} from './workflow.types';
import { STANDARD_ACTIONS } from './workflow.types';

/** One problem of a definition; `path` is dotted (`actions.3.to`), relative to the definition. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

export const STEP_CODE_RE = /^[a-z][a-z0-9_]*$/;
export const ACTION_NAME_RE = /^[a-z][a-z0-9-]*$/;
export const MAX_CODE_LENGTH = 40;

/**
 * What each standard action name means; a custom definition may use these names only with this
 * meaning, because the cases service and the UI attach behaviour to them (reason dialogs, the
 * corrections list, special procedures, delivery, the clock).
 */
interface Meaning {
  /** true: must enter a terminal step; false: must not; absent: either. */
  terminal?: boolean;
  requires?: ActionRequirement[];
  /** Allowed clock effects. */
  clock: ClockEffect[];
  /** Must target `@previous`. */
  previous?: boolean;
  /** The target step must stop the clock. */
  stoppedTarget?: boolean;
  /** The applicant must be able to take it. */
  owner?: boolean;
}

export const STANDARD_ACTION_MEANINGS: Record<StandardAction, Meaning> = {
  submit: { terminal: false, clock: [null] },
  'prereview-pass': { terminal: false, clock: [null] },
  'request-correction': { terminal: false, requires: ['corrections'], clock: [null] },
  resubmit: { terminal: false, clock: [null] },
  // Refusing to accept happens before the clock starts.
  refuse: { terminal: true, requires: ['reason'], clock: [null] },
  accept: { terminal: false, clock: ['start'] },
  'review-pass': { terminal: false, clock: [null] },
  return: { terminal: false, requires: ['reason'], clock: [null] },
  // A grant may end the case directly for items without a certificate.
  grant: { clock: [null, 'end'] },
  deny: { terminal: true, requires: ['reason'], clock: ['end'] },
  suspend: { terminal: false, requires: ['suspension'], clock: ['stop'], stoppedTarget: true },
  resume: { previous: true, clock: ['resume'] },
  'issue-certificate': { requires: ['certificate'], clock: [null, 'end'] },
  deliver: { terminal: true, requires: ['delivery'], clock: ['end'] },
  // Before acceptance no clock runs; after it, withdrawing ends the clock.
  withdraw: { terminal: true, owner: true, clock: [null, 'end'] },
};

const isStandardAction = (a: string): a is StandardAction => (STANDARD_ACTIONS as readonly string[]).includes(a);

export function stepOf(def: ProcessDefinition, code: string): StepDefinition | undefined {
  return def.steps.find((s) => s.code === code);
}

/** The Chinese label of a status: the step's own label, else the standard label, else the code. */
export function statusLabel(def: ProcessDefinition, code: string): string {
  return stepOf(def, code)?.label ?? (STANDARD_STATUS_LABELS as Record<string, string>)[code] ?? code;
}

/** Status codes reachable from `starts` following the actions `follow` admits (`@previous` ignored). */
function reachable(
  def: ProcessDefinition,
  starts: Iterable<string>,
  follow: (a: ActionDefinition) => boolean,
): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...seen];
  while (queue.length) {
    const at = queue.shift()!;
    for (const a of def.actions) {
      if (!follow(a) || a.to === PREVIOUS || !a.from.includes(at) || seen.has(a.to)) continue;
      seen.add(a.to);
      queue.push(a.to);
    }
  }
  return seen;
}

/**
 * Everything wrong with a definition (empty = usable). Checks: step codes (format, unique), labels,
 * the initial step, at least one terminal step, every `from`/`to` known (`to` may be `@previous`
 * after a clock stop), every step reachable from the initial one, every non-terminal step has a way
 * out, nothing leaves a terminal step, performers and requirements known, an action name at most
 * once per from-step, the clock used consistently (start once, end only into a terminal step and
 * only after the start, a terminal step reached while the clock runs ends it), and the standard
 * action names keep their meaning (`STANDARD_ACTION_MEANINGS`).
 */
export function validateDefinition(def: ProcessDefinition): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });

  /* ---- steps */
  const index = new Map<string, number>();
  def.steps.forEach((s, i) => {
    if (!STEP_CODE_RE.test(s.code) || s.code.length > MAX_CODE_LENGTH) {
      add(
        `steps.${i}.code`,
        `环节代码「${s.code}」格式有误：应以小写字母开头，只含小写字母、数字和下划线，最长 ${MAX_CODE_LENGTH} 个字符`,
      );
    }
    const first = index.get(s.code);
    if (first !== undefined) add(`steps.${i}.code`, `环节代码重复：${s.code}（与第 ${first + 1} 个环节相同）`);
    else index.set(s.code, i);
    if (!s.label?.trim()) add(`steps.${i}.label`, `环节「${s.code}」缺少名称`);
    if (s.limitDays !== undefined && !(Number.isInteger(s.limitDays) && s.limitDays >= 0)) {
      add(`steps.${i}.limitDays`, `环节「${s.label}」的时限应为不小于 0 的整数（工作日）`);
    }
    if (s.terminal && s.clockStopped) add(`steps.${i}.clockStopped`, `终结环节「${s.label}」不需要标记暂停计时`);
  });
  const step = (code: string) => {
    const i = index.get(code);
    return i === undefined ? undefined : def.steps[i];
  };
  const label = (code: string) => step(code)?.label ?? code;

  const initial = step(def.initial);
  if (!initial) add('initial', `初始环节「${def.initial}」不在环节列表中`);
  else if (initial.terminal) add('initial', `初始环节「${initial.label}」不能是终结环节`);
  if (!def.steps.some((s) => s.terminal)) add('steps', '流程至少需要一个终结环节（如已办结、已撤回）');

  /* ---- actions, one by one */
  const byFrom = new Map<string, number>(); // `${from}\n${action}` → first action index
  def.actions.forEach((a, i) => {
    const p = `actions.${i}`;
    const name = a.label?.trim() ? a.label : a.action;
    if (!ACTION_NAME_RE.test(a.action) || a.action.length > MAX_CODE_LENGTH) {
      add(
        `${p}.action`,
        `操作名「${a.action}」格式有误：应以小写字母开头，只含小写字母、数字和短横线，最长 ${MAX_CODE_LENGTH} 个字符`,
      );
    }
    if (!a.label?.trim()) add(`${p}.label`, `操作「${a.action}」缺少名称`);
    if (a.from.length === 0) add(`${p}.from`, `操作「${name}」至少需要一个起始环节`);
    a.from.forEach((f, j) => {
      const fp = `${p}.from.${j}`;
      if (a.from.indexOf(f) !== j) return add(fp, `操作「${name}」的起始环节重复：${f}`);
      if (f === PREVIOUS) return add(fp, `「${PREVIOUS}」只能用作目标环节`);
      const s = step(f);
      if (!s) return add(fp, `操作「${name}」的起始环节「${f}」不存在`);
      if (s.terminal) return add(fp, `终结环节「${s.label}」之后不能再有操作（${name}）`);
      const key = `${f}\n${a.action}`;
      const other = byFrom.get(key);
      if (other !== undefined)
        add(
          `${p}.action`,
          `环节「${s.label}」已有名为「${a.action}」的操作（第 ${other + 1} 个操作），同一环节的操作名不能重复`,
        );
      else byFrom.set(key, i);
    });
    if (a.to !== PREVIOUS && !step(a.to)) add(`${p}.to`, `操作「${name}」的目标环节「${a.to}」不存在`);
    if (a.performers.length === 0) add(`${p}.performers`, `操作「${name}」至少需要一个执行人`);
    a.performers.forEach((r, j) => {
      if (!PERFORMERS.includes(r))
        add(`${p}.performers.${j}`, `操作「${name}」的执行人「${r}」无效，应为：${PERFORMERS.join('、')}`);
      else if (a.performers.indexOf(r) !== j)
        add(`${p}.performers.${j}`, `操作「${name}」的执行人重复：${PERFORMER_LABELS[r]}`);
    });
    (a.requires ?? []).forEach((r, j) => {
      if (!(ACTION_REQUIREMENTS as readonly string[]).includes(r))
        add(`${p}.requires.${j}`, `操作「${name}」的附加要求「${r}」无效，应为：${ACTION_REQUIREMENTS.join('、')}`);
    });
    if (a.clock != null && !(CLOCK_EFFECTS as readonly string[]).includes(a.clock)) {
      add(
        `${p}.clock`,
        `操作「${name}」的计时效果「${String(a.clock)}」无效，应为：${CLOCK_EFFECTS.join('、')} 或不设置`,
      );
    }
  });

  /* ---- the graph: reachability and ways out */
  if (initial) {
    const seen = reachable(def, [def.initial], () => true);
    def.steps.forEach((s, i) => {
      if (index.get(s.code) === i && !seen.has(s.code))
        add(`steps.${i}`, `环节「${s.label}」从初始环节「${initial.label}」无法到达`);
    });
  }
  def.steps.forEach((s, i) => {
    if (!s.terminal && index.get(s.code) === i && !def.actions.some((a) => a.from.includes(s.code))) {
      add(`steps.${i}`, `非终结环节「${s.label}」没有任何后续操作，办件会停在这里`);
    }
  });

  /* ---- the clock: where it runs */
  const stoppedInto = new Set(def.actions.filter((a) => a.clock === 'stop').map((a) => a.to));
  const starts = def.actions.filter((a) => a.clock === 'start').map((a) => a.to);
  // Without any start the clock never runs: one problem at the first action that uses it, not one per action.
  const firstClockUse = def.actions.findIndex((a) => a.clock === 'stop' || a.clock === 'resume' || a.clock === 'end');
  if (starts.length === 0 && firstClockUse >= 0) {
    add(`actions.${firstClockUse}.clock`, '流程中没有开始计时的操作（通常是受理），不能暂停、恢复或结束计时');
  }
  const running = reachable(def, starts, () => true);
  def.actions.forEach((a, i) => {
    const p = `actions.${i}`;
    const name = a.label?.trim() ? a.label : a.action;
    const target = a.to === PREVIOUS ? undefined : step(a.to);
    const froms = a.from.filter((f) => step(f));
    if (a.to === PREVIOUS) {
      const bad = a.from.find((f) => !stoppedInto.has(f));
      if (bad !== undefined)
        add(
          `${p}.to`,
          `操作「${name}」返回暂停前的环节（${PREVIOUS}），但「${label(bad)}」不是暂停计时的操作所进入的环节`,
        );
    }
    if (a.clock === 'start') {
      const bad = froms.find((f) => running.has(f));
      if (bad !== undefined) add(`${p}.clock`, `操作「${name}」在已开始计时的环节「${label(bad)}」再次开始计时`);
    }
    if (
      starts.length > 0 &&
      (a.clock === 'stop' || a.clock === 'resume' || a.clock === 'end') &&
      froms.some((f) => !running.has(f))
    ) {
      const bad = froms.find((f) => !running.has(f))!;
      add(`${p}.clock`, `受理前尚未开始计时，操作「${name}」不能在「${label(bad)}」${clockEffectLabel(a.clock)}`);
    }
    if (a.clock === 'end' && target && !target.terminal) add(`${p}.clock`, `结束计时的操作「${name}」必须进入终结环节`);
    if (a.clock === 'stop' && !def.actions.some((b) => b.to === PREVIOUS && b.from.includes(a.to))) {
      add(`${p}.to`, `操作「${name}」暂停计时后，环节「${label(a.to)}」须有返回暂停前环节（${PREVIOUS}）的恢复操作`);
    }
    if (target?.terminal && a.clock !== 'end') {
      const bad = froms.find((f) => running.has(f));
      if (bad !== undefined)
        add(`${p}.clock`, `操作「${name}」在计时中（${label(bad)}）结束办件，须结束计时（clock: end）`);
    }
  });

  /* ---- standard action names keep their meaning */
  def.actions.forEach((a, i) => {
    if (!isStandardAction(a.action)) return;
    const p = `actions.${i}`;
    const m = STANDARD_ACTION_MEANINGS[a.action];
    const what = `标准操作「${a.action}」（${STANDARD_ACTION_LABELS[a.action]}）`;
    const target = a.to === PREVIOUS ? undefined : step(a.to);
    if (m.previous && a.to !== PREVIOUS) add(`${p}.to`, `${what}必须返回暂停前的环节（${PREVIOUS}）`);
    if (target && m.terminal === true && !target.terminal) add(`${p}.to`, `${what}必须进入终结环节`);
    if (target && m.terminal === false && target.terminal) add(`${p}.to`, `${what}不能进入终结环节`);
    if (target && m.stoppedTarget && !target.clockStopped)
      add(`${p}.to`, `${what}的目标环节「${target.label}」须标记为暂停计时（clockStopped）`);
    for (const r of m.requires ?? []) {
      if (!a.requires?.includes(r)) add(`${p}.requires`, `${what}必须要求填写${REQUIREMENT_LABELS[r]}（${r}）`);
    }
    if (!m.clock.includes(a.clock ?? null)) {
      add(`${p}.clock`, `${what}的计时效果应为：${m.clock.map(clockEffectLabel).join('或')}`);
    }
    if (m.owner && !a.performers.includes('owner')) add(`${p}.performers`, `${what}必须允许申请人本人（owner）执行`);
  });

  return out;
}

const performerList = (ps: readonly string[]) =>
  ps.map((p) => (PERFORMER_LABELS as Record<string, string>)[p] ?? p).join('、');

/**
 * What `action` does to a case in `snapshot` when taken by `actor`. Checked in this order: the action
 * exists in the definition (`unknown_action`), it may be taken in the current status (`state`, also
 * when there is no status to resume to), the actor is one of its performers (`role`).
 * A clock stop (`suspend`) remembers the current status in `suspendedFrom`; `@previous` (`resume`)
 * returns there; every other action clears `suspendedFrom`.
 */
export function transition(
  def: ProcessDefinition,
  snapshot: CaseSnapshot,
  action: string,
  actor: ActorContext,
): TransitionResult {
  const candidates = def.actions.filter((a) => a.action === action);
  if (candidates.length === 0) return { ok: false, code: 'unknown_action', message: `未知的操作「${action}」` };
  const a = candidates.find((c) => c.from.includes(snapshot.status));
  const current = statusLabel(def, snapshot.status);
  if (!a) return { ok: false, code: 'state', message: `办件当前为「${current}」，不能执行「${candidates[0]!.label}」` };
  let to = a.to;
  if (to === PREVIOUS) {
    const back = snapshot.suspendedFrom;
    if (!back || !stepOf(def, back)) {
      return { ok: false, code: 'state', message: `办件没有记录暂停前的环节，无法「${a.label}」` };
    }
    to = back;
  }
  if (!a.performers.some((p) => actor.performers.includes(p))) {
    return { ok: false, code: 'role', message: `「${a.label}」只能由${performerList(a.performers)}执行` };
  }
  const clock = a.clock ?? null;
  return {
    ok: true,
    status: to,
    suspendedFrom: clock === 'stop' ? snapshot.status : null,
    fromStatus: snapshot.status,
    action: a,
    clock,
    terminal: stepOf(def, to)?.terminal ?? false,
  };
}

/** The actions `actor` may take on a case now (what the UI offers as buttons), in definition order. */
export function availableActions(
  def: ProcessDefinition,
  snapshot: CaseSnapshot,
  actor: ActorContext,
): ActionDefinition[] {
  return def.actions.filter((a) => transition(def, snapshot, a.action, actor).ok && a.from.includes(snapshot.status));
}

/** Whether `code` is a terminal step of the definition (unknown codes are not). */
export const isTerminal = (def: ProcessDefinition, code: string): boolean => stepOf(def, code)?.terminal ?? false;
