/**
 * Warnings and cards 预警、黄牌、红牌 of the demo city's history (see cases/demo/history.ts), as the sweep would
 * have raised them while those cases ran, with the responsible units' explanations 情况说明 and the
 * supervisor's decisions 确认/撤销:
 * - open cases: exactly what the sweep finds today (`evaluateCase` with the configured rules), each raised on
 *   the first day its condition held, so the first sweep after start finds nothing new;
 * - closed cases: the overdue red card (finished after the promised deadline), the late decision
 *   (after the statutory deadline) and repeated returns, which stay; the transient near-deadline warning,
 *   withdrawn by the system when the case finished unless the unit had explained it. Step warnings
 *   (环节超时) of closed cases are transient and were withdrawn: they are not kept.
 * Older cards are mostly explained and decided; recent ones wait. Each card is marked as notified
 * (`warning_notices`) so the sweep does not send a backlog of messages about the past; the messages
 * themselves are not kept. One statement per table; the load is audited once (`supervision.demo.history`).
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db';
import { auditInsert } from '../../../platform/audit';
import { insertRows } from '../../../platform/writes';
import {
  addDays,
  addWorkdaysIn,
  countWorkdaysIn,
  loadCalendar,
  todayInShanghai,
  type CalendarData,
} from '../../calendar/index';
import type { HistoryCase } from '../../cases/index';
import type { HistoryPerson } from '../../identity/index';
import { stepDeadline } from '../../workflow/index';
import * as repo from '../supervision.repository';
import { RULE_LEVELS, evaluateCase, explainDays, type RuleCode, type RuleConfig } from '../supervision.rules';

const EXPLANATIONS = [
  '申请人补充材料时间较长，已督促加快办理',
  '现场核查安排较晚，已调整人员力量，确保尽快办结',
  '系统故障导致当日未能流转，已恢复正常',
  '申请人要求暂缓领取，已电话确认',
  '近期受理量大，已增派人员，后续严格按时限办理',
  '审查中发现需征求相关部门意见，已完成会签',
];
const CONFIRM_COMMENTS = ['说明理由不充分，确认红黄牌', '确认，责成责任单位整改并纳入月度考核', '情况属实，予以确认'];
const REVOKE_COMMENTS = ['说明理由充分，予以撤销', '属申请人原因，予以撤销', '经核实非承办单位原因，撤销'];
const SYSTEM_REVOKE = '预警条件已消除，系统自动撤销';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** First day from `from` on which the case's deadline was at most `days` working days away. */
function firstNearDay(cal: CalendarData, from: string, deadline: string, days: number): string {
  let d = deadline < from ? from : deadline;
  while (d > from && countWorkdaysIn(cal, addDays(d, -1), deadline).count <= days) d = addDays(d, -1);
  return d;
}

interface Card {
  c: HistoryCase;
  rule: RuleCode;
  reason: string;
  raisedOn: string;
  /** The case was closed on this day: a transient card left open is withdrawn by the system. */
  closedOn: string | null;
}

export interface SupervisionHistoryResult {
  warnings: number;
}

export async function seedSupervisionHistory(
  db: Db,
  cases: readonly HistoryCase[],
  opts: { now: Date; seed: number; supervisor: HistoryPerson },
): Promise<SupervisionHistoryResult> {
  const rand = mulberry32(opts.seed ^ 0x5e1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const now = opts.now;
  const today = todayInShanghai(now);
  const cal = await loadCalendar(db);
  const rules: RuleConfig[] = (await repo.listRules(db)).map(repo.toRuleConfig);
  const ruleOf = new Map(rules.map((r) => [r.code, r]));
  const enabled = (code: RuleCode) => ruleOf.get(code)?.enabled ?? false;
  const nearDays = (() => {
    const v = ruleOf.get('near_deadline')?.params.days;
    return typeof v === 'number' ? v : 2;
  })();
  const minReturns = (() => {
    const v = ruleOf.get('repeated_returns')?.params.min;
    return typeof v === 'number' ? v : 2;
  })();

  const cards: Card[] = [];
  for (const c of cases) {
    if (!c.acceptedOn) continue;
    const open = c.clockPhase === 'running' || c.clockPhase === 'suspended' || c.clockPhase === 'suspended_overdue';
    if (open) {
      const hits = evaluateCase(
        cal,
        {
          status: c.status,
          clockPhase: c.clockPhase,
          promisedDeadline: c.promisedDeadline,
          statutoryDeadline: c.statutoryDeadline,
          overdueOn: c.overdueOn,
          finishedOn: c.finishedOn,
          stepEnteredOn: c.stepEnteredOn,
          stepLimitDays: c.clockPhase === 'running' ? c.stepLimitDays : null,
          stepLabel: c.stepLabel,
          returns: c.returnDays.length,
          refusedWithoutReason: false,
        },
        rules,
        today,
      );
      for (const h of hits) {
        const raisedOn =
          h.rule === 'near_deadline'
            ? firstNearDay(cal, c.acceptedOn, c.promisedDeadline!, nearDays)
            : h.rule === 'overdue'
              ? (c.overdueOn ?? today)
              : h.rule === 'step_overdue'
                ? addDays(stepDeadline(cal, c.stepEnteredOn, c.stepLimitDays ?? 0).date, 1)
                : h.rule === 'repeated_returns'
                  ? c.returnDays[minReturns - 1]!
                  : today;
        cards.push({
          c,
          rule: h.rule,
          reason: h.reason.slice(0, 500),
          raisedOn: raisedOn > today ? today : raisedOn,
          closedOn: null,
        });
      }
      continue;
    }
    const end = c.finishedOn;
    if (!end) continue;
    // The reasons read as the sweep wrote them on the day each card was raised.
    // A case done on the day it was accepted (即办) is over before a sweep sees it near its deadline.
    if (enabled('near_deadline') && c.promisedDeadline && end !== c.acceptedOn) {
      const on = firstNearDay(cal, c.acceptedOn, c.promisedDeadline, nearDays);
      if (on <= end) {
        const left = countWorkdaysIn(cal, on, c.promisedDeadline).count;
        cards.push({
          c,
          rule: 'near_deadline',
          reason: `距承诺时限（${c.promisedDeadline}）剩余 ${left} 个工作日`,
          raisedOn: on,
          closedOn: end,
        });
      }
    }
    if (enabled('overdue') && c.overdueOn && c.overdueOn <= end)
      cards.push({
        c,
        rule: 'overdue',
        reason: `已超过承诺时限（${c.promisedDeadline}）仍未办结`,
        raisedOn: c.overdueOn,
        closedOn: end,
      });
    if (enabled('decision_late') && c.statutoryDeadline && end > c.statutoryDeadline)
      cards.push({
        c,
        rule: 'decision_late',
        reason: `于 ${end} 办结，晚于法定时限（${c.statutoryDeadline}）`,
        raisedOn: end,
        closedOn: end,
      });
    if (enabled('repeated_returns') && c.returnDays.length >= minReturns)
      cards.push({
        c,
        rule: 'repeated_returns',
        reason: `办件被退回 ${c.returnDays.length} 次`,
        raisedOn: c.returnDays[minReturns - 1]!,
        closedOn: end,
      });
  }

  const nowMs = now.getTime();
  const instant = (day: string, minutes: number) =>
    new Date(Math.min(new Date(`${day}T08:40:00+08:00`).getTime() + minutes * 60_000, nowMs));
  const rows: Record<string, unknown>[] = [];
  const notices: Record<string, unknown>[] = [];
  for (const k of cards) {
    const { c } = k;
    const id = uuid(rand);
    const due = addWorkdaysIn(cal, k.raisedOn, explainDays(ruleOf.get(k.rule))).date;
    const raisedAt = instant(k.raisedOn, Math.floor(rand() * 30));
    const transient = k.rule === 'near_deadline' || k.rule === 'step_overdue';
    const unit = c.officer ?? c.acceptedBy;
    // Explained within the time allowed by most units, once that time has passed (or sooner).
    const explainOn = addWorkdaysIn(cal, k.raisedOn, 1 + Math.floor(rand() * 3)).date;
    let explained = !!unit && explainOn <= today && rand() < (transient ? 0.25 : 0.85);
    if (explained && transient && k.closedOn && explainOn > k.closedOn) explained = false;
    const explainedAt = explained ? instant(explainOn, 60 + Math.floor(rand() * 300)) : null;
    const decideOn = addWorkdaysIn(cal, explained ? explainOn : due, 2 + Math.floor(rand() * 4)).date;
    const decided = decideOn <= today && (explained ? rand() < 0.8 : !transient && rand() < 0.5);
    const confirm = rand() < (explained ? 0.45 : 0.9);
    const systemRevoked = transient && !explained && !!k.closedOn;
    const state = systemRevoked
      ? 'revoked'
      : decided
        ? confirm
          ? 'confirmed'
          : 'revoked'
        : explained
          ? 'explained'
          : 'open';
    const decidedAt = systemRevoked
      ? instant(k.closedOn!, 480)
      : decided
        ? instant(decideOn, 90 + Math.floor(rand() * 300))
        : null;
    rows.push({
      id,
      case_id: c.id,
      case_number: c.number,
      item_name: c.itemName,
      rule: k.rule,
      level: RULE_LEVELS[k.rule],
      reason: k.reason,
      region_code: c.regionCode,
      department_code: c.departmentCode,
      accept_hall_id: c.acceptHallId,
      state,
      raised_on: k.raisedOn,
      raised_at: raisedAt.toISOString(),
      explain_due: due,
      explanation: explained ? pick(EXPLANATIONS) : null,
      explained_by: explained ? unit!.id : null,
      explained_by_name: explained ? unit!.name : null,
      explained_at: explainedAt?.toISOString() ?? null,
      decided_by: decided && !systemRevoked ? opts.supervisor.id : null,
      decided_by_name: systemRevoked ? '系统' : decided ? opts.supervisor.name : null,
      decided_at: decidedAt?.toISOString() ?? null,
      decision_comment: systemRevoked
        ? SYSTEM_REVOKE
        : decided
          ? pick(confirm ? CONFIRM_COMMENTS : REVOKE_COMMENTS)
          : null,
      version: 1 + (explained ? 1 : 0) + (decided || systemRevoked ? 1 : 0),
    });
    notices.push({ warning_id: id, event: 'raised', recipients: 0, notified_at: raisedAt.toISOString() });
    if (decided && !systemRevoked)
      notices.push({ warning_id: id, event: 'decided', recipients: 0, notified_at: decidedAt!.toISOString() });
  }

  await insertJson(db, 'warnings', rows, 3000);
  await insertJson(db, 'warning_notices', notices, 5000);
  await insertRows(db, [
    auditInsert({
      actor: null,
      action: 'supervision.demo.history',
      entityType: 'demo',
      after: { seed: opts.seed, today, warnings: rows.length },
    }),
  ]);
  return { warnings: rows.length };
}

function uuid(r: () => number): string {
  const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16));
  h[12] = '4';
  h[16] = '89ab'[Math.floor(r() * 4)]!;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Rows as one JSON parameter per chunk, typed by the table itself (`jsonb_populate_recordset`). */
async function insertJson(db: Db, table: string, rows: Record<string, unknown>[], chunk: number): Promise<void> {
  if (!rows.length) return;
  const cols = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  for (let i = 0; i < rows.length; i += chunk)
    await sql`insert into ${sql.table(table)} (${cols}) select ${cols} from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows.slice(i, i + chunk))}::jsonb)`.execute(
      db,
    );
}
