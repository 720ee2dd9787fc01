/** The published summary 公示 of ratings: counts and satisfaction by department over a period. */
import type { Db, Tx } from '../../platform/db';
import { fieldError } from '../../platform/errors';
import { getRegion } from '../org/index';
import * as repo from './ratings.repository';
import { tallyByDepartment } from './ratings.rules';
import type { Summary, SummaryLine, SummaryQuery } from './ratings.schemas';
import { deptName, type DeptNames } from './ratings.read';

export const SATISFACTION_DEFINITION =
  '好评率 =（满意 + 非常满意）÷ 计入统计的评价数；计入统计的评价为统计期内（按评价日期）全部评价中扣除申诉成立（恶意、误评）的评价；基本满意计入分母但不计为好评。';

export async function summary(db: Db | Tx, q: SummaryQuery): Promise<Summary> {
  let regionPrefix: string | undefined;
  if (q.regionCode) {
    const region = await getRegion(db, q.regionCode);
    if (!region) throw fieldError('regionCode', '区划不存在');
    regionPrefix = region.scopePrefix;
  }
  if (q.from && q.to && q.from > q.to) throw fieldError('to', '结束日期不能早于开始日期');
  const rows = await repo.summaryCounts(db, { from: q.from, to: q.to, channel: q.channel, regionPrefix });
  const { departments, total } = tallyByDepartment(rows);
  const names: DeptNames = new Map();
  const items: SummaryLine[] = [];
  for (const d of departments) items.push({ ...d, departmentName: await deptName(db, names, d.departmentCode) });
  return {
    groupBy: 'department',
    from: q.from ?? null,
    to: q.to ?? null,
    definition: SATISFACTION_DEFINITION,
    items,
    total,
  };
}
