import { describe, expect, it } from 'vitest';
import { callerTokens, entryIndex, inForce, kbTransition, KB_ACTION_NAMES } from './hotline.kb.rules';

describe('kbTransition', () => {
  it('goes draft → review → published, and back to draft when returned', () => {
    expect(kbTransition('draft', 'submit')).toEqual({ ok: true, to: 'review' });
    expect(kbTransition('review', 'publish')).toEqual({ ok: true, to: 'published' });
    expect(kbTransition('review', 'return')).toEqual({ ok: true, to: 'draft' });
    expect(kbTransition('published', 'withdraw')).toEqual({ ok: true, to: 'withdrawn' });
    expect(kbTransition('withdrawn', 'restore')).toEqual({ ok: true, to: 'published' });
  });

  it('refuses publishing without review, naming the state', () => {
    expect(kbTransition('draft', 'publish')).toEqual({
      ok: false,
      message: '知识条目当前为「草稿」，不能「审核发布」',
    });
  });

  it('every action is possible from some state and from no other', () => {
    const states = ['draft', 'review', 'published', 'withdrawn'] as const;
    for (const a of KB_ACTION_NAMES) expect(states.filter((s) => kbTransition(s, a).ok).length).toBeGreaterThan(0);
  });
});

describe('entryIndex', () => {
  it('indexes question words as primary and answer words too', () => {
    const idx = entryIndex('社保卡丢了怎么补办', '携带身份证到社保经办网点办理挂失和补卡');
    expect(idx.primary_terms).toContain('社保卡');
    expect(idx.search_terms).toContain('社保卡');
    expect(idx.search_terms).toContain('身份证');
    expect(idx.primary_terms).not.toContain('身份证');
  });
});

describe('inForce', () => {
  it('holds within the dates, open ends included', () => {
    expect(inForce({ valid_from: null, valid_to: null }, '2026-11-02')).toBe(true);
    expect(inForce({ valid_from: '2026-11-02', valid_to: '2026-12-31' }, '2026-11-02')).toBe(true);
    expect(inForce({ valid_from: '2026-11-03', valid_to: null }, '2026-11-02')).toBe(false);
    expect(inForce({ valid_from: null, valid_to: '2026-11-01' }, '2026-11-02')).toBe(false);
  });
});

describe('callerTokens', () => {
  it('drops the filler of a phone call and keeps what the call is about', () => {
    expect(callerTokens('你好，我的社保卡丢了怎么办')).toContain('社保卡');
    expect(callerTokens('你好，我的社保卡丢了怎么办')).not.toContain('怎么办');
  });
  it('keeps the filler when nothing else is left', () => {
    expect(callerTokens('怎么办')).toEqual(['怎么办']);
  });
});
