/**
 * The legal time and amount rules of tendering, as data with their legal basis, and the pure checks
 * built from them. Calendar days are counted on the Shanghai calendar; an instant is always an argument.
 * The service refuses a write that breaks one (400 naming the field); the messages name the basis.
 */
import { addDays, todayInShanghai, toDayNumber } from '../calendar/index';

export interface LegalRule {
  /** What the rule limits. */
  label: string;
  /** The limit: calendar days, or a percentage. */
  amount: number;
  unit: 'days' | 'percent';
  basis: string;
}

const LAW = '《中华人民共和国招标投标法》';
const REGS = '《中华人民共和国招标投标法实施条例》';

export const LEGAL_RULES = {
  /** 自招标文件开始发出之日起至投标人提交投标文件截止之日止，最短不得少于二十日。 */
  bidPeriod: { label: '招标文件发出至投标截止的最短期限', amount: 20, unit: 'days', basis: `${LAW}第二十四条` },
  /** 澄清或者修改可能影响投标文件编制的，应当在投标截止时间至少 15 日前通知；不足 15 日的，应当顺延。 */
  changeNotice: { label: '变更公告发布至投标截止的最短期限', amount: 15, unit: 'days', basis: `${REGS}第二十一条` },
  /** 投标保证金不得超过招标项目估算价的 2%。 */
  deposit: { label: '投标保证金占估算价的最高比例', amount: 2, unit: 'percent', basis: `${REGS}第二十六条` },
  /** 招标人应当自收到评标报告之日起 3 日内公示中标候选人。 */
  publicityStart: { label: '收到评标报告后开始公示的期限', amount: 3, unit: 'days', basis: `${REGS}第五十四条` },
  /** 公示期不得少于 3 日。 */
  publicityLength: { label: '中标候选人公示的最短期限', amount: 3, unit: 'days', basis: `${REGS}第五十四条` },
  /** 招标人应当自收到异议之日起 3 日内作出答复；作出答复前，应当暂停招标投标活动。 */
  objectionAnswer: { label: '答复异议的期限', amount: 3, unit: 'days', basis: `${REGS}第五十四条` },
  /** 招标人最迟应当在书面合同签订后 5 日内退还投标保证金及银行同期存款利息。 */
  depositRefund: { label: '合同签订后退还投标保证金的期限', amount: 5, unit: 'days', basis: `${REGS}第五十七条` },
} as const satisfies Record<string, LegalRule>;

export type LegalRuleCode = keyof typeof LEGAL_RULES;

/** Calendar days from one instant's Shanghai day to another's (negative when `to` is earlier). */
export const calendarDaysBetween = (from: Date, to: Date): number =>
  toDayNumber(todayInShanghai(to)) - toDayNumber(todayInShanghai(from));

/** Whole yuan and fen as an integer number of fen (amounts have at most two decimals). */
export const toFen = (yuan: number): number => Math.round(yuan * 100);

/** The bid deadline against the day the tender documents are first issued; a Chinese reason when too early. */
export function bidPeriodProblem(documentsIssuedAt: Date, bidDeadline: Date): string | null {
  const r = LEGAL_RULES.bidPeriod;
  if (bidDeadline.getTime() <= documentsIssuedAt.getTime()) return '投标截止时间应晚于招标文件发出时间';
  const days = calendarDaysBetween(documentsIssuedAt, bidDeadline);
  if (days >= r.amount) return null;
  return `自招标文件发出之日至投标截止之日仅 ${days} 日，不得少于 ${r.amount} 日（${r.basis}）`;
}

/** A bid deadline set by a change announcement 变更公告 published at an instant; a Chinese reason when too early. */
export function changeNoticeProblem(publishedAt: Date, bidDeadline: Date): string | null {
  const r = LEGAL_RULES.changeNotice;
  const days = calendarDaysBetween(publishedAt, bidDeadline);
  if (days >= r.amount) return null;
  return `自变更公告发布之日至投标截止之日仅 ${days} 日，不得少于 ${r.amount} 日（${r.basis}）`;
}

/** The earliest bid deadline day for documents issued at an instant (YYYY-MM-DD, Shanghai). */
export const earliestBidDeadlineDay = (documentsIssuedAt: Date): string =>
  addDays(todayInShanghai(documentsIssuedAt), LEGAL_RULES.bidPeriod.amount);

/** The largest deposit an estimate allows, in yuan (rounded down to the fen). */
export const maxDeposit = (estimate: number): number =>
  Math.floor((toFen(estimate) * LEGAL_RULES.deposit.amount) / 100) / 100;

/** A bid deposit against the estimate 估算价; a Chinese reason when above the limit. */
export function depositProblem(estimate: number, deposit: number): string | null {
  const r = LEGAL_RULES.deposit;
  if (deposit < 0) return '投标保证金不能为负数';
  // In fen, and multiplied out: 2 % of an amount in fen need not be whole.
  if (toFen(deposit) * 100 <= toFen(estimate) * r.amount) return null;
  return `投标保证金 ${deposit} 元超过估算价的 ${r.amount}%（最多 ${maxDeposit(estimate)} 元）（${r.basis}）`;
}

/**
 * The publicity of the winning candidates 中标候选人公示: it starts within 3 days of the day the
 * evaluation report was received, and lasts at least 3 days. A Chinese reason per field, or none.
 */
export function publicityProblems(
  evaluationReportOn: string,
  from: Date,
  to: Date,
): { field: 'publicityFrom' | 'publicityTo'; message: string }[] {
  const out: { field: 'publicityFrom' | 'publicityTo'; message: string }[] = [];
  const start = LEGAL_RULES.publicityStart;
  const late = toDayNumber(todayInShanghai(from)) - toDayNumber(evaluationReportOn);
  if (late < 0) out.push({ field: 'publicityFrom', message: '公示开始时间不能早于收到评标报告之日' });
  else if (late > start.amount)
    out.push({
      field: 'publicityFrom',
      message: `公示应自收到评标报告之日起 ${start.amount} 日内开始，现为第 ${late} 日（${start.basis}）`,
    });
  const length = LEGAL_RULES.publicityLength;
  if (to.getTime() - from.getTime() < length.amount * 86_400_000)
    out.push({ field: 'publicityTo', message: `公示期不得少于 ${length.amount} 日（${length.basis}）` });
  return out;
}

/** The last day to publish the candidates after the evaluation report (YYYY-MM-DD). */
export const publicityStartDue = (evaluationReportOn: string): string =>
  addDays(evaluationReportOn, LEGAL_RULES.publicityStart.amount);

/** The last day to answer an objection received on a day (YYYY-MM-DD). */
export const objectionAnswerDue = (receivedOn: string): string =>
  addDays(receivedOn, LEGAL_RULES.objectionAnswer.amount);

/** The last day to refund the deposits after the contract was signed on a day (YYYY-MM-DD). */
export const depositRefundDue = (contractSignedOn: string): string =>
  addDays(contractSignedOn, LEGAL_RULES.depositRefund.amount);

/** Bids and registrations are taken strictly before the deadline. */
export const beforeDeadline = (now: Date, bidDeadline: Date): boolean => now.getTime() < bidDeadline.getTime();
