/**
 * The implementing body 实施机关 of a case: which real office of the deciding region acts, speaks in the
 * documents and seals them. Pure rules, tested beside this file; the data (the region and its departments)
 * comes from the org module through `catalog.service`.
 *
 * An item decided in its own region (a city item of the city's catalogue) is implemented by the body its
 * guide names. An item decided below (a county item of the city's catalogue, decided by each county) names
 * where its body sits in the deciding region (`implementingBody.office`): the department whose name contains
 * a keyword (民政局 → 兴隆台区民政局), or the region's own people's government. A body that cannot be found
 * there is an error: no document may be issued in the name of a placeholder such as 所在县（区）民政局.
 */
import type { FieldError } from '../../platform/errors';
import { LEVEL_RANK } from './catalog.rules';
import type { ItemGuide, ItemLevel } from './catalog.schemas';

export interface OfficeRegion {
  code: string;
  name: string;
  level: ItemLevel;
}
export interface OfficeDepartment {
  name: string;
}

export type BodyResolution = { name: string } | { error: string };

/**
 * The people's government (or its local equivalent) of a region, from the region's name: 兴隆台区人民政府,
 * 振兴街道办事处, 田庄台镇人民政府, 盘锦高新技术产业开发区管理委员会, 世纪社区居民委员会, 王家村民委员会,
 * a state farm itself (盘山县林场); null when the name shows no such body.
 */
export function governmentName(region: Pick<OfficeRegion, 'name'>): string | null {
  const n = region.name.trim();
  if (/(市|区|县|旗|镇|乡)$/.test(n) && !/(开发区|新区|经济区|园区|社区)$/.test(n)) return `${n}人民政府`;
  if (n.endsWith('街道')) return `${n}办事处`;
  if (/(开发区|新区|经济区|园区)$/.test(n)) return `${n}管理委员会`;
  if (n.endsWith('社区')) return `${n}居民委员会`;
  if (n.endsWith('村')) return `${n}民委员会`;
  // a state farm at town level (盘山县林场) is its own administration
  if (/(林场|农场|牧场|渔场)$/.test(n)) return n;
  return null;
}

/** The body of `guide` in `region`; `departments` are the active departments located at that region. */
export function resolveBody(
  body: ItemGuide['implementingBody'],
  region: OfficeRegion,
  departments: readonly OfficeDepartment[],
  ownRegion: boolean,
): BodyResolution {
  const office = body.office;
  if (!office) {
    return ownRegion
      ? { name: body.name }
      : { error: `实施机关「${body.name}」未指明在办理地的部门或人民政府，无法确定${region.name}的实施机关` };
  }
  if (office.kind === 'government') {
    const name = governmentName(region);
    return name ? { name } : { error: `无法确定${region.name}的人民政府` };
  }
  const found = departments.filter((d) => d.name.includes(office.keyword));
  if (found.length === 1) return { name: found[0]!.name };
  return found.length === 0
    ? { error: `${region.name}没有名称含「${office.keyword}」的部门` }
    : { error: `${region.name}有多个名称含「${office.keyword}」的部门（${found.map((d) => d.name).join('、')}）` };
}

/** Whether cases of the item are decided in regions below the item's own (so that the body must say where it sits). */
export const decidedBelow = (guide: Pick<ItemGuide, 'decideLevel'>, itemRegionLevel: ItemLevel) =>
  LEVEL_RANK[guide.decideLevel] > LEVEL_RANK[itemRegionLevel];

export const OFFICE_FIELD = 'implementingBody.office';

/** The publish check's answer: one error naming the field, with the regions where the body cannot be found. */
export function unresolvedBodyError(failures: readonly string[]): FieldError | null {
  if (!failures.length) return null;
  const shown = failures.slice(0, 5).join('；');
  const more = failures.length > 5 ? `等 ${failures.length} 处` : '';
  return { field: OFFICE_FIELD, message: `实施机关无法确定：${shown}${more}` };
}
