/**
 * Demo 审管联动 in 盘锦: which regulator supervises the demo items, the 市场监管局 inspector roster,
 * the pushes of the demo city's granted cases (one answered, one overdue), some entities licensed
 * before the platform (存量主体) and one published random inspection.
 */
import type { Db } from '../../../platform/db';
import { DEMO_ITEM_CODES } from '../../catalog/index';
import { actorForUsername } from '../../identity/index';
import { isValidCreditCode } from '../../org/index';
import { addDays, todayInShanghai } from '../../calendar/index';
import { collectGrants } from '../regulation.grants';
import * as repo from '../regulation.repository';
import * as svc from '../regulation.service';
import * as plans from '../regulation.plans';

/** [item, region, regulator department] — 相对集中许可: the approval bureau grants, the line department supervises. */
const ASSIGNMENTS: [string, string, string][] = [
  [DEMO_ITEM_CODES.foodBusiness, '211100', 'PJ-SCJG'],
  [DEMO_ITEM_CODES.foodBusiness, '211103', 'XLT-SCJG'],
  [DEMO_ITEM_CODES.individualBusiness, '211100', 'PJ-SCJG'],
  [DEMO_ITEM_CODES.companyRegistration, '211100', 'PJ-SCJG'],
  [DEMO_ITEM_CODES.constructionPermit, '211100', 'PJ-ZJ'],
  [DEMO_ITEM_CODES.planningPermit, '211100', 'PJ-ZRZY'],
  [DEMO_ITEM_CODES.landPlanningPermit, '211100', 'PJ-ZRZY'],
  [DEMO_ITEM_CODES.roadExcavation, '211100', 'PJ-ZJ'],
];

/** [username, 行政执法证号, residence region, declared conflicts] */
const ROSTER: [string, string, string | null, string[]][] = [
  ['regulator-city', '21110020190035', null, []],
  ['inspector-a', '21110020170112', '211103', []],
  ['inspector-b', '21110020200047', null, ['盘锦辽河示范科技有限公司']],
  ['inspector-c', '21110020210086', '211104', []],
  ['inspector-d', '21110020220019', null, []],
];

/** A valid 统一社会信用代码 from its first 17 characters (the check character is computed). */
function creditCode(first17: string): string {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') if (isValidCreditCode(first17 + c)) return first17 + c;
  throw new Error(`no check character for ${first17}`);
}

/** 存量主体: food businesses licensed before the platform went live. */
const REGISTERED: [string, string, string][] = [
  ['盘锦渤海湾海鲜酒楼有限公司', '91211103MA0XK3P21', '211103'],
  ['盘锦市双台子区惠民生鲜超市', '92211102MA0Y2L7N4', '211102'],
  ['盘锦红海滩餐饮管理有限公司', '91211104MA0U8C6T3', '211104'],
  ['盘山县稻香食品有限公司', '91211122MA0W5E9R6', '211122'],
  ['盘锦辽河口农家菜馆有限公司', '91211103MA0T4G8H1', '211103'],
  ['盘锦市兴隆台区味之源面馆', '92211103MA0R6J2K8', '211103'],
];

export async function seedRegulationDemo(db: Db): Promise<void> {
  // The demo city is built as of the moment it is loaded.
  const now = new Date();
  const admin = { actor: await actorForUsername(db, 'admin'), ip: null, now };
  const regulator = { actor: await actorForUsername(db, 'regulator-city'), ip: null, now };
  for (const [itemCode, regionCode, departmentCode] of ASSIGNMENTS)
    await svc.createAssignment(db, admin, { itemCode, regionCode, departmentCode });
  for (const [username, certificateNumber, residenceRegionCode, conflicts] of ROSTER)
    await svc.addInspector(db, admin, { username, certificateNumber, residenceRegionCode, conflicts });

  const scjg = regulator.actor.scope.departmentId!;
  await repo.insertEntities(
    db,
    REGISTERED.map(([name, first17, region], i) => ({
      name,
      entity_kind: 'company' as const,
      credit_code: creditCode(first17),
      item_code: DEMO_ITEM_CODES.foodBusiness,
      item_name: '食品经营许可',
      licence_number: `JY${region}${String(20230101 + i * 37).padStart(8, '0')}`,
      region_code: region,
      regulator_department_id: scjg,
      source: 'register' as const,
    })),
  );

  // 双推送: the granted demo cases are pushed; the regulator answers the food licence.
  await collectGrants(db, now);
  const today = todayInShanghai(now);
  const inbox = await svc.listPushes(db, regulator.actor, { box: 'inbox', page: 1, pageSize: 50 }, now);
  const food = inbox.items.find((p) => p.itemCode === DEMO_ITEM_CODES.foodBusiness);
  if (food) {
    const received = await svc.receivePush(db, regulator, food.id, { version: food.version });
    await svc.returnResult(db, regulator, food.id, {
      version: received.version,
      result: 'qualified',
      text: '首次监督检查：经营场所、设施设备与许可一致，从业人员健康证明齐全，未发现问题。',
      resultOn: today,
    });
  }
  // The other push has waited a week: overdue, reminded once.
  const pending = inbox.items.find((p) => p.itemCode !== DEMO_ITEM_CODES.foodBusiness && p.status === 'pushed');
  if (pending)
    await repo.updatePush(db, pending.id, pending.version, {
      pushed_at: new Date(Date.now() - 7 * 86_400_000),
      due_on: addDays(today, -4),
      reminded_on: addDays(today, -1),
      reminders: 1,
    });

  // 双随机、一公开: one plan drawn, inspected and published.
  const plan = await plans.createPlan(db, regulator, {
    name: `${today.slice(0, 4)}年第四季度食品经营者双随机抽查`,
    targetRegionCode: '211100',
    itemCodes: [DEMO_ITEM_CODES.foodBusiness],
    targetCount: 3,
    inspectorsPerTarget: 2,
  });
  const drawn = await plans.drawPlan(db, regulator, plan.id, { version: plan.version });
  for (const [i, t] of drawn.targets.entries())
    await plans.recordTargetResult(
      db,
      regulator,
      plan.id,
      t.id,
      i === 1
        ? { result: 'problem', text: '冷藏设施温度记录不全，已责令限期整改。', resultOn: today }
        : { result: 'qualified', text: '', resultOn: today },
    );
  await plans.publishPlan(db, regulator, plan.id, { version: drawn.version });
}
