/**
 * 四级事项清单对应检查 (C4, seed 000 "进驻事项不对应"): pure rules comparing where an item is
 * accepted, where it is decided, which list (region) it belongs to and which halls exist.
 */
import type { ItemLevel, ItemType } from '../catalog/index';

import { LEVEL_LABELS, levelOfCode, REGION_LEVELS, scopePrefixFor } from '../org/index';

export const LEVEL_ORDER: readonly ItemLevel[] = REGION_LEVELS;
export const LEVEL_NAMES: Record<ItemLevel, string> = LEVEL_LABELS;
const rank = (l: ItemLevel) => LEVEL_ORDER.indexOf(l);

/**
 * Whether a delegation to `delegationCode` covers `regionCode`: the region lies in the delegation's subtree
 * (by its level's prefix, never by cutting trailing zeros: village 211102003010 does not cover 211102003011).
 */
export function delegationCovers(delegationCode: string, regionCode: string): boolean {
  const level = levelOfCode(delegationCode);
  return regionCode.startsWith(level ? scopePrefixFor(delegationCode, level) : delegationCode);
}

export const ALIGNMENT_RULES = {
  accept_without_decider: {
    title: '下级受理、上级未承接',
    description:
      '镇街或村（社区）受理的事项，决定层级高于受理层级，但该事项未下放（赋权）到受理层级，决定层级也未进驻受理该事项，上报件无人承接，无法实现多级联动审批。',
  },
  decide_level_mismatch: {
    title: '决定层级与清单层级不一致',
    description:
      '事项所属区划的层级与其决定层级不一致：由更高层级决定的事项列入了下级清单，或行政权力事项由镇街、村（社区）决定却无下放（赋权）记录。',
  },
  village_power: {
    title: '村（社区）承接行政权力',
    description:
      '村（社区）不是行政主体，只能承接公共服务事项；行政权力事项不得由村（社区）决定，在村代收的应作为代办服务登记。',
  },
  accept_without_hall: {
    title: '受理层级无服务大厅',
    description: '事项在某一层级受理，但所查区划内该层级没有任何便民服务中心（站），群众无处申请。',
  },
} as const;
export type AlignmentRule = keyof typeof ALIGNMENT_RULES;

export interface AlignmentItem {
  code: string;
  name: string;
  type: ItemType;
  typeLabel: string;
  /** Level of the region whose list holds the item. */
  regionLevel: ItemLevel;
  decideLevel: ItemLevel;
  acceptLevels: readonly ItemLevel[];
  /** Levels the power has been delegated (下放/赋权) to. */
  delegatedTo: readonly ItemLevel[];
}

export interface AlignmentFinding {
  itemCode: string;
  itemName: string;
  itemType: ItemType;
  typeLabel: string;
  level: ItemLevel;
  rule: AlignmentRule;
  ruleTitle: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface AlignmentOptions {
  /** Levels with at least one hall in the region examined (absent: hall rule not applied). */
  hallLevels?: ReadonlySet<ItemLevel>;
  /** The examined region's level: levels above it are not its halls' business. */
  regionLevel?: ItemLevel;
}

export function checkItemAlignment(item: AlignmentItem, opts: AlignmentOptions = {}): AlignmentFinding[] {
  const out: AlignmentFinding[] = [];
  const add = (level: ItemLevel, rule: AlignmentRule, severity: 'error' | 'warning', message: string) =>
    out.push({
      itemCode: item.code,
      itemName: item.name,
      itemType: item.type,
      typeLabel: item.typeLabel,
      level,
      rule,
      ruleTitle: ALIGNMENT_RULES[rule].title,
      severity,
      message,
    });
  const decide = item.decideLevel;
  const delegated = new Set(item.delegatedTo);
  const isService = item.type === 'public_service';

  for (const l of item.acceptLevels) {
    if (rank(l) <= rank(decide) || delegated.has(l)) continue;
    if (!item.acceptLevels.includes(decide)) {
      add(
        l,
        'accept_without_decider',
        'error',
        `${LEVEL_NAMES[l]}受理「${item.name}」，应上报${LEVEL_NAMES[decide]}决定，但${LEVEL_NAMES[decide]}未进驻受理该事项，也没有下放到${LEVEL_NAMES[l]}的记录，上报件无人承接`,
      );
    }
  }

  if (rank(decide) < rank(item.regionLevel)) {
    add(
      decide,
      'decide_level_mismatch',
      'error',
      `「${item.name}」列入${LEVEL_NAMES[item.regionLevel]}事项清单，却由更高的${LEVEL_NAMES[decide]}决定，应列入${LEVEL_NAMES[decide]}清单`,
    );
  } else if (
    rank(decide) > rank(item.regionLevel) &&
    rank(decide) >= rank('town') &&
    !isService &&
    !delegated.has(decide)
  ) {
    // Towns and villages hold powers only by delegation (下放/赋权); county powers in a city list are normal.
    add(
      decide,
      'decide_level_mismatch',
      'error',
      `${item.typeLabel}「${item.name}」的决定层级（${LEVEL_NAMES[decide]}）低于所属清单层级（${LEVEL_NAMES[item.regionLevel]}），但没有下放（赋权）到${LEVEL_NAMES[decide]}的记录`,
    );
  }

  if (!isService) {
    if (decide === 'village')
      add(
        'village',
        'village_power',
        'error',
        `${item.typeLabel}「${item.name}」由村（社区）决定；村（社区）不是行政主体，不得行使行政权力`,
      );
    else if (item.acceptLevels.includes('village'))
      add(
        'village',
        'village_power',
        'warning',
        `${item.typeLabel}「${item.name}」在村（社区）受理；村（社区）只能代收代办，应作为代办服务登记并上报决定层级`,
      );
  }

  if (opts.hallLevels) {
    const floor = opts.regionLevel ? rank(opts.regionLevel) : 0;
    for (const l of item.acceptLevels) {
      if (rank(l) < floor || opts.hallLevels.has(l)) continue;
      add(
        l,
        'accept_without_hall',
        'warning',
        `「${item.name}」在${LEVEL_NAMES[l]}受理，但所查区划内没有${LEVEL_NAMES[l]}服务大厅（便民服务中心/站）`,
      );
    }
  }
  return out;
}

/** Findings grouped by level, city first. */
export function groupByLevel(findings: readonly AlignmentFinding[]) {
  return LEVEL_ORDER.map((level) => ({
    level,
    levelName: LEVEL_NAMES[level],
    findings: findings.filter((f) => f.level === level),
  }));
}
