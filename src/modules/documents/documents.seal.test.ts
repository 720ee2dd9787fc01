import { describe, expect, it } from 'vitest';
import { ARC_H_SCALE, MAX_ARC_DEG, MIN_ARC_DEG, SEAL_BOTTOM_TEXT, sealBottomText, sealLayout } from './documents.seal';

const dist = (ax: number, ay: number, bx: number, by: number) => Math.hypot(ax - bx, ay - by);

describe('sealLayout', () => {
  const cx = 400;
  const cy = 600;
  const s = sealLayout('盘锦市行政审批服务局', cx, cy, 60);

  it('sets every character of the office name on one arc, in reading order, left to right', () => {
    expect(s.arc.map((g) => g.char).join('')).toBe('盘锦市行政审批服务局');
    for (const g of s.arc) expect(dist(g.x, g.y, cx, cy)).toBeCloseTo(s.arcRadius, 6);
    const xs = s.arc.map((g) => g.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(s.arcSpanDeg).toBeLessThanOrEqual(MAX_ARC_DEG + 1e-9);
  });

  it('is symmetric about the vertical axis, characters turned to face the rim', () => {
    const n = s.arc.length;
    for (let i = 0; i < n; i++) {
      const a = s.arc[i]!;
      const b = s.arc[n - 1 - i]!;
      expect(a.x + b.x).toBeCloseTo(2 * cx, 6);
      expect(a.y).toBeCloseTo(b.y, 6);
      expect(a.rotation).toBeCloseTo(-b.rotation, 6);
      // the rotation is the glyph's angle from 12 o'clock
      expect(Math.sin((a.rotation * Math.PI) / 180) * s.arcRadius).toBeCloseTo(a.x - cx, 6);
    }
    expect(s.arc[0]!.rotation).toBeLessThan(0);
  });

  it('keeps the characters inside the ring and apart from each other', () => {
    expect(s.arcRadius + s.arcFontSize / 2).toBeLessThan(s.radius - s.ringWidth);
    for (let i = 1; i < s.arc.length; i++) {
      const a = s.arc[i - 1]!;
      const b = s.arc[i]!;
      expect(dist(a.x, a.y, b.x, b.y)).toBeGreaterThanOrEqual(s.arcFontSize * ARC_H_SCALE);
    }
  });

  it('shrinks the type for a long name and spreads a short one', () => {
    const long = sealLayout('盘锦市大洼区清水镇人民政府便民服务中心行政审批办公室', cx, cy, 60);
    expect(long.arcFontSize).toBeLessThan(s.arcFontSize);
    expect(long.arcSpanDeg).toBeLessThanOrEqual(MAX_ARC_DEG + 1e-9);
    const short = sealLayout('审批局', cx, cy, 60);
    expect(short.arcSpanDeg).toBeCloseTo(MIN_ARC_DEG, 6);
    expect(short.arc).toHaveLength(3);
    expect(short.arc[1]!.x).toBeCloseTo(cx, 6);
    // different offices, different seals
    expect(
      sealLayout('兴隆台区行政审批局', cx, cy)
        .arc.map((g) => g.char)
        .join(''),
    ).toBe('兴隆台区行政审批局');
  });

  it('draws a regular five-pointed star in the centre', () => {
    expect(s.star).toHaveLength(10);
    const [tx, ty] = s.star[0]!;
    expect(tx).toBeCloseTo(cx, 6);
    expect(ty).toBeLessThan(cy);
    const sc = [s.star.reduce((a, p) => a + p[0], 0) / 10, s.star.reduce((a, p) => a + p[1], 0) / 10];
    const radii = s.star.map(([x, y]) => dist(x, y, sc[0]!, sc[1]!));
    for (let k = 0; k < 10; k++) expect(radii[k]).toBeCloseTo(k % 2 === 0 ? s.starRadius : s.starRadius * 0.381966, 3);
  });

  it('puts 行政审批专用章 below the star, clear of the arc and inside the ring', () => {
    const b = s.bottom!;
    expect(b.text).toBe(SEAL_BOTTOM_TEXT);
    const starBottom = Math.max(...s.star.map((p) => p[1]));
    expect(b.y - b.height / 2).toBeGreaterThan(starBottom);
    for (const [x, y] of [
      [b.x, b.y + b.height / 2],
      [b.x + b.width, b.y + b.height / 2],
    ] as const)
      expect(dist(x, y, cx, cy)).toBeLessThan(s.radius - s.ringWidth);
    for (const g of s.arc) {
      const half = s.arcFontSize * 0.55;
      const clear = g.y + half < b.y - b.height / 2 || g.x + half < b.x || g.x - half > b.x + b.width;
      expect(clear, g.char).toBe(true);
    }
  });

  it('marks only an approval office’s seal 行政审批专用章; another office seals with its name alone', () => {
    expect(sealBottomText('兴隆台区行政审批局')).toBe(SEAL_BOTTOM_TEXT);
    expect(sealBottomText('盘锦市行政审批服务局')).toBe(SEAL_BOTTOM_TEXT);
    expect(sealBottomText('兴隆台区民政局')).toBeNull();
    expect(sealLayout('兴隆台区民政局', 0, 0, 60, null).bottom).toBeNull();
  });
});
