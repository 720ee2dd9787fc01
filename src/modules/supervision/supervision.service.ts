/** Supervision use cases 电子监察: warnings and their explanation flow, monitoring overview, efficiency figures. */
import ExcelJS from 'exceljs';
import { recordAudit } from '../../platform/audit';
import type { Actor } from '../../platform/auth';
import { readCache } from '../../platform/cache';
import type { Db } from '../../platform/db';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { addDays, isWorkdayIn, loadCalendar, todayInShanghai } from '../calendar/index';
import { caseFigures, openCaseCounts, sumFigures, type CaseFiguresSum, type FiguresGroupBy } from '../cases/index';
import { LEVEL_LABELS, departmentCodesFor, getDepartment, getHall, getRegion, levelOfOfficialCode } from '../org/index';
import * as repo from './supervision.repository';
import {
  RULE_CODES,
  canExplain,
  decisionTarget,
  type RuleCode,
  type WarningLevel,
  type WarningState,
} from './supervision.rules';
import type { FiguresRowView, FiguresView, OverviewView, WarningView } from './supervision.schemas';
import { sweepWarnings } from './supervision.sweep';
import { sweepHotlineWarnings } from './supervision.hotline';
import { keepFiguresRollupFresh } from './supervision.figures-rollup';
import { notifyDecision } from './supervision.notices';
import {
  assertDecides,
  assertEditsRules,
  assertExplains,
  assertSeesFigures,
  assertWatches,
  warningReach,
} from './supervision.policy';

/* ------------------------------------------------------------------ scope */

/**
 * Whose warnings an actor sees: supervisors and admins the whole region subtree; approvers and chiefs
 * bound to a department that department's; window clerks those of cases accepted in their hall
 * (or, without a hall, their region subtree). Applicants and agents: none (403).
 */
export async function warningScope(db: Db, actor: Actor): Promise<repo.WarningScope> {
  const base = { regionPrefix: actor.scope.regionPrefix, departmentCodes: null, hallId: null };
  switch (warningReach(actor)) {
    case 'region':
      return base;
    case 'department':
      return { ...base, departmentCodes: await departmentCodesFor(db, actor) };
    case 'hall':
      return { ...base, hallId: actor.scope.hallId };
    case null:
      throw forbidden();
  }
}

/** Narrows a scope to a region the actor asked for; 404 outside the actor's subtree. */
async function narrow(db: Db, s: repo.WarningScope, region: string | undefined): Promise<repo.WarningScope> {
  if (!region) return s;
  const r = await getRegion(db, region);
  if (!r || !r.scopePrefix.startsWith(s.regionPrefix)) throw notFound('区划');
  return { ...s, regionPrefix: r.scopePrefix };
}

/* ------------------------------------------------------------------ warnings */

/** The rules' names, per database; forgotten when a rule changes. */
const ruleCache = readCache(Number.POSITIVE_INFINITY);
const ruleNameMap = (db: Db): Promise<Map<string, string>> =>
  ruleCache.get(db, 'names', async () => new Map((await repo.listRules(db)).map((r) => [r.code, r.name])));

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toView(r: repo.WarningRow, names: Map<string, string>): WarningView {
  return {
    id: r.id,
    source: r.source,
    caseId: r.case_id,
    caseNumber: r.case_number,
    itemName: r.item_name,
    rule: r.rule,
    ruleName: names.get(r.rule) ?? r.rule,
    level: r.level,
    reason: r.reason,
    regionCode: r.region_code,
    departmentCode: r.department_code,
    unitName: r.unit_name,
    dueAt: iso(r.due_at),
    state: r.state,
    raisedOn: r.raised_on,
    raisedAt: iso(r.raised_at)!,
    explainDue: r.explain_due,
    explanation: r.explanation,
    explainedBy: r.explained_by_name,
    explainedAt: iso(r.explained_at),
    decidedBy: r.decided_by_name,
    decidedAt: iso(r.decided_at),
    decisionComment: r.decision_comment,
    version: r.version,
  };
}

const inScope = (s: repo.WarningScope, r: repo.WarningRow) =>
  r.region_code.startsWith(s.regionPrefix) &&
  (!s.departmentCodes || s.departmentCodes.includes(r.department_code)) &&
  (!s.hallId || r.accept_hall_id === s.hallId);

export async function listWarnings(
  db: Db,
  actor: Actor,
  f: {
    state?: WarningState;
    level?: WarningLevel;
    regionCode?: string;
    departmentCode?: string;
    caseId?: string;
    page: number;
    pageSize: number;
  },
) {
  const { regionCode, ...filter } = f;
  const scope = await narrow(db, await warningScope(db, actor), regionCode);
  const { total, items } = await repo.listWarnings(db, scope, filter);
  const names = await ruleNameMap(db);
  return { total, page: f.page, pageSize: f.pageSize, items: items.map((r) => toView(r, names)) };
}

async function requireWarning(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.WarningRow> {
  const scope = await warningScope(db, actor);
  const row = await repo.getWarning(db, id, forUpdate);
  if (!row || !inScope(scope, row)) throw notFound('预警');
  return row;
}

export async function getWarning(db: Db, actor: Actor, id: string): Promise<WarningView> {
  return toView(await requireWarning(db, actor, id), await ruleNameMap(db));
}

/** The responsible unit's explanation 情况说明 (approver, chief or clerk in scope of the case). */
export async function explainWarning(
  db: Db,
  actor: Actor,
  id: string,
  text: string,
  ip: string | null,
  now: Date,
): Promise<WarningView> {
  assertExplains(actor);
  const updated = await db.transaction().execute(async (tx) => {
    const row = await requireWarning(tx as unknown as Db, actor, id, true);
    if (!canExplain(row.state))
      throw conflict(`该预警当前状态为「${STATE_LABELS[row.state]}」，不能再提交说明`, 'warning_state');
    const next = await repo.updateWarning(tx, id, {
      state: 'explained',
      explanation: text,
      explained_by: actor.id,
      explained_by_name: actor.name,
      explained_at: now,
    });
    await recordAudit(tx, {
      actor,
      action: 'supervision.warning.explain',
      entityType: 'warning',
      entityId: id,
      before: { state: row.state },
      after: { state: next.state, explanation: text },
      ip,
    });
    return next;
  });
  invalidateOverview(db);
  return toView(updated, await ruleNameMap(db));
}

/** A supervisor confirms the card (also: the explanation is not accepted) or revokes it. */
export async function decideWarning(
  db: Db,
  actor: Actor,
  id: string,
  body: { decision: 'confirm' | 'revoke'; comment: string },
  ip: string | null,
  now: Date,
): Promise<WarningView> {
  assertDecides(actor);
  const updated = await db.transaction().execute(async (tx) => {
    const row = await requireWarning(tx as unknown as Db, actor, id, true);
    const target = decisionTarget(row.state, body.decision);
    if (!target) throw conflict(`该预警已处理（${STATE_LABELS[row.state]}），不能重复处理`, 'warning_state');
    const next = await repo.updateWarning(tx, id, {
      state: target,
      decided_by: actor.id,
      decided_by_name: actor.name,
      decided_at: now,
      decision_comment: body.comment || null,
    });
    await recordAudit(tx, {
      actor,
      action: 'supervision.warning.decide',
      entityType: 'warning',
      entityId: id,
      before: { state: row.state },
      after: { state: target, comment: body.comment },
      ip,
    });
    await notifyDecision(tx, next, actor, ip);
    return next;
  });
  invalidateOverview(db);
  return toView(updated, await ruleNameMap(db));
}

export const STATE_LABELS: Record<WarningState, string> = {
  open: '待说明',
  explained: '已说明',
  confirmed: '已确认',
  revoked: '已撤销',
};
export const LEVEL_NAMES: Record<WarningLevel, string> = { yellow: '黄牌', red: '红牌' };

/* ------------------------------------------------------------------ rules and sweep */

export async function listRules(db: Db, actor: Actor) {
  assertWatches(actor);
  return {
    items: (await repo.listRules(db)).map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      enabled: r.enabled,
      params: r.params ?? {},
    })),
  };
}

export async function updateRule(
  db: Db,
  actor: Actor,
  code: RuleCode,
  patch: { enabled?: boolean; params?: Record<string, number> },
  ip: string | null,
  now: Date,
) {
  assertEditsRules(actor);
  if (!RULE_CODES.includes(code)) throw notFound('预警规则');
  const updated = await db.transaction().execute(async (tx) => {
    const before = (await repo.listRules(tx)).find((r) => r.code === code);
    if (!before) throw notFound('预警规则');
    const params = patch.params ? { ...(before.params ?? {}), ...patch.params } : undefined;
    const after = (await repo.updateRule(tx, code, { enabled: patch.enabled, params }, now))!;
    await recordAudit(tx, {
      actor,
      action: 'supervision.rule.update',
      entityType: 'warning_rule',
      entityId: code,
      before: { enabled: before.enabled, params: before.params },
      after: { enabled: after.enabled, params: after.params },
      ip,
    });
    return {
      code: after.code,
      name: after.name,
      level: after.level,
      enabled: after.enabled,
      params: after.params ?? {},
    };
  });
  ruleCache.clear(db);
  return updated;
}

export async function runSweep(db: Db, actor: Actor, ip: string | null, now: Date, source?: 'case' | 'hotline') {
  assertWatches(actor);
  const none = { scanned: 0, raised: 0, withdrawn: 0, pages: 0, notified: 0 };
  const cases = source === 'hotline' ? none : await sweepWarnings(db, now);
  const tickets = source === 'case' ? none : await sweepHotlineWarnings(db, now);
  const r = {
    ...cases,
    scanned: cases.scanned + tickets.scanned,
    raised: cases.raised + tickets.raised,
    withdrawn: cases.withdrawn + tickets.withdrawn,
    notified: cases.notified + tickets.notified,
  };
  invalidateOverview(db);
  await recordAudit(db, { actor, action: 'supervision.sweep.run', entityType: 'warning', after: r, ip });
  return r;
}

/* ------------------------------------------------------------------ overview */

/** org caches its regions per database. */
const regionName = async (db: Db, code: string): Promise<string | null> => (await getRegion(db, code))?.name ?? null;

type Counts = { onTime: number; near: number; overdue: number; suspended: number; total: number };
const zero = (): Counts => ({ onTime: 0, near: 0, overdue: 0, suspended: 0, total: 0 });

/**
 * Overviews are cached per data scope for a few seconds: many monitoring screens (the live stream
 * polls every few seconds per client) share one aggregation over the open cases.
 */
const OVERVIEW_TTL_MS = 3000;
/**
 * Past the few seconds, an overview up to this old is still answered while the next one is counted in the
 * background: screens polling a large city (a million open cases) do not wait for the count.
 */
const OVERVIEW_STALE_MS = 10_000;
const overviewCache = readCache(OVERVIEW_TTL_MS, { staleMs: OVERVIEW_STALE_MS, maxEntries: 1000 });

/** Open cases by deadline state, by region level and region (the 200 most urgent), and open warnings by level, at `now`. */
export async function overview(db: Db, actor: Actor, region: string | undefined, now: Date): Promise<OverviewView> {
  const scope = await narrow(db, await warningScope(db, actor), region);
  const today = todayInShanghai(now);
  return overviewCache.get(db, JSON.stringify([scope, today]), () => computeOverview(db, scope, today, now));
}

/** Forgets cached overviews (after a sweep or a decision the counts of warnings change). */
export function invalidateOverview(db: Db): void {
  overviewCache.clear(db);
}

async function computeOverview(db: Db, scope: repo.WarningScope, today: string, now: Date): Promise<OverviewView> {
  const rows = await openCaseCounts(db, scope, today);
  const all = zero();
  const levels = new Map<string, Counts>();
  const byRegion: (Counts & { regionCode: string })[] = [];
  for (const r of rows) {
    const c = {
      onTime: r.on_time,
      near: r.near,
      overdue: r.overdue,
      suspended: r.suspended,
      total: r.on_time + r.near + r.overdue + r.suspended,
    };
    const level = levelOfOfficialCode(r.region_code) ?? 'other';
    const l = levels.get(level) ?? zero();
    for (const k of Object.keys(c) as (keyof Counts)[]) {
      all[k] += c[k];
      l[k] += c[k];
    }
    levels.set(level, l);
    byRegion.push({ regionCode: r.region_code, ...c });
  }
  byRegion.sort((a, b) => b.overdue - a.overdue || b.near - a.near || a.regionCode.localeCompare(b.regionCode));
  const top = byRegion.slice(0, 200);
  const order = ['city', 'county', 'town', 'village', 'other'] as const;
  return {
    today,
    regionPrefix: scope.regionPrefix,
    cases: all,
    byLevel: order
      .filter((l) => levels.has(l))
      .map((l) => ({ level: l, label: l === 'other' ? '其他' : LEVEL_LABELS[l], ...levels.get(l)! })),
    byRegion: await Promise.all(top.map(async (r) => ({ ...r, regionName: await regionName(db, r.regionCode) }))),
    warnings: await repo.openWarningCounts(db, scope),
    generatedAt: now.toISOString(),
  };
}

/* ------------------------------------------------------------------ figures */

const ratio = (n: number, d: number, digits = 4) => (d > 0 ? Math.round((n / d) * 10 ** digits) / 10 ** digits : null);

function toFigures(key: string | null, label: string, r: CaseFiguresSum): FiguresRowView {
  return {
    key,
    label,
    received: r.received,
    accepted: r.accepted,
    completed: r.completed,
    onlineShare: ratio(r.online, r.received),
    zeroVisitShare: ratio(r.zero_visit, r.received),
    immediateShare: ratio(r.immediate, r.accepted),
    onTimeRate: ratio(r.on_time, r.completed),
    earlyRate: ratio(r.early, r.completed),
    overdue: r.overdue,
    overdueRate: ratio(r.overdue, r.completed),
    avgWorkingDaysUsed: r.used_n > 0 && r.used_sum !== null ? ratio(r.used_sum, r.used_n, 2) : null,
    avgPromisedDays: r.completed > 0 && r.promised_sum !== null ? ratio(r.promised_sum, r.completed, 2) : null,
  };
}

async function labelOf(db: Db, groupBy: FiguresGroupBy, key: string | null, label: string | null): Promise<string> {
  switch (groupBy) {
    case 'region':
      return key ? ((await regionName(db, key)) ?? key) : '—';
    case 'department':
      return key ? ((await getDepartment(db, key))?.name ?? key) : '—';
    case 'hall':
      return key ? ((await getHall(db, key))?.name ?? key) : '网上申请（无受理大厅）';
    case 'clerk':
      return key ? (label ?? key) : '（尚未受理）';
    case 'item':
      return label ?? key ?? '—';
  }
}

/** Period defaults: from the first day of this month to `today`. */
export async function figures(
  db: Db,
  actor: Actor,
  q: { groupBy: FiguresGroupBy; from?: string; to?: string; regionCode?: string },
  today: string,
): Promise<FiguresView> {
  assertSeesFigures(actor);
  const scope = await narrow(db, await warningScope(db, actor), q.regionCode);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 8)}01`;
  // Working-day ordinals around the period: deadlines of cases finished in it fall within these bounds.
  const cal = await loadCalendar(db);
  const dates: string[] = [];
  const ordinals: number[] = [];
  let n = 0;
  for (let d = addDays(from, -800), end = addDays(to, 800); d <= end; d = addDays(d, 1)) {
    if (isWorkdayIn(cal, d)) n += 1;
    dates.push(d);
    ordinals.push(n);
  }
  await keepFiguresRollupFresh(db, today);
  const raw = await caseFigures(db, { ...scope, groupBy: q.groupBy, from, to, dates, ordinals });
  const rows = await Promise.all(
    raw.map(async (r) => toFigures(r.key, await labelOf(db, q.groupBy, r.key, r.label), r)),
  );
  const sum = sumFigures(raw);
  return { groupBy: q.groupBy, from, to, rows, total: toFigures(null, '合计', sum) };
}

const GROUP_LABELS: Record<FiguresGroupBy, string> = {
  region: '区划',
  department: '部门',
  hall: '大厅',
  clerk: '受理人员',
  item: '事项',
};

/** How the figures are counted, printed under them (docs/supervision-figures.md says the same at length). */
const FIGURE_DEFINITIONS = [
  '口径：收件数为统计期内提交的办件（不含草稿）；受理数为统计期内受理的办件；办结数为统计期内办结的办件。',
  '按时办结率 = 在承诺期限内办结的件数 ÷ 办结数；超期率 = 超过承诺期限办结的件数 ÷ 办结数；提前办结率 = 提前 1 个工作日以上办结的件数 ÷ 办结数。',
  '网上申请占比、零跑动占比以收件数为分母，即办件占比以受理数为分母；分母为 0 时比率留空。平均用时以工作日计，扣除特别程序时间。',
];

/** The figures as an Excel workbook (Chinese headers; shares as percentages). */
export async function figuresXlsx(
  db: Db,
  actor: Actor,
  q: { groupBy: FiguresGroupBy; from?: string; to?: string; regionCode?: string },
  today: string,
): Promise<{ buffer: Buffer; from: string; to: string }> {
  const f = await figures(db, actor, q, today);
  const wb = new ExcelJS.Workbook();
  wb.creator = '一网通办 电子监察';
  const ws = wb.addWorksheet('效能统计');
  ws.columns = [
    { header: GROUP_LABELS[q.groupBy], key: 'label', width: 30 },
    { header: '收件数', key: 'received', width: 10 },
    { header: '受理数', key: 'accepted', width: 10 },
    { header: '办结数', key: 'completed', width: 10 },
    { header: '网上申请占比', key: 'onlineShare', width: 14, style: { numFmt: '0.00%' } },
    { header: '零跑动占比', key: 'zeroVisitShare', width: 12, style: { numFmt: '0.00%' } },
    { header: '即办件占比', key: 'immediateShare', width: 12, style: { numFmt: '0.00%' } },
    { header: '按时办结率', key: 'onTimeRate', width: 12, style: { numFmt: '0.00%' } },
    { header: '提前办结率', key: 'earlyRate', width: 12, style: { numFmt: '0.00%' } },
    { header: '超期件数', key: 'overdue', width: 10 },
    { header: '超期率', key: 'overdueRate', width: 10, style: { numFmt: '0.00%' } },
    { header: '平均实际用时（工作日）', key: 'avgWorkingDaysUsed', width: 22 },
    { header: '平均承诺时限（工作日）', key: 'avgPromisedDays', width: 22 },
  ];
  for (const r of [...f.rows, f.total]) ws.addRow(r);
  ws.getRow(1).font = { bold: true };
  ws.getRow(ws.rowCount).font = { bold: true };
  ws.addRow([]);
  ws.addRow([`统计期间：${f.from} 至 ${f.to}`]);
  // the definitions travel with the workbook (a reader has no access to the project's documents)
  for (const line of FIGURE_DEFINITIONS) ws.addRow([line]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, from: f.from, to: f.to };
}
