/**
 * Trading's part of the demo city: the credit blacklist (with `bidder-black`'s firm in force) and one
 * works project of the demo tenderer and agency, its tender announcement published.
 */
import type { Db } from '../../../platform/db';
import { todayInShanghai } from '../../calendar/index';
import { actorForUsername } from '../../identity/index';
import * as repo from '../trading.repository';

const DAY = 86_400_000;

export const DEMO_BLACKLIST = [
  {
    credit_code: '91211100MA0BK0004M', // bidder-black
    name: '盘锦恒达建筑工程有限公司',
    source: '盘锦市住房和城乡建设局',
    reason: '在盘锦市第二污水处理厂改造工程投标中提供虚假业绩，骗取中标',
    basis: '《中华人民共和国招标投标法》第五十四条、《中华人民共和国招标投标法实施条例》第六十八条',
    listed_from: '2026-03-01',
    listed_to: '2029-02-28',
  },
  {
    credit_code: '91211102MA0C3LX07P',
    name: '盘锦顺通市政工程有限公司',
    source: '盘锦市发展和改革委员会',
    reason: '与其他投标人串通投标',
    basis: '《中华人民共和国招标投标法》第五十三条',
    listed_from: '2023-05-10',
    listed_to: '2025-05-09',
  },
  {
    credit_code: '91210800MA0Q7PWR1P',
    name: '营口宏基建设有限公司',
    source: '辽宁省住房和城乡建设厅',
    reason: '拒不履行中标合同且拒不退还已领取的预付款',
    basis: '《中华人民共和国招标投标法实施条例》第七十四条',
    listed_from: '2025-11-20',
    listed_to: null,
  },
];

export async function seedTradingDemo(db: Db): Promise<void> {
  // wall clock: the demo city is dated back from the day it is loaded
  const now = new Date();
  await repo.insertBlacklist(
    db,
    DEMO_BLACKLIST.map((b) => ({ ...b, created_at: now })),
  );
  const project = await repo.insertProject(db, {
    number: await repo.nextProjectNumber(db, todayInShanghai(now).slice(0, 4)),
    kind: 'works',
    procedure: 'open',
    title: '兴隆台区振兴街道老旧小区改造工程',
    region_code: '211103',
    tenderer_credit_code: '12211100MB1J00010N',
    tenderer_name: '盘锦市城市建设服务中心',
    agency_credit_code: '91211100MA0TD0001L',
    agency_name: '辽宁正信招标代理有限公司',
    documents_issued_at: new Date(now.getTime() - 2 * DAY),
    bid_deadline: new Date(now.getTime() + 25 * DAY),
    created_by: (await actorForUsername(db, 'agency')).id,
    created_at: now,
    updated_at: now,
  });
  await repo.insertLots(db, [
    { project_id: project.id, seq: 1, name: '一标段：世纪社区、兴盛社区', estimate: 12_800_000, deposit: 200_000 },
    { project_id: project.id, seq: 2, name: '二标段：振兴社区', estimate: 7_350_000, deposit: 140_000 },
  ]);
  const tender = await repo.insertAnnouncement(db, {
    project_id: project.id,
    kind: 'tender',
    title: '兴隆台区振兴街道老旧小区改造工程招标公告',
    content:
      '招标人：盘锦市城市建设服务中心；招标代理：辽宁正信招标代理有限公司。本工程分两个标段，投标人须具备建筑工程施工总承包三级及以上资质，在盘锦市公共资源交易平台报名并上传加密的投标文件。',
    state: 'pending',
    submitted_by: project.created_by,
    submitted_at: now,
  });
  const staff = await actorForUsername(db, 'trading-staff');
  await db.transaction().execute((tx) => repo.publishAnnouncement(tx, tender.id, tender.version, staff.id, now));
}
