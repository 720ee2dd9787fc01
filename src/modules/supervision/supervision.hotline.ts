/**
 * The hotline's part of the warning sweep 热线工单预警巡检: walks the tickets the hotline module offers to
 * watch (`ticketWatchPage`, open ones and those finished lately) at the job's `now`, raises the cards of
 * `supervision.hotline-rules.ts` and withdraws transient ones whose condition ended. Idempotent like the
 * case sweep: a card is unique per (ticket, rule, level). A ticket's card is placed in the region of the
 * unit holding it (and its department, when the unit is one), so a supervisor sees the cards of the units
 * in the region subtree.
 */
import type { Db } from '../../platform/db';
import { addWorkdaysIn, loadCalendar, todayInShanghai } from '../calendar/index';
import { shanghaiMinute, ticketWatchPage, type TicketWatchFact } from '../hotline/index';
import { evaluateTicket, TRANSIENT_HOTLINE_RULES } from './supervision.hotline-rules';
import { notifyRaisedWarnings } from './supervision.notices';
import * as repo from './supervision.repository';
import { explainDays, HOTLINE_RULES, type RuleConfig } from './supervision.rules';

export interface HotlineSweepResult {
  scanned: number;
  raised: number;
  withdrawn: number;
  notified: number;
}

/** How far back finished tickets are revisited (their transient cards withdrawn, a late finish carded). */
const RECENT_MS = 3 * 86_400_000;

const factsOf = (t: TicketWatchFact) => ({
  unitName: t.unit?.name ?? null,
  deadlineState: t.deadline.state,
  onTime: t.deadline.onTime,
  remaining: t.deadline.remaining,
  limitUnit: t.deadline.unit,
  dueText: shanghaiMinute(t.deadline.dueAt),
  signDueText: t.signDueAt ? shanghaiMinute(t.signDueAt) : null,
  signOverdue: t.signOverdue,
});

/** One pass over the tickets to watch at `now`; safe to run again at any time. */
export async function sweepHotlineWarnings(
  db: Db,
  now: Date,
  opts: { pageSize?: number; notify?: boolean } = {},
): Promise<HotlineSweepResult> {
  const pageSize = opts.pageSize ?? 1000;
  const rules: RuleConfig[] = (await repo.listRules(db))
    .map(repo.toRuleConfig)
    .filter((r) => HOTLINE_RULES.includes(r.code));
  const cal = await loadCalendar(db);
  const today = todayInShanghai(now);
  const explainDue = new Map(rules.map((r) => [r.code, addWorkdaysIn(cal, today, explainDays(r)).date]));
  const out: HotlineSweepResult = { scanned: 0, raised: 0, withdrawn: 0, notified: 0 };
  const since = new Date(now.getTime() - RECENT_MS);
  for (let after: string | null = null; ;) {
    const page = await ticketWatchPage(db, { now, since, after, limit: pageSize });
    if (!page.length) break;
    const news: repo.NewWarning[] = [];
    const holding: { caseId: string; rule: RuleConfig['code'] }[] = [];
    for (const t of page) {
      if (!t.unit) continue;
      for (const h of evaluateTicket(factsOf(t), rules)) {
        holding.push({ caseId: t.id, rule: h.rule });
        news.push({
          source: 'hotline',
          case_id: t.id,
          case_number: t.number,
          item_name: `${t.typeLabel}：${t.title}`.slice(0, 200),
          rule: h.rule,
          level: h.level,
          reason: h.reason.slice(0, 500),
          region_code: t.unit.regionCode,
          department_code: t.unit.kind === 'department' ? t.unit.code : '',
          accept_hall_id: null,
          unit_name: t.unit.name,
          due_at: t.deadline.dueAt,
          raised_on: today,
          explain_due: explainDue.get(h.rule)!,
        });
      }
    }
    out.raised += await repo.insertWarnings(db, news);
    out.withdrawn += await repo.withdrawStale(
      db,
      page.map((t) => t.id),
      TRANSIENT_HOTLINE_RULES,
      holding,
      '预警条件已消除，系统自动撤销',
    );
    out.scanned += page.length;
    after = page[page.length - 1]!.id;
    if (page.length < pageSize) break;
  }
  if (opts.notify !== false) out.notified = await notifyRaisedWarnings(db);
  return out;
}
