/**
 * Four-level linkage 四级联动 and one-window service 同城通办 — pure rules, tested beside this file.
 *
 * A case accepted at a village or town hall for an item decided higher up is reported up 上报 hop by
 * hop: accepting hall → the levels that pre-review 初审 → the deciding level. Each hop holds the case
 * in turn (`current_*` columns); the holder may send it back down 退回下级 with reasons. Once decided,
 * the case returns to the accepting hall, which issues the certificate and hands over the result
 * 统一出件. Before acceptance the accepting hall holds it.
 */
import type { Level, LinkageHop } from './cases.tables';
import { LEVEL_LABELS, LEVEL_RANK, REGION_LEVELS, levelOfOfficialCode } from '../org/index';

export { LEVEL_RANK };
export const LEVELS: readonly Level[] = REGION_LEVELS;
export const LEVEL_NAMES: Record<Level, string> = LEVEL_LABELS;
/** Short names used in messages such as 「本事项不能在村级受理」. */
const LEVEL_SHORT: Record<Level, string> = { city: '市级', county: '县级', town: '镇级', village: '村级' };

/** Linkage actions: taken on `POST /api/cases/{id}/actions` like workflow actions, but they move the holder, not the status. */
export const LINKAGE_ACTIONS = { 'report-up': '上报上级', 'send-down': '退回下级' } as const;
export type LinkageAction = keyof typeof LINKAGE_ACTIONS;
export const SUPPLY_ACTION = 'supply-material';
export const SUPPLY_LABEL = '补交容缺材料';

/** Statuses before acceptance (the accepting hall holds the case). */
const FRONT = new Set(['draft', 'submitted', 'correction_requested', 'prereviewed', 'refused']);
/** Statuses after the decision (back at the accepting hall: certificate and hand-over 统一出件). */
const EXIT = new Set(['granted', 'certificate_issued', 'completed', 'denied']);

export type Phase = 'front' | 'back' | 'exit' | 'closed';

/** Where a status stands along the linkage: before acceptance, in the back office, after the decision, or closed. */
export function phaseOf(status: string, terminal: boolean): Phase {
  if (FRONT.has(status)) return status === 'refused' ? 'closed' : 'front';
  if (EXIT.has(status)) return 'exit';
  if (terminal) return 'closed';
  return 'back';
}

/** The guide facts linkage depends on (from the item's guide; `linkage` is optional configuration). */
export interface LinkageGuide {
  decideLevel: Level;
  acceptLevels: readonly Level[];
  acceptAnywhere: boolean;
  /** Intermediate levels that pre-review; default: every level between the accepting and deciding levels that also accepts the item. */
  preReviewLevels?: readonly Level[] | undefined;
}

export interface RegionRef {
  code: string;
  level: Level;
}

/** Why a hall may not accept the item (null = it may). */
export function acceptRefusal(guide: LinkageGuide, hallLevel: Level): string | null {
  if (!guide.acceptLevels.includes(hallLevel)) {
    return `本事项不能在${LEVEL_SHORT[hallLevel]}受理（受理层级：${guide.acceptLevels.map((l) => LEVEL_NAMES[l]).join('、')}）`;
  }
  return null;
}

/**
 * The competent region 办理机关所在区划: the accepting hall's ancestor at the deciding level, unless
 * another region is named (同城通办: only for items with `acceptAnywhere`). `path` is the accepting
 * region's path from the top (city … accepting region). Returns an error message when the choice is not allowed.
 */
export function competentRegion(
  guide: LinkageGuide,
  path: readonly RegionRef[],
  itemRegion: RegionRef,
  chosen?: RegionRef,
): { region: RegionRef } | { error: string } {
  if (chosen) {
    if (chosen.level !== guide.decideLevel)
      return { error: `办理机关须为${LEVEL_NAMES[guide.decideLevel]}区划（所选为${LEVEL_NAMES[chosen.level]}）` };
    const own = path.find((r) => r.level === guide.decideLevel);
    if (own?.code !== chosen.code && !guide.acceptAnywhere)
      return { error: '本事项未开通同城通办，须由受理大厅所属的办理机关办理' };
    return { region: chosen };
  }
  // The item's own region decides when the deciding level is not below it (e.g. a city item decided by the city).
  if (LEVEL_RANK[guide.decideLevel] <= LEVEL_RANK[itemRegion.level]) return { region: itemRegion };
  const own = path.find((r) => r.level === guide.decideLevel);
  return { region: own ?? itemRegion };
}

/**
 * The competent region of an online filing 网上申请的办理地: the item's own region when its deciding
 * level is not below it; otherwise the applicant names the region at the deciding level (e.g. the county
 * of residence for a county-decided item of the city's catalogue). Returns an error message otherwise.
 */
export function onlineCompetentRegion(
  guide: LinkageGuide,
  itemRegion: RegionRef,
  chosen?: RegionRef,
): { region: RegionRef } | { error: string } {
  if (LEVEL_RANK[guide.decideLevel] <= LEVEL_RANK[itemRegion.level]) {
    return chosen && chosen.code !== itemRegion.code
      ? { error: '本事项由事项实施机关统一办理，无需选择办理地' }
      : { region: itemRegion };
  }
  if (!chosen) return { error: `请选择办理地（本事项由${LEVEL_NAMES[guide.decideLevel]}办理）` };
  if (chosen.level !== guide.decideLevel)
    return { error: `办理地须为${LEVEL_NAMES[guide.decideLevel]}区划（所选为${LEVEL_NAMES[chosen.level]}）` };
  return { region: chosen };
}

/** The levels that pre-review between the accepting and the deciding level (exclusive). */
export function preReviewLevels(guide: LinkageGuide, acceptLevel: Level): Level[] {
  const between = LEVELS.filter(
    (l) => LEVEL_RANK[l] > LEVEL_RANK[guide.decideLevel] && LEVEL_RANK[l] < LEVEL_RANK[acceptLevel],
  );
  const chosen = guide.preReviewLevels ?? guide.acceptLevels;
  return between.filter((l) => chosen.includes(l)).sort((a, b) => LEVEL_RANK[b] - LEVEL_RANK[a]);
}

/**
 * The hops of a case: the accepting hall, the pre-review levels on its own path (only when the
 * competent region is the accepting hall's own ancestor), then the competent region.
 */
export function linkageChain(
  guide: LinkageGuide,
  path: readonly RegionRef[],
  accept: { region: RegionRef; hallId: string | null },
  competent: RegionRef,
): LinkageHop[] {
  const first: LinkageHop = { level: accept.region.level, regionCode: accept.region.code, hallId: accept.hallId };
  if (accept.region.code === competent.code) return [first];
  const hops: LinkageHop[] = [first];
  const ownAncestor = path.some((r) => r.code === competent.code);
  if (ownAncestor) {
    for (const level of preReviewLevels(guide, accept.region.level)) {
      const r = path.find((x) => x.level === level);
      if (r) hops.push({ level, regionCode: r.code, hallId: null });
    }
  }
  hops.push({ level: competent.level, regionCode: competent.code, hallId: null });
  return hops;
}

/** Index of the holder in the chain (-1 when the holder is not one of its hops). */
export const holderIndex = (chain: readonly LinkageHop[], regionCode: string) =>
  chain.findIndex((h) => h.regionCode === regionCode);

/** The hop that holds the case after a workflow transition to `status`: the accepting hall before acceptance and after the decision. */
export function holderAfter(
  chain: readonly LinkageHop[],
  current: LinkageHop,
  action: string,
  status: string,
  terminal: boolean,
): LinkageHop {
  const phase = phaseOf(status, terminal);
  if (action === 'accept') return chain[0] ?? current;
  if (phase === 'exit' || phase === 'front') return chain[0] ?? current;
  return current;
}

/** Whether the holder is the deciding hop (the back office may act; lower hops may only report up). */
export const atDecidingHop = (chain: readonly LinkageHop[], regionCode: string) =>
  chain.length === 0 || chain[chain.length - 1]!.regionCode === regionCode;

/** Which linkage actions the holder has in this state. */
export function linkageActionsAt(
  chain: readonly LinkageHop[],
  regionCode: string,
  status: string,
  terminal: boolean,
): LinkageAction[] {
  if (phaseOf(status, terminal) !== 'back' || status === 'suspended') return [];
  const i = holderIndex(chain, regionCode);
  if (i < 0) return [];
  const out: LinkageAction[] = [];
  if (i < chain.length - 1) out.push('report-up');
  if (i > 0 && status === 'accepted') out.push('send-down');
  return out;
}

/** The level of an actor's region code by its shape (null when unknown, e.g. an economic zone). */
export function levelOfCode(code: string): Level | null {
  return levelOfOfficialCode(code) ?? null;
}

/** The hand-over recorded in a step's payload: from which hop to which. */
export function handover(from: LinkageHop, to: LinkageHop) {
  return {
    fromLevel: from.level,
    fromRegionCode: from.regionCode,
    fromHallId: from.hallId,
    toLevel: to.level,
    toRegionCode: to.regionCode,
    toHallId: to.hallId,
  };
}
