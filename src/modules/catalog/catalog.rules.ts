import type { FieldError } from '../../platform/errors';
import type { ItemGuide, ItemLevel } from './catalog.schemas';
import { ITEM_TYPE_LABELS } from './catalog.schemas';

import { LEVEL_LABELS as LEVEL_NAMES, LEVEL_RANK } from '../org/index';

export { LEVEL_RANK };

export const VILLAGE_POWER_MESSAGE = '村（社区）不是行政主体，只能承接公共服务事项，不能承接行政权力事项';

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** Business rules of a guide beyond its shape; an empty list means it may be saved and published. */
export function validateGuide(g: ItemGuide): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  if (g.promisedLimit.days > g.statutoryLimit.days) {
    add(
      'promisedLimit.days',
      `承诺时限（${g.promisedLimit.days} 个工作日）不得超过法定时限（${g.statutoryLimit.days} 个工作日）`,
    );
  }
  if (g.handlingType === 'immediate' && g.promisedLimit.days > 1) {
    add('promisedLimit.days', '即办件的承诺时限只能为 0 或 1 个工作日（当场或次日办结）');
  }
  for (const id of duplicates(g.materials.map((m) => m.id))) {
    add(`materials.${g.materials.findLastIndex((m) => m.id === id)}.id`, `材料标识重复：${id}`);
  }
  for (const key of duplicates(g.formFields.map((f) => f.key))) {
    add(`formFields.${g.formFields.findLastIndex((f) => f.key === key)}.key`, `表单字段键重复：${key}`);
  }
  g.formFields.forEach((f, i) => {
    if (f.type === 'select' && !f.options?.length)
      add(`formFields.${i}.options`, `下拉字段「${f.label}」需要至少一个选项`);
  });
  // Villages are not administrative subjects [004 (八)]: they may decide service items only.
  if (g.decideLevel === 'village' && g.type !== 'public_service') {
    add('decideLevel', `${VILLAGE_POWER_MESSAGE}（当前类型：${ITEM_TYPE_LABELS[g.type]}）`);
  }
  // Accepting happens at the deciding level or below (a village may accept any item as a service point).
  g.acceptLevels.forEach((l, i) => {
    if (LEVEL_RANK[l] < LEVEL_RANK[g.decideLevel]) {
      add(`acceptLevels.${i}`, `受理层级（${LEVEL_NAMES[l]}）不能高于决定层级（${LEVEL_NAMES[g.decideLevel]}）`);
    }
  });
  for (const l of duplicates(g.acceptLevels)) add('acceptLevels', `受理层级重复：${LEVEL_NAMES[l as ItemLevel]}`);
  if (!g.fees.charged && g.fees.items.length > 0) add('fees.items', '不收费事项不应列出收费项目');
  if (g.fees.charged && g.fees.items.length === 0) add('fees.items', '收费事项须列出收费项目、标准和依据');
  g.result.entries?.forEach((key, i) => {
    if (!g.formFields.some((f) => f.key === key)) add(`result.entries.${i}`, `证照登载的「${key}」不是申请表中的字段`);
  });
  if (g.result.validYears !== undefined && g.result.type !== 'certificate')
    add('result.validYears', '只有证照类办理结果才有有效期');
  g.process.forEach((p, i) => {
    if (p.limitDays !== undefined && p.limitDays > g.statutoryLimit.days) {
      add(`process.${i}.limitDays`, `环节「${p.step}」的时限不得超过法定时限`);
    }
  });
  return errors;
}

export interface DelegationInput {
  fromLevel: ItemLevel;
  toLevel: ItemLevel;
}

/** A delegation 下放/赋权 moves a power to a lower level; powers never go to a village. */
export function validateDelegation(d: DelegationInput, type: ItemGuide['type']): FieldError[] {
  const errors: FieldError[] = [];
  if (LEVEL_RANK[d.toLevel] <= LEVEL_RANK[d.fromLevel]) {
    errors.push({ field: 'toLevel', message: '下放/赋权只能由上级向下级进行' });
  }
  if (d.toLevel === 'village' && type !== 'public_service') {
    errors.push({ field: 'toLevel', message: VILLAGE_POWER_MESSAGE });
  }
  return errors;
}
