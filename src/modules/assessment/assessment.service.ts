/** 考核 use cases: scoring rules, monthly scores and rankings, the Excel export. */
import ExcelJS from 'exceljs';
import { recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import { fieldError, notFound, staleVersion } from '../../platform/errors';
import { warningScope, type WarningScope } from '../supervision/index';
import { gatherFacts, type GroupBy } from './assessment.facts';
import * as repo from './assessment.repository';
import {
  ITEM_CODES,
  checkItemRule,
  monthRange,
  rankUnits,
  scoreUnit,
  type ItemCode,
  type ScoringRules,
} from './assessment.rules';
import type { RuleView, ScoreRowView, ScoresView } from './assessment.schemas';
import { assertEditsRules, assertSeesScores, canEditRules } from './assessment.policy';

/* ------------------------------------------------------------------ rules 计分规则 */

const num = (v: string | number | null) => (v === null ? null : Number(v));

function toRuleView(r: repo.RuleRow): RuleView {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    points: Number(r.points),
    cap: num(r.cap),
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
    updatedBy: r.updated_by_name,
  };
}

export async function loadScoringRules(db: Db): Promise<ScoringRules> {
  const rows = await repo.listRules(db);
  return {
    base: Number(rows.find((r) => r.kind === 'base')?.points ?? 100),
    items: rows
      .filter((r) => (ITEM_CODES as readonly string[]).includes(r.code))
      .map((r) => ({ code: r.code as ItemCode, name: r.name, points: Number(r.points), cap: num(r.cap) })),
  };
}

export async function listRules(db: Db, actor: Actor) {
  await assessmentScope(db, actor);
  return { items: (await repo.listRules(db)).map(toRuleView), editable: canEditRules(actor) };
}

export async function updateRule(
  db: Db,
  actor: Actor,
  code: string,
  body: { points: number; cap: number | null; version: number },
  ip: string | null,
  now: Date,
): Promise<RuleView> {
  assertEditsRules(actor);
  return db.transaction().execute(async (tx) => {
    const before = await repo.getRuleForUpdate(tx, code);
    if (!before) throw notFound('考核计分规则');
    if (before.kind === 'base') {
      if (body.points < 1 || body.points > 1000 || !Number.isInteger(body.points))
        throw fieldError('points', '基础分应为 1 至 1000 的整数');
      if (body.cap !== null) throw fieldError('cap', '基础分的封顶分值应为 null');
    } else {
      const problem = checkItemRule(body.points, body.cap);
      if (problem) throw fieldError(problem.startsWith('封顶') ? 'cap' : 'points', problem);
    }
    if (before.version !== body.version)
      throw staleVersion('该规则', { current: before.version, submitted: body.version });
    const after = await repo.updateRule(
      tx,
      code,
      { points: body.points, cap: body.cap, updatedByName: actor.name },
      now,
    );
    await recordAudit(tx, {
      actor,
      action: 'assessment.rule.update',
      entityType: 'assessment_rule',
      entityId: code,
      before: { points: Number(before.points), cap: num(before.cap) },
      after: { points: Number(after.points), cap: num(after.cap) },
      ip,
    });
    return toRuleView(after);
  });
}

/* ------------------------------------------------------------------ scores 月度考核 */

/**
 * Whose scores an actor sees — the same data scope as the warnings: supervisors and admins their region
 * subtree, approvers and chiefs their department (and its approval office). Others: 403.
 */
export async function assessmentScope(db: Db, actor: Actor): Promise<WarningScope> {
  assertSeesScores(actor);
  return warningScope(db, actor);
}

const thisMonth = (today: string) => today.slice(0, 7);

function checkMonth(month: string, today: string) {
  if (month > thisMonth(today)) throw fieldError('month', `月份不能晚于本月（${thisMonth(today)}）`);
}

/** Scores of the units of a scope for one period, ranked. Shared by the monthly view and the weekly bulletin. */
export async function scoreUnits(
  db: Db,
  scope: WarningScope,
  groupBy: GroupBy,
  from: string,
  to: string,
  today: string,
) {
  const [rules, units] = await Promise.all([loadScoringRules(db), gatherFacts(db, scope, groupBy, from, to, today)]);
  const ranked = rankUnits(units.map((u) => ({ ...u, ...scoreUnit(u.facts, rules) })));
  return { rules, ranked };
}

const toRow = (u: Awaited<ReturnType<typeof scoreUnits>>['ranked'][number]): ScoreRowView => ({
  key: u.key,
  label: u.label,
  rank: u.rank,
  score: u.score,
  deductions: u.deductions,
  bonuses: u.bonuses,
  completed: u.completed,
  pendingCards: u.pendingCards,
  items: u.items,
  hotline: u.hotline,
});

export async function scores(
  db: Db,
  actor: Actor,
  q: { month?: string; groupBy: GroupBy },
  today: string,
): Promise<ScoresView> {
  const scope = await assessmentScope(db, actor);
  const month = q.month ?? thisMonth(today);
  checkMonth(month, today);
  const { from, to } = monthRange(month);
  const { rules, ranked } = await scoreUnits(db, scope, q.groupBy, from, to, today);
  return { month, from, to, groupBy: q.groupBy, base: rules.base, rows: ranked.map(toRow) };
}

/** One unit's score with every fact behind it; 404 when the unit has nothing in the actor's scope that month. */
export async function unitDetail(
  db: Db,
  actor: Actor,
  groupBy: GroupBy,
  key: string,
  month: string | undefined,
  today: string,
) {
  const scope = await assessmentScope(db, actor);
  const m = month ?? thisMonth(today);
  checkMonth(m, today);
  const { from, to } = monthRange(m);
  const { rules, ranked } = await scoreUnits(db, scope, groupBy, from, to, today);
  const u = ranked.find((r) => r.key === key);
  if (!u) throw notFound('考核对象');
  const names = new Map(rules.items.map((i) => [i.code, i.name]));
  return {
    ...toRow(u),
    month: m,
    groupBy,
    base: rules.base,
    of: ranked.length,
    lines: [...u.lines]
      .sort((a, b) => a.on.localeCompare(b.on))
      .map((l) => ({ ...l, itemName: names.get(l.item) ?? l.item })),
  };
}

const GROUP_LABELS: Record<GroupBy, string> = { department: '部门', hall: '大厅', clerk: '窗口人员' };

/** The hotline's indicators in the export (rates in per cent). */
const HOTLINE_COLUMNS = [
  ['dispatched', '热线派单数'],
  ['signRate', '签收率（%）'],
  ['onTimeRate', '按时办结率（%）'],
  ['solvedRate', '解决率（%）'],
  ['satisfiedRate', '满意率（%）'],
  ['reopenRate', '重办率（%）'],
] as const;

export async function scoresXlsx(
  db: Db,
  actor: Actor,
  q: { month?: string; groupBy: GroupBy },
  today: string,
): Promise<{ buffer: Buffer; month: string }> {
  const s = await scores(db, actor, q, today);
  const rules = await loadScoringRules(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网通办 电子监察';
  const ws = wb.addWorksheet(`${s.month} 考核`);
  ws.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: GROUP_LABELS[s.groupBy], key: 'label', width: 30 },
    { header: '得分', key: 'score', width: 8 },
    { header: '扣分', key: 'deductions', width: 8 },
    { header: '加分', key: 'bonuses', width: 8 },
    ...rules.items.map((i) => ({ header: `${i.name}（件）`, key: i.code, width: 14 })),
    { header: '待处理红黄牌', key: 'pendingCards', width: 12 },
    { header: '办结件数', key: 'completed', width: 10 },
    ...(s.rows.some((r) => r.hotline)
      ? HOTLINE_COLUMNS.map(([key, header]) => ({ header, key: `hotline_${key}`, width: 14 }))
      : []),
  ];
  for (const r of s.rows)
    ws.addRow({
      ...r,
      ...Object.fromEntries(r.items.map((i) => [i.code, i.count])),
      ...Object.fromEntries(HOTLINE_COLUMNS.map(([key]) => [`hotline_${key}`, r.hotline?.[key] ?? null])),
    });
  ws.getRow(1).font = { bold: true };
  ws.addRow([]);
  ws.addRow([
    `考核期间：${s.from} 至 ${s.to}；基础分 ${s.base} 分；计分规则：${rules.items.map((i) => `${i.name}${i.points}分/件${i.cap === null ? '' : `（封顶${i.cap}分）`}`).join('；')}`,
  ]);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), month: s.month };
}
