/**
 * 考核计分 — the pure scoring rules of the monthly assessment, tested beside this file.
 *
 * A unit (department 部门, hall 大厅 or clerk 窗口人员) starts the month at the base score 基础分 and
 * loses points per fact of the month (扣分项) and gains points per merit (加分项); every item is capped
 * (单项封顶) so one bad month of one kind cannot swamp the rest. The score never goes below 0.
 *
 * 采纳说明 (accepted explanation): a card the supervisor revokes after the unit's explanation is not a
 * fault — it costs nothing. The item is kept as a bonus (default 0 points) so an office that wants to
 * reward timely, well-founded explanations can configure it; a rejected explanation 说明不予采纳 is a
 * deduction on top of the confirmed card, because the unit defended a real fault.
 *
 * Points are kept in tenths (one decimal in the rules table) so the arithmetic is exact.
 */

export const ITEM_CODES = [
  'red_card',
  'yellow_unexplained',
  'rejected_explanation',
  'overdue_case',
  'bad_rating',
  'rectification_overdue',
  'hotline_late',
  'hotline_unsatisfied',
  'hotline_reopened',
  'hotline_complaint',
  'accepted_explanation',
  'very_satisfied',
  'early_completion',
] as const;
export type ItemCode = (typeof ITEM_CODES)[number];
export type ItemKind = 'deduction' | 'bonus';

export const ITEM_KIND: Record<ItemCode, ItemKind> = {
  red_card: 'deduction',
  yellow_unexplained: 'deduction',
  rejected_explanation: 'deduction',
  overdue_case: 'deduction',
  bad_rating: 'deduction',
  rectification_overdue: 'deduction',
  hotline_late: 'deduction',
  hotline_unsatisfied: 'deduction',
  hotline_reopened: 'deduction',
  hotline_complaint: 'deduction',
  accepted_explanation: 'bonus',
  very_satisfied: 'bonus',
  early_completion: 'bonus',
};

/** The rule of one item: points per fact and the most the item may count in a month (null: no cap). */
export interface ItemRule {
  code: ItemCode;
  name: string;
  points: number;
  cap: number | null;
}

export interface ScoringRules {
  base: number;
  items: ItemRule[];
}

export type UnitFacts = Partial<Record<ItemCode, number>>;

/** A warning or card 预警/红黄牌 as the scoring sees it. */
export interface CardFact {
  level: 'yellow' | 'red';
  state: 'open' | 'explained' | 'confirmed' | 'revoked';
  /** The unit submitted an explanation 情况说明. */
  explained: boolean;
  explainDue: string;
}

/** What a warning means for the score (none: revoked without explanation, or still waiting for a decision). */
export function warningItems(w: CardFact, today: string): ItemCode[] {
  switch (w.state) {
    case 'confirmed': {
      // A confirmed yellow warning costs as unexplained only if nobody explained it; an explanation the
      // supervisor did not accept 不予采纳 costs on top of the card.
      const items: ItemCode[] = w.level === 'red' ? ['red_card'] : w.explained ? [] : ['yellow_unexplained'];
      return w.explained ? [...items, 'rejected_explanation'] : items;
    }
    case 'revoked':
      return w.explained ? ['accepted_explanation'] : [];
    case 'open':
      // A yellow warning nobody explained by its due date counts even before a decision.
      return w.level === 'yellow' && w.explainDue < today ? ['yellow_unexplained'] : [];
    case 'explained':
      return [];
  }
}

export interface ScoredItem {
  code: ItemCode;
  name: string;
  kind: ItemKind;
  count: number;
  pointsEach: number;
  /** Signed effect on the score (negative for a deduction), after the cap. */
  points: number;
  capped: boolean;
}

export interface UnitScore {
  score: number;
  deductions: number;
  bonuses: number;
  /** Only the items with facts, deductions first, in rule order. */
  items: ScoredItem[];
}

const tenths = (n: number) => Math.round(n * 10);

/** The score of one unit from the counts of its facts. */
export function scoreUnit(facts: UnitFacts, rules: ScoringRules): UnitScore {
  let ded = 0;
  let bon = 0;
  const items: ScoredItem[] = [];
  for (const rule of rules.items) {
    const count = facts[rule.code] ?? 0;
    if (count <= 0) continue;
    const raw = count * tenths(rule.points);
    const cap = rule.cap === null ? null : tenths(rule.cap);
    const eff = cap === null ? raw : Math.min(raw, cap);
    const kind = ITEM_KIND[rule.code];
    if (kind === 'deduction') ded += eff;
    else bon += eff;
    items.push({
      code: rule.code,
      name: rule.name,
      kind,
      count,
      pointsEach: rule.points,
      points: (kind === 'deduction' ? -eff : eff) / 10,
      capped: eff < raw,
    });
  }
  items.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'deduction' ? -1 : 1));
  const score = Math.max(0, tenths(rules.base) - ded + bon) / 10;
  return { score, deductions: ded / 10, bonuses: bon / 10, items };
}

/**
 * Competition ranking 排名 by score (1, 2, 2, 4): highest first; equal scores share a rank and are
 * listed by fewer deductions, then by label.
 */
export function rankUnits<T extends { score: number; deductions: number; label: string }>(
  units: readonly T[],
): (T & { rank: number })[] {
  const sorted = [...units].sort(
    (a, b) => b.score - a.score || a.deductions - b.deductions || a.label.localeCompare(b.label, 'zh-CN'),
  );
  let rank = 0;
  return sorted.map((u, i) => {
    if (i === 0 || u.score !== sorted[i - 1]!.score) rank = i + 1;
    return { ...u, rank };
  });
}

/** The civil days of a month 'YYYY-MM': first and last. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const dayMs = 86_400_000;
const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

/** The Monday-to-Sunday week 周 that contains `day`. */
export function weekOf(day: string): { from: string; to: string } {
  const d = toDate(day);
  const back = (d.getUTCDay() + 6) % 7; // Monday = 0
  const from = new Date(d.getTime() - back * dayMs);
  return { from: fmt(from), to: fmt(new Date(from.getTime() + 6 * dayMs)) };
}

/** The last full week before `today` (what the Monday bulletin 每周通报 reports). */
export function previousWeek(today: string): { from: string; to: string } {
  return weekOf(fmt(new Date(toDate(weekOf(today).from).getTime() - dayMs)));
}

export const isMonday = (day: string) => toDate(day).getUTCDay() === 1;

/** ISO 8601 week number of a Monday (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekNumber(monday: string): number {
  const d = new Date(`${monday}T00:00:00Z`);
  const thursday = new Date(d.getTime() + 3 * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
}

/** Limits of an item's rule as the API accepts them: points and cap 0–100 with one decimal, cap not below the points. */
export function checkItemRule(points: number, cap: number | null): string | null {
  const oneDecimal = (n: number) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;
  if (!(points >= 0 && points <= 100) || !oneDecimal(points)) return '分值应在 0 至 100 之间，最多一位小数';
  if (cap !== null && (!(cap >= 0 && cap <= 100) || !oneDecimal(cap)))
    return '封顶分值应在 0 至 100 之间，最多一位小数';
  if (cap !== null && points > 0 && cap < points) return '封顶分值不能小于单次分值';
  return null;
}
