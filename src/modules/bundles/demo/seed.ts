/**
 * Demo bundles. The demo catalog has no 公章刻制 / 银行开户 / 涉税办理 items, so 企业开办 uses the
 * four company-facing city items a new restaurant company needs at the city hall:
 * 企业设立登记 + 食品经营许可 + 特种设备使用登记 + 单用途商业预付卡备案 (parallel).
 * 工程建设项目开工 chains the three construction permits (serial: each needs the previous one).
 */
import type { Db } from '../../../platform/db';
import { listItems } from '../../catalog/index';
import { tables } from '../../../platform/db';
import type { BundlesTables } from '../bundles.tables';

const DEMO = [
  {
    code: 'company-startup',
    name: '企业开办（餐饮类）一件事',
    description:
      '新开办餐饮企业一次申请：企业设立登记、食品经营许可、特种设备使用登记、单用途商业预付卡备案，一张表单、一套材料，各部门并联办理。',
    items: ['企业设立登记', '食品经营许可', '特种设备使用登记', '单用途商业预付卡备案'],
    sharedFields: [{ label: '企业名称', keys: ['companyName', 'enterpriseName'] }],
    mode: 'parallel' as const,
  },
  {
    code: 'project-start',
    name: '工程建设项目开工一件事',
    description: '建设单位一次申请：建设用地规划许可证、建设工程规划许可证、建筑工程施工许可证依次办理（串联）。',
    items: ['建设用地规划许可证核发', '建设工程规划许可证核发', '建筑工程施工许可证核发'],
    sharedFields: [],
    mode: 'serial' as const,
  },
];

export const DEMO_BUNDLE_CODES = { companyStartup: 'company-startup', projectStart: 'project-start' } as const;

export async function seedBundlesDemo(db: Db): Promise<void> {
  const byName = new Map((await listItems(db)).map((i) => [i.name, i.code]));
  for (const b of DEMO) {
    const codes = b.items.map((n) => byName.get(n)).filter((c): c is string => !!c);
    if (codes.length < 2) continue;
    await tables<BundlesTables>(db)
      .insertInto('bundles')
      .values({
        code: b.code,
        name: b.name,
        description: b.description,
        item_codes: JSON.stringify(codes) as never,
        shared_fields: JSON.stringify(b.sharedFields) as never,
        mode: b.mode,
        active: true,
        version: 1,
        created_by: 'system',
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}
