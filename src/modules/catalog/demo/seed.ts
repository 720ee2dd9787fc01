import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db';
import { itemColumnsFor, insertDelegations, insertItems, insertVersions } from '../catalog.repository';
import { validateGuide } from '../catalog.rules';
import { buildGuide, CATALOG_REGION, itemCode, TYPE_SHORT, type ItemSpec } from './build';
import { ENTERPRISE_ITEMS } from './items.enterprise';
import { SOCIAL_ITEMS } from './items.social';

export const DEMO_ITEMS: ItemSpec[] = [...ENTERPRISE_ITEMS, ...SOCIAL_ITEMS];

const codeOf = (name: string) => {
  const s = DEMO_ITEMS.find((i) => i.name === name);
  if (!s) throw new Error(`demo item missing: ${name}`);
  return itemCode(s);
};

/** Codes other modules use in demo data and tests. */
export const DEMO_ITEM_CODES = {
  individualBusiness: codeOf('个体工商户设立登记'),
  foodBusiness: codeOf('食品经营许可'),
  companyRegistration: codeOf('企业设立登记'),
  minimumLiving: codeOf('最低生活保障审批'),
  temporaryAid: codeOf('临时救助'),
  elderlyAllowance: codeOf('高龄津贴申领'),
  residentPension: codeOf('城乡居民基本养老保险参保登记'),
  residentMedical: codeOf('城乡居民医疗保险参保登记'),
  socialSecurityCard: codeOf('社会保障卡申领'),
  constructionPermit: codeOf('建筑工程施工许可证核发'),
  planningPermit: codeOf('建设工程规划许可证核发'),
  landPlanningPermit: codeOf('建设用地规划许可证核发'),
  roadExcavation: codeOf('城市道路挖掘许可'),
  propertyTransfer: codeOf('不动产登记（转移登记）'),
  idCardRenewal: codeOf('居民身份证换领'),
  homestead: codeOf('农村宅基地审批'),
  villageElderlyProxy: codeOf('高龄津贴申请代办'),
} as const;

/** 基本编码 (demo): type letters + 3-digit sequence + '000'; 业务办理项编码 = 实施编码 + '-01'. */
const basicCodeOf = (s: ItemSpec) => `${TYPE_SHORT[s.type]}${s.code.slice(-3)}000`;

/** Loads every demo item as a published version 1, in three batched inserts. */
export async function seedCatalogDemo(db: Db): Promise<void> {
  const now = new Date();
  const items = DEMO_ITEMS.map((s) => {
    const guide = buildGuide(s);
    const errors = validateGuide(guide);
    if (errors.length) throw new Error(`demo item ${s.name} invalid: ${JSON.stringify(errors)}`);
    return { id: randomUUID(), spec: s, guide, ...itemColumnsFor(guide) };
  });
  await db.transaction().execute(async (tx) => {
    await insertItems(
      tx,
      items.map((i) => ({
        ...i.cols,
        id: i.id,
        code: itemCode(i.spec),
        basic_code: basicCodeOf(i.spec),
        business_code: `${itemCode(i.spec)}-01`,
        region_code: CATALOG_REGION,
        current_version: 1,
        draft_version: null,
      })),
    );
    await insertVersions(
      tx,
      items.map((i) => ({
        item_id: i.id,
        version: 1,
        status: 'published' as const,
        data: JSON.stringify(i.guide),
        search_text: i.searchText,
        created_by: 'system',
        published_at: now,
        published_by: 'system',
      })),
    );
    const idOf = (code: string) => items.find((i) => itemCode(i.spec) === code)!.id;
    await insertDelegations(tx, [
      {
        item_id: idOf(DEMO_ITEM_CODES.homestead),
        from_level: 'county',
        to_level: 'town',
        region_code: CATALOG_REGION,
        basis: '《中华人民共和国土地管理法》（2019年修正）第六十二条：农村村民住宅用地，由乡（镇）人民政府审核批准',
        effective_date: '2020-01-01',
        note: '宅基地审批由县级下放至镇（街道），县级农业农村、自然资源部门负责指导监督',
        created_by: 'system',
      },
      {
        item_id: idOf(DEMO_ITEM_CODES.minimumLiving),
        from_level: 'county',
        to_level: 'town',
        region_code: '211104',
        basis:
          '《最低生活保障审核确认办法》（民发〔2021〕57号）第三条：有条件的地方可按程序将审核确认权限下放至乡镇人民政府（街道办事处）',
        effective_date: '2022-07-01',
        note: '大洼区试点：低保审核确认权下放至镇（街道），区民政局加强事中事后监管',
        created_by: 'system',
      },
      {
        item_id: idOf(DEMO_ITEM_CODES.temporaryAid),
        from_level: 'county',
        to_level: 'town',
        region_code: CATALOG_REGION,
        basis:
          '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）：对情况紧急的，乡镇人民政府（街道办事处）可先行救助',
        effective_date: '2015-01-01',
        note: '小额临时救助（急难型）由镇（街道）直接审批，事后报县（区）民政局备案',
        created_by: 'system',
      },
    ]);
  });
}
