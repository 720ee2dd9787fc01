import { describe, expect, it } from 'vitest';
import { makeChallenge, normalizeAnswer } from './identity.challenge';

describe('sign-in challenge', () => {
  it('asks a small sum or difference and knows its answer', () => {
    for (let i = 0; i < 50; i++) {
      const c = makeChallenge();
      const m = /^(\d+)([+-])(\d+)=\?$/.exec(c.question)!;
      expect(m).toBeTruthy();
      const value = m[2] === '+' ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]);
      expect(c.answer).toBe(String(value));
      expect(value).toBeGreaterThanOrEqual(0);
    }
  });

  it('draws the question as strokes: no digits of the question as text in the image', () => {
    const c = makeChallenge();
    expect(c.svg.startsWith('<svg')).toBe(true);
    expect(c.svg).not.toContain('<text');
    expect(c.svg).not.toContain(c.question);
  });

  it('accepts the answer with spaces or full-width digits, nothing else', () => {
    expect(normalizeAnswer(' 12 ')).toBe('12');
    expect(normalizeAnswer('１２')).toBe('12');
    expect(normalizeAnswer('012')).toBe('12');
    expect(normalizeAnswer('12; drop')).toBeNull();
    expect(normalizeAnswer('')).toBeNull();
  });
});
