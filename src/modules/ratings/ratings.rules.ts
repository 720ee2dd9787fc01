/**
 * 好差评 rules (国办发〔2019〕51号; GB/T 39734-2020 online, GB/T 39735-2020 on site) — pure, tested beside this file.
 *
 * - Five levels, 5 非常满意 … 1 非常不满意; levels 1 and 2 are 差评 and open a rectification 整改.
 * - Indicators differ by channel: online (一事一评) vs on site at the window (一次一评).
 * - 好评率 (satisfaction rate), precisely: among the ratings in the period that are NOT excluded by an
 *   upheld appeal 申诉成立 (malicious / mistaken ratings), the share with level 4 (满意) or 5 (非常满意):
 *   `(n4 + n5) / (n1 + n2 + n3 + n4 + n5)`, all counts over counted (non-excluded) ratings only; `null`
 *   when nothing is counted. 基本满意 (3) counts in the denominator but is not 好评. Rounded to 4 decimals.
 *   差评率 likewise is `(n1 + n2) / counted`.
 */
export type RatingChannel = 'online' | 'window';
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

export const LEVEL_LABELS: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** 差评: 不满意 and 非常不满意. */
export const isBadLevel = (level: number) => level <= 2;

/** National evaluation indicators per channel (codes stable, labels as in the standards). */
export const INDICATORS: Record<RatingChannel, Record<string, string>> = {
  online: {
    overall: '整体满意度',
    efficiency: '办事效率',
    guide_accuracy: '办事指南精确度',
    convenience: '办事便捷度',
    usability: '平台操作性',
  },
  window: {
    overall: '整体满意度',
    efficiency: '服务效率',
    competence: '服务水平',
    attitude: '服务态度',
  },
};

export const CHANNEL_LABELS: Record<RatingChannel, string> = {
  online: '网上评价（一事一评）',
  window: '现场评价（一次一评）',
};

export const indicatorLabel = (channel: RatingChannel, code: string) => INDICATORS[channel][code] ?? code;

/** A problem with the indicators, or null when they fit the channel and level. */
export function checkIndicators(channel: RatingChannel, level: number, codes: readonly string[]): string | null {
  const known = INDICATORS[channel];
  const unknown = codes.filter((c) => !(c in known));
  if (unknown.length)
    return `${channel === 'online' ? '网上' : '现场'}评价没有指标：${unknown.join('、')}（可选：${Object.entries(known)
      .map(([k, v]) => `${k} ${v}`)
      .join('、')}）`;
  if (new Set(codes).size !== codes.length) return '评价指标不能重复';
  if (isBadLevel(level) && codes.length === 0) return '差评请至少选择一项不满意的评价指标';
  return null;
}

/** Services that are over and may be rated online 一事一评: completed, and also refused / denied (the applicant was served a decision). Withdrawn cases are not rated. */
export const ONLINE_RATABLE_STATUSES: readonly string[] = ['completed', 'refused', 'denied'];

export interface LevelCounts {
  1: number;
  2: number;
  3: number;
  4: number;
  5: number;
}

export interface Satisfaction {
  counted: number;
  good: number;
  bad: number;
  /** 好评率, see the module comment; null when nothing is counted. */
  satisfactionRate: number | null;
  /** 差评率. */
  badRate: number | null;
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** `counts` are over counted ratings only (excluded by an upheld appeal already left out). */
export function satisfaction(counts: LevelCounts): Satisfaction {
  const counted = counts[1] + counts[2] + counts[3] + counts[4] + counts[5];
  const good = counts[4] + counts[5];
  const bad = counts[1] + counts[2];
  return {
    counted,
    good,
    bad,
    satisfactionRate: counted ? round4(good / counted) : null,
    badRate: counted ? round4(bad / counted) : null,
  };
}

/** One line of the published summary: every rating, those excluded by an upheld appeal, and the rates of the rest. */
export interface SummaryFigures extends Satisfaction {
  total: number;
  excluded: number;
  counts: LevelCounts;
}

const noCounts = (): LevelCounts => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

/**
 * The summary's lines from counts per department, level and exclusion: one per department (by code) and
 * one for them all.
 */
export function tallyByDepartment(
  rows: readonly { department_code: string; level: number; excluded: boolean; n: number }[],
): { departments: (SummaryFigures & { departmentCode: string })[]; total: SummaryFigures } {
  const byDept = new Map<string, { counts: LevelCounts; excluded: number }>();
  const all = { counts: noCounts(), excluded: 0 };
  for (const r of rows) {
    let d = byDept.get(r.department_code);
    if (!d) byDept.set(r.department_code, (d = { counts: noCounts(), excluded: 0 }));
    for (const acc of [d, all]) {
      if (r.excluded) acc.excluded += r.n;
      else acc.counts[r.level as RatingLevel] += r.n;
    }
  }
  const line = (a: { counts: LevelCounts; excluded: number }): SummaryFigures => {
    const s = satisfaction(a.counts);
    return {
      total: s.counted + a.excluded,
      excluded: a.excluded,
      counted: s.counted,
      counts: a.counts,
      good: s.good,
      bad: s.bad,
      satisfactionRate: s.satisfactionRate,
      badRate: s.badRate,
    };
  };
  return {
    departments: [...byDept.entries()]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([departmentCode, a]) => ({ departmentCode, ...line(a) })),
    total: line(all),
  };
}
