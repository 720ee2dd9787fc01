/**
 * The facts of a period per assessed unit (department, hall or clerk), gathered from the other modules'
 * facades: cards from supervision, ratings and rectifications from ratings, overdue and early
 * completions from the case figures, and the 12345 hotline's unit figures and complaints
 * (`assessment.hotline.ts`). Each fact is kept as a line so a unit can see why it lost points.
 */
import type { Db } from '../../platform/db';
import { acceptingClerksOf, caseFigures, type AcceptingClerk } from '../cases/index';
import { addHotlineFacts, type HotlineIndicators } from './assessment.hotline';
import { getAccount } from '../identity/index';
import { getDepartment, getHall } from '../org/index';
import { lateRectificationsBetween, ratingFactsBetween } from '../ratings/index';
import { warningFactsBetween, type WarningScope } from '../supervision/index';
import { warningItems, type ItemCode, type UnitFacts } from './assessment.rules';

export type GroupBy = 'department' | 'hall' | 'clerk';

export interface FactLine {
  item: ItemCode;
  on: string;
  caseNumber: string | null;
  text: string;
}

export interface UnitFactSet {
  key: string;
  label: string;
  facts: UnitFacts;
  lines: FactLine[];
  /** Cards of the period still waiting for explanation or decision (not scored yet). */
  pendingCards: number;
  completed: number;
  /** The unit's 12345 figures of the period (a unit that handled tickets), else null. */
  hotline: HotlineIndicators | null;
}

const STATE_TEXT = { open: '待说明', explained: '已说明待处理', confirmed: '已确认', revoked: '已撤销' } as const;

export async function gatherFacts(
  db: Db,
  scope: WarningScope,
  groupBy: GroupBy,
  from: string,
  to: string,
  today: string,
): Promise<UnitFactSet[]> {
  const units = new Map<string, UnitFactSet>();
  const unit = (key: string, label?: string | null) => {
    let u = units.get(key);
    if (!u)
      units.set(
        key,
        (u = { key, label: label ?? '', facts: {}, lines: [], pendingCards: 0, completed: 0, hotline: null }),
      );
    else if (label && !u.label) u.label = label;
    return u;
  };
  const add = (u: UnitFactSet, item: ItemCode, n: number, line?: Omit<FactLine, 'item'>) => {
    if (n <= 0) return;
    u.facts[item] = (u.facts[item] ?? 0) + n;
    if (line) u.lines.push({ item, ...line });
  };

  // Summary lines (counts of the period) are dated at its end, or today while the period runs.
  const asOf = to < today ? to : today;
  const [figures, warnings, ratings, lateRectifications] = await Promise.all([
    caseFigures(db, { ...scope, groupBy, from, to, dates: [], ordinals: [] }),
    warningFactsBetween(db, scope, from, to),
    ratingFactsBetween(db, scope, from, to),
    lateRectificationsBetween(db, scope, from, to),
  ]);

  // Clerks: like the case figures, cards and ratings go to the clerk who accepted the case 受理人,
  // looked up for all the period's cases at once.
  const clerks =
    groupBy === 'clerk'
      ? await acceptingClerksOf(
          db,
          [...warnings, ...ratings, ...lateRectifications].map((f) => f.caseId),
        )
      : new Map<string, AcceptingClerk>();
  const keyOf = (f: { caseId: string; departmentCode: string; hallId: string | null }): string | null => {
    if (groupBy === 'department') return f.departmentCode;
    if (groupBy === 'hall') return f.hallId;
    return clerks.get(f.caseId)?.actorId ?? null;
  };
  for (const r of figures) {
    if (!r.key) continue;
    const u = unit(r.key, groupBy === 'clerk' ? r.label : null);
    u.completed += r.completed;
    add(
      u,
      'overdue_case',
      r.overdue,
      r.overdue
        ? { on: asOf, caseNumber: null, text: `本期办结 ${r.completed} 件，其中超过承诺时限办结 ${r.overdue} 件` }
        : undefined,
    );
    add(
      u,
      'early_completion',
      r.early,
      r.early ? { on: asOf, caseNumber: null, text: `本期提前办结 ${r.early} 件` } : undefined,
    );
  }

  for (const w of warnings) {
    // A 12345 ticket held by a region's government has no department: the card is that government's.
    const key =
      w.source === 'hotline' && groupBy === 'department' && !w.departmentCode
        ? w.regionCode
        : keyOf({ caseId: w.caseId, departmentCode: w.departmentCode, hallId: w.acceptHallId });
    if (!key) continue;
    const u = unit(key);
    const card = `${w.level === 'red' ? '红牌' : '黄牌'}「${w.ruleName}」${w.itemName}（${STATE_TEXT[w.state]}）`;
    const items = warningItems(w, today);
    if (!items.length && (w.state === 'open' || w.state === 'explained')) u.pendingCards += 1;
    for (const item of items) add(u, item, 1, { on: w.raisedOn, caseNumber: w.caseNumber, text: card });
  }

  for (const g of ratings) {
    const key = keyOf(g);
    if (!key) continue;
    const u = unit(key);
    if (g.level <= 2)
      add(u, 'bad_rating', 1, {
        on: g.ratedOn,
        caseNumber: g.caseNumber,
        text: `差评（${g.level === 1 ? '非常不满意' : '不满意'}）${g.itemName}${g.comment ? `：${g.comment}` : ''}`,
      });
    else add(u, 'very_satisfied', 1);
  }
  for (const x of lateRectifications) {
    const key = keyOf(x);
    if (key)
      add(unit(key), 'rectification_overdue', 1, {
        on: x.overdueOn,
        caseNumber: x.caseNumber,
        text: '差评整改超过期限',
      });
  }
  for (const u of units.values())
    if (u.facts.very_satisfied)
      u.lines.push({
        item: 'very_satisfied',
        on: asOf,
        caseNumber: null,
        text: `本期非常满意评价 ${u.facts.very_satisfied} 件`,
      });

  await addHotlineFacts(db, scope, groupBy, from, to, asOf, { unit, add });

  for (const c of clerks.values()) {
    const u = units.get(c.actorId);
    if (u && !u.label) u.label = c.actorName;
  }
  await Promise.all([...units.values()].map(async (u) => (u.label ||= await unitLabel(db, groupBy, u.key))));
  return [...units.values()];
}

async function unitLabel(db: Db, groupBy: GroupBy, key: string): Promise<string> {
  if (groupBy === 'department') return (await getDepartment(db, key))?.name ?? key;
  if (groupBy === 'hall') return (await getHall(db, key))?.name ?? key;
  return (await getAccount(db, key))?.name ?? key;
}
