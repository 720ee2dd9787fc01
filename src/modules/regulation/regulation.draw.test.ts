import { describe, expect, it } from 'vitest';
import {
  drawInspection,
  hasConflict,
  seededRandom,
  type DrawInput,
  type DrawInspector,
  type DrawTarget,
} from './regulation.draw';

const targets: DrawTarget[] = Array.from({ length: 12 }, (_, i) => ({
  id: `t${String(i).padStart(2, '0')}`,
  name: `主体${i}`,
  regionCode: i % 2 ? '211103' : '211102',
  creditCode: `91211100MA0000${String(i).padStart(4, '0')}`,
}));
const inspectors: DrawInspector[] = Array.from({ length: 6 }, (_, i) => ({
  id: `p${i}`,
  residenceRegionCode: null,
  conflicts: [],
}));
const base: DrawInput = { seed: 'a1b2c3', targets, inspectors, targetCount: 4, perTarget: 2, lastInspectors: {} };

describe('seededRandom', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const c = seededRandom('y');
    const sa = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(sa);
    expect([c(), c(), c()]).not.toEqual(sa);
    expect(sa.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('drawInspection', () => {
  it('is reproducible: same seed and lists, in any order, give the same draw', () => {
    const first = drawInspection(base);
    const again = drawInspection({ ...base, targets: [...targets].reverse(), inspectors: [...inspectors].reverse() });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    if (!first.ok) return;
    expect(first.picks).toHaveLength(4);
    expect(new Set(first.picks.map((p) => p.targetId)).size).toBe(4);
    for (const p of first.picks) {
      expect(p.inspectorIds).toHaveLength(2);
      expect(new Set(p.inspectorIds).size).toBe(2);
    }
  });

  it('draws differently with another seed', () => {
    const a = drawInspection(base);
    const draws = ['s1', 's2', 's3', 's4'].map((seed) => JSON.stringify(drawInspection({ ...base, seed })));
    expect(draws.some((d) => d !== JSON.stringify(a))).toBe(true);
  });

  it('never draws an inspector living in the target region, declaring a conflict, or inspecting it last time', () => {
    const local: DrawInspector = { id: 'p0', residenceRegionCode: '211103', conflicts: [] };
    const declared: DrawInspector = { id: 'p1', residenceRegionCode: null, conflicts: [targets[0]!.creditCode!] };
    const pool = [local, declared, ...inspectors.slice(2)];
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      const r = drawInspection({
        ...base,
        seed,
        inspectors: pool,
        targetCount: 12,
        lastInspectors: { t02: ['p2', 'p3'] },
      });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      for (const p of r.picks) {
        const t = targets.find((x) => x.id === p.targetId)!;
        if (t.regionCode === '211103') expect(p.inspectorIds).not.toContain('p0');
        if (t.id === 't00') expect(p.inspectorIds).not.toContain('p1');
        if (t.id === 't02') expect(p.inspectorIds.some((i) => i === 'p2' || i === 'p3')).toBe(false);
      }
    }
  });

  it('reports too few targets or too few eligible inspectors instead of drawing short', () => {
    expect(drawInspection({ ...base, targetCount: 13 })).toEqual({
      ok: false,
      reason: 'too_few_targets',
      available: 12,
    });
    const twoLocals: DrawInspector[] = [
      { id: 'p0', residenceRegionCode: '211102', conflicts: [] },
      { id: 'p1', residenceRegionCode: null, conflicts: [] },
    ];
    const r = drawInspection({ ...base, inspectors: twoLocals, targetCount: 12 });
    expect(r).toMatchObject({ ok: false, reason: 'too_few_inspectors', eligible: 1 });
  });

  it('hasConflict matches by region prefix, credit code or name, and last inspectors', () => {
    const t = targets[1]!; // 211103
    expect(hasConflict({ id: 'x', residenceRegionCode: '2111', conflicts: [] }, t)).toBe(true);
    expect(hasConflict({ id: 'x', residenceRegionCode: '211102', conflicts: [] }, t)).toBe(false);
    expect(hasConflict({ id: 'x', residenceRegionCode: null, conflicts: ['主体1'] }, t)).toBe(true);
    expect(hasConflict({ id: 'x', residenceRegionCode: null, conflicts: [] }, t, ['x'])).toBe(true);
  });
});
