import { describe, expect, it } from 'vitest';
import {
  decidedNotice,
  raisedDigest,
  raisedNotice,
  uniqueRecipients,
  type NoticeFacts,
} from './supervision.notice-text';

const w: NoticeFacts = {
  caseNumber: 'PJ20261124000001',
  itemName: '食品经营许可',
  level: 'red',
  ruleName: '超过承诺时限',
  reason: '已超过承诺时限 2 个工作日',
  explainDue: '2026-11-27',
  state: 'open',
  decidedByName: null,
  decisionComment: null,
};

describe('warning notices', () => {
  it('names the card, the case and the explanation deadline when raised', () => {
    expect(raisedNotice(w)).toEqual({
      title: '【红牌】PJ20261124000001 超过承诺时限',
      body: '办件 PJ20261124000001（食品经营许可）：已超过承诺时限 2 个工作日。请于 2026-11-27 前在“运行监管 › 预警与红黄牌”中提交情况说明。',
    });
    expect(raisedNotice({ ...w, level: 'yellow' }).title).toBe('【黄牌】PJ20261124000001 超过承诺时限');
  });

  it('tells the outcome and the comment when decided', () => {
    const confirmed = decidedNotice({
      ...w,
      state: 'confirmed',
      decidedByName: '赵监察',
      decisionComment: ' 说明理由不充分 ',
    });
    expect(confirmed.title).toBe('预警已确认：PJ20261124000001 超过承诺时限');
    expect(confirmed.body).toBe(
      '办件 PJ20261124000001（食品经营许可）的红牌「超过承诺时限」已由效能监察员赵监察确认，意见：说明理由不充分。',
    );
    const revoked = decidedNotice({ ...w, state: 'revoked', decidedByName: '赵监察', decisionComment: '' });
    expect(revoked.body).toBe('办件 PJ20261124000001（食品经营许可）的红牌「超过承诺时限」已由效能监察员赵监察撤销。');
  });

  it('sums up many cards in one message: counts by level, a few cases, the earliest deadline', () => {
    const ws = [
      { ...w, caseNumber: 'A1', explainDue: '2026-11-30' },
      { ...w, caseNumber: 'A2', level: 'yellow' as const, explainDue: '2026-11-26' },
      { ...w, caseNumber: 'A3', explainDue: '2026-11-28' },
      { ...w, caseNumber: 'A4', level: 'yellow' as const },
    ];
    expect(raisedDigest(ws)).toEqual({
      title: '【预警】新增 4 条（红牌 2 条，黄牌 2 条）',
      body: '办件 A1、A2、A3 等 4 条预警待说明，最早须于 2026-11-26 前提交情况说明。请在“运行监管 › 预警与红黄牌”中逐条处理。',
    });
  });

  it('notifies each person once', () => {
    expect(uniqueRecipients(['a', 'b'], ['b', null, 'c', undefined])).toEqual(['a', 'b', 'c']);
  });
});
