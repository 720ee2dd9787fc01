/**
 * Dispatch by responsibility 按责转办: rules map a category and a region to the unit that handles it
 * (a city department, a county, a town or a village). Pure: the service loads the rules and the unit
 * facts from org.
 */
import { inSubtree } from '../../platform/scope';
import type { RegionLevel } from '../org/index';
import type { UnitKind } from './hotline.tables';

/** A handling unit as a ticket records it. */
export interface Unit {
  kind: UnitKind;
  code: string;
  name: string;
  /** The unit's region: the department's region, or the region itself. */
  regionCode: string;
  /** The level of that region. */
  level: RegionLevel;
}

export interface DispatchRule {
  category_code: string;
  /** Tickets located in this subtree (the rule region's scope prefix). */
  region_prefix: string;
  unit_kind: UnitKind;
  unit_code: string;
  unit_name: string;
}

/**
 * The rule for a ticket of category `path` (root first, the ticket's own category last) located at
 * `regionCode`: the most specific category wins, then the narrowest region; null when none applies.
 */
export function suggestRule<R extends DispatchRule>(
  rules: readonly R[],
  path: readonly string[],
  regionCode: string,
): R | null {
  let best: R | null = null;
  let bestRank: [number, number] = [-1, -1];
  for (const r of rules) {
    const depth = path.indexOf(r.category_code);
    if (depth < 0 || !inSubtree(regionCode, r.region_prefix)) continue;
    const rank: [number, number] = [depth, r.region_prefix.length];
    if (rank[0] > bestRank[0] || (rank[0] === bestRank[0] && rank[1] > bestRank[1])) {
      best = r;
      bestRank = rank;
    }
  }
  return best;
}

/** The category path of `code`, root first, through `parentOf`; stops on a cycle. */
export function categoryPath(code: string, parentOf: (code: string) => string | null | undefined): string[] {
  const path: string[] = [];
  for (let c: string | null | undefined = code; c && !path.includes(c); c = parentOf(c)) path.unshift(c);
  return path;
}

/** Whether a unit is a county government, which may re-dispatch to its towns (二次派单). */
export const isCountyUnit = (u: Pick<Unit, 'kind' | 'level'>): boolean => u.kind === 'region' && u.level === 'county';

/**
 * Why a county may not re-dispatch a ticket to `to`, or null when it may: the target is a town or
 * village of the county, or one of the county's own departments.
 */
export function redispatchProblem(from: Unit, to: Unit): string | null {
  if (!isCountyUnit(from)) return '仅县区承办单位可二次派单';
  if (to.kind === from.kind && to.code === from.code) return '不能派给本单位';
  const inCounty = inSubtree(to.regionCode, from.regionCode);
  const below =
    to.kind === 'region' ? to.level === 'town' || to.level === 'village' : to.regionCode === from.regionCode;
  return inCounty && below ? null : `二次派单只能派给${from.name}所属的镇街、村（社区）或区县部门`;
}
