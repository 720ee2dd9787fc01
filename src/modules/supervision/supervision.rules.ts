/**
 * Warning rules 预警规则 (pure): from the facts of one case, today and the working-day calendar, which
 * warnings and cards 预警/黄牌/红牌 hold. Rules are configurable (table warning_rules: enabled, params).
 *
 * - near_deadline 临近预警 (yellow): clock running, promised deadline ≤ N working days away (params.days,
 *   default 2); once raised it holds until the case finishes (a case that then runs late also gets a red card).
 * - overdue 超期红牌 (red): not finished and past the promised deadline (suspended cases that were already late too).
 * - step_overdue 环节超时 (yellow): clock running and the current step has its own limit 环节时限 that has
 *   passed: N working days after the day the case entered the step (workflow `stepDeadline`).
 * - refusal_without_reason 不予受理/不予许可未说明理由 (red): a refuse/deny event with neither comment nor reason.
 * - repeated_returns 多次退回 (yellow): at least params.min (default 2) `return`/`send-down` events.
 * - decision_late 超法定时限决定 (red): finished after the statutory deadline 法定时限.
 *
 * `near_deadline` and `step_overdue` are transient: when their condition no longer holds, an open warning
 * of theirs (not yet explained) is withdrawn by the sweep. The others record a fact and stay.
 */
import { addWorkdaysIn, countWorkdaysIn, type CalendarData } from '../calendar/index';
import { isOverdueOn, type ClockPhase } from '../cases/pure';
import { stepDeadline } from '../workflow/index';

export const RULE_CODES = [
  'near_deadline',
  'overdue',
  'step_overdue',
  'refusal_without_reason',
  'repeated_returns',
  'decision_late',
  'hotline_near',
  'hotline_overdue',
  'hotline_unsigned',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
export type WarningLevel = 'yellow' | 'red';

export const RULE_LEVELS: Record<RuleCode, WarningLevel> = {
  near_deadline: 'yellow',
  overdue: 'red',
  step_overdue: 'yellow',
  refusal_without_reason: 'red',
  repeated_returns: 'yellow',
  decision_late: 'red',
  hotline_near: 'yellow',
  hotline_overdue: 'red',
  hotline_unsigned: 'yellow',
};

/** Rules whose open warnings are withdrawn when their condition ends. */
export const TRANSIENT_RULES: readonly RuleCode[] = ['near_deadline', 'step_overdue'];

/** The rules of 12345 tickets (`supervision.hotline-rules.ts`); the case rules leave them alone. */
export const HOTLINE_RULES: readonly RuleCode[] = ['hotline_near', 'hotline_overdue', 'hotline_unsigned'];

export interface RuleConfig {
  code: RuleCode;
  enabled: boolean;
  params: Record<string, unknown>;
}

export interface CaseFacts {
  status: string;
  clockPhase: ClockPhase;
  promisedDeadline: string | null;
  statutoryDeadline: string | null;
  overdueOn: string | null;
  finishedOn: string | null;
  /** Shanghai day the case entered its current step. */
  stepEnteredOn: string;
  /** Own limit of the current step in working days (null: none). */
  stepLimitDays: number | null;
  /** The current step's label (环节名称), for the warning text. */
  stepLabel?: string;
  returns: number;
  refusedWithoutReason: boolean;
}

export interface RaisedWarning {
  rule: RuleCode;
  level: WarningLevel;
  reason: string;
}

const num = (v: unknown, dflt: number, min = 0, max = 365): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : dflt;

/**
 * Day arithmetic memoised per calendar: the sweep evaluates millions of cases against a handful of
 * distinct (date, days) pairs.
 */
const memo = new WeakMap<CalendarData, Map<string, string>>();
function memoDate(cal: CalendarData, key: string, f: () => string): string {
  let m = memo.get(cal);
  if (!m) memo.set(cal, (m = new Map()));
  let v = m.get(key);
  if (v === undefined) {
    if (m.size > 100_000) m.clear();
    m.set(key, (v = f()));
  }
  return v;
}

/** The warnings whose condition holds for the case today (only enabled rules). */
export function evaluateCase(
  cal: CalendarData,
  f: CaseFacts,
  rules: readonly RuleConfig[],
  today: string,
): RaisedWarning[] {
  const out: RaisedWarning[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    const level = RULE_LEVELS[r.code];
    switch (r.code) {
      case 'near_deadline': {
        if (f.clockPhase !== 'running' || !f.promisedDeadline) break;
        const days = num(r.params.days, 2, 0, 60);
        // remaining = workdays(today, deadline] ≤ days ⟺ deadline is before the (days+1)-th working day after today.
        const limit = memoDate(cal, `near:${today}:${days}`, () => addWorkdaysIn(cal, today, days + 1).date);
        if (f.promisedDeadline >= limit) break;
        const remaining = countWorkdaysIn(cal, today, f.promisedDeadline).count;
        if (remaining <= days)
          out.push({
            rule: r.code,
            level,
            reason:
              remaining >= 0
                ? `距承诺时限（${f.promisedDeadline}）剩余 ${remaining} 个工作日`
                : `已超过承诺时限（${f.promisedDeadline}）${-remaining} 个工作日`,
          });
        break;
      }
      case 'overdue':
        if (isOverdueOn({ clock_phase: f.clockPhase, near_on: null, overdue_on: f.overdueOn }, today))
          out.push({ rule: r.code, level, reason: `已超过承诺时限（${f.promisedDeadline ?? '—'}）仍未办结` });
        break;
      case 'step_overdue': {
        if (f.clockPhase !== 'running' || f.stepLimitDays === null) break;
        const limitDays = f.stepLimitDays;
        const due = memoDate(
          cal,
          `step:${f.stepEnteredOn}:${limitDays}`,
          () => stepDeadline(cal, f.stepEnteredOn, limitDays).date,
        );
        if (today > due)
          out.push({
            rule: r.code,
            level,
            reason: `当前环节（${f.stepLabel ?? f.status}）时限 ${f.stepLimitDays} 个工作日，已于 ${due} 到期`,
          });
        break;
      }
      case 'refusal_without_reason':
        if (f.refusedWithoutReason) out.push({ rule: r.code, level, reason: '作出不予受理或不予许可决定未说明理由' });
        break;
      case 'repeated_returns': {
        const min = num(r.params.min, 2, 1, 100);
        if (f.returns >= min) out.push({ rule: r.code, level, reason: `办件被退回 ${f.returns} 次` });
        break;
      }
      case 'decision_late':
        if (f.finishedOn && f.statutoryDeadline && f.finishedOn > f.statutoryDeadline)
          out.push({ rule: r.code, level, reason: `于 ${f.finishedOn} 办结，晚于法定时限（${f.statutoryDeadline}）` });
        break;
    }
  }
  return out;
}

/** The working days the responsible unit has to explain a warning (params.explainDays, default 3). */
export const explainDays = (r: RuleConfig | undefined): number => num(r?.params.explainDays, 3, 1, 60);

export type WarningState = 'open' | 'explained' | 'confirmed' | 'revoked';

/** A supervisor's decision on a warning: from open or explained only. */
export function decisionTarget(state: WarningState, decision: 'confirm' | 'revoke'): WarningState | null {
  if (state !== 'open' && state !== 'explained') return null;
  return decision === 'confirm' ? 'confirmed' : 'revoked';
}

/** The responsible unit may explain an open warning, once. */
export const canExplain = (state: WarningState): boolean => state === 'open';
