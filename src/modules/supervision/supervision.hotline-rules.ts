/**
 * Warning rules for 12345 tickets 热线工单预警 (pure): from a ticket's deadline state (the hotline clock's),
 * its unit and its sign-for facts, which cards hold. Configured like the case rules (warning_rules:
 * enabled, params.explainDays).
 *
 * - hotline_near 临近办理时限 (yellow): the clock is `near` (or already `overdue`); transient — withdrawn
 *   once the ticket is no longer near (finished, paused while the centre decides, or back at the centre).
 * - hotline_overdue 超过办理时限 (red): `overdue`, or finished after the limit; a recorded fact.
 * - hotline_unsigned 超时未签收 (yellow): not signed for within the sign-for time; a recorded fact.
 *
 * A ticket at the centre (no unit) raises nothing: the cards are the unit's.
 */
import type { RaisedWarning, RuleCode, RuleConfig } from './supervision.rules';
import { RULE_LEVELS } from './supervision.rules';

export interface TicketFacts {
  unitName: string | null;
  deadlineState: 'normal' | 'near' | 'overdue' | 'paused' | 'finished';
  /** Finished within the limit (once finished), else null. */
  onTime: boolean | null;
  /** Left in the limit's unit (negative when overdue), null once finished. */
  remaining: number | null;
  limitUnit: 'workdays' | 'hours';
  /** The due instant and the sign-for time as written in the reason (Shanghai time). */
  dueText: string;
  signDueText: string | null;
  signOverdue: boolean;
}

/** Transient hotline rules: their open cards are withdrawn when the condition ends. */
export const TRANSIENT_HOTLINE_RULES: readonly RuleCode[] = ['hotline_near'];

const UNIT_TEXT = { workdays: '个工作日', hours: '小时' } as const;

/** The cards whose condition holds for the ticket (only enabled hotline rules). */
export function evaluateTicket(f: TicketFacts, rules: readonly RuleConfig[]): RaisedWarning[] {
  if (!f.unitName) return [];
  const out: RaisedWarning[] = [];
  const unit = `承办单位：${f.unitName}`;
  for (const r of rules) {
    if (!r.enabled) continue;
    const level = RULE_LEVELS[r.code];
    switch (r.code) {
      case 'hotline_near':
        if (f.deadlineState === 'near' && f.remaining !== null)
          out.push({
            rule: r.code,
            level,
            reason: `${unit}；距办理时限（${f.dueText}）剩余 ${f.remaining} ${UNIT_TEXT[f.limitUnit]}`,
          });
        else if (f.deadlineState === 'overdue')
          out.push({ rule: r.code, level, reason: `${unit}；已超过办理时限（${f.dueText}）` });
        break;
      case 'hotline_overdue':
        if (f.deadlineState === 'overdue')
          out.push({ rule: r.code, level, reason: `${unit}；已超过办理时限（${f.dueText}）仍未办结` });
        else if (f.deadlineState === 'finished' && f.onTime === false)
          out.push({ rule: r.code, level, reason: `${unit}；超过办理时限（${f.dueText}）办结` });
        break;
      case 'hotline_unsigned':
        if (f.signOverdue)
          out.push({ rule: r.code, level, reason: `${unit}；超过签收时限（${f.signDueText ?? '—'}）未按时签收` });
        break;
      default:
        break;
    }
  }
  return out;
}
