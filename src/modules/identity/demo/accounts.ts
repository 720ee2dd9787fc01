import type { Db } from '../../../platform/db';
import type { Role } from '../../../platform/auth';
import {
  CITY_HALL_CODE,
  COUNTY_HALL_CODE,
  DEMO_TOWN_CODE,
  DEMO_VILLAGE_CODE,
  findWindow,
  getDepartment,
  getHall,
  getRegion,
} from '../../org/index';
import { hashPassword } from '../identity.password';
import { insertUser } from '../identity.repository';
import { APPLICANT_ASSIGNMENT } from '../identity.accounts';

/** Demo password for every demo account (demo data only; listed in the README). */
export const DEMO_PASSWORD = 'Demo@2026';

interface DemoStaff {
  username: string;
  name: string;
  roles: Role[];
  region: string;
  department?: string;
  hall?: string;
  window?: string;
  phone: string;
}

const townHall = `T-${DEMO_TOWN_CODE}`;
const villageHall = `V-${DEMO_VILLAGE_CODE}`;

/** One account for every kind of user (see README: demo accounts). */
export const DEMO_STAFF: DemoStaff[] = [
  {
    username: 'admin',
    name: '系统管理员',
    roles: ['admin'],
    region: '211100',
    department: 'PJ-ZWFW',
    phone: '13904270001',
  },
  {
    username: 'supervisor',
    name: '赵监察',
    roles: ['supervisor'],
    region: '211100',
    department: 'PJ-XNJC',
    phone: '13904270002',
  },
  {
    username: 'clerk-city',
    name: '李晓雯',
    roles: ['clerk'],
    region: '211100',
    department: 'PJ-ZWFW',
    hall: CITY_HALL_CODE,
    window: 'A01',
    phone: '13904270003',
  },
  {
    username: 'approver-city',
    name: '王建国',
    roles: ['approver'],
    region: '211100',
    department: 'PJ-XZSP',
    phone: '13904270004',
  },
  {
    username: 'chief-city',
    name: '刘德华',
    roles: ['chief'],
    region: '211100',
    department: 'PJ-XZSP',
    phone: '13904270005',
  },
  {
    username: 'clerk-county',
    name: '陈静',
    roles: ['clerk'],
    region: '211103',
    hall: COUNTY_HALL_CODE,
    window: 'A01',
    phone: '13904270006',
  },
  {
    username: 'approver-county',
    name: '孙立军',
    roles: ['approver', 'chief'],
    region: '211103',
    department: 'XLT-XZSP',
    phone: '13904270007',
  },
  {
    username: 'clerk-town',
    name: '周小红',
    roles: ['clerk'],
    region: DEMO_TOWN_CODE,
    hall: townHall,
    window: '01',
    phone: '13904270008',
  },
  {
    username: 'clerk-village',
    name: '吴大海',
    roles: ['clerk'],
    region: DEMO_VILLAGE_CODE,
    hall: villageHall,
    window: '01',
    phone: '13904270009',
  },
  {
    username: 'agent',
    name: '郑代办',
    roles: ['agent'],
    region: '211100',
    department: 'PJ-ZWFW',
    phone: '13904270010',
  },
  // 市场监管局 regulators: no case role — they receive pushed approvals (双推送) and inspect (双随机) as staff of their department.
  {
    username: 'regulator-city',
    name: '钱立新',
    roles: [],
    region: '211100',
    department: 'PJ-SCJG',
    phone: '13904270011',
  },
  { username: 'inspector-a', name: '冯志强', roles: [], region: '211100', department: 'PJ-SCJG', phone: '13904270012' },
  { username: 'inspector-b', name: '卫红梅', roles: [], region: '211100', department: 'PJ-SCJG', phone: '13904270013' },
  { username: 'inspector-c', name: '蒋文博', roles: [], region: '211100', department: 'PJ-SCJG', phone: '13904270014' },
  { username: 'inspector-d', name: '褚海峰', roles: [], region: '211100', department: 'PJ-SCJG', phone: '13904270015' },
  // 12345 hotline: an operator 话务员 and the centre 热线中心, and handlers of 兴隆台区 and its 振兴街道.
  {
    username: 'operator',
    name: '韩晓燕',
    roles: ['operator'],
    region: '211100',
    department: 'PJ-12345',
    phone: '13904270016',
  },
  {
    username: 'hotline-chief',
    name: '杨振东',
    roles: ['hotline'],
    region: '211100',
    department: 'PJ-12345',
    phone: '13904270017',
  },
  { username: 'unit-county', name: '秦立伟', roles: ['handler'], region: '211103', phone: '13904270018' },
  { username: 'unit-town', name: '尤丽娜', roles: ['handler'], region: DEMO_TOWN_CODE, phone: '13904270019' },
  // 公共资源交易中心: its staff publish announcements and keep the venue; the city's projects are theirs.
  { username: 'trading-staff', name: '冯雅琴', roles: ['trading'], region: '211100', phone: '13904270020' },
];

/**
 * The firms and people of public-resource trading: a tenderer 招标人 (a public institution), an agency
 * 招标代理, four bidders 投标人 (the last of them on the credit blacklist) and eight experts 评标专家.
 * The credit codes are the ones the trading demo knows (its blacklist names `bidder-black`'s).
 */
export const DEMO_TRADING_FIRMS: { username: string; name: string; creditCode: string; role: Role }[] = [
  { username: 'tenderer', name: '盘锦市城市建设服务中心', creditCode: '12211100MB1J00010N', role: 'tenderer' },
  { username: 'agency', name: '辽宁正信招标代理有限公司', creditCode: '91211100MA0TD0001L', role: 'agency' },
  { username: 'bidder-a', name: '盘锦辽河路桥工程有限公司', creditCode: '91211103MA0BD00019', role: 'bidder' },
  { username: 'bidder-b', name: '盘锦兴隆建设集团有限公司', creditCode: '91211103MA0BD0002C', role: 'bidder' },
  { username: 'bidder-c', name: '大洼宏远市政工程有限公司', creditCode: '91211104MA0BD0003X', role: 'bidder' },
  { username: 'bidder-black', name: '盘锦恒达建筑工程有限公司', creditCode: '91211100MA0BK0004M', role: 'bidder' },
];
const EXPERT_NAMES = ['王建国', '刘淑华', '陈志刚', '杨丽萍', '黄海涛', '周文静', '吴德明', '郑秀英'];

export async function seedDemoAccounts(db: Db): Promise<void> {
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const s of DEMO_STAFF) {
    const region = await getRegion(db, s.region);
    if (!region) throw new Error(`demo region missing: ${s.region}`);
    const dept = s.department ? await getDepartment(db, s.department) : undefined;
    const hall = s.hall ? await getHall(db, s.hall) : undefined;
    const win = hall && s.window ? await findWindow(db, hall.id, s.window) : undefined;
    if ((s.department && !dept) || (s.hall && !hall) || (s.window && !win))
      throw new Error(`demo org unit missing for ${s.username}`);
    await insertUser(db, {
      username: s.username,
      password_hash: hash,
      kind: 'staff',
      name: s.name,
      id_number: null,
      credit_code: null,
      phone: s.phone,
      roles: s.roles,
      region_code: region.code,
      region_prefix: region.scopePrefix,
      department_id: dept?.id ?? null,
      hall_id: hall?.id ?? null,
      window_id: win?.id ?? null,
    });
  }
  // The demo applicants hold their claims verified (as if at a window), so that cases filed for them bind.
  const verified = { verification: 'window', verified_at: new Date(), verified_by: null } as const;
  await insertUser(db, {
    ...verified,
    verification_source: 'resident_id',
    username: 'applicant',
    password_hash: hash,
    kind: 'person',
    name: '张明',
    id_number: '211103199001011234',
    credit_code: null,
    phone: '13804271234',
    ...APPLICANT_ASSIGNMENT,
  });
  await insertUser(db, {
    ...verified,
    verification_source: 'business_licence',
    username: 'company',
    password_hash: hash,
    kind: 'company',
    name: '盘锦辽河示范科技有限公司',
    id_number: null,
    credit_code: '91211103MA0Y8K2P7J',
    phone: '13804275678',
    ...APPLICANT_ASSIGNMENT,
  });
  for (const [i, f] of DEMO_TRADING_FIRMS.entries()) {
    await insertUser(db, {
      ...verified,
      verification_source: 'business_licence',
      username: f.username,
      password_hash: hash,
      kind: 'company',
      name: f.name,
      id_number: null,
      credit_code: f.creditCode,
      phone: `1380427${String(6000 + i)}`,
      ...APPLICANT_ASSIGNMENT,
      roles: [f.role],
    });
  }
  for (const [i, name] of EXPERT_NAMES.entries()) {
    await insertUser(db, {
      username: `expert-${i + 1}`,
      password_hash: hash,
      kind: 'person',
      name,
      id_number: null,
      credit_code: null,
      phone: `1380427${String(7000 + i)}`,
      ...APPLICANT_ASSIGNMENT,
      roles: ['expert'],
    });
  }
}
