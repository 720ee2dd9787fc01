/**
 * Rules of the hot-topic reports 热点分析报告: the period a report covers and the one before it, the keywords
 * of a ticket (the catalog's segmentation, one segmenter for all Chinese text) and which topics are rising.
 * Pure.
 */
import { addDays } from '../calendar/index';
import { queryTokens } from '../catalog/index';

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const PERIOD_LABELS: Record<ReportPeriod, string> = { day: '日报', week: '周报', month: '月报' };

export interface PeriodRange {
  /** First and last day, both included (Asia/Shanghai civil days). */
  from: string;
  to: string;
  days: number;
  /** The period of the same length just before. */
  previousFrom: string;
  previousTo: string;
  label: string;
}

const weekday = (day: string) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6

function lastOfMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${day.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/** The days a report covers: the day, its week (Monday to Sunday) or its calendar month; and the period before. */
export function reportPeriod(period: ReportPeriod, date: string): PeriodRange {
  let from = date;
  let to = date;
  if (period === 'week') {
    from = addDays(date, -weekday(date));
    to = addDays(from, 6);
  } else if (period === 'month') {
    from = `${date.slice(0, 8)}01`;
    to = lastOfMonth(date);
  }
  const days = daysBetween(from, to).length;
  const label =
    period === 'day'
      ? `${from} 日报`
      : period === 'week'
        ? `${from} 至 ${to} 周报`
        : `${from.slice(0, 4)} 年 ${Number(from.slice(5, 7))} 月月报`;
  return { from, to, days, previousFrom: addDays(from, -days), previousTo: addDays(from, -1), label };
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The instants [start, end) of the Asia/Shanghai days from `from` to `to`. */
export const periodInstants = (from: string, to: string): [Date, Date] => [
  new Date(`${from}T00:00:00+08:00`),
  new Date(`${addDays(to, 1)}T00:00:00+08:00`),
];

/** Words of a citizen's report that say nothing about its topic. */
const TOPIC_STOP = new Set([
  '市民',
  '来电',
  '反映',
  '反应',
  '咨询',
  '投诉',
  '举报',
  '求助',
  '建议',
  '表扬',
  '问题',
  '情况',
  '希望',
  '要求',
  '请求',
  '尽快',
  '处理',
  '解决',
  '相关',
  '部门',
  '有关',
  '一下',
  '你好',
  '您好',
  '这个',
  '那个',
  '现在',
  '目前',
  '已经',
  '没有',
  '不能',
  '无法',
  '可以',
  '怎么办',
  '为什么',
  '是否',
  '自己',
  '我们',
  '他们',
  '我家',
  '家中',
  '一直',
  '多次',
  '经常',
  '每天',
  '时候',
  '期间',
  '附近',
  '存在',
  '进行',
  '影响',
  '表示',
  '联系',
  '还是',
  '但是',
  '因为',
  '所以',
  '导致',
  '造成',
]);
const DIGITS = /^[\d.]+$/;

/** The keywords of a ticket, taken once when it is registered: its words less stop words, single characters and numbers. */
export function ticketKeywords(title: string, content: string): string[] {
  return queryTokens(`${title}\n${content}`).filter((w) => [...w].length > 1 && !TOPIC_STOP.has(w) && !DIGITS.test(w));
}

export interface TopicCount {
  word: string;
  count: number;
}

export interface Topic extends TopicCount {
  /** Share of the period's tickets mentioning it, in per cent (one decimal). */
  share: number;
  previousCount: number;
  previousShare: number;
  /** Change of the share in percentage points against the previous period. */
  change: number;
  rising: boolean;
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

/**
 * Hot topics with their change against the previous period, and the rising ones: those whose share of the
 * tickets grew most (a word new in this period grows from nothing), best first.
 */
export function hotTopics(
  current: TopicCount[],
  previous: TopicCount[],
  totals: { current: number; previous: number },
  risingLimit = 10,
): { topics: Topic[]; rising: Topic[] } {
  const before = new Map(previous.map((p) => [p.word, p.count]));
  const topics = current.map((c) => {
    const previousCount = before.get(c.word) ?? 0;
    const share = pct(c.count, totals.current);
    const previousShare = pct(previousCount, totals.previous);
    const change = Math.round((share - previousShare) * 10) / 10;
    return { ...c, share, previousCount, previousShare, change, rising: change > 0 };
  });
  const rising = topics
    .filter((t) => t.rising)
    .sort((a, b) => b.change - a.change || b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, risingLimit);
  return { topics, rising };
}
