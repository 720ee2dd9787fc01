import { describe, expect, it } from 'vitest';
import { KINDS, PROCEDURES, procedureProblem } from './trading.kinds';

describe('kinds and procedures', () => {
  it('lets works be tendered openly or by invitation, but not auctioned', () => {
    expect(procedureProblem('works', 'open')).toBeNull();
    expect(procedureProblem('works', 'invited')).toBeNull();
    expect(procedureProblem('works', 'auction')).toBe('工程建设招标的交易方式应为公开招标、邀请招标之一');
  });
  it('lets land only be auctioned or listed', () => {
    expect(procedureProblem('land', 'auction')).toBeNull();
    expect(procedureProblem('land', 'open')).toMatch(/拍卖\/挂牌/);
  });
  it('gives every kind at least one known procedure', () => {
    for (const k of Object.values(KINDS)) {
      expect(k.procedures.length).toBeGreaterThan(0);
      for (const p of k.procedures) expect(PROCEDURES).toContain(p);
    }
  });
});
