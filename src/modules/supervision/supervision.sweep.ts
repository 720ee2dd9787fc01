/**
 * The warning sweep 预警巡检: walks the open cases in keyset pages (one statement per page for the facts,
 * one to insert the page's warnings, one to withdraw stale transient ones), then the cases closed
 * recently (refusals, late decisions). Idempotent: a warning is unique per (case, rule, level).
 * Then the responsible units hear of the new cards (supervision.notices.ts), once per warning.
 * `startSupervisionWorker` runs it on an interval in the background.
 */
import type { Db } from '../../platform/db';
import { addWorkdaysIn, loadCalendar, todayInShanghai, type CalendarData } from '../calendar/index';
import { openCaseFactsPage, recentlyClosedCaseFactsPage, type CaseWarningFactsRow } from '../cases/index';
import { getItemVersion } from '../catalog/index';
import { getProcessDefinition } from '../workflow/index';
import * as repo from './supervision.repository';
import { notifyRaisedWarnings } from './supervision.notices';
import { TRANSIENT_RULES, evaluateCase, explainDays, type RuleConfig } from './supervision.rules';

export interface SweepResult {
  scanned: number;
  raised: number;
  withdrawn: number;
  pages: number;
  /** In-app messages sent to the responsible units about newly raised cards. */
  notified: number;
}

export interface SweepOptions {
  /** Cases per page (default 1000). */
  pageSize?: number;
  /** How far back closed cases are revisited (default 3 days). */
  recentDays?: number;
}

/** Step limits 环节时限 of a published item version's process, cached per sweep. */
function stepLimits(db: Db) {
  const cache = new Map<string, Promise<Map<string, { limitDays: number; label: string }>>>();
  return async (
    code: string,
    version: number,
    status: string,
  ): Promise<{ limitDays: number; label: string } | null> => {
    const key = `${code}@${version}`;
    let p = cache.get(key);
    if (!p) {
      p = getItemVersion(db, code, version).then((item) => {
        const m = new Map<string, { limitDays: number; label: string }>();
        if (item)
          for (const s of getProcessDefinition(item).steps)
            if (s.limitDays !== undefined) m.set(s.code, { limitDays: s.limitDays, label: s.label });
        return m;
      });
      cache.set(key, p);
    }
    return (await p).get(status) ?? null;
  };
}

async function processPage(
  db: Db,
  cal: CalendarData,
  rules: RuleConfig[],
  limitOf: ReturnType<typeof stepLimits>,
  rows: CaseWarningFactsRow[],
  today: string,
): Promise<{ raised: number; withdrawn: number }> {
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const due = new Map<string, string>();
  const dueFor = (r: RuleConfig | undefined) => {
    const n = explainDays(r);
    let d = due.get(String(n));
    if (!d) due.set(String(n), (d = addWorkdaysIn(cal, today, n).date));
    return d;
  };
  const news: repo.NewWarning[] = [];
  const holding: { caseId: string; rule: RuleConfig['code'] }[] = [];
  for (const c of rows) {
    const step = c.clock_phase === 'running' ? await limitOf(c.item_code, c.item_version, c.status) : null;
    const hits = evaluateCase(
      cal,
      {
        status: c.status,
        clockPhase: c.clock_phase,
        promisedDeadline: c.promised_deadline,
        statutoryDeadline: c.statutory_deadline,
        overdueOn: c.overdue_on,
        finishedOn: c.finished_on,
        stepEnteredOn: c.step_entered_on,
        stepLimitDays: step?.limitDays ?? null,
        stepLabel: step?.label,
        returns: c.returns,
        refusedWithoutReason: c.refused_without_reason,
      },
      rules,
      today,
    );
    for (const h of hits) {
      holding.push({ caseId: c.id, rule: h.rule });
      news.push({
        case_id: c.id,
        case_number: c.number,
        item_name: c.item_name,
        rule: h.rule,
        level: h.level,
        reason: h.reason.slice(0, 500),
        region_code: c.region_code,
        department_code: c.department_code,
        accept_hall_id: c.accept_hall_id,
        raised_on: today,
        explain_due: dueFor(byCode.get(h.rule)),
      });
    }
  }
  const raised = await repo.insertWarnings(db, news);
  const withdrawn = await repo.withdrawStale(
    db,
    rows.map((r) => r.id),
    TRANSIENT_RULES,
    holding,
    '预警条件已消除，系统自动撤销',
  );
  return { raised, withdrawn };
}

/** One pass at `now` over every open case and the recently closed ones; safe to run again at any time. */
export async function sweepWarnings(db: Db, now: Date, opts: SweepOptions = {}): Promise<SweepResult> {
  const today = todayInShanghai(now);
  const pageSize = opts.pageSize ?? 1000;
  const rules = (await repo.listRules(db)).map(repo.toRuleConfig);
  const cal = await loadCalendar(db);
  const limitOf = stepLimits(db);
  const out: SweepResult = { scanned: 0, raised: 0, withdrawn: 0, pages: 0, notified: 0 };
  const add = (r: { raised: number; withdrawn: number }, n: number) => {
    out.raised += r.raised;
    out.withdrawn += r.withdrawn;
    out.scanned += n;
    out.pages += 1;
  };

  for (let after: string | null = null; ;) {
    const rows = await openCaseFactsPage(db, after, pageSize);
    if (!rows.length) break;
    add(await processPage(db, cal, rules, limitOf, rows, today), rows.length);
    after = rows[rows.length - 1]!.id;
    if (rows.length < pageSize) break;
  }

  const since = new Date(now.getTime() - (opts.recentDays ?? 3) * 86_400_000);
  for (let after: { updatedAt: Date; id: string } | null = null; ;) {
    const rows = await recentlyClosedCaseFactsPage(db, since, after, pageSize);
    if (!rows.length) break;
    add(await processPage(db, cal, rules, limitOf, rows, today), rows.length);
    const last = rows[rows.length - 1]!;
    after = { updatedAt: last.updated_at, id: last.id };
    if (rows.length < pageSize) break;
  }
  out.notified = await notifyRaisedWarnings(db);
  return out;
}

export interface WorkerOptions {
  /** Pause between sweeps (default 10 minutes). */
  intervalMs?: number;
  /** Run the first sweep right away (default true). */
  immediate?: boolean;
  onResult?: (r: SweepResult) => void;
  onError?: (err: unknown) => void;
  /** Dates each sweep's `now` (default: the wall clock). */
  clock?: () => Date;
}

// wall clock: the default clock that dates each sweep's `now` (tests pass their own)
const wallClock = () => new Date();

/**
 * Runs `sweepWarnings` in the background every `intervalMs` (never two at once). Returns a stop function
 * that waits for a running sweep to end.
 */
export function startSupervisionWorker(db: Db, opts: WorkerOptions = {}): () => Promise<void> {
  const interval = Math.max(1000, opts.intervalMs ?? 600_000);
  const clock = opts.clock ?? wallClock;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = sweepWarnings(db, clock())
      .then((r) => opts.onResult?.(r))
      .catch((err) => (opts.onError ? opts.onError(err) : console.warn(`预警巡检失败：${(err as Error).message}`)))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, interval);
  timer.unref();
  const first = opts.immediate === false ? null : setTimeout(tick, 0);
  first?.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (first) clearTimeout(first);
    if (running) await running;
  };
}
