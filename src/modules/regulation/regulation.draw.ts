/**
 * 双随机抽取: random inspection targets from the directory and random inspectors from the roster.
 * Pure and deterministic: the same seed and the same candidate lists give the same draw, so anyone
 * holding the recorded seed and lists can re-run it (抽取过程可追溯、可复现).
 */

/** One candidate inspection target 检查对象. */
export interface DrawTarget {
  id: string;
  name: string;
  regionCode: string;
  creditCode: string | null;
}

/** One candidate inspector 执法检查人员. */
export interface DrawInspector {
  id: string;
  /** Region of residence 居住地; an inspector never inspects where they live. */
  residenceRegionCode: string | null;
  /** Declared conflicts 申报回避: credit codes or names of entities they must not inspect. */
  conflicts: string[];
}

export interface DrawInput {
  seed: string;
  targets: DrawTarget[];
  inspectors: DrawInspector[];
  targetCount: number;
  perTarget: number;
  /** Inspectors of each target's last inspection (target id → inspector ids): they are not drawn again. */
  lastInspectors: Record<string, string[]>;
}

export interface DrawPick {
  targetId: string;
  inspectorIds: string[];
}

export type DrawOutcome =
  | { ok: true; picks: DrawPick[] }
  | { ok: false; reason: 'too_few_targets'; available: number }
  | { ok: false; reason: 'too_few_inspectors'; targetId: string; eligible: number };

/** xmur3-style string hash: the seed string → a 32-bit start state. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small deterministic generator of floats in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `k` elements of a Fisher–Yates shuffle of `list` (the list is not modified). */
function pick<T>(list: readonly T[], k: number, rand: () => number): T[] {
  const a = [...list];
  const n = Math.min(k, a.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * 回避: an inspector lives in the target's region (same region, or the target lies inside the region of
 * residence), declared a conflict with it, or inspected it last time.
 */
export function hasConflict(inspector: DrawInspector, target: DrawTarget, lastTime: readonly string[] = []): boolean {
  const home = inspector.residenceRegionCode;
  if (home && target.regionCode.startsWith(home)) return true;
  if (inspector.conflicts.some((c) => c === target.creditCode || c === target.name)) return true;
  return lastTime.includes(inspector.id);
}

/**
 * Draws `targetCount` targets, then `perTarget` inspectors for each target in draw order, never one with
 * a conflict. Candidates are sorted by id first, so the order the database returns them in does not matter.
 */
export function drawInspection(input: DrawInput): DrawOutcome {
  const targets = [...input.targets].sort(byId);
  const inspectors = [...input.inspectors].sort(byId);
  if (targets.length < input.targetCount) return { ok: false, reason: 'too_few_targets', available: targets.length };
  const rand = seededRandom(input.seed);
  const chosen = pick(targets, input.targetCount, rand);
  const picks: DrawPick[] = [];
  for (const t of chosen) {
    const eligible = inspectors.filter((i) => !hasConflict(i, t, input.lastInspectors[t.id]));
    if (eligible.length < input.perTarget)
      return { ok: false, reason: 'too_few_inspectors', targetId: t.id, eligible: eligible.length };
    picks.push({ targetId: t.id, inspectorIds: pick(eligible, input.perTarget, rand).map((i) => i.id) });
  }
  return { ok: true, picks };
}
