import type { Db } from '../../platform/db';
import { inRegionScope, type Actor } from '../../platform/auth';
import { notFound } from '../../platform/errors';
import { getPublishedItem, listItems, type ItemLevel } from '../catalog/index';
import { getRegion, listHallsInRegion, type Region } from '../org/index';
import {
  ALIGNMENT_RULES,
  checkItemAlignment,
  delegationCovers,
  groupByLevel,
  type AlignmentFinding,
} from './reports.alignment';
import type { AlignmentQuery, AlignmentReport } from './reports.schemas';

/** An item's list applies to the examined region when one region contains the other. */
const related = (item: Region, region: Region) =>
  region.code.startsWith(item.scopePrefix) || item.code.startsWith(region.scopePrefix);

/** 事项清单对应检查: every published item that applies to the region, checked against the rules. */
export async function itemAlignment(db: Db, actor: Actor, query: AlignmentQuery, now: Date): Promise<AlignmentReport> {
  const code = query.regionCode ?? actor.scope.regionCode;
  const region = await getRegion(db, code);
  if (!region || !inRegionScope(actor, region.code)) throw notFound('区划');

  const hallLevels = new Set<ItemLevel>();
  for (const h of await listHallsInRegion(db, region.scopePrefix)) {
    const r = await getRegion(db, h.regionCode);
    if (r) hallLevels.add(r.level);
  }

  const findings: AlignmentFinding[] = [];
  let itemCount = 0;
  for (const s of await listItems(db)) {
    const item = await getPublishedItem(db, s.code);
    if (!item) continue;
    const itemRegion = await getRegion(db, item.regionCode);
    if (!itemRegion || !related(itemRegion, region)) continue;
    itemCount++;
    const delegatedTo = item.delegations
      .filter((d) => d.regionCode.startsWith(region.scopePrefix) || delegationCovers(d.regionCode, region.code))
      .map((d) => d.toLevel);
    findings.push(
      ...checkItemAlignment(
        {
          code: item.code,
          name: item.name,
          type: item.type,
          typeLabel: item.typeLabel,
          regionLevel: itemRegion.level,
          decideLevel: item.decideLevel,
          acceptLevels: item.acceptLevels,
          delegatedTo,
        },
        { hallLevels, regionLevel: region.level },
      ),
    );
  }
  return {
    region: { code: region.code, name: region.name, level: region.level },
    generatedAt: now,
    itemCount,
    findingCount: findings.length,
    rules: Object.entries(ALIGNMENT_RULES).map(([rule, r]) => ({ rule, title: r.title, description: r.description })),
    levels: groupByLevel(findings),
  };
}
