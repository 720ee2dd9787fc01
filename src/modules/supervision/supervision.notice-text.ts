/** What the responsible unit is told about a warning 预警通知 (pure: the texts of the in-app messages). */
import type { WarningLevel, WarningState } from './supervision.rules';

export const CARD_NAMES: Record<WarningLevel, string> = { yellow: '黄牌', red: '红牌' };

export interface NoticeFacts {
  /** What the card concerns: a case 办件 (the default) or a 12345 ticket 工单. */
  subject?: '办件' | '工单';
  caseNumber: string;
  itemName: string;
  level: WarningLevel;
  ruleName: string;
  reason: string;
  explainDue: string;
  state: WarningState;
  decidedByName: string | null;
  decisionComment: string | null;
}

export interface NoticeText {
  title: string;
  body: string;
}

/** A card was raised on a case of the unit: what happened and by when to explain. */
export function raisedNotice(w: NoticeFacts): NoticeText {
  return {
    title: `【${CARD_NAMES[w.level]}】${w.caseNumber} ${w.ruleName}`,
    body: `${w.subject ?? '办件'} ${w.caseNumber}（${w.itemName}）：${w.reason}。请于 ${w.explainDue} 前在“运行监管 › 预警与红黄牌”中提交情况说明。`,
  };
}

/** A supervisor decided the card (after or without an explanation): confirmed stands, revoked is lifted. */
export function decidedNotice(w: NoticeFacts): NoticeText {
  const outcome = w.state === 'confirmed' ? '确认' : '撤销';
  const by = w.decidedByName ? `效能监察员${w.decidedByName}` : '效能监察员';
  const comment = w.decisionComment?.trim() ? `，意见：${w.decisionComment.trim()}` : '';
  return {
    title: `预警已${outcome}：${w.caseNumber} ${w.ruleName}`,
    body: `${w.subject ?? '办件'} ${w.caseNumber}（${w.itemName}）的${CARD_NAMES[w.level]}「${w.ruleName}」已由${by}${outcome}${comment}。`,
  };
}

/** Many new cards for one unit in one pass: one message naming a few cases instead of one per card. */
export function raisedDigest(ws: readonly NoticeFacts[]): NoticeText {
  const red = ws.filter((w) => w.level === 'red').length;
  const due = ws.map((w) => w.explainDue).sort()[0];
  const some = ws.slice(0, 3).map((w) => w.caseNumber);
  return {
    title: `【预警】新增 ${ws.length} 条（红牌 ${red} 条，黄牌 ${ws.length - red} 条）`,
    body: `${ws[0]?.subject ?? '办件'} ${some.join('、')} 等 ${ws.length} 条预警待说明，最早须于 ${due} 前提交情况说明。请在“运行监管 › 预警与红黄牌”中逐条处理。`,
  };
}

/** Recipients without repeats, in order: the unit's staff, then the others (e.g. who explained). */
export function uniqueRecipients(staff: readonly string[], others: readonly (string | null | undefined)[]): string[] {
  return [...new Set([...staff, ...others.filter((x): x is string => !!x)])];
}
